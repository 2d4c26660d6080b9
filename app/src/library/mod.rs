//! The school's library of shared forløb: search, preview, copy.

use domain::AppError;
use domain::planning::{LibraryFilter, LibraryPage, Unit};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "library_search", input = Json)]
pub async fn library_search(filter: LibraryFilter) -> Result<LibraryPage, AppError> {
    backend::library::search(&crate::request_ctx()?, &filter).await
}

#[server(endpoint = "library_preview")]
pub async fn library_preview(unit_id: i64) -> Result<Unit, AppError> {
    backend::library::preview(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "library_copy")]
pub async fn library_copy(unit_id: i64, year_plan_id: i64) -> Result<i64, AppError> {
    backend::library::copy(&crate::request_ctx()?, unit_id, year_plan_id).await
}

use crate::components::{DecorativeIcon, ErrorNote, input_value, select_value, set_title};
use crate::i18n::LibraryKey;
use crate::i18n::{Key, counts, goal_kind_name, grade_name, subject_name, t, week_range};
use crate::identity::shell::StaffShell;
use crate::paths;
use crate::pictures::task_icon;
use crate::planning::api::load_planning;
use domain::school::Subject;
use leptos::html::{Input, Select};
use leptos_router::components::A;

/// `/bibliotek`: filter the school's shared forløb, preview one, copy it into an årsplan.
#[component]
pub fn LibraryPage() -> impl IntoView {
    set_title(t(Key::LibraryTitle));
    // What the newest search found. The first, unfiltered search may answer after one the teacher
    // has since made with filters: only the newest search's answer is shown.
    let found = RwSignal::new(None::<Result<LibraryPage, AppError>>);
    let asked = StoredValue::new(0u64);
    let search = move |filter: LibraryFilter| {
        let n = asked.get_value() + 1;
        asked.set_value(n);
        leptos::task::spawn_local(async move {
            let result = library_search(filter).await;
            if asked.try_get_value() == Some(n) {
                found.try_set(Some(result));
            }
        });
    };
    let preview = ServerAction::<LibraryPreview>::new();
    let (subject, grade, author) = (
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
    );
    let (goal, words) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let authors = RwSignal::new(Vec::<domain::planning::LibraryAuthor>::new());
    // The first search shows everything and fills the author list.
    search(LibraryFilter::default());
    Effect::new(move |_| {
        if let Some(Ok(page)) = found.get()
            && authors.with_untracked(Vec::is_empty)
        {
            authors.set(page.authors);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        search(LibraryFilter {
            subject: Subject::parse(&select_value(subject)).ok(),
            grade: select_value(grade).parse().ok(),
            goal: input_value(goal),
            author_id: select_value(author).parse().ok(),
            words: input_value(words),
        });
    };
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <h1>{t(Key::LibraryTitle)}</h1>
                <p>{t(LibraryKey::LibraryIntro)}</p>
                <form class="card filter-form" role="search" aria-label=t(LibraryKey::LibraryFilters) on:submit=submit>
                    <div class="field">
                        <label for="lib-subject">{t(Key::SubjectLabel)}</label>
                        <select id="lib-subject" node_ref=subject>
                            <option value="">{t(LibraryKey::AnySubject)}</option>
                            {move || Subject::ALL.into_iter().chain(crate::subjects::own_subjects().into_iter().map(|o| o.subject())).map(|s| view! { <option value=s.code().into_owned()>{subject_name(s)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="lib-grade">{t(Key::GradeLabel)}</label>
                        <select id="lib-grade" node_ref=grade>
                            <option value="">{t(Key::AnyGrade)}</option>
                            {(0u8..=10).map(|g| view! { <option value=g.to_string()>{grade_name(g)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="lib-goal">{t(LibraryKey::GoalFilterLabel)}</label>
                        <input id="lib-goal" type="search" node_ref=goal />
                    </div>
                    <div class="field">
                        <label for="lib-author">{t(LibraryKey::AuthorLabel)}</label>
                        <select id="lib-author" node_ref=author>
                            <option value="">{t(LibraryKey::AnyAuthor)}</option>
                            {move || authors.get().into_iter().map(|a| view! { <option value=a.id.to_string()>{a.name}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="lib-words">{t(Key::SearchWords)}</label>
                        <input id="lib-words" type="search" node_ref=words />
                    </div>
                    <button type="submit" class="primary">{t(LibraryKey::SearchLibrary)}</button>
                </form>
                <div aria-live="polite">
                    {move || found.get().map(|result| match result {
                        Ok(page) if page.entries.is_empty() => view! { <p>{t(LibraryKey::NothingFound)}</p> }.into_any(),
                        Ok(page) => view! {
                            <ul class="card-list" aria-label=t(LibraryKey::LibraryResults)>
                                {page.entries.into_iter().map(|e| {
                                    let id = e.unit_id;
                                    let grades = e.grades.map(|(a, b)| if a == b { grade_name(a) } else { format!("{a}.–{b}. klasse") }).unwrap_or_default();
                                    view! {
                                        <li class="card">
                                            <h2>{e.title.clone()}</h2>
                                            <p class="muted">{subject_name(e.subject)}" · "{grades}" · "{counts::weeks(e.weeks)}" · "{e.author.clone()}</p>
                                            {(!e.goals.is_empty()).then(|| view! { <p>{t(Key::GoalsTitle)}": "{e.goals.join("; ")}</p> })}
                                            <button type="button" on:click=move |_| { preview.dispatch(LibraryPreview { unit_id: id }); }>
                                                {crate::i18n::messages::preview_unit(&e.title)}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                    })}
                </div>
                {move || preview.value().get().map(|result| match result {
                    Ok(unit) => view! { <Preview unit /> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
            </main>
        </StaffShell>
    }
}

/// A shared forløb read-only, with the choice of årsplan to copy it into.
#[component]
fn Preview(unit: Unit) -> impl IntoView {
    let copy = ServerAction::<LibraryCopy>::new();
    let plans = LocalResource::new(load_planning);
    let target = NodeRef::<Select>::new();
    let unit_id = unit.id;
    let title = unit.title.clone();
    view! {
        <section class="card library-preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{crate::i18n::messages::the_unit(&unit.title)}</h2>
            <p class="muted">{subject_name(unit.subject)}" · "{week_range(unit.first_week, unit.last_week)}" · "{unit.author.clone()}</p>
            <p class="pre">{unit.description.clone()}</p>
            <h3>{t(Key::GoalsTitle)}</h3>
            <ul class="plain-list">
                {unit.goals.iter().map(|g| view! { <li>{g.text.clone()}" ("{goal_kind_name(g.kind)}", "{g.scale.name.clone()}")"</li> }).collect_view()}
            </ul>
            <h3>{t(Key::TasksTitle)}</h3>
            <ul class="plain-list">
                {unit.tasks.iter().map(|task| view! {
                    <li><DecorativeIcon icon=task_icon(task.icon) />" "<strong>{task.title.clone()}</strong>": "{task.instruction.clone()}</li>
                }).collect_view()}
            </ul>
            <h3>{t(Key::MaterialsTitle)}</h3>
            <ul class="plain-list">
                {unit.materials.iter().map(|m| view! { <li><a href=m.url.clone() target="_blank" rel="noopener noreferrer">{m.title.clone()}</a></li> }).collect_view()}
            </ul>
            <Suspense fallback=|| ()>
                {move || plans.get().map(|result| match result {
                    Ok(overview) => {
                        let mine: Vec<(i64, String)> = overview.teams.iter().filter_map(|team| team.year_plan.as_ref().map(|p| (p.id, format!("{} ({})", p.title, team.team_name)))).collect();
                        let title = title.clone();
                        if mine.is_empty() {
                            view! { <p>{t(LibraryKey::NoYearPlanToCopyTo)}</p> }.into_any()
                        } else {
                            view! {
                                <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                    ev.prevent_default();
                                    if let Ok(year_plan_id) = select_value(target).parse() {
                                        copy.dispatch(LibraryCopy { unit_id, year_plan_id });
                                    }
                                }>
                                    <label for="copy-target">{t(LibraryKey::CopyInto)}</label>
                                    <select id="copy-target" node_ref=target>
                                        {mine.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                                    </select>
                                    <button type="submit" class="primary">{crate::i18n::messages::copy_unit(&title)}</button>
                                </form>
                            }.into_any()
                        }
                    }
                    Err(_) => ().into_any(),
                })}
            </Suspense>
            {move || copy.value().get().map(|result| match result {
                Ok(id) => view! {
                    <p class="notice" role="status">
                        {t(LibraryKey::CopiedNotice)}" "
                        <A href=format!("{}/{id}", paths::UNIT)>{t(LibraryKey::OpenCopy)}</A>
                    </p>
                }.into_any(),
                Err(e) => view! { <ErrorNote error=e /> }.into_any(),
            })}
        </section>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LibrarySearch>();
    register_explicit::<LibraryPreview>();
    register_explicit::<LibraryCopy>();
}
