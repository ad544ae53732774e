//! The client and the other people who speak: name, how the learner addresses them, role,
//! company, and the look of the drawn portrait, which redraws as it changes.

use super::draft::{fresh_id, new_text, Named};
use super::fields::{
    action, check_field, enum_field, field_id, id_field, lens, string_field, text_field,
};
use super::story_form::SectionProps;
use crate::author::i18n::AuthorMsg;
use crate::components::portrait::portrait;
use crate::engine::model::{AddressForm, CastMember, Face, HairColour, HairStyle};
use crate::engine::SpeakerId;
use yew::prelude::*;

const ADDRESS: &[AddressForm] = &[AddressForm::Formal, AddressForm::FirstName];
const HAIR: &[HairStyle] = &[
    HairStyle::Short,
    HairStyle::Long,
    HairStyle::Bun,
    HairStyle::Bald,
];
const COLOURS: &[HairColour] = &[
    HairColour::Black,
    HairColour::Brown,
    HairColour::Blond,
    HairColour::Grey,
    HairColour::Red,
];
const SKIN: &[u8] = &[1, 2, 3, 4, 5];

fn skin_name(skin: u8) -> &'static str {
    ["1", "2", "3", "4", "5"][usize::from(skin.clamp(1, 5)) - 1]
}

/// The client form.
#[component]
pub fn ClientForm(props: &SectionProps) -> Html {
    let ctx = &props.ctx;
    let p = &ctx.file.persona;
    let skin = if p.look.skin == 0 { 3 } else { p.look.skin };
    html! {
        <section class="form" aria-labelledby="client-heading">
            <h2 id="client-heading">{ ctx.t(AuthorMsg::ClientSection) }</h2>
            <div class="with-preview">
                <div>
                    <div class="row">
                        { string_field(ctx, ctx.t(AuthorMsg::FullName), "/persona/name", &p.name, lens(|f| Some(&mut f.persona.name)), |s: &str| s.to_string()) }
                        { string_field(ctx, ctx.t(AuthorMsg::Company), "/persona/company", &p.company, lens(|f| Some(&mut f.persona.company)), |s: &str| s.to_string()) }
                        { enum_field(ctx, ctx.t(AuthorMsg::Address), "/persona/address", p.address, ADDRESS, AddressForm::as_str, lens(|f| Some(&mut f.persona.address))) }
                    </div>
                    { text_field(ctx, ctx.t(AuthorMsg::AddressedAs), "/persona/addressed_as", &p.addressed_as, lens(|f| Some(&mut f.persona.addressed_as)), false) }
                    { text_field(ctx, ctx.t(AuthorMsg::Role), "/persona/role", &p.role, lens(|f| Some(&mut f.persona.role)), false) }
                    <fieldset class="look">
                        <legend>{ ctx.t(AuthorMsg::Look) }</legend>
                        <div class="row">
                            { enum_field(ctx, ctx.t(AuthorMsg::Skin), "/persona/look/skin", skin, SKIN, skin_name, lens(|f| Some(&mut f.persona.look.skin))) }
                            { enum_field(ctx, ctx.t(AuthorMsg::Hair), "/persona/look/hair", p.look.hair, HAIR, HairStyle::as_str, lens(|f| Some(&mut f.persona.look.hair))) }
                            { enum_field(ctx, ctx.t(AuthorMsg::HairColour), "/persona/look/hair_colour", p.look.hair_colour, COLOURS, HairColour::as_str, lens(|f| Some(&mut f.persona.look.hair_colour))) }
                        </div>
                        <div class="row">
                            { check_field(ctx, ctx.t(AuthorMsg::Glasses), "/persona/look/glasses", p.look.glasses, lens(|f| Some(&mut f.persona.look.glasses))) }
                            { check_field(ctx, ctx.t(AuthorMsg::Tie), "/persona/look/tie", p.look.tie, lens(|f| Some(&mut f.persona.look.tie))) }
                        </div>
                    </fieldset>
                </div>
                <figure class="preview">
                    { portrait(&p.look, Face::Calm, 0.3, &p.name) }
                    <figcaption>{ ctx.t(AuthorMsg::Preview) }</figcaption>
                </figure>
            </div>
            <h3>{ ctx.t(AuthorMsg::Cast) }</h3>
            <p class="hint">{ ctx.t(AuthorMsg::CastHint) }</p>
            { for ctx.file.cast.iter().enumerate().map(|(i, c)| {
                let base = format!("/cast/{i}");
                html! {
                    <div class="item" key={i} id={field_id(&base)} tabindex="-1">
                        { id_field(ctx, ctx.t(AuthorMsg::Id), &format!("{base}/id"), c.id.as_str(), Named::Speaker, i) }
                        { text_field(ctx, ctx.t(AuthorMsg::Name), &format!("{base}/name"), &c.name,
                                     lens(move |f| Some(&mut f.cast.get_mut(i)?.name)), false) }
                        { action(ctx, ctx.t(AuthorMsg::Remove), &format!("{} {}", ctx.t(AuthorMsg::Remove), c.id), &base, move |f| {
                            if i < f.cast.len() { f.cast.remove(i); }
                        }) }
                    </div>
                }
            }) }
            { action(ctx, ctx.t(AuthorMsg::AddPerson), ctx.t(AuthorMsg::AddPerson), "/cast", |f| {
                let id = fresh_id("colleague", f.cast.iter().map(|c| c.id.as_str()));
                let name = new_text(f, "");
                f.cast.push(CastMember { id: SpeakerId::new(id), name });
            }) }
        </section>
    }
}
