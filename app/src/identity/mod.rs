//! Identity: signing in and out, and the sign-in screens. The sign-in screens are a build of their
//! own (`SignInApp`), without a router: their links and signing in load a fresh page, and the
//! server serves the build for it.

pub mod access;
pub mod class_devices;
pub mod new_year;
pub mod reading;
pub mod roster;
pub mod roster_forms;
pub mod roster_import;
pub mod scanner;
pub mod school_years;
pub mod shell;

use crate::components::{
    AvatarPicture, DecorativeIcon, ErrorNote, ReadAloudButton, leave_for, set_title,
};
use crate::i18n::IdentityKey;
use crate::i18n::{Key, role_name, t};
use crate::identity::shell::Loaded;
use crate::paths;
use domain::Field;
use domain::identity::{ClassDevice, DemoLogin, LoginCard, Me, Role, SignInOptions};
use domain::{AppError, ErrorCode};
use leptos::prelude::*;

#[server(endpoint = "sign_in")]
pub async fn sign_in(username: String, password: String) -> Result<Me, AppError> {
    backend::identity::sign_in(&crate::request_ctx()?, &username, &password).await
}

#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    backend::identity::sign_out(&crate::request_ctx()?).await
}

#[server(endpoint = "me")]
pub async fn current_user() -> Result<Me, AppError> {
    backend::identity::me(&crate::request_ctx()?).await
}

#[server(endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    backend::identity::sign_out_everywhere(&crate::request_ctx()?).await
}

#[server(endpoint = "switch_role")]
pub async fn switch_role(role: Role) -> Result<Me, AppError> {
    backend::identity::switch_role(&crate::request_ctx()?, role).await
}

#[server(endpoint = "class_device_status")]
pub async fn class_device_status() -> Result<Option<ClassDevice>, AppError> {
    backend::identity::class_device::status(&crate::request_ctx()?).await
}

#[server(endpoint = "open_class_device")]
pub async fn open_class_device(class_id: i64) -> Result<(), AppError> {
    backend::identity::class_device::open(&crate::request_ctx()?, class_id).await
}

#[server(endpoint = "close_class_device")]
pub async fn close_class_device() -> Result<(), AppError> {
    backend::identity::class_device::close(&crate::request_ctx()?).await
}

#[server(endpoint = "sign_in_pupil")]
pub async fn sign_in_pupil(pupil_id: i64) -> Result<Me, AppError> {
    backend::identity::class_device::sign_in_pupil(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "make_login_cards")]
pub async fn make_login_cards(class_id: i64) -> Result<Vec<LoginCard>, AppError> {
    backend::identity::login_cards::make_login_cards(&crate::request_ctx()?, class_id).await
}

#[server(endpoint = "sign_in_with_code")]
pub async fn sign_in_with_code(code: String) -> Result<Me, AppError> {
    backend::identity::login_cards::sign_in_with_code(&crate::request_ctx()?, &code).await
}

#[server(endpoint = "sign_in_options")]
pub async fn load_sign_in_options() -> Result<SignInOptions, AppError> {
    let ctx = crate::request_ctx()?;
    Ok(SignInOptions {
        demo_logins: backend::identity::demo_logins(&ctx).await?,
        uni_login: ctx.oidc_enabled,
    })
}

const ERROR_ID: &str = "sign-in-error";

#[component]
pub fn SignInPage() -> impl IntoView {
    set_title(t(IdentityKey::SignInTitle));
    let sign_in = ServerAction::<SignIn>::new();
    let username = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    // Someone already signed in has no business here: take them home.
    let already = LocalResource::new(current_user);
    Effect::new(move |_| {
        let signed_in =
            matches!(sign_in.value().get(), Some(Ok(_))) || matches!(already.get(), Some(Ok(_)));
        if signed_in {
            leave_for(paths::HOME);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Read the fields on submit rather than on input, so values a password manager filled
        // in without firing input events are used too.
        let value =
            |r: NodeRef<leptos::html::Input>| r.get().map(|el| el.value()).unwrap_or_default();
        sign_in.dispatch(SignIn {
            username: value(username),
            password: value(password),
        });
    };
    let error = move || match sign_in.value().get() {
        Some(Err(e)) => Some(view! { <ErrorNote error=e id=ERROR_ID /> }),
        _ => None,
    };
    // Which fields the last error concerns, for aria-invalid and aria-describedby.
    let field_in_error = move |field: Field| {
        move || match sign_in.value().get() {
            Some(Err(e)) => {
                e.code == ErrorCode::WrongCredentials || e.field.as_deref() == Some(field.as_str())
            }
            _ => false,
        }
    };
    let invalid = move |field: Field| {
        let in_error = field_in_error(field);
        move || if in_error() { "true" } else { "false" }
    };
    let described_by = move |field: Field| {
        let in_error = field_in_error(field);
        move || in_error().then_some(ERROR_ID)
    };
    let pending = sign_in.pending();
    let options = LocalResource::new(load_sign_in_options);
    let uni_login_failed = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| {
            q.trim_start_matches('?')
                .split('&')
                .any(|p| p == "fejl=uni-login")
        });

    view! {
        <main id="indhold" class="page narrow sign-in">
            <h1>
                <span class="brand">{t(Key::AppName)}</span>
                " – "
                {t(IdentityKey::SignInTitle)}
            </h1>
            <p>{t(IdentityKey::SignInIntro)}</p>
            {uni_login_failed.then(|| view! {
                <div class="error-note" role="alert"><p>{t(IdentityKey::UniLoginFailed)}</p></div>
            })}
            <form class="card" on:submit=submit novalidate=true>
                {error}
                <label for="username">{t(IdentityKey::Username)}</label>
                <input
                    id="username"
                    name="username"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required=true
                    aria-invalid=invalid(Field::Username)
                    aria-describedby=described_by(Field::Username)
                    node_ref=username
                />
                <label for="password">{t(IdentityKey::Password)}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required=true
                    aria-invalid=invalid(Field::Password)
                    aria-describedby=described_by(Field::Password)
                    node_ref=password
                />
                <button type="submit" class="primary" disabled=move || pending.get()>
                    <DecorativeIcon icon=icondata::LuLogIn />
                    <span>{move || if pending.get() { t(IdentityKey::SigningIn) } else { t(IdentityKey::SignIn) }}</span>
                </button>
            </form>
            <p><a href=paths::CODE_SIGN_IN>{t(IdentityKey::CodeSignInLink)}</a></p>
            <p><a href=paths::RESET_PASSWORD>{t(crate::i18n::AccessKey::ForgotPasswordLink)}</a></p>
            <Suspense fallback=|| ()>
                {move || {
                    options.get().and_then(Result::ok).map(|options| {
                        let demo = (!options.demo_logins.is_empty()).then(|| {
                            view! { <DemoLogins logins=options.demo_logins sign_in /> }
                        });
                        let uni_login = options.uni_login.then(|| view! {
                            <p class="uni-login">
                                // Leaves the app for the issuer: not a client-side route.
                                <a href="/auth/oidc/start" rel="external" class="button-link">{t(IdentityKey::UniLogin)}</a>
                            </p>
                        });
                        view! { {uni_login} {demo} }
                    })
                }}
            </Suspense>
        </main>
    }
}

/// The class iPad's sign-in: every pupil of the class as a big picture tile. No reading, typing or
/// remembering (WCAG 3.3.8): a child finds their own picture and taps it.
#[component]
pub fn ClassPickerPage() -> impl IntoView {
    set_title(t(IdentityKey::ClassPickerTitle));
    let class = LocalResource::new(class_device_status);
    let sign_in = ServerAction::<SignInPupil>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = sign_in.value().get() {
            leave_for(paths::HOME);
        }
    });
    Effect::new(move |_| {
        // Not (or no longer) a class iPad: adults sign in with a password.
        if let Some(Ok(None)) = class.get() {
            leave_for(paths::SIGN_IN);
        }
    });
    let error = move || match sign_in.value().get() {
        Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
        _ => None,
    };
    view! {
        <div class="pupil-shell">
            <header class="pupil-bar">
                <ReadAloudButton large=true />
                <a href=paths::CODE_SIGN_IN class="adult-link">{t(IdentityKey::CodeSignInLink)}</a>
                <a href=paths::SIGN_IN class="adult-link">{t(IdentityKey::AdultSignIn)}</a>
            </header>
            <main id="indhold" class="page pupil">
                <Loaded data=class let:device>
                    {device.map(|device| view! {
                            <h1>{device.class_name.clone()}": "{t(IdentityKey::ClassPickerTitle)}</h1>
                            <p>{t(IdentityKey::ClassPickerIntro)}</p>
                            {error}
                            <a href=paths::SCAN_CARD class="tile scan-tile">
                                <DecorativeIcon icon=icondata::LuQrCode />
                                <span>{t(IdentityKey::ScanTile)}</span>
                            </a>
                            <ul class="tiles pupil-picker" aria-label=t(IdentityKey::ClassPickerTitle)>
                                {device.pupils.into_iter().map(|p| view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="tile pupil-tile"
                                            on:click=move |_| { sign_in.dispatch(SignInPupil { pupil_id: p.id }); }
                                        >
                                            <AvatarPicture avatar=p.avatar size=88 />
                                            <span>{p.first_name}</span>
                                        </button>
                                    </li>
                                }).collect_view()}
                            </ul>
                    })}
                </Loaded>
            </main>
        </div>
    }
}

/// Signing a pupil in with the code from their login card, typed by an adult.
#[component]
pub fn CodeSignInPage() -> impl IntoView {
    set_title(t(IdentityKey::CodeSignInTitle));
    let sign_in = ServerAction::<SignInWithCode>::new();
    let code = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = sign_in.value().get() {
            leave_for(paths::HOME);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = code.get().map(|el| el.value()).unwrap_or_default();
        sign_in.dispatch(SignInWithCode { code: value });
    };
    let failed = move || matches!(sign_in.value().get(), Some(Err(_)));
    view! {
        <main id="indhold" class="page narrow">
            <h1>{t(IdentityKey::CodeSignInTitle)}</h1>
            <p>{t(IdentityKey::CodeSignInIntro)}</p>
            <form class="card" on:submit=submit novalidate=true>
                {move || match sign_in.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e id=ERROR_ID /> }),
                    _ => None,
                }}
                <label for="code">{t(IdentityKey::CodeLabel)}</label>
                <input
                    id="code"
                    name="code"
                    type="text"
                    autocomplete="off"
                    autocapitalize="characters"
                    spellcheck="false"
                    required=true
                    aria-invalid=move || if failed() { "true" } else { "false" }
                    aria-describedby=move || failed().then_some(ERROR_ID)
                    node_ref=code
                />
                <button type="submit" class="primary">
                    <DecorativeIcon icon=icondata::LuLogIn />
                    <span>{t(IdentityKey::SignIn)}</span>
                </button>
            </form>
            <p><a href=paths::SCAN_CARD>{t(IdentityKey::ScanInstead)}</a></p>
            <p><a href=paths::HOME>{t(Key::BackHome)}</a></p>
        </main>
    }
}

/// While demo mode is on: the demo accounts, each with a one-tap sign-in.
#[component]
fn DemoLogins(logins: Vec<DemoLogin>, sign_in: ServerAction<SignIn>) -> impl IntoView {
    let password = logins
        .first()
        .map(|l| l.password.clone())
        .unwrap_or_default();
    view! {
        <section class="card demo" aria-labelledby="demo-title">
            <h2 id="demo-title">{t(IdentityKey::DemoTitle)}</h2>
            <p>{t(IdentityKey::DemoIntro)}" "<code>{password}</code></p>
            <ul class="demo-logins">
                {logins
                    .into_iter()
                    .map(|login| {
                        let label = format!("{} {} ({})", t(IdentityKey::DemoSignInAs), login.name, role_name(login.role));
                        let username = login.username.clone();
                        let password = login.password.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        sign_in.dispatch(SignIn { username: username.clone(), password: password.clone() });
                                    }
                                >
                                    {label}
                                </button>
                                <span class="demo-username">{t(IdentityKey::Username)}": "<code>{login.username}</code></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<SignIn>();
    register_explicit::<SignOut>();
    register_explicit::<CurrentUser>();
    register_explicit::<LoadSignInOptions>();
    register_explicit::<SignOutEverywhere>();
    register_explicit::<SwitchRole>();
    register_explicit::<ClassDeviceStatus>();
    register_explicit::<OpenClassDevice>();
    register_explicit::<CloseClassDevice>();
    register_explicit::<class_devices::OpenClassDevices>();
    register_explicit::<class_devices::RevokeClassDevice>();
    register_explicit::<SignInPupil>();
    register_explicit::<MakeLoginCards>();
    register_explicit::<SignInWithCode>();
    register_explicit::<roster::LoadRoster>();
    register_explicit::<roster_import::ImportRoster>();
    register_explicit::<roster::MovePupil>();
    register_explicit::<roster::PreviewClassChange>();
    register_explicit::<new_year::PreviewNewYear>();
    register_explicit::<new_year::OpenNewYear>();
    register_explicit::<roster::MarkPupilLeft>();
    register_explicit::<roster_forms::CreateClass>();
    register_explicit::<roster_forms::AddPupil>();
    register_explicit::<roster_forms::AddStaff>();
    register_explicit::<roster_forms::LinkGuardian>();
    register_explicit::<roster_forms::CreateTeam>();
    register_explicit::<school_years::SchoolYears>();
    register_explicit::<school_years::SaveSchoolYear>();
    register_explicit::<reading::LoadReadingSettings>();
    register_explicit::<access::DeactivateStaff>();
    register_explicit::<access::ReactivateStaff>();
    register_explicit::<access::RemoveRole>();
    register_explicit::<access::SetGuardianAccess>();
    register_explicit::<access::IssuePasswordReset>();
    register_explicit::<access::ResetPassword>();
    register_explicit::<access::ChangePassword>();
    register_explicit::<access::SetUniId>();
    register_explicit::<access::SetInstitutionNumber>();
    register_explicit::<reading::SaveReadingSettings>();
}
