//! "I dag": the pupil's tasks as a picture timeline, and one task at a time: heard, opened,
//! answered, marked done.

use super::work::WorkCapture;
use super::{MarkTaskDone, PupilShell, SpokenText, load_today};
use crate::components::{DecorativeIcon, ErrorNote, set_title};
use crate::i18n::{Key, subject_name, t};
use crate::i18n::{PupilKey, ReturnsKey};
use crate::identity::shell::Loaded;
use crate::paths;
use crate::pictures::{Destination, subject_class, task_icon};
use crate::returns::feedback::{FeedbackList, NewMark, any_new};
use domain::pupil::TodayTask;
use domain::{AppError, ErrorCode};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/i-dag`: today's tasks first, then the week's, each a big picture to tap.
#[component]
pub fn TodayPage() -> impl IntoView {
    set_title(t(PupilKey::TodayTitle));
    let today = LocalResource::new(load_today);
    view! {
        <PupilShell help=t(PupilKey::HelpToday)>
            <main id="indhold" class="page pupil" lang="da">
                <h1>{t(PupilKey::TodayTitle)}</h1>
                <Loaded data=today let:day>
                    {if day.tasks.is_empty() {
                        view! { <p>{t(PupilKey::NoTasksToday)}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="timeline" aria-label=t(PupilKey::TasksToday)>
                                {day.tasks.into_iter().map(|task| view! { <TimelineTask task /> }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                </Loaded>
            </main>
        </PupilShell>
    }
}

#[component]
pub(super) fn TimelineTask(task: TodayTask) -> impl IntoView {
    let href = format!("{}/{}", paths::TODAY, task.id);
    let when = if task.this_week {
        t(Key::DueThisWeek)
    } else {
        t(PupilKey::DueToday)
    };
    view! {
        <li>
            <A href=href attr:class=format!("timeline-task {}{}", subject_class(task.subject), if task.done { " done" } else { "" })>
                <DecorativeIcon icon=task_icon(task.icon) />
                <span class="task-title">{task.title}</span>
                <span class="task-when">{when}</span>
                {task.done.then(|| view! {
                    <span class="task-done-mark">
                        <DecorativeIcon icon=icondata::LuCircleCheckBig />
                        <span>{t(PupilKey::TaskIsDone)}</span>
                    </span>
                })}
                {any_new(&task.feedback).then(|| view! { <NewMark answer=true /> })}
            </A>
        </li>
    }
}

/// `/i-dag/:id`: one task. Its instruction is read aloud as the screen opens (the pupil tapped
/// to get here) and again on the speaker, marking each word; materials open in one tap.
#[component]
pub fn TaskPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let task = LocalResource::new(move || {
        let id = params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
        async move {
            let day = load_today().await?;
            day.tasks
                .into_iter()
                .find(|t| Some(t.id) == id)
                .ok_or_else(|| AppError::new(ErrorCode::NotFound))
        }
    });
    view! {
        <PupilShell help=t(PupilKey::HelpTask)>
            <main id="indhold" class="page pupil" lang="da">
                <Loaded data=task title=t(PupilKey::TodayTitle) let:task>
                    <TaskView task />
                </Loaded>
                <p><A href=paths::TODAY attr:class=format!("tile-button {}", Destination::Today.class())>
                    <DecorativeIcon icon=Destination::Today.icon() />
                    <span>{t(PupilKey::TodayTitle)}</span>
                </A></p>
            </main>
        </PupilShell>
    }
}

#[component]
fn TaskView(task: TodayTask) -> impl IntoView {
    set_title(&task.title);
    let (word, set_word) = signal(None::<u32>);
    let (reading, set_reading) = signal(false);
    let instruction = task.instruction.clone();
    let read = move || {
        set_reading.set(true);
        crate::speech::speak_marking(
            &instruction,
            move |offset| set_word.set(Some(offset)),
            move || {
                set_reading.set(false);
                set_word.set(None);
            },
        );
    };
    let read_now = read.clone();
    // Opening a task reads it: the pupil tapped to get here, and may not read yet.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            read_now();
        }
    });
    on_cleanup(crate::speech::stop);
    let done = RwSignal::new(task.done);
    let mark = ServerAction::<MarkTaskDone>::new();
    let task_id = task.id;
    // Only one goal to link to: the work is for it too. With several, the work goes with the task.
    let goal_id = (task.goals.len() == 1).then(|| task.goals[0].id);
    let context = format!("{} · {}", subject_name(task.subject), task.unit_title);
    view! {
        <h1 class=format!("task-heading {}", subject_class(task.subject))>
            <DecorativeIcon icon=task_icon(task.icon) />
            <span>{task.title.clone()}</span>
        </h1>
        <p class="muted">{context}</p>
        <div class="instruction">
            <SpokenText text=task.instruction.clone() now=word />
            <button
                type="button"
                class="read-aloud tile-button"
                aria-pressed=move || if reading.get() { "true" } else { "false" }
                on:click=move |_| read()
            >
                <DecorativeIcon icon=icondata::LuVolume2 />
                <span>{t(PupilKey::ReadTaskAloud)}</span>
            </button>
        </div>
        {(!task.materials.is_empty()).then(|| view! {
            <h2>{t(PupilKey::Materials)}</h2>
            <ul class="tiles materials" aria-label=t(PupilKey::Materials)>
                {task.materials.into_iter().map(|m| view! {
                    <li>
                        <a class="tile" href=m.url target="_blank" rel="noopener">
                            <DecorativeIcon icon=icondata::LuFileText />
                            <span>{m.title}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        })}
        <button
            type="button"
            class="tile-button done-toggle"
            aria-pressed=move || if done.get() { "true" } else { "false" }
            on:click=move |_| {
                let now_done = !done.get_untracked();
                done.set(now_done);
                mark.dispatch(MarkTaskDone { task_id, done: now_done });
            }
        >
            <DecorativeIcon icon=icondata::LuCircleCheckBig />
            <span>{t(PupilKey::IAmDone)}</span>
        </button>
        // A small celebration once "done" is saved; still, for those who asked for less motion.
        {move || match mark.value().get() {
            Some(Err(e)) => Some(view! { <ErrorNote error=e /> }.into_any()),
            Some(Ok(())) if done.get() => Some(view! {
                <p class="celebration" role="status">
                    <span class="burst" aria-hidden="true">
                        <DecorativeIcon icon=icondata::LuSparkles />
                        <DecorativeIcon icon=icondata::LuStar />
                        <DecorativeIcon icon=icondata::LuSparkles />
                    </span>
                    <span>{t(PupilKey::WellDone)}</span>
                </p>
            }.into_any()),
            _ => None,
        }}
        {(!task.feedback.is_empty()).then(|| {
            super::mark_answers_heard(&task.feedback);
            view! {
                <section class="answers-to-pupil" aria-labelledby="svar-fra-laereren">
                    <h2 id="svar-fra-laereren">{t(ReturnsKey::AnswersToYou)}</h2>
                    <FeedbackList feedback=task.feedback.clone() show_new=true large=true />
                </section>
            }
        })}
        <WorkCapture task_id=Some(task_id) goal_id=goal_id />
    }
}
