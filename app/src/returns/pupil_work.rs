//! `/elevarbejde/:team/:pupil`: everything a pupil made in a hold this year, by forløb, each
//! piece with its answers and a way to answer it.

use super::answer::Answers;
use super::feedback::FeedbackList;
use crate::components::set_title;
use crate::i18n::{ReturnsKey, messages, t};
use crate::identity::shell::{Loaded, StaffShell};
use crate::paths;
use domain::evaluation::EvaluationValue;
use domain::feedback::FeedbackOn;
use domain::pupil::WorkItem;
use domain::returns::{BroughtWork, GoalTrack, PupilWorkInHold, UnitWork};
use domain::{AppError, ErrorCode};
use leptos::prelude::*;

#[server(endpoint = "pupil_work")]
pub async fn load_pupil_work(team_id: i64, pupil_id: i64) -> Result<PupilWorkInHold, AppError> {
    backend::returns::pupil_work::pupil_work(&crate::request_ctx()?, team_id, pupil_id).await
}

/// Where a pupil's work in a hold is shown.
pub fn href(team_id: i64, pupil_id: i64) -> String {
    format!("{}/{team_id}/{pupil_id}", paths::PUPIL_WORK)
}

#[component]
pub fn PupilWorkPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let data = LocalResource::new(move || {
        let ids = params.with(|p| {
            let id = |k: &str| p.get(k).and_then(|v| v.parse::<i64>().ok());
            id("team").zip(id("pupil"))
        });
        async move {
            match ids {
                Some((team, pupil)) => load_pupil_work(team, pupil).await,
                None => Err(AppError::new(ErrorCode::NotFound)),
            }
        }
    });
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Loaded data=data title=t(ReturnsKey::PupilsWorkWord) let:work>
                    <PupilWork work />
                </Loaded>
            </main>
        </StaffShell>
    }
}

#[component]
fn PupilWork(work: PupilWorkInHold) -> impl IntoView {
    let title = messages::work_from(&work.pupil_name);
    set_title(&title);
    let name = work.pupil_name.clone();
    view! {
        <h1>{title}</h1>
        <p class="muted">{work.team_name.clone()}</p>
        {work.units.is_empty().then(|| view! { <p>{t(ReturnsKey::NoUnitsYet)}</p> })}
        {work.units.into_iter().map(|unit| view! { <UnitSection unit name=name.clone() /> }).collect_view()}
        {(!work.brought.is_empty()).then(|| view! { <Brought brought=work.brought name=name.clone() /> })}
    }
}

/// Work from earlier schools, as it came in the pupil's package: read, heard, not answered here.
#[component]
fn Brought(brought: Vec<BroughtWork>, name: String) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="brought-title">
            <h2 id="brought-title">{t(ReturnsKey::BroughtTitle)}</h2>
            <p class="hint">{t(ReturnsKey::BroughtHint)}</p>
            <ul class="work-list" aria-label=t(ReturnsKey::BroughtTitle)>
                {brought.into_iter().map(|b| {
                    let item = b.item;
                    let made = messages::made_at_school(&b.school, &crate::calendar::danish_day(item.created_at));
                    view! {
                        <li class="work-item">
                            <h3>{item.task_title.clone().unwrap_or_else(|| crate::pupil::work::kind_name(item.kind).to_owned())}</h3>
                            <p class="muted">{made}</p>
                            {crate::pupil::work::work_body(&item, messages::picture_by(&name))}
                            {(!item.text.is_empty()).then(|| view! { <p>{item.text.clone()}</p> })}
                            {(!item.feedback.is_empty()).then(|| view! { <FeedbackList feedback=item.feedback /> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn UnitSection(unit: UnitWork, name: String) -> impl IntoView {
    let heading_id = format!("forloeb-{}", unit.unit_id);
    let label_id = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=label_id>
            <h2 id=heading_id>
                <a href=format!("{}/{}", paths::UNIT, unit.unit_id)>{unit.title.clone()}</a>
            </h2>
            {unit.current.then(|| view! { <p class="muted">{t(ReturnsKey::RunningNow)}</p> })}
            {if unit.pieces.is_empty() {
                view! { <p>{t(ReturnsKey::NothingInUnit)}</p> }.into_any()
            } else {
                view! {
                    <ul class="work-list" aria-label=unit.title.clone()>
                        {unit.pieces.into_iter().map(|item| view! { <Piece item name=name.clone() /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {(!unit.goals.is_empty()).then(|| view! {
                <h3>{t(ReturnsKey::ProgressTitle)}</h3>
                {unit.goals.into_iter().map(|goal| view! { <Track goal /> }).collect_view()}
            })}
        </section>
    }
}

/// One goal's evaluations over time, the teachers' and the pupil's own apart: each a step in
/// words with its day, and a bar that only repeats it.
#[component]
fn Track(goal: GoalTrack) -> impl IntoView {
    let list = |label: ReturnsKey, values: Vec<EvaluationValue>, steps: Vec<String>| {
        let n = steps.len().max(1);
        view! {
            <p>{t(label)}</p>
            {if values.is_empty() {
                view! { <p class="muted">{t(ReturnsKey::NoEvaluationsYet)}</p> }.into_any()
            } else {
                view! {
                    <ol class="progress-chart" aria-label=format!("{}: {}", t(label), goal.text)>
                        {values.into_iter().map(|v| {
                            let step = v.step.map(usize::from);
                            let word = step
                                .and_then(|s| steps.get(s).cloned())
                                .unwrap_or_else(|| v.comment.clone());
                            let width = step.map_or(0, |s| (s + 1) * 100 / n);
                            view! {
                                <li>
                                    <span class="progress-words">{messages::evaluated_on(&crate::calendar::danish_day(v.at), &word)}</span>
                                    <span class="progress-bar" aria-hidden="true">
                                        <span style=format!("width:{width}%")></span>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }}
        }
    };
    view! {
        <h4>{goal.text.clone()}</h4>
        {list(ReturnsKey::TeachersEvaluations, goal.teacher.clone(), goal.steps.clone())}
        {(!goal.pupil.is_empty()).then(|| list(ReturnsKey::PupilsOwnEvaluations, goal.pupil.clone(), goal.steps.clone()))}
    }
}

#[component]
fn Piece(item: WorkItem, name: String) -> impl IntoView {
    let heading = item
        .task_title
        .clone()
        .or_else(|| item.goal_text.clone())
        .unwrap_or_default();
    let date = crate::calendar::danish_day(item.created_at);
    view! {
        <li class="work-item">
            <h3>{heading}</h3>
            <p class="muted">{date}</p>
            {crate::pupil::work::work_body(&item, messages::picture_by(&name))}
            {(!item.text.is_empty()).then(|| view! { <p>{item.text.clone()}</p> })}
            <Answers on=FeedbackOn::Work { item_id: item.id } answers=item.feedback />
        </li>
    }
}
