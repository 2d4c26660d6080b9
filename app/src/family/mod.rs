//! The family's side: a calm, phone-first view of the guardian's children.

use crate::components::{AvatarPicture, ErrorNote, ReadAloudButton, set_title};
use crate::i18n::FamilyKey;
use crate::i18n::{Key, subject_name, t};
use crate::identity::shell::Loaded;
use crate::identity::shell::{AppHeader, StaffShell};
use domain::AppError;
use domain::family::{ChildWeek, Digest};
use domain::home::ParentHome;
use domain::pupil::TodayTask;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ParentHomeView(home: ParentHome) -> impl IntoView {
    set_title(t(FamilyKey::ParentTitle));
    let empty = home.children.is_empty();
    view! {
        <AppHeader me=home.me.clone() />
        <main id="indhold" class="page">
            <div class="title-row">
                <h1>{t(FamilyKey::ParentTitle)}</h1>
                <ReadAloudButton />
            </div>
            <p><A href=crate::paths::DIGEST>{t(FamilyKey::DigestTitle)}</A></p>
            <p><A href=crate::paths::READING>{t(Key::ReadingTitle)}</A></p>
            {empty.then(|| view! { <p>{t(FamilyKey::ParentNoChildren)}</p> })}
            <ul class="card-list" aria-label=t(FamilyKey::ParentTitle)>
                {home.children.into_iter().map(|child| {
                    let subjects = child.subjects.iter().map(|s| subject_name(*s)).collect::<Vec<_>>().join(", ");
                    let plan_href = format!("{}/{}", crate::paths::COLLECTED_PLAN, child.id);
                    let week_href = format!("{}/{}", crate::paths::CHILD, child.id);
                    let week_label = format!("{} {} {}", t(FamilyKey::SeeTheWeek), t(FamilyKey::ForLabel), child.name);
                    let plan_label = format!("{} {} {}", t(Key::CollectedPlan), t(Key::ForWord), child.name);
                    view! {
                        <li class="card child">
                            <AvatarPicture avatar=child.avatar size=56 />
                            <div>
                                <h2>{child.name}</h2>
                                <p>{child.class_name}</p>
                                <p>{t(FamilyKey::ParentSubjects)}": "{subjects}</p>
                                <p>
                                    <A href=week_href>{week_label}</A>
                                </p>
                                <p>
                                    <A href=plan_href>{plan_label}</A>
                                </p>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </main>
    }
}

#[server(endpoint = "child_week")]
pub async fn load_child_week(pupil_id: i64) -> Result<ChildWeek, AppError> {
    backend::family::child_week(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "make_calendar_link")]
pub async fn make_calendar_link(pupil_id: i64) -> Result<String, AppError> {
    backend::family::calendar::make_link(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "revoke_calendar_link")]
pub async fn revoke_calendar_link(pupil_id: i64) -> Result<(), AppError> {
    backend::family::calendar::revoke_link(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "digest")]
pub async fn load_digest() -> Result<Digest, AppError> {
    backend::family::digest(&crate::request_ctx()?).await
}

/// A week's tasks as the child sees them, with the day and the materials.
#[component]
fn WeekTasks(tasks: Vec<TodayTask>) -> impl IntoView {
    if tasks.is_empty() {
        return view! { <p>{t(FamilyKey::NoTasksThisWeek)}</p> }.into_any();
    }
    view! {
        <ul class="card-list">
            {tasks.into_iter().map(|task| {
                let when = if task.this_week { t(Key::DueThisWeek).to_owned() } else { task.due.weekday().danish().to_owned() };
                let context = format!("{} · {} · {}", subject_name(task.subject), task.unit_title, when);
                view! {
                    <li class="card">
                        <h3>{task.title}</h3>
                        <p class="muted">{context}</p>
                        <p>{task.instruction}</p>
                        {(!task.materials.is_empty()).then(|| view! {
                            <ul>
                                {task.materials.into_iter().map(|m| view! {
                                    <li><a href=m.url target="_blank" rel="noopener">{m.title}</a></li>
                                }).collect_view()}
                            </ul>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/barn/:id`: one child's week for a guardian: tasks, forløb, the published plan, progress in
/// the child's own words (a chart with its text beside it), shared work, and the calendar link.
#[component]
pub fn ChildPage() -> impl IntoView {
    let data = crate::components::by_id(load_child_week);
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Loaded data=data title=t(FamilyKey::ParentTitle) let:week>
                    <ChildWeekView week />
                </Loaded>
            </main>
        </StaffShell>
    }
}

#[component]
fn ChildWeekView(week: ChildWeek) -> impl IntoView {
    let title = format!("{} {}", t(FamilyKey::ChildWeekTitle), week.child.name);
    set_title(&title);
    let child_id = week.child.id;
    let current = week.child.id;
    let plan_href = format!("{}/{}", crate::paths::COLLECTED_PLAN, child_id);
    let plan_label = format!(
        "{} {} {}",
        t(Key::CollectedPlan),
        t(Key::ForWord),
        week.child.name
    );
    let week_label = format!("{} {}", t(Key::WeekWord), week.monday.iso_week().week);
    let children = week.children;
    view! {
        {(children.len() > 1).then(move || view! {
            <nav aria-label=t(FamilyKey::ChildrenNav) class="child-switcher">
                <ul>
                    {children.into_iter().map(|c| {
                        let href = format!("{}/{}", crate::paths::CHILD, c.id);
                        let is_current = c.id == current;
                        view! {
                            <li>
                                <A href=href attr:aria-current=is_current.then_some("page")>{c.name}</A>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
        })}
        <div class="title-row">
            <h1>{title.clone()}</h1>
            <ReadAloudButton />
        </div>
        <p class="muted">{week.child.class_name.clone()}" · "{week_label}</p>
        <section aria-labelledby="ugens-opgaver">
            <h2 id="ugens-opgaver">{t(FamilyKey::TasksThisWeek)}</h2>
            <WeekTasks tasks=week.tasks />
        </section>
        {(!week.units.is_empty()).then(|| view! {
            <section aria-labelledby="ugens-forloeb">
                <h2 id="ugens-forloeb">{t(FamilyKey::UnitsThisWeek)}</h2>
                <ul>
                    {week.units.into_iter().map(|u| view! {
                        <li><strong>{u.title}</strong>" ("{subject_name(u.subject)}")"{(!u.description.is_empty()).then(|| format!(": {}", u.description))}</li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="elevplan">
            <h2 id="elevplan">{t(Key::CollectedPlan)}</h2>
            <p><A href=plan_href>{plan_label}</A></p>
        </section>
        <section aria-labelledby="sadan-gaar-det">
            <h2 id="sadan-gaar-det">{t(FamilyKey::ProgressTitle)}</h2>
            <p>{t(FamilyKey::ProgressIntro)}</p>
            <Progress goals=week.progress />
        </section>
        <section aria-labelledby="delt-arbejde">
            <h2 id="delt-arbejde">{t(FamilyKey::SharedWorkTitle)}</h2>
            {if week.shared_work.is_empty() {
                view! { <p>{t(FamilyKey::NoSharedWork)}</p> }.into_any()
            } else {
                view! {
                    <ul class="work-list">
                        {week.shared_work.into_iter().map(|item| view! { <crate::pupil::work::SharedWorkCard item /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <CalendarLink child_id active=week.calendar_link_active />
        <p>
            <a href=format!("{}/{}", crate::paths::AUDIT_TRAIL, child_id) rel="external">
                {crate::i18n::documents::audit_link(&week.child.name)}
            </a>
        </p>
    }
}

/// Progress as bars whose words are the text alternative: each goal says its step in words and
/// as "n af m"; the bar only repeats it.
#[component]
fn Progress(goals: Vec<domain::evaluation::MyGoal>) -> impl IntoView {
    if goals.is_empty() {
        return view! { <p>{t(FamilyKey::NoProgressYet)}</p> }.into_any();
    }
    view! {
        <ul class="progress-chart">
            {goals.into_iter().map(|g| {
                let steps = g.scale.steps.len();
                let step = g.mine.as_ref().and_then(|v| v.step).map(usize::from);
                let words = match step {
                    Some(s) => format!(
                        "{} ({} {} {})",
                        g.scale.steps.get(s).cloned().unwrap_or_default(),
                        s + 1,
                        t(Key::OfWord),
                        steps
                    ),
                    None => t(FamilyKey::NotYetEvaluated).to_owned(),
                };
                let width = step.map_or(0, |s| (s + 1) * 100 / steps.max(1));
                view! {
                    <li>
                        <span class="progress-goal">{g.text}</span>": "
                        <span class="progress-words">{words}</span>
                        <span class="progress-bar" aria-hidden="true">
                            <span style=format!("width:{width}%")></span>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn CalendarLink(child_id: i64, active: bool) -> impl IntoView {
    let make = ServerAction::<MakeCalendarLink>::new();
    let revoke = ServerAction::<RevokeCalendarLink>::new();
    let active = RwSignal::new(active);
    Effect::new(move |_| {
        if let Some(Ok(_)) = make.value().get() {
            active.set(true);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            active.set(false);
        }
    });
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    view! {
        <section aria-labelledby="kalender">
            <h2 id="kalender">{t(FamilyKey::CalendarTitle)}</h2>
            <p>{t(FamilyKey::CalendarIntro)}</p>
            {move || match make.value().get() {
                Some(Ok(path)) if active.get() => view! {
                    <label for="kalenderlink">{t(FamilyKey::CalendarLinkLabel)}</label>
                    <input id="kalenderlink" type="text" readonly value=format!("{origin}{path}") />
                }.into_any(),
                _ if active.get() => view! { <p>{t(FamilyKey::CalendarLinkActive)}</p> }.into_any(),
                _ => ().into_any(),
            }}
            <div class="button-row">
                <button type="button" on:click=move |_| { make.dispatch(MakeCalendarLink { pupil_id: child_id }); }>
                    {move || if active.get() { t(FamilyKey::NewCalendarLink) } else { t(FamilyKey::MakeCalendarLink) }}
                </button>
                {move || active.get().then(|| view! {
                    <button type="button" on:click=move |_| { revoke.dispatch(RevokeCalendarLink { pupil_id: child_id }); }>
                        {t(FamilyKey::RevokeCalendarLink)}
                    </button>
                })}
            </div>
            <div role="status">
                {move || match (revoke.value().get(), active.get()) {
                    (Some(Ok(())), false) => Some(view! { <p class="notice">{t(FamilyKey::CalendarLinkStopped)}</p> }.into_any()),
                    (Some(Err(e)), _) => Some(view! { <ErrorNote error=e /> }.into_any()),
                    _ => None,
                }}
                {move || match make.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
            </div>
        </section>
    }
}

/// `/ugebrev`: the week's letter for every child, to read (aloud), print, or take as e-mail HTML.
#[component]
pub fn DigestPage() -> impl IntoView {
    set_title(t(FamilyKey::DigestTitle));
    let data = LocalResource::new(load_digest);
    view! {
        <StaffShell>
            <main id="indhold" class="page narrow">
                <div class="title-row">
                    <h1>{t(FamilyKey::DigestTitle)}</h1>
                    <ReadAloudButton />
                </div>
                <p>{t(FamilyKey::DigestIntro)}</p>
                <div class="button-row no-print">
                    <a href=crate::paths::DIGEST_HTML target="_blank" rel="noopener">{t(FamilyKey::DigestAsEmail)}</a>
                    <button type="button" on:click=|_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.print();
                        }
                    }>{t(FamilyKey::PrintDigest)}</button>
                </div>
                <Loaded data let:d>
                    {d.children.into_iter().map(|child| {
                            let heading = format!("{} ({})", child.name, child.class_name);
                            let published: Vec<String> = child.published_this_week.iter().map(|s| crate::pupil_plan::plan_name(*s)).collect();
                            view! {
                                <section class="digest-child" aria-label=child.name.clone()>
                                    <h2>{heading}</h2>
                                    {(!child.units.is_empty()).then(|| view! {
                                        <h3>{t(FamilyKey::UnitsThisWeek)}</h3>
                                        <ul>{child.units.into_iter().map(|u| view! { <li>{subject_name(u.subject)}": "{u.title}</li> }).collect_view()}</ul>
                                    })}
                                    <h3>{t(FamilyKey::TasksThisWeek)}</h3>
                                    <WeekTasks tasks=child.tasks />
                                    {(!published.is_empty()).then(|| view! { <p>{t(FamilyKey::PublishedThisWeek)}": "{published.join(", ")}</p> })}
                                    {(child.shared_this_week > 0).then(|| view! { <p>{crate::i18n::messages::shared_this_week(child.shared_this_week)}</p> })}
                                </section>
                            }
                        }).collect_view()}
                </Loaded>
            </main>
        </StaffShell>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LoadChildWeek>();
    register_explicit::<MakeCalendarLink>();
    register_explicit::<RevokeCalendarLink>();
    register_explicit::<LoadDigest>();
}
