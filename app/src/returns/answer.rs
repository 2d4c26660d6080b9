//! The teacher answers a piece of work or a pupil's task, in a few taps on a laptop or an iPad:
//! one tap for a sticker, or words, or their own voice.

use super::feedback::{FeedbackList, sticker_icon, sticker_words};
use crate::components::{DecorativeIcon, ErrorNote};
use crate::i18n::{ReturnsKey, t};
use crate::pupil::work::VoiceRecorder;
use domain::AppError;
use domain::feedback::{Feedback, FeedbackInput, FeedbackOn, FeedbackUpload, Sticker};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "give_feedback", input = Json)]
pub async fn give_feedback(input: FeedbackInput) -> Result<Feedback, AppError> {
    backend::returns::feedback::give_feedback(&crate::request_ctx()?, &input).await
}

/// The answers given on one thing, and the way to give another. `answers` starts with those
/// given before; a new one is put first once the server has it.
#[component]
pub fn Answers(on: FeedbackOn, answers: Vec<Feedback>) -> impl IntoView {
    let answers = RwSignal::new(answers);
    let open = RwSignal::new(false);
    let for_work = matches!(on, FeedbackOn::Work { .. });
    let label = t(if for_work {
        ReturnsKey::AnswerWork
    } else {
        ReturnsKey::AnswerTask
    });
    view! {
        <div class="answers">
            {move || view! { <FeedbackList feedback=answers.get() /> }}
            <button
                type="button"
                class="answer-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <DecorativeIcon icon=icondata::LuMessageCircle />
                <span>{label}</span>
            </button>
            {move || open.get().then(|| view! { <AnswerForm on for_work answers /> })}
        </div>
    }
}

#[component]
fn AnswerForm(on: FeedbackOn, for_work: bool, answers: RwSignal<Vec<Feedback>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let family = RwSignal::new(false);
    let status = RwSignal::new(None::<Result<(), AppError>>);
    let send = move |body: FeedbackUpload| {
        status.set(None);
        let input = FeedbackInput {
            on,
            body,
            for_family: for_work && family.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match give_feedback(input).await {
                Ok(given) => {
                    answers.update(|a| a.insert(0, given));
                    text.set(String::new());
                    status.set(Some(Ok(())));
                }
                Err(e) => status.set(Some(Err(e))),
            }
        });
    };
    let on_recorded = Callback::new(move |(content_type, data_base64): (String, String)| {
        send(FeedbackUpload::Voice {
            content_type,
            data_base64,
        });
    });
    view! {
        <div class="answer-form">
            {for_work.then(|| view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || family.get()
                        on:change=move |ev| family.set(event_target_checked(&ev))
                    />
                    <span>{t(ReturnsKey::FamilySees)}</span>
                </label>
            })}
            <div class="stickers" role="group" aria-label=t(ReturnsKey::Stickers)>
                {Sticker::ALL.into_iter().map(|sticker| view! {
                    <button type="button" class="tile-button" on:click=move |_| send(FeedbackUpload::Sticker(sticker))>
                        <DecorativeIcon icon=sticker_icon(sticker) />
                        <span>{sticker_words(sticker)}</span>
                    </button>
                }).collect_view()}
            </div>
            <form on:submit=move |ev| {
                ev.prevent_default();
                send(FeedbackUpload::Text(text.get_untracked()));
            }>
                <label>
                    <span>{t(ReturnsKey::WriteAnswer)}</span>
                    <textarea
                        rows="3"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <button type="submit">{t(ReturnsKey::SendAnswer)}</button>
            </form>
            <div class="record-answer" role="group" aria-label=t(ReturnsKey::RecordAnswer)>
                <VoiceRecorder on_recorded />
            </div>
            <div role="status">
                {move || status.get().map(|s| match s {
                    Ok(()) => view! { <p class="notice">{t(ReturnsKey::AnswerSent)}</p> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
            </div>
        </div>
    }
}
