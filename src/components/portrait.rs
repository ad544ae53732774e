//! The client's portrait, drawn in SVG: brows, eyes, mouth, colour and posture follow the mood.

use super::num;
use crate::engine::model::{Face, HairColour, HairStyle, Look};
use yew::prelude::*;

const SKIN: [&str; 5] = ["#f6d7c3", "#e9b99a", "#c98e6b", "#9a6447", "#6b4330"];

fn hair_fill(c: HairColour) -> &'static str {
    match c {
        HairColour::Black => "#1f1b1a",
        HairColour::Brown => "#5a3a24",
        HairColour::Blond => "#d8b36a",
        HairColour::Grey => "#a7a7ab",
        HairColour::Red => "#a4462a",
    }
}

/// Shape of the face for an expression: (inner brow dy, outer brow dy, mouth curve, eye height,
/// open mouth).
fn shape(face: Face) -> (f32, f32, f32, f32, bool) {
    match face {
        Face::Calm => (0.0, 0.0, 1.0, 4.0, false),
        Face::Pleased => (-2.0, -1.0, 6.0, 3.5, false),
        Face::Relieved => (-3.0, 0.0, 4.0, 3.0, false),
        Face::Skeptical => (1.0, -2.0, -1.0, 3.5, false),
        Face::Worried => (-4.0, 1.0, -3.0, 4.5, false),
        Face::Anxious => (-5.0, 1.0, -2.0, 5.0, false),
        Face::Annoyed => (3.0, -1.0, -3.0, 3.0, false),
        Face::Angry => (5.0, -2.0, -5.0, 3.0, false),
        Face::Furious => (7.0, -3.0, -6.0, 2.5, true),
        Face::Sad => (-4.0, 2.0, -5.0, 3.5, false),
        Face::Shocked => (-6.0, -4.0, 0.0, 6.0, true),
    }
}

/// Draws the portrait. `intensity` (0.0–1.0) deepens the expression; `label` is its accessible name.
pub fn portrait(look: &Look, face: Face, intensity: f32, label: &str) -> Html {
    // Eight steps of depth: a change too small to see leaves the drawing as it was, so a reply
    // does not redraw the face for nothing.
    let intensity = (intensity.clamp(0.0, 1.0) * 8.0).round() / 8.0;
    let k = 0.6 + 0.8 * intensity;
    let (inner, outer, curve, eye_h, open) = shape(face);
    let (inner, outer, curve) = (inner * k, outer * k, curve * k);
    let skin = SKIN[usize::from(look.skin.clamp(1, 5)) - 1];
    let hair = hair_fill(look.hair_colour);
    let brow_y = 54.0;
    // Skeptical raises one brow only.
    let (l_inner, r_inner) = if face == Face::Skeptical {
        (brow_y + 2.0, brow_y - 5.0 * k)
    } else {
        (brow_y + inner, brow_y + inner)
    };
    let brows = format!(
        "M40 {} L53 {} M67 {} L80 {}",
        num(brow_y + outer),
        num(l_inner),
        num(r_inner),
        num(brow_y + outer)
    );
    let mouth_y = 92.0;
    let mouth = format!(
        "M49 {0} Q60 {1} 71 {0}",
        num(mouth_y),
        num(mouth_y + curve * 1.6)
    );
    let flush = match face {
        Face::Angry | Face::Furious => 0.25 + 0.45 * intensity,
        Face::Annoyed => 0.15 + 0.2 * intensity,
        Face::Shocked => 0.1,
        _ => 0.0,
    };
    let sweat = matches!(face, Face::Anxious | Face::Worried) && intensity > 0.4;
    let tilt = match face {
        Face::Sad => "rotate(-5 60 110) translate(0 3)",
        Face::Furious | Face::Angry => "translate(0 -2)",
        Face::Skeptical => "rotate(4 60 110)",
        Face::Relieved | Face::Pleased => "rotate(-2 60 110)",
        _ => "",
    };
    let mood_class = format!("face-{}", face.as_str());
    html! {
        <svg class={classes!("portrait", mood_class)} viewBox="0 0 120 140" role="img" aria-label={label.to_string()}>
            <circle class="halo" cx="60" cy="70" r="58" />
            <path class="body" d="M14 140 C16 112 36 104 60 104 C84 104 104 112 106 140 Z" />
            <path fill={skin} d="M52 96 h16 v14 l-8 6 l-8 -6 z" />
            if look.tie {
                <path class="shirt" d="M46 108 L60 124 L74 108 L68 104 L60 112 L52 104 Z" />
                <path class="tie" d="M57 112 h6 l3 22 l-6 6 l-6 -6 z" />
            }
            <g transform={tilt}>
                { hair_back(look.hair, hair) }
                <ellipse cx="33" cy="72" rx="5" ry="8" fill={skin} />
                <ellipse cx="87" cy="72" rx="5" ry="8" fill={skin} />
                <ellipse cx="60" cy="68" rx="27" ry="33" fill={skin} />
                { hair_front(look.hair, hair) }
                <ellipse class="cheek" cx="44" cy="82" rx="7" ry="4" opacity={num(flush)} />
                <ellipse class="cheek" cx="76" cy="82" rx="7" ry="4" opacity={num(flush)} />
                <ellipse class="eye" cx="47" cy="66" rx="3.6" ry={num(eye_h)} />
                <ellipse class="eye" cx="73" cy="66" rx="3.6" ry={num(eye_h)} />
                <path class="brow" d={brows} />
                <path class="nose" d="M60 70 q-3 9 1 11" />
                if open {
                    <ellipse class="mouth-open" cx="60" cy={num(mouth_y + 1.0)} rx="7" ry={num(3.0 + 3.0 * intensity)} />
                } else {
                    <path class="mouth" d={mouth} />
                }
                if look.glasses {
                    <g class="glasses">
                        <circle cx="47" cy="66" r="9" /><circle cx="73" cy="66" r="9" />
                        <path d="M56 66 h8 M38 64 l-5 -2 M82 64 l5 -2" />
                    </g>
                }
                if sweat {
                    <path class="sweat" d="M86 50 q4 7 0 10 q-4 -3 0 -10z" />
                }
            </g>
        </svg>
    }
}

fn hair_back(style: HairStyle, fill: &'static str) -> Html {
    match style {
        HairStyle::Long => {
            html! { <path fill={fill} d="M30 66 C28 30 92 30 90 66 L94 118 C80 124 40 124 26 118 Z" /> }
        }
        HairStyle::Bun => html! { <circle fill={fill} cx="60" cy="30" r="12" /> },
        HairStyle::Short | HairStyle::Bald => html! {},
    }
}

fn hair_front(style: HairStyle, fill: &'static str) -> Html {
    match style {
        HairStyle::Short => {
            html! { <path fill={fill} d="M33 62 C30 30 90 28 87 62 C82 46 70 42 60 42 C48 42 38 46 33 62 Z" /> }
        }
        HairStyle::Long | HairStyle::Bun => {
            html! { <path fill={fill} d="M33 64 C30 32 90 30 87 64 C80 48 68 40 58 44 C46 44 38 50 33 64 Z" /> }
        }
        HairStyle::Bald => {
            html! { <path fill={fill} d="M33 70 C31 60 34 54 36 52 L37 66 Z M87 70 C89 60 86 54 84 52 L83 66 Z" /> }
        }
    }
}
