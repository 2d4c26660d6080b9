//! Importing a roster file on the administration screen: choose a file, see what it would change
//! (with every problem by line and column), then apply it. The file goes to the server as the
//! bytes it is, so Excel's Windows-1252 files are read there like UTF-8 ones.

use crate::components::{DecorativeIcon, ErrorNote};
use crate::i18n::messages;
use crate::i18n::{IdentityKey, problem_text, t};
use domain::AppError;
use domain::roster::{ImportKind, ImportReport, RowProblem};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "import_roster", input = Json)]
pub async fn import_roster(data_base64: String, apply: bool) -> Result<ImportReport, AppError> {
    backend::identity::roster_import::import_roster_base64(
        &crate::request_ctx()?,
        &data_base64,
        apply,
    )
    .await
}

/// The chosen file, as sent, and how many lines it has (for the progress line).
#[derive(Clone, Default)]
struct Chosen {
    data_base64: String,
    lines: usize,
}

/// Choose a file → see the dry run → apply.
#[component]
pub fn ImportSection(import: ServerAction<ImportRoster>) -> impl IntoView {
    let chosen = RwSignal::new(Chosen::default());
    let read_failed = RwSignal::new(false);
    let on_file = when_file_read(read_failed, move |bytes| {
        let lines = bytes
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .count();
        let data_base64 = crate::base64::encode(&bytes);
        chosen.set(Chosen {
            data_base64: data_base64.clone(),
            lines: lines.saturating_sub(1),
        });
        import.dispatch(ImportRoster {
            data_base64,
            apply: false,
        });
    });
    let progress = move || {
        import.pending().get().then(|| {
            let text = match import.input().get() {
                Some(ImportRoster { apply: true, .. }) => {
                    messages::import_applying(u32::try_from(chosen.get().lines).unwrap_or(0))
                }
                _ => messages::import_checking(chosen.get().lines),
            };
            view! {
                <p class="import-progress">
                    <progress aria-label=text.clone()></progress>
                    <span>{text}</span>
                </p>
            }
        })
    };
    view! {
        <section class="card import" aria-labelledby="import-title">
            <h2 id="import-title">
                <DecorativeIcon icon=icondata::LuFileUp />
                <span>{t(IdentityKey::ImportTitle)}</span>
            </h2>
            <p>{t(IdentityKey::ImportIntro)}</p>
            <label for="roster-file">{t(IdentityKey::ImportFileLabel)}</label>
            <input id="roster-file" type="file" accept=".csv,text/csv" on:change=on_file />
            <div aria-live="polite">
                {progress}
                {move || read_failed.get().then(|| view! { <p class="error" role="alert">{t(IdentityKey::ImportReadFailed)}</p> })}
                {move || (!import.pending().get()).then(|| import.value().get().map(|result| match result {
                    Ok(report) => view! { <ImportReportView report chosen import /> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                }))}
            </div>
        </section>
    }
}

/// An `<input type="file">` change handler: reads the chosen file whole and hands its bytes, as
/// they are, to `then`; `read_failed` says whether the browser could not read it.
pub(super) fn when_file_read(
    read_failed: RwSignal<bool>,
    then: impl Fn(Vec<u8>) + Clone + 'static,
) -> impl Fn(leptos::ev::Event) + Clone + 'static {
    move |ev| {
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        let then = then.clone();
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            match read {
                Ok(buffer) => {
                    read_failed.set(false);
                    then(js_sys::Uint8Array::new(&buffer).to_vec());
                }
                Err(_) => read_failed.set(true),
            }
        });
    }
}

fn problem_description(problem: &RowProblem) -> String {
    match problem.other_line {
        Some(other) => messages::same_person_as_line(other),
        None => problem_text(problem.kind).to_owned(),
    }
}

#[component]
fn ImportReportView(
    report: ImportReport,
    chosen: RwSignal<Chosen>,
    import: ServerAction<ImportRoster>,
) -> impl IntoView {
    let none = || t(IdentityKey::None_).to_owned();
    let classes = if report.classes_to_create.is_empty() {
        none()
    } else {
        report.classes_to_create.join(", ")
    };
    let moves: Vec<String> = report
        .pupils_to_move
        .iter()
        .map(|m| match &m.from {
            Some(from) => messages::pupil_moves(&m.name, from, &m.to),
            None => messages::pupil_returns(&m.name, &m.to),
        })
        .collect();
    let has_problems = !report.problems.is_empty();
    let applied = report.applied;
    let summary = match report.kind {
        ImportKind::Pupils => view! {
            <dl class="import-summary">
                <dt>{t(IdentityKey::ImportClassesToCreate)}</dt><dd>{classes}</dd>
                <dt>{t(IdentityKey::ImportPupilsToAdd)}</dt><dd>{report.pupils_to_add}</dd>
                <dt>{t(IdentityKey::ImportPupilsToMove)}</dt>
                <dd>
                    {if moves.is_empty() {
                        view! { <span>{none()}</span> }.into_any()
                    } else {
                        view! { <ul class="plain-list">{moves.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> }.into_any()
                    }}
                </dd>
                <dt>{t(IdentityKey::ImportPupilsToLink)}</dt><dd>{report.pupils_to_link}</dd>
                <dt>{t(IdentityKey::ImportPupilsUnchanged)}</dt><dd>{report.pupils_unchanged}</dd>
                <dt>{t(IdentityKey::ImportGuardiansToAdd)}</dt><dd>{report.guardians_to_add}</dd>
                <dt>{t(IdentityKey::ImportGuardiansToLink)}</dt><dd>{report.guardians_to_link}</dd>
            </dl>
        }
        .into_any(),
        ImportKind::Staff => view! {
            <dl class="import-summary">
                <dt>{t(IdentityKey::ImportStaffToAdd)}</dt><dd>{report.staff_to_add}</dd>
                <dt>{t(IdentityKey::ImportStaffToUpdate)}</dt><dd>{report.staff_to_update}</dd>
                <dt>{t(IdentityKey::ImportStaffUnchanged)}</dt><dd>{report.staff_unchanged}</dd>
            </dl>
        }
        .into_any(),
    };
    view! {
        {applied.then(|| view! { <p class="notice" role="status">{t(IdentityKey::ImportApplied)}</p> })}
        {summary}
        {if has_problems {
            view! { <ProblemsTable problems=report.problems /> }.into_any()
        } else if applied {
            ().into_any()
        } else {
            view! {
                <p>{t(IdentityKey::ImportNoProblems)}</p>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        import.dispatch(ImportRoster { data_base64: chosen.get_untracked().data_base64, apply: true });
                    }
                >
                    {t(IdentityKey::ImportApply)}
                </button>
            }.into_any()
        }}
    }
}

/// A file's problems, by line and column: with any, the file changes nothing.
#[component]
pub(super) fn ProblemsTable(problems: Vec<RowProblem>) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label=t(IdentityKey::ImportProblemsTitle) tabindex="0">
            <table>
                <caption>{t(IdentityKey::ImportProblemsTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(IdentityKey::ColLine)}</th>
                        <th scope="col">{t(IdentityKey::ColColumn)}</th>
                        <th scope="col">{t(IdentityKey::ColProblem)}</th>
                    </tr>
                </thead>
                <tbody>
                    {problems.into_iter().map(|p| view! {
                        <tr>
                            <th scope="row">{p.line}</th>
                            <td>{p.column.map(|c| c.header()).unwrap_or("–")}</td>
                            <td>{problem_description(&p)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
