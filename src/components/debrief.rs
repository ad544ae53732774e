//! The debrief after an ending: scores per objective, the emotion timeline, and the path taken
//! with feedback and, where the learner went wrong, the better reply.

use super::chart::EmotionChart;
use super::story_map::story_map;
use super::transcript::rule_reason;
use crate::engine::model::Rating;
use crate::engine::{review, Localiser, Session, Story};
use crate::i18n::{Lang, Msg};
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Debrief`].
#[derive(Properties, PartialEq)]
pub struct DebriefProps {
    /// The story.
    pub story: Rc<Story>,
    /// The finished session.
    pub session: Session,
    /// Interface language.
    pub lang: Lang,
    /// Where actions go (replay from a decision).
    pub dispatch: Callback<Action>,
}

/// The label of a rating.
pub fn rating_label(rating: Rating, lang: Lang) -> &'static str {
    match rating {
        Rating::Best => Msg::RatingBest.get(lang),
        Rating::Good => Msg::RatingGood.get(lang),
        Rating::Weak => Msg::RatingWeak.get(lang),
        Rating::Bad => Msg::RatingBad.get(lang),
    }
}

/// The ending's own debrief: each part that holds at the ending, a paragraph each.
pub fn ending_text(story: &Story, session: &Session, tr: Localiser) -> Html {
    session
        .debrief(story)
        .into_iter()
        .map(|text| html! { <p class="ending-debrief">{ tr.text(text) }</p> })
        .collect()
}

/// The debrief section.
#[component]
pub fn Debrief(props: &DebriefProps) -> Html {
    let story = &props.story;
    let lang = props.lang;
    let tr = story.localiser(lang.code());
    let review = review(story, &props.session);
    let moments = props.session.walk(story);
    let path: Vec<crate::engine::NodeId> = props
        .session
        .history
        .iter()
        .map(|t| t.node.clone())
        .chain(std::iter::once(props.session.node.clone()))
        .collect();
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let save = {
        let story = story.clone();
        let session = props.session.clone();
        Callback::from(move |_| {
            let report = crate::records::learner_report(&story, &session, lang.code());
            let text = serde_json::to_string_pretty(&report).unwrap_or_default();
            crate::platform::download::download(
                &format!("rapport-{}.json", story.id),
                "application/json",
                &text,
            );
        })
    };
    html! {
        <section class="debrief" aria-labelledby="debrief-title">
            <div class="debrief-head">
                <h2 id="debrief-title">{ Msg::Debrief.get(lang) }</h2>
                <div class="debrief-actions no-print">
                    <button type="button" class="secondary" onclick={save}>{ Msg::SaveJson.get(lang) }</button>
                    <button type="button" class="secondary" onclick={print}>{ Msg::Print.get(lang) }</button>
                </div>
            </div>
            <h3>{ Msg::Scores.get(lang) }</h3>
            <ul class="scores">
                { for review.objectives.iter().map(|o| {
                    let title = story.objective(&o.objective)
                        .map_or(o.objective.to_string(), |x| tr.text(&x.title).to_string());
                    score_row(&title, o.percent(), lang)
                }) }
                { score_row(Msg::Overall.get(lang), review.total_percent(), lang) }
            </ul>
            <EmotionChart story={story.clone()} session={props.session.clone()} lang={lang} />
            <h3>{ Msg::StoryMap.get(lang) }</h3>
            { story_map(&story.file, &path, None, lang) }
            <h3>{ Msg::YourPath.get(lang) }</h3>
            <ol class="path">
                { for review.turns.iter().filter_map(|judged| {
                    let moment = moments.get(judged.turn)?;
                    let reply = moment.reply?;
                    let (turn, choice) = (reply.turn, reply.choice);
                    let principle = story.objective(&choice.feedback.principle)
                        .map(|o| tr.text(&o.title).to_string()).unwrap_or_default();
                    let better = judged.better.as_ref().and_then(|b| moment.step.node.choice(b));
                    let replay = {
                        let dispatch = props.dispatch.clone();
                        let id = story.id.clone();
                        let at = judged.turn;
                        Callback::from(move |_| dispatch.emit(Action::ReplayFrom(id.clone(), at)))
                    };
                    let rating = judged.rating.as_str();
                    Some(html! {
                        <li class={classes!("step", rating)}>
                            <p class="said"><span class={classes!("rating", rating)}>{ rating_label(judged.rating, lang) }</span>
                                <q>{ tr.text(&choice.text) }</q></p>
                            <p class="feedback">{ tr.text(&choice.feedback.text) }</p>
                            <p class="principle"><strong>{ format!("{}: ", Msg::Principle.get(lang)) }</strong>{ principle }</p>
                            if turn.rule.is_some() {
                                <p class="rule">{ Msg::RuleFired.get(lang) }
                                    if let Some(why) = rule_reason(story, turn, &moment.state, moments.get(judged.turn + 1).map(|m| &m.state), lang, tr) {
                                        { " " }<span class="why">{ why }</span>
                                    }
                                </p>
                            }
                            if let Some(better) = better {
                                <p class="better"><strong>{ format!("{}: ", Msg::BetterReply.get(lang)) }</strong>
                                    <q>{ tr.text(&better.text) }</q></p>
                            }
                            <button type="button" class="link no-print" onclick={replay}>{ Msg::ReplayFrom.get(lang) }</button>
                        </li>
                    })
                }) }
            </ol>
        </section>
    }
}

fn score_row(title: &str, percent: Option<u32>, lang: Lang) -> Html {
    let text = percent.map_or(Msg::NotPractised.get(lang).to_string(), |p| format!("{p}%"));
    let width = percent.unwrap_or(0).min(100);
    html! {
        <li class="score">
            <span class="score-title">{ title.to_string() }</span>
            <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                <rect class="track" width="100" height="8" rx="4" />
                <rect class="fill" width={width.to_string()} height="8" rx="4" />
            </svg>
            <span class="score-value">{ text }</span>
        </li>
    }
}
