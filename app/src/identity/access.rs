//! Taking access away and giving it back, on the administration screen: staff deactivated and
//! reactivated, a role removed, a one-time code for a new password, a guardian's access to a
//! child. And passwords: a new one with the school's code (signed out, the sign-in build), or
//! one's own changed (signed in).

use crate::components::{DecorativeIcon, ErrorNote, input_value, set_title};
use crate::i18n::messages;
use crate::i18n::{AccessKey, IdentityKey, Key, role_name, t};
use crate::identity::shell::StaffShell;
use crate::paths;
use domain::AppError;
use domain::identity::{Me, Role};
use domain::roster::{RosterGuardian, StaffMember};
use leptos::html::Input;
use leptos::prelude::*;

#[server(endpoint = "deactivate_staff")]
pub async fn deactivate_staff(person_id: i64) -> Result<(), AppError> {
    backend::identity::access::deactivate_staff(&crate::request_ctx()?, person_id).await
}

#[server(endpoint = "reactivate_staff")]
pub async fn reactivate_staff(person_id: i64) -> Result<(), AppError> {
    backend::identity::access::reactivate_staff(&crate::request_ctx()?, person_id).await
}

#[server(endpoint = "remove_role")]
pub async fn remove_role(person_id: i64, role: Role) -> Result<(), AppError> {
    backend::identity::access::remove_role(&crate::request_ctx()?, person_id, role).await
}

#[server(endpoint = "set_guardian_access")]
pub async fn set_guardian_access(
    guardian_id: i64,
    pupil_id: i64,
    has_access: bool,
) -> Result<(), AppError> {
    backend::identity::access::set_guardian_access(
        &crate::request_ctx()?,
        guardian_id,
        pupil_id,
        has_access,
    )
    .await
}

#[server(endpoint = "issue_password_reset")]
pub async fn issue_password_reset(person_id: i64) -> Result<String, AppError> {
    backend::identity::access::issue_password_reset(&crate::request_ctx()?, person_id).await
}

#[server(endpoint = "set_uni_id")]
pub async fn set_uni_id(person_id: i64, uni_id: String) -> Result<(), AppError> {
    backend::identity::uni_login::set_uni_id(&crate::request_ctx()?, person_id, &uni_id).await
}

#[server(endpoint = "set_institution_number")]
pub async fn set_institution_number(number: String) -> Result<(), AppError> {
    backend::identity::uni_login::set_institution_number(&crate::request_ctx()?, &number).await
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(
    username: String,
    code: String,
    new_password: String,
) -> Result<(), AppError> {
    backend::identity::access::reset_password(
        &crate::request_ctx()?,
        &username,
        &code,
        &new_password,
    )
    .await
}

#[server(endpoint = "change_password")]
pub async fn change_password(current: String, new_password: String) -> Result<(), AppError> {
    backend::identity::access::change_password(&crate::request_ctx()?, &current, &new_password)
        .await
}

/// The school's staff with what may be done about each one's access. Buttons the signed-in person
/// could not use are not shown: not for themselves, and not for a leader to administration.
#[component]
pub fn StaffList(me: Me, staff: Vec<StaffMember>, on_changed: Callback<()>) -> impl IntoView {
    let deactivate = ServerAction::<DeactivateStaff>::new();
    let reactivate = ServerAction::<ReactivateStaff>::new();
    let remove = ServerAction::<RemoveRole>::new();
    let reset = ServerAction::<IssuePasswordReset>::new();
    // Whose code was made last: the code is shown beside their name's message.
    let reset_for = RwSignal::new(String::new());
    Effect::new(move |_| {
        let done = matches!(deactivate.value().get(), Some(Ok(())))
            || matches!(reactivate.value().get(), Some(Ok(())))
            || matches!(remove.value().get(), Some(Ok(())));
        if done {
            on_changed.run(());
        }
    });
    let may_manage = move |s: &StaffMember| {
        s.id != me.id && (me.role == Role::Leader || !s.roles.contains(&Role::Leader))
    };
    let (active, inactive): (Vec<StaffMember>, Vec<StaffMember>) =
        staff.into_iter().partition(|s| s.active);
    let errors = move || {
        [
            deactivate.value().get().and_then(Result::err),
            reactivate.value().get().and_then(Result::err),
            remove.value().get().and_then(Result::err),
            reset.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|error| view! { <ErrorNote error /> })
    };
    view! {
        <section class="card" aria-labelledby="staff-title">
            <h2 id="staff-title">{t(IdentityKey::StaffTitle)}</h2>
            {errors}
            {move || reset.value().get().and_then(Result::ok).map(|code| view! {
                <p class="notice" role="status">{messages::reset_code_for(&reset_for.get_untracked(), &code)}</p>
            })}
            <ul class="staff-list">
                {active.into_iter().map(|s| {
                    let roles = s.roles.iter().map(|r| role_name(*r)).collect::<Vec<_>>().join(", ");
                    let manage = may_manage(&s);
                    let several = s.roles.len() > 1;
                    let (id, name) = (s.id, s.name.clone());
                    let provision = me.role == Role::Leader || !s.roles.contains(&Role::Leader);
                    view! {
                        <li>
                            <p>{s.name.clone()}" – "{roles}</p>
                            {provision.then(|| view! { <UniIdForm person_id=id name=name.clone() uni_id=s.uni_id.clone() /> })}
                            {manage.then(|| view! {
                                <div class="button-row">
                                    <button type="button" on:click={
                                        let name = name.clone();
                                        move |_| {
                                            reset_for.set(name.clone());
                                            reset.dispatch(IssuePasswordReset { person_id: id });
                                        }
                                    }>
                                        <DecorativeIcon icon=icondata::LuKeyRound />
                                        <span>{messages::make_reset_code_for(&name)}</span>
                                    </button>
                                    {several.then(|| s.roles.iter().copied().filter(|r| me.role == Role::Leader || *r != Role::Leader).map(|role| view! {
                                        <button type="button" on:click=move |_| { remove.dispatch(RemoveRole { person_id: id, role }); }>
                                            {messages::remove_role(role_name(role), &name)}
                                        </button>
                                    }).collect_view())}
                                    <button type="button" class="danger" on:click=move |_| {
                                        if crate::components::confirmed(t(AccessKey::ConfirmDeactivate)) {
                                            deactivate.dispatch(DeactivateStaff { person_id: id });
                                        }
                                    }>
                                        {messages::deactivate(&name)}
                                    </button>
                                </div>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!inactive.is_empty()).then(|| view! {
                <h3>{t(AccessKey::DeactivatedTitle)}</h3>
                <ul class="staff-list">
                    {inactive.into_iter().map(|s| {
                        let manage = may_manage(&s);
                        let (id, name) = (s.id, s.name.clone());
                        view! {
                            <li>
                                <p>{s.name.clone()}</p>
                                {manage.then(|| view! {
                                    <button type="button" on:click=move |_| { reactivate.dispatch(ReactivateStaff { person_id: id }); }>
                                        {messages::reactivate(&name)}
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// A person's UNI-ID, saved on its own.
#[component]
fn UniIdForm(person_id: i64, name: String, uni_id: Option<String>) -> impl IntoView {
    let action = ServerAction::<SetUniId>::new();
    let field = NodeRef::<Input>::new();
    let field_id = format!("uni-id-{person_id}");
    let (form_name, label) = (messages::uni_id_for(&name), messages::uni_id_for(&name));
    view! {
        <form class="inline-form" aria-label=form_name on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            action.dispatch(SetUniId { person_id, uni_id: input_value(field) });
        }>
            <label for=field_id.clone()>{label}</label>
            <input id=field_id type="text" autocomplete="off" autocapitalize="none" spellcheck="false" value=uni_id.unwrap_or_default() node_ref=field />
            <button type="submit">{t(AccessKey::SaveUniId)}</button>
            {move || match action.value().get() {
                Some(Ok(())) => Some(view! { <p role="status">{t(Key::Saved)}</p> }.into_any()),
                Some(Err(error)) => Some(view! { <ErrorNote error /> }.into_any()),
                None => None,
            }}
        </form>
    }
}

/// The school's institution number, which switches UNI-Login on (leaders only).
#[component]
pub fn UniLoginSettings(institution_number: Option<String>) -> impl IntoView {
    let action = ServerAction::<SetInstitutionNumber>::new();
    let field = NodeRef::<Input>::new();
    view! {
        <section class="card" aria-labelledby="uni-login-title">
            <h2 id="uni-login-title">{t(AccessKey::UniLoginTitle)}</h2>
            <p>{t(AccessKey::UniLoginIntro)}</p>
            <form class="inline-form" aria-label=t(AccessKey::InstitutionNumberLabel) on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                action.dispatch(SetInstitutionNumber { number: input_value(field) });
            }>
                <label for="institution-number">{t(AccessKey::InstitutionNumberLabel)}</label>
                <input id="institution-number" type="text" autocomplete="off" value=institution_number.unwrap_or_default() node_ref=field />
                <button type="submit">{t(AccessKey::SaveInstitutionNumber)}</button>
                {move || match action.value().get() {
                    Some(Ok(())) => Some(view! { <p role="status">{t(Key::Saved)}</p> }.into_any()),
                    Some(Err(error)) => Some(view! { <ErrorNote error /> }.into_any()),
                    None => None,
                }}
            </form>
        </section>
    }
}

/// A pupil's guardians, each with the button that removes or restores their access to the child.
#[component]
pub fn GuardianAccess(
    pupil_id: i64,
    pupil_name: String,
    guardians: Vec<RosterGuardian>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let action = ServerAction::<SetGuardianAccess>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            on_changed.run(());
        }
    });
    view! {
        <div class="guardians">
            <p class="muted">
                {t(IdentityKey::Guardians)}": "
                {if guardians.is_empty() { t(IdentityKey::None_).to_owned() } else {
                    guardians.iter().map(|g| if g.has_access { g.name.clone() } else { format!("{} {}", g.name, t(AccessKey::NoAccessSuffix)) }).collect::<Vec<_>>().join(", ")
                }}
            </p>
            {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorNote error /> })}
            {guardians.into_iter().map(|g| {
                let label = if g.has_access {
                    messages::remove_guardian_access(&g.name, &pupil_name)
                } else {
                    messages::restore_guardian_access(&g.name, &pupil_name)
                };
                let has_access = !g.has_access;
                view! {
                    <button type="button" on:click=move |_| {
                        action.dispatch(SetGuardianAccess { guardian_id: g.id, pupil_id, has_access });
                    }>{label}</button>
                }
            }).collect_view()}
        </div>
    }
}

/// One labelled password field.
#[component]
fn PasswordField(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    field: NodeRef<Input>,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        <input id=id name=id type="password" autocomplete=autocomplete required=true node_ref=field />
    }
}

/// `/ny-adgangskode`: a new password with the code the school handed over (sign-in build).
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    set_title(t(AccessKey::ResetTitle));
    let action = ServerAction::<ResetPassword>::new();
    let (username, code, new_password) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ResetPassword {
            username: input_value(username),
            code: input_value(code),
            new_password: input_value(new_password),
        });
    };
    view! {
        <main id="indhold" class="page narrow sign-in">
            <h1>{t(AccessKey::ResetTitle)}</h1>
            {move || match action.value().get() {
                Some(Ok(())) => view! {
                    <p class="notice" role="status">{t(AccessKey::ResetDone)}</p>
                    <p><a href=paths::SIGN_IN class="button-link">{t(AccessKey::BackToSignIn)}</a></p>
                }.into_any(),
                result => view! {
                    <p>{t(AccessKey::ResetIntro)}</p>
                    {result.and_then(Result::err).map(|error| view! { <ErrorNote error /> })}
                    <form class="card" on:submit=submit novalidate=true>
                        <label for="reset-username">{t(IdentityKey::Username)}</label>
                        <input id="reset-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required=true node_ref=username />
                        <label for="reset-code">{t(AccessKey::ResetCodeLabel)}</label>
                        <input id="reset-code" name="code" type="text" autocomplete="one-time-code" autocapitalize="none" spellcheck="false" required=true node_ref=code />
                        <PasswordField id="reset-new" label=t(AccessKey::NewPasswordLabel) autocomplete="new-password" field=new_password />
                        <p class="hint">{t(IdentityKey::NewPasswordHint)}</p>
                        <button type="submit" class="primary">{t(AccessKey::SaveNewPassword)}</button>
                    </form>
                    <p><a href=paths::SIGN_IN>{t(AccessKey::BackToSignIn)}</a></p>
                }.into_any(),
            }}
        </main>
    }
}

/// `/skift-adgangskode`: the signed-in person changes their own password.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    set_title(t(AccessKey::ChangeTitle));
    let action = ServerAction::<ChangePassword>::new();
    let (current, new_password) = (NodeRef::<Input>::new(), NodeRef::<Input>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ChangePassword {
            current: input_value(current),
            new_password: input_value(new_password),
        });
    };
    view! {
        <StaffShell>
            <main id="indhold" class="page narrow">
                <h1>{t(AccessKey::ChangeTitle)}</h1>
                <p>{t(AccessKey::ChangeIntro)}</p>
                {move || match action.value().get() {
                    Some(Ok(())) => Some(view! { <p class="notice" role="status">{t(AccessKey::Changed)}</p> }.into_any()),
                    Some(Err(error)) => Some(view! { <ErrorNote error /> }.into_any()),
                    None => None,
                }}
                <form class="card" on:submit=submit novalidate=true>
                    <PasswordField id="current-password" label=t(AccessKey::CurrentPasswordLabel) autocomplete="current-password" field=current />
                    <PasswordField id="new-password" label=t(AccessKey::NewPasswordLabel) autocomplete="new-password" field=new_password />
                    <p class="hint">{t(IdentityKey::NewPasswordHint)}</p>
                    <button type="submit" class="primary">{t(AccessKey::ChangeTitle)}</button>
                </form>
                <p><a href=paths::HOME>{t(Key::BackHome)}</a></p>
            </main>
        </StaffShell>
    }
}
