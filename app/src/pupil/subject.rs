//! `/fag/:code`: one subject as the pupil meets it — its tasks this week and its goals — reached
//! by the subject's tile on the pupil's home, in the subject's picture and colour.

use super::today::TimelineTask;
use super::{PupilShell, load_today};
use crate::components::{DecorativeIcon, set_title};
use crate::evaluation::{GoalToShow, load_my_goals};
use crate::i18n::{Key, PupilKey, subject_name, t};
use crate::identity::shell::Loaded;
use crate::pictures::{subject_class, subject_icon};
use domain::evaluation::MyGoal;
use domain::pupil::TodayTask;
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use leptos::prelude::*;

#[derive(Clone)]
struct SubjectView {
    subject: Subject,
    tasks: Vec<TodayTask>,
    goals: Vec<MyGoal>,
}

#[component]
pub fn SubjectPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let data = LocalResource::new(move || {
        let code = params.with(|p| p.get("code").unwrap_or_default());
        async move {
            let subject = Subject::parse(&code).map_err(|_| AppError::new(ErrorCode::NotFound))?;
            let day = load_today().await?;
            let goals = load_my_goals().await?;
            Ok::<_, AppError>(SubjectView {
                subject,
                tasks: day
                    .tasks
                    .into_iter()
                    .filter(|t| t.subject == subject)
                    .collect(),
                goals: goals.into_iter().filter(|g| g.subject == subject).collect(),
            })
        }
    });
    view! {
        <PupilShell help=t(PupilKey::HelpSubject)>
            <main id="indhold" class="page pupil" lang="da">
                <Loaded data title=t(PupilKey::PupilSubjects) let:view>
                    <SubjectView view />
                </Loaded>
            </main>
        </PupilShell>
    }
}

#[component]
fn SubjectView(view: SubjectView) -> impl IntoView {
    let name = subject_name(view.subject);
    set_title(&name);
    view! {
        <h1 class=format!("subject-heading {}", subject_class(view.subject))>
            <DecorativeIcon icon=subject_icon(view.subject) />
            <span>{name}</span>
        </h1>
        <h2>{t(Key::TasksTitle)}</h2>
        {if view.tasks.is_empty() {
            view! { <p>{t(PupilKey::NoSubjectTasks)}</p> }.into_any()
        } else {
            view! {
                <ol class="timeline" aria-label=t(Key::TasksTitle)>
                    {view.tasks.into_iter().map(|task| view! { <TimelineTask task /> }).collect_view()}
                </ol>
            }.into_any()
        }}
        <h2>{t(Key::MyGoalsTitle)}</h2>
        {if view.goals.is_empty() {
            view! { <p>{t(PupilKey::NoSubjectGoals)}</p> }.into_any()
        } else {
            view! {
                <ul class="my-goals">
                    {view.goals.into_iter().map(|goal| view! { <GoalToShow goal /> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
