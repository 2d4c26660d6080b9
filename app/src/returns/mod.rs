//! The way back from pupils to their teachers: a task's screen, with who is done and what each
//! pupil handed in, inline, for the whole hold, and the teacher's answers (`answer`); how those
//! answers read to pupils and families (`feedback`).

pub mod answer;
pub mod feedback;
pub mod pupil_work;

use crate::components::{by_id, set_title};
use crate::i18n::{ReturnsKey, messages, t};
use crate::identity::shell::{Loaded, StaffShell};
use crate::paths;
use answer::Answers;
use domain::AppError;
use domain::feedback::FeedbackOn;
use domain::returns::{PupilReturn, TaskNews, TaskReturns, WeekTask};
use leptos::prelude::*;

#[server(endpoint = "task_returns")]
pub async fn load_task_returns(task_id: i64) -> Result<TaskReturns, AppError> {
    backend::returns::task_returns(&crate::request_ctx()?, task_id).await
}

#[component]
pub fn TaskReturnsPage() -> impl IntoView {
    let data = by_id(load_task_returns);
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Loaded data=data title=t(ReturnsKey::TaskWord) let:returns>
                    <Returns returns />
                </Loaded>
            </main>
        </StaffShell>
    }
}

#[component]
fn Returns(returns: TaskReturns) -> impl IntoView {
    let title = messages::task_returns_title(&returns.title);
    set_title(&title);
    let total = u32::try_from(returns.pupils.len()).unwrap_or(u32::MAX);
    let unit_href = format!("{}/{}", paths::UNIT, returns.unit_id);
    let task_id = returns.task_id;
    view! {
        <h1>{title}</h1>
        <p class="muted">{returns.team_name.clone()}" · "{returns.unit_title.clone()}</p>
        <p><a href=unit_href>{t(ReturnsKey::BackToUnit)}": "{returns.unit_title.clone()}</a></p>
        <p role="status">{messages::done_of(returns.done(), total)}</p>
        {returns.pupils.is_empty().then(|| view! { <p>{t(ReturnsKey::NoPupils)}</p> })}
        <ul class="card-list returns" aria-label=t(ReturnsKey::PupilsTitle)>
            {returns.pupils.into_iter().map(|pupil| view! { <PupilCard pupil task_id team_id=returns.team_id /> }).collect_view()}
        </ul>
    }
}

#[component]
fn PupilCard(pupil: PupilReturn, task_id: i64, team_id: i64) -> impl IntoView {
    let status = if pupil.done_at.is_some() {
        t(ReturnsKey::Done)
    } else {
        t(ReturnsKey::NotDoneYet)
    };
    let alt = messages::picture_by(&pupil.name);
    view! {
        <li class="card">
            <h2>{pupil.name.clone()}</h2>
            <p><a href=pupil_work::href(team_id, pupil.pupil_id)>{messages::all_work_of(&pupil.name)}</a></p>
            <p class=if pupil.done_at.is_some() { "returns-done" } else { "muted" }>{status}</p>
            {pupil.work.is_empty().then(|| view! { <p class="muted">{t(ReturnsKey::NothingHandedIn)}</p> })}
            {pupil.work.into_iter().map(|item| view! {
                <div class="work-item">
                    {crate::pupil::work::work_body(&item, alt.clone())}
                    {(!item.text.is_empty()).then(|| view! { <p>{item.text.clone()}</p> })}
                    <Answers on=FeedbackOn::Work { item_id: item.id } answers=item.feedback />
                </div>
            }).collect_view()}
            <Answers on=FeedbackOn::Task { task_id, pupil_id: pupil.pupil_id } answers=pupil.feedback />
        </li>
    }
}

/// "Nyt fra eleverne" on the teacher's home: the tasks pupils answered this past week, each a way
/// to its screen, with what came in.
#[component]
pub fn NewsSection(news: Vec<TaskNews>) -> impl IntoView {
    view! {
        <section class="card news" aria-labelledby="news-title">
            <h2 id="news-title">{t(ReturnsKey::NewsTitle)}</h2>
            {if news.is_empty() {
                view! { <p>{t(ReturnsKey::NoNews)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" aria-label=t(ReturnsKey::NewsTitle)>
                        {news.into_iter().map(|n| view! {
                            <li>
                                <a href=format!("{}/{}", paths::TASK_RETURNS, n.task_id)>{n.title.clone()}</a>
                                " ("{n.team_name.clone()}"): "{messages::news_counts(n.handed_in, n.done)}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// "Denne uge" on the teacher's home: every task due this week across their hold, the week's
/// first, then by day, each a way to its screen, with how many are done and what came back.
#[component]
pub fn WeekSection(tasks: Vec<WeekTask>) -> impl IntoView {
    view! {
        <section class="card this-week" aria-labelledby="week-title">
            <h2 id="week-title">{t(ReturnsKey::WeekTitle)}</h2>
            {if tasks.is_empty() {
                view! { <p>{t(ReturnsKey::NoTasksThisWeek)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list" aria-label=t(ReturnsKey::WeekTitle)>
                        {tasks.into_iter().map(|w| view! {
                            <li>
                                <span class="week-day">{match w.day {
                                    Some(day) => day.weekday().danish().to_owned(),
                                    None => t(ReturnsKey::WholeWeek).to_owned(),
                                }}": "</span>
                                <a href=format!("{}/{}", paths::TASK_RETURNS, w.task_id)>{w.title.clone()}</a>
                                " ("{w.team_name.clone()}"): "{messages::week_task_counts(w.done, w.pupils, w.handed_in)}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LoadTaskReturns>();
    register_explicit::<answer::GiveFeedback>();
    register_explicit::<pupil_work::LoadPupilWork>();
}
