//! Teachers' answers as their readers meet them: the pupil (who may not read yet), the family,
//! and the teachers on the task's screen. A sticker is its picture and its words, words have a
//! button that reads them aloud, a recording has a player; new answers say so in words and a
//! picture, not by colour.

use crate::components::DecorativeIcon;
use crate::i18n::{ReturnsKey, messages, t};
use domain::feedback::{Feedback, FeedbackBody, Sticker};
use leptos::prelude::*;

/// The picture of each sticker.
pub fn sticker_icon(sticker: Sticker) -> icondata::Icon {
    match sticker {
        Sticker::Star => icondata::LuStar,
        Sticker::ThumbsUp => icondata::LuThumbsUp,
        Sticker::Effort => icondata::LuBicepsFlexed,
        Sticker::TellMore => icondata::LuMessageCircleQuestion,
    }
}

/// The words of each sticker, which the pupil hears.
pub fn sticker_words(sticker: Sticker) -> &'static str {
    t(match sticker {
        Sticker::Star => ReturnsKey::StickerStar,
        Sticker::ThumbsUp => ReturnsKey::StickerThumbsUp,
        Sticker::Effort => ReturnsKey::StickerEffort,
        Sticker::TellMore => ReturnsKey::StickerTellMore,
    })
}

/// Whether any of the answers is new to the pupil.
pub fn any_new(feedback: &[Feedback]) -> bool {
    feedback.iter().any(|f| f.new)
}

/// "Nyt": an answer the pupil has not had on a screen before, in words with a picture.
#[component]
pub fn NewMark(#[prop(optional)] answer: bool) -> impl IntoView {
    view! {
        <span class="new-mark">
            <DecorativeIcon icon=icondata::LuSparkles />
            <span>{t(if answer { ReturnsKey::NewAnswer } else { ReturnsKey::NewMark })}</span>
        </span>
    }
}

/// Answers, newest first. With `show_new`, the new ones are marked (the pupil's own screens).
#[component]
pub fn FeedbackList(
    feedback: Vec<Feedback>,
    #[prop(optional)] show_new: bool,
    /// Bigger buttons, for the pupil's iPad.
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    (!feedback.is_empty()).then(|| {
        view! {
            <ul class="feedback-list" aria-label=t(ReturnsKey::AnswersTitle)>
                {feedback
                    .into_iter()
                    .map(|f| view! { <FeedbackNote feedback=f show_new large /> })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
fn FeedbackNote(feedback: Feedback, show_new: bool, large: bool) -> impl IntoView {
    let from = messages::answer_from(
        &feedback.author,
        &crate::calendar::danish_day(feedback.created_at),
    );
    let body = match feedback.body {
        FeedbackBody::Sticker(sticker) => {
            let words = sticker_words(sticker);
            view! {
                <p class="sticker">
                    <DecorativeIcon icon=sticker_icon(sticker) />
                    <span>{words}</span>
                </p>
                <HearButton text=words.to_owned() large />
            }
            .into_any()
        }
        FeedbackBody::Text(text) => view! {
            <p>{text.clone()}</p>
            <HearButton text large />
        }
        .into_any(),
        FeedbackBody::Voice { url } => view! {
            <audio controls src=url aria-label=messages::voice_answer_from(&feedback.author)></audio>
        }
        .into_any(),
    };
    view! {
        <li class="feedback">
            {(show_new && feedback.new).then(|| view! { <NewMark /> })}
            {body}
            <p class="muted">{from}</p>
        </li>
    }
}

/// "Hør svaret": reads the answer aloud, so no answer needs reading.
#[component]
fn HearButton(text: String, large: bool) -> impl IntoView {
    let (reading, set_reading) = signal(false);
    on_cleanup(crate::speech::stop);
    let toggle = move |_| {
        if reading.get_untracked() {
            crate::speech::stop();
            set_reading.set(false);
        } else {
            set_reading.set(true);
            crate::speech::speak(&text, move || set_reading.set(false));
        }
    };
    view! {
        <button
            type="button"
            class=if large { "read-aloud tile-button" } else { "read-aloud" }
            aria-pressed=move || if reading.get() { "true" } else { "false" }
            on:click=toggle
        >
            <DecorativeIcon icon=icondata::LuVolume2 />
            <span>{t(ReturnsKey::HearAnswer)}</span>
        </button>
    }
}
