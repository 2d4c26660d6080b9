//! Opening a new school year, for the school's leader: what will happen to each class and hold,
//! then one button that does it (see `backend::identity::new_year`); or the same from next
//! year's roster file, whose classes are matched to last year's before anything changes.

use super::roster_import::{ProblemsTable, when_file_read};
use crate::components::{ErrorNote, confirmed};
use crate::i18n::{IdentityKey, messages, t};
use domain::AppError;
use domain::roster::{ClassMatchRule, NewYearPreview};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "preview_new_year")]
pub async fn preview_new_year() -> Result<NewYearPreview, AppError> {
    backend::identity::new_year::preview_new_year(&crate::request_ctx()?).await
}

#[server(endpoint = "open_new_year")]
pub async fn open_new_year() -> Result<(), AppError> {
    backend::identity::new_year::open_new_year(&crate::request_ctx()?).await
}

#[server(endpoint = "new_year_from_file", input = Json)]
pub async fn new_year_from_file(
    data_base64: String,
    apply: bool,
) -> Result<NewYearPreview, AppError> {
    backend::identity::new_year::new_year_from_file_base64(
        &crate::request_ctx()?,
        &data_base64,
        apply,
    )
    .await
}

/// Shown to leaders once last year's classes are there to move up.
#[component]
pub fn NewYearSection(on_opened: Callback<()>) -> impl IntoView {
    let preview = LocalResource::new(preview_new_year);
    let open = ServerAction::<OpenNewYear>::new();
    let from_file = ServerAction::<NewYearFromFile>::new();
    Effect::new(move |_| {
        let opened = matches!(open.value().get(), Some(Ok(())));
        let opened_from_file = matches!(from_file.value().get(), Some(Ok(p)) if p.opened);
        if opened || opened_from_file {
            preview.refetch();
            on_opened.run(());
        }
    });
    view! {
        {move || preview.get().map(|result| match result {
            Ok(p) if !p.classes.is_empty() => view! { <NewYearPlan preview=p open from_file /> }.into_any(),
            Ok(_) => ().into_any(),
            Err(e) => view! { <ErrorNote error=e /> }.into_any(),
        })}
    }
}

/// Where each of last year's classes goes, and why.
fn class_line(c: &domain::roster::ClassMove) -> String {
    match (&c.to, c.why) {
        (Some(to), why) => messages::class_continues(&c.from, to, c.pupils, why),
        (None, ClassMatchRule::Ends) => messages::class_ends(&c.from, c.pupils),
        (None, _) => messages::class_leaves(&c.from, c.pupils),
    }
}

/// The classes and hold a preview shows, with or without a file.
#[component]
fn Changes(preview: NewYearPreview) -> impl IntoView {
    view! {
        <h3>{t(IdentityKey::NewYearClasses)}</h3>
        <ul class="plain-list">
            {preview.classes.iter().map(|c| view! { <li>{class_line(c)}</li> }).collect_view()}
        </ul>
        {(!preview.leaving.is_empty()).then(|| view! {
            <h3>{t(IdentityKey::NewYearLeaving)}</h3>
            <ul class="plain-list">
                {preview.leaving.iter().map(|name| view! { <li>{name.clone()}</li> }).collect_view()}
            </ul>
        })}
        <h3>{t(IdentityKey::NewYearTeams)}</h3>
        <ul class="plain-list">
            {preview.teams.iter().map(|m| view! {
                <li>{messages::team_carried(&m.from, &m.to, &m.teachers)}</li>
            }).collect_view()}
        </ul>
        {(!preview.not_carried.is_empty()).then(|| view! {
            <p>{messages::teams_not_carried(&preview.not_carried)}</p>
        })}
    }
}

#[component]
fn NewYearPlan(
    preview: NewYearPreview,
    open: ServerAction<OpenNewYear>,
    from_file: ServerAction<NewYearFromFile>,
) -> impl IntoView {
    let title = messages::open_school_year(&preview.to);
    let button = title.clone();
    let confirm = messages::confirm_open_school_year(&preview.to);
    let year = preview.to.clone();
    let intro = messages::new_year_intro(&preview.from, &preview.to);
    view! {
        <section class="card" aria-labelledby="new-year-title">
            <h2 id="new-year-title">{title}</h2>
            <p>{intro}</p>
            <Changes preview />
            {move || open.value().get().and_then(Result::err).map(|e| view! { <ErrorNote error=e /> })}
            <button
                type="button"
                class="primary"
                on:click=move |_| {
                    if confirmed(&confirm) {
                        open.dispatch(OpenNewYear {});
                    }
                }
            >
                {button}
            </button>
            <FromFile year from_file />
        </section>
    }
}

/// Opening the year from next year's roster file: choose it, see the matching, then open.
#[component]
fn FromFile(year: String, from_file: ServerAction<NewYearFromFile>) -> impl IntoView {
    let chosen = RwSignal::new(String::new());
    let read_failed = RwSignal::new(false);
    let on_file = when_file_read(read_failed, move |bytes| {
        let data_base64 = crate::base64::encode(&bytes);
        chosen.set(data_base64.clone());
        from_file.dispatch(NewYearFromFile {
            data_base64,
            apply: false,
        });
    });
    let result = move || {
        from_file.value().get().map(|result| match result {
            Ok(p) => view! { <FilePlan preview=p year=year.clone() chosen from_file /> }.into_any(),
            Err(e) => view! { <ErrorNote error=e /> }.into_any(),
        })
    };
    view! {
        <h3>{t(IdentityKey::NewYearFromFileLabel)}</h3>
        <p>{t(IdentityKey::NewYearFromFileIntro)}</p>
        <label for="new-year-file">{t(IdentityKey::ImportFileLabel)}</label>
        <input id="new-year-file" type="file" accept=".csv,text/csv" on:change=on_file />
        <div aria-live="polite">
            {move || read_failed.get().then(|| view! { <p class="error" role="alert">{t(IdentityKey::ImportReadFailed)}</p> })}
            {result}
        </div>
    }
}

#[component]
fn FilePlan(
    preview: NewYearPreview,
    year: String,
    chosen: RwSignal<String>,
    from_file: ServerAction<NewYearFromFile>,
) -> impl IntoView {
    let report = preview.file.clone();
    let problems = report
        .as_ref()
        .map(|r| r.problems.clone())
        .unwrap_or_default();
    let opened = preview.opened;
    let none = || t(IdentityKey::None_).to_owned();
    let new_classes = report
        .as_ref()
        .map(|r| r.classes_to_create.join(", "))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(none);
    let new_pupils = report.as_ref().map_or(0, |r| r.pupils_to_add);
    let button = messages::open_school_year_from_file(&year);
    let confirm = messages::confirm_open_school_year_from_file(&year);
    view! {
        {opened.then(|| view! { <p class="notice" role="status">{t(crate::i18n::Key::Saved)}</p> })}
        <Changes preview />
        <h3>{t(IdentityKey::NewYearFileTitle)}</h3>
        <dl class="import-summary">
            <dt>{t(IdentityKey::ImportClassesToCreate)}</dt><dd>{new_classes}</dd>
            <dt>{t(IdentityKey::ImportPupilsToAdd)}</dt><dd>{new_pupils}</dd>
        </dl>
        {if !problems.is_empty() {
            view! { <ProblemsTable problems /> }.into_any()
        } else if opened {
            ().into_any()
        } else {
            view! {
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        if confirmed(&confirm) {
                            from_file.dispatch(NewYearFromFile { data_base64: chosen.get_untracked(), apply: true });
                        }
                    }
                >
                    {button}
                </button>
            }.into_any()
        }}
    }
}
