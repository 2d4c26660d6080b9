//! A hold's people, for its leaders, the office and its own teachers: who teaches it and who is
//! taught, adding teachers and pupils (one by one or a whole class), taking them off, archiving,
//! and what changed when.

use crate::components::{ErrorNote, confirmed, select_value, set_title};
use crate::i18n::{Key, TeamsKey, counts, messages, subject_name, t};
use crate::identity::shell::AppHeader;
use domain::AppError;
use domain::identity::{Me, Role};
use domain::teams::TeamMembers;
use leptos::html::Select;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[server(endpoint = "team_members")]
pub async fn load_team(team_id: i64) -> Result<(Me, TeamMembers), AppError> {
    let ctx = crate::request_ctx()?;
    let team = backend::teams::team_members(&ctx, team_id).await?;
    Ok((backend::identity::me(&ctx).await?, team))
}

#[server(endpoint = "add_team_teacher")]
pub async fn add_team_teacher(team_id: i64, person_id: i64) -> Result<(), AppError> {
    backend::teams::add_teacher(&crate::request_ctx()?, team_id, person_id).await
}

#[server(endpoint = "add_team_pupil")]
pub async fn add_team_pupil(team_id: i64, pupil_id: i64) -> Result<(), AppError> {
    backend::teams::add_pupil(&crate::request_ctx()?, team_id, pupil_id).await
}

#[server(endpoint = "add_team_class")]
pub async fn add_team_class(team_id: i64, class_id: i64) -> Result<u32, AppError> {
    backend::teams::add_class(&crate::request_ctx()?, team_id, class_id).await
}

#[server(endpoint = "remove_team_member")]
pub async fn remove_team_member(team_id: i64, person_id: i64) -> Result<(), AppError> {
    backend::teams::remove_member(&crate::request_ctx()?, team_id, person_id).await
}

#[server(endpoint = "archive_team")]
pub async fn archive_team(team_id: i64) -> Result<(), AppError> {
    backend::teams::archive_team(&crate::request_ctx()?, team_id).await
}

#[server(endpoint = "restore_team")]
pub async fn restore_team(team_id: i64) -> Result<(), AppError> {
    backend::teams::restore_team(&crate::request_ctx()?, team_id).await
}

fn role_text(role: Role) -> &'static str {
    if role == Role::Paedagog {
        t(TeamsKey::RolePaedagog)
    } else {
        t(TeamsKey::RoleTeacher)
    }
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let params = use_params_map();
    let team_id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let data = LocalResource::new(move || load_team(team_id()));
    let add_teacher = ServerAction::<AddTeamTeacher>::new();
    let add_pupil = ServerAction::<AddTeamPupil>::new();
    let add_class = ServerAction::<AddTeamClass>::new();
    let remove = ServerAction::<RemoveTeamMember>::new();
    let archive = ServerAction::<ArchiveTeam>::new();
    let restore = ServerAction::<RestoreTeam>::new();
    Effect::new(move |_| {
        // Every value is read (no short-circuit), so the effect follows each action.
        let done = [
            matches!(add_teacher.value().get(), Some(Ok(()))),
            matches!(add_pupil.value().get(), Some(Ok(()))),
            matches!(add_class.value().get(), Some(Ok(_))),
            matches!(remove.value().get(), Some(Ok(()))),
            matches!(archive.value().get(), Some(Ok(()))),
            matches!(restore.value().get(), Some(Ok(()))),
        ];
        if done.contains(&true) {
            data.refetch();
        }
    });
    let error = move || {
        [
            add_teacher.value().get().and_then(Result::err),
            add_pupil.value().get().and_then(Result::err),
            add_class.value().get().and_then(Result::err),
            remove.value().get().and_then(Result::err),
            archive.value().get().and_then(Result::err),
            restore.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|e| view! { <ErrorNote error=e /> })
    };
    view! {
        <Transition fallback=|| view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }>
            {move || data.get().filter(|_| crate::subjects::ready()).map(|result| match result {
                Ok((me, team)) => {
                    set_title(&team.name);
                    let id = team.id;
                    let teacher_select = NodeRef::<Select>::new();
                    let pupil_select = NodeRef::<Select>::new();
                    let class_select = NodeRef::<Select>::new();
                    let last_teacher = team.teachers.len() <= 1;
                    let archived = team.archived;
                    let placement = team.class_name.clone().unwrap_or_else(|| t(TeamsKey::AcrossClasses).to_owned());
                    let any_pupil = team.classes.iter().any(|c| !c.pupils.is_empty());
                    view! {
                        <AppHeader me=me />
                        <main id="indhold" class="page">
                            <h1>{team.name.clone()}</h1>
                            <p class="muted">{subject_name(team.subject)}" · "{placement}" · "{counts::pupils(u32::try_from(team.pupils.len()).unwrap_or(0))}</p>
                            {error}
                            {archived.then(|| view! {
                                <div class="notice" role="status">
                                    <p>{t(TeamsKey::Archived)}</p>
                                    <button type="button" on:click=move |_| { restore.dispatch(RestoreTeam { team_id: id }); }>{t(TeamsKey::Restore)}</button>
                                </div>
                            })}
                            <section class="card" aria-labelledby="team-teachers">
                                <h2 id="team-teachers">{t(TeamsKey::TeachersTitle)}</h2>
                                <ul class="plain-list member-list">
                                    {team.teachers.iter().map(|teacher| {
                                        let person_id = teacher.id;
                                        view! {
                                            <li>
                                                <span>{teacher.name.clone()}" ("{role_text(teacher.role)}")"</span>
                                                {(!archived && !last_teacher).then(|| view! {
                                                    <button type="button" on:click=move |_| { remove.dispatch(RemoveTeamMember { team_id: id, person_id }); }>
                                                        {messages::remove_from_team(&teacher.name)}
                                                    </button>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                {(!archived).then(|| if team.staff_to_add.is_empty() {
                                    view! { <p>{t(TeamsKey::NoneToAdd)}</p> }.into_any()
                                } else {
                                    view! {
                                        <form class="inline-form" aria-label=t(TeamsKey::AddTeacherTitle) on:submit=move |ev: leptos::ev::SubmitEvent| {
                                            ev.prevent_default();
                                            if let Ok(person_id) = select_value(teacher_select).parse() {
                                                add_teacher.dispatch(AddTeamTeacher { team_id: id, person_id });
                                            }
                                        }>
                                            <label for="team-teacher">{t(TeamsKey::TeacherLabel)}</label>
                                            <select id="team-teacher" node_ref=teacher_select>
                                                {team.staff_to_add.iter().map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> }).collect_view()}
                                            </select>
                                            <button type="submit">{t(TeamsKey::AddTeacher)}</button>
                                        </form>
                                    }.into_any()
                                })}
                            </section>
                            <section class="card" aria-labelledby="team-pupils">
                                <h2 id="team-pupils">{t(TeamsKey::PupilsTitle)}</h2>
                                <ul class="plain-list member-list">
                                    {team.pupils.iter().map(|pupil| {
                                        let person_id = pupil.id;
                                        view! {
                                            <li>
                                                <span>{pupil.name.clone()}", "{pupil.class_name.clone()}</span>
                                                {(!archived).then(|| view! {
                                                    <button type="button" on:click=move |_| {
                                                        if confirmed(t(TeamsKey::ConfirmRemovePupil)) {
                                                            remove.dispatch(RemoveTeamMember { team_id: id, person_id });
                                                        }
                                                    }>
                                                        {messages::remove_from_team(&pupil.name)}
                                                    </button>
                                                })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                {(!archived && any_pupil).then(|| view! {
                                    <form class="inline-form" aria-label=t(TeamsKey::AddPupilTitle) on:submit=move |ev: leptos::ev::SubmitEvent| {
                                        ev.prevent_default();
                                        if let Ok(pupil_id) = select_value(pupil_select).parse() {
                                            add_pupil.dispatch(AddTeamPupil { team_id: id, pupil_id });
                                        }
                                    }>
                                        <label for="team-pupil">{t(TeamsKey::PupilLabel)}</label>
                                        <select id="team-pupil" node_ref=pupil_select>
                                            {team.classes.iter().filter(|c| !c.pupils.is_empty()).map(|class| view! {
                                                <optgroup label=class.name.clone()>
                                                    {class.pupils.iter().map(|p| view! { <option value=p.id.to_string()>{p.name.clone()}</option> }).collect_view()}
                                                </optgroup>
                                            }).collect_view()}
                                        </select>
                                        <button type="submit">{t(TeamsKey::AddPupil)}</button>
                                    </form>
                                    <form class="inline-form" aria-label=t(TeamsKey::AddClassTitle) on:submit=move |ev: leptos::ev::SubmitEvent| {
                                        ev.prevent_default();
                                        if let Ok(class_id) = select_value(class_select).parse() {
                                            add_class.dispatch(AddTeamClass { team_id: id, class_id });
                                        }
                                    }>
                                        <label for="team-class">{t(TeamsKey::ClassLabel)}</label>
                                        <select id="team-class" node_ref=class_select>
                                            {team.classes.iter().filter(|c| !c.pupils.is_empty()).map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> }).collect_view()}
                                        </select>
                                        <button type="submit">{t(TeamsKey::AddClass)}</button>
                                    </form>
                                })}
                            </section>
                            <section class="card" aria-labelledby="team-history">
                                <h2 id="team-history">{t(TeamsKey::HistoryTitle)}</h2>
                                {if team.history.is_empty() {
                                    view! { <p>{t(TeamsKey::NoHistory)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="plain-list">
                                            {team.history.iter().map(|e| view! {
                                                <li>{messages::membership_event(&e.name, e.change, &e.on.danish_with_year())}</li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                            {(!archived).then(|| view! {
                                <section class="card" aria-labelledby="team-archive">
                                    <h2 id="team-archive">{t(TeamsKey::ArchiveTitle)}</h2>
                                    <p>{t(TeamsKey::ArchiveIntro)}</p>
                                    <button type="button" on:click=move |_| {
                                        if confirmed(t(TeamsKey::ConfirmArchive)) {
                                            archive.dispatch(ArchiveTeam { team_id: id });
                                        }
                                    }>{t(TeamsKey::Archive)}</button>
                                </section>
                            })}
                        </main>
                    }.into_any()
                }
                Err(e) => view! {
                    <main id="indhold" class="page narrow">
                        <h1>{t(TeamsKey::PupilsTitle)}</h1>
                        <ErrorNote error=e />
                    </main>
                }.into_any(),
            })}
        </Transition>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LoadTeam>();
    register_explicit::<AddTeamTeacher>();
    register_explicit::<AddTeamPupil>();
    register_explicit::<AddTeamClass>();
    register_explicit::<RemoveTeamMember>();
    register_explicit::<ArchiveTeam>();
    register_explicit::<RestoreTeam>();
}
