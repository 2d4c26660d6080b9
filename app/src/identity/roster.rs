//! Administration for leaders and the school office: classes with their pupils, moving a pupil,
//! marking a pupil as having left, and importing a roster file with a dry run first.

use super::roster_forms::{
    LinkGuardianForm, NewClassForm, NewPupilForm, NewStaffForm, NewTeamForm,
};
use crate::components::{DecorativeIcon, ErrorNote, set_title};
use crate::i18n::IdentityKey;
use crate::i18n::{Key, counts, grade_name, problem_text, subject_name, t};
use crate::identity::shell::AppHeader;
use domain::AppError;
use domain::identity::Me;
use domain::roster::{ImportReport, Roster, RosterTeam};
use leptos::prelude::*;

#[server(endpoint = "roster")]
pub async fn load_roster() -> Result<(Me, Roster), AppError> {
    let ctx = crate::request_ctx()?;
    let roster = backend::identity::roster::roster(&ctx).await?;
    Ok((backend::identity::me(&ctx).await?, roster))
}

#[server(endpoint = "import_roster")]
pub async fn import_roster(text: String, apply: bool) -> Result<ImportReport, AppError> {
    backend::identity::roster_import::import_roster(&crate::request_ctx()?, &text, apply).await
}

#[server(endpoint = "move_pupil")]
pub async fn move_pupil(pupil_id: i64, class_id: i64) -> Result<(), AppError> {
    backend::identity::roster::move_pupil(&crate::request_ctx()?, pupil_id, class_id).await
}

#[server(endpoint = "mark_pupil_left")]
pub async fn mark_pupil_left(pupil_id: i64) -> Result<(), AppError> {
    backend::identity::roster::mark_pupil_left(&crate::request_ctx()?, pupil_id).await
}

#[component]
pub fn AdministrationPage() -> impl IntoView {
    set_title(t(IdentityKey::AdminTitle));
    let data = LocalResource::new(load_roster);
    let move_action = ServerAction::<MovePupil>::new();
    let left_action = ServerAction::<MarkPupilLeft>::new();
    let import = ServerAction::<ImportRoster>::new();
    Effect::new(move |_| {
        let moved = matches!(move_action.value().get(), Some(Ok(())));
        let left = matches!(left_action.value().get(), Some(Ok(())));
        let imported = matches!(
            import.value().get(),
            Some(Ok(ImportReport { applied: true, .. }))
        );
        if moved || left || imported {
            data.refetch();
        }
    });
    let reload = Callback::new(move |()| data.refetch());
    let action_error = move || match (move_action.value().get(), left_action.value().get()) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
        _ => None,
    };
    view! {
        <Transition fallback=|| view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }>
            {move || data.get().map(|result| match result {
                Ok((me, roster)) => {
                    let class_choices: Vec<(i64, String)> = roster.classes.iter().map(|c| (c.id, c.name.clone())).collect();
                    view! {
                        <AppHeader me=me.clone() />
                        <main id="indhold" class="page">
                            <h1>{t(IdentityKey::AdminTitle)}": "{roster.school_name.clone()}</h1>
                            <ImportSection import />
                            <section class="admin-forms" aria-labelledby="create-title">
                                <h2 id="create-title">{t(IdentityKey::CreateTitle)}</h2>
                                <div class="form-grid">
                                    <NewClassForm on_saved=reload />
                                    <NewPupilForm classes=class_choices.clone() on_saved=reload />
                                    <NewStaffForm on_saved=reload />
                                    <NewTeamForm classes=class_choices.clone() staff=roster.staff.clone() on_saved=reload />
                                </div>
                            </section>
                            <super::school_years::SchoolYearsSection />
                            {(me.role == domain::identity::Role::Leader).then(|| view! {
                                <super::access::UniLoginSettings institution_number=roster.institution_number.clone() />
                            })}
                            <super::access::StaffList me=me.clone() staff=roster.staff.clone() on_changed=reload />
                            <Teams teams=roster.teams.clone() />
                            {action_error}
                            {roster.classes.into_iter().map(|class| {
                                let choices = class_choices.clone();
                                let heading_id = format!("class-{}", class.id);
                                let labelled_by = heading_id.clone();
                                view! {
                                    <section class="card roster-class" aria-labelledby=labelled_by>
                                        <h2 id=heading_id>{class.name.clone()}" ("{grade_name(class.grade)}")"</h2>
                                        <ul class="roster-pupils">
                                            {class.pupils.into_iter().map(|pupil| {
                                                let select_id = format!("move-{}", pupil.id);
                                                let select = NodeRef::<leptos::html::Select>::new();
                                                let others: Vec<(i64, String)> = choices.iter().filter(|(id, _)| *id != class.id).cloned().collect();
                                                let name = pupil.name.clone();
                                                view! {
                                                    <li class="roster-pupil">
                                                        <p class="pupil-name">{pupil.name.clone()}</p>
                                                        <super::access::GuardianAccess pupil_id=pupil.id pupil_name=pupil.name.clone() guardians=pupil.guardians.clone() on_changed=reload />
                                                        <LinkGuardianForm pupil_id=pupil.id pupil_name=pupil.name.clone() on_saved=reload />
                                                        <div class="pupil-actions">
                                                            <label for=select_id.clone() class="visually-hidden">{crate::i18n::messages::new_class_for(&pupil.name)}</label>
                                                            <select id=select_id node_ref=select>
                                                                {others.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                                                            </select>
                                                            <button
                                                                type="button"
                                                                aria-label=format!("{} {}", t(IdentityKey::MovePupil), pupil.name)
                                                                on:click=move |_| {
                                                                    let class_id = select.get().and_then(|s| s.value().parse::<i64>().ok());
                                                                    if let Some(class_id) = class_id {
                                                                        move_action.dispatch(MovePupil { pupil_id: pupil.id, class_id });
                                                                    }
                                                                }
                                                            >
                                                                {t(IdentityKey::MovePupil)}
                                                            </button>
                                                            <button
                                                                type="button"
                                                                on:click=move |_| {
                                                                    let confirmed = web_sys::window()
                                                                        .and_then(|w| w.confirm_with_message(t(IdentityKey::ConfirmMarkLeft)).ok())
                                                                        .unwrap_or(false);
                                                                    if confirmed {
                                                                        left_action.dispatch(MarkPupilLeft { pupil_id: pupil.id });
                                                                    }
                                                                }
                                                            >
                                                                {crate::i18n::messages::mark_left(&name)}
                                                            </button>
                                                        </div>
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    </section>
                                }
                            }).collect_view()}
                        </main>
                    }.into_any()
                }
                Err(e) => view! {
                    <main id="indhold" class="page narrow">
                        <h1>{t(IdentityKey::AdminTitle)}</h1>
                        <ErrorNote error=e />
                    </main>
                }.into_any(),
            })}
        </Transition>
    }
}

/// Choose a file → see the dry run → apply.
#[component]
fn ImportSection(import: ServerAction<ImportRoster>) -> impl IntoView {
    let file_text = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = event_target_checked(&ev);
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            file_text.set(text.clone());
            import.dispatch(ImportRoster { text, apply: false });
        });
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
                {move || import.value().get().map(|result| match result {
                    Ok(report) => view! { <ImportReportView report file_text import /> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
            </div>
        </section>
    }
}

fn event_target_checked(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
}

#[component]
fn ImportReportView(
    report: ImportReport,
    file_text: RwSignal<String>,
    import: ServerAction<ImportRoster>,
) -> impl IntoView {
    let classes = if report.classes_to_create.is_empty() {
        t(IdentityKey::None_).to_owned()
    } else {
        report.classes_to_create.join(", ")
    };
    let has_problems = !report.problems.is_empty();
    let applied = report.applied;
    view! {
        {applied.then(|| view! { <p class="notice" role="status">{t(IdentityKey::ImportApplied)}</p> })}
        <dl class="import-summary">
            <dt>{t(IdentityKey::ImportClassesToCreate)}</dt><dd>{classes}</dd>
            <dt>{t(IdentityKey::ImportPupilsToAdd)}</dt><dd>{report.pupils_to_add}</dd>
            <dt>{t(IdentityKey::ImportPupilsUnchanged)}</dt><dd>{report.pupils_unchanged}</dd>
            <dt>{t(IdentityKey::ImportGuardiansToAdd)}</dt><dd>{report.guardians_to_add}</dd>
        </dl>
        {if has_problems {
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
                            {report.problems.into_iter().map(|p| view! {
                                <tr>
                                    <th scope="row">{p.line}</th>
                                    <td>{p.column}</td>
                                    <td>{problem_text(p.kind)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        } else if applied {
            ().into_any()
        } else {
            view! {
                <p>{t(IdentityKey::ImportNoProblems)}</p>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| { import.dispatch(ImportRoster { text: file_text.get_untracked(), apply: true }); }
                >
                    {t(IdentityKey::ImportApply)}
                </button>
            }.into_any()
        }}
    }
}

/// This year's hold.
#[component]
fn Teams(teams: Vec<RosterTeam>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="teams-title">
            <h2 id="teams-title">{t(IdentityKey::TeamsTitle)}</h2>
            <ul class="plain-list">
                {teams.into_iter().map(|team| view! {
                    <li>
                        <strong>{team.name}</strong>
                        " ("{subject_name(team.subject)}", "{counts::pupils(team.pupil_count)}") – "
                        {team.teachers.join(", ")}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
