//! Identity: signing in and out, and the sign-in screen.

use crate::components::{DecorativeIcon, ErrorNote, redirect_options, set_title};
use crate::i18n::{Key, role_name, t};
use crate::paths;
use domain::identity::{DemoLogin, Me};
use domain::{AppError, ErrorCode};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

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

#[server(endpoint = "demo_logins")]
pub async fn demo_logins() -> Result<Vec<DemoLogin>, AppError> {
    backend::identity::demo_logins(&crate::request_ctx()?).await
}

const ERROR_ID: &str = "sign-in-error";

#[component]
pub fn SignInPage() -> impl IntoView {
    set_title(t(Key::SignInTitle));
    let sign_in = ServerAction::<SignIn>::new();
    let username = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let navigate = use_navigate();
    // Someone already signed in has no business here: take them home.
    let already = LocalResource::new(current_user);
    Effect::new(move |_| {
        let signed_in =
            matches!(sign_in.value().get(), Some(Ok(_))) || matches!(already.get(), Some(Ok(_)));
        if signed_in {
            navigate(paths::HOME, redirect_options());
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
    let field_in_error = move |field: &'static str| {
        move || match sign_in.value().get() {
            Some(Err(e)) => {
                e.code == ErrorCode::WrongCredentials || e.field.as_deref() == Some(field)
            }
            _ => false,
        }
    };
    let invalid = move |field: &'static str| {
        let in_error = field_in_error(field);
        move || if in_error() { "true" } else { "false" }
    };
    let described_by = move |field: &'static str| {
        let in_error = field_in_error(field);
        move || in_error().then_some(ERROR_ID)
    };
    let pending = sign_in.pending();
    let demo = LocalResource::new(demo_logins);

    view! {
        <main id="indhold" class="page narrow sign-in">
            <h1>
                <span class="brand">{t(Key::AppName)}</span>
                " – "
                {t(Key::SignInTitle)}
            </h1>
            <p>{t(Key::SignInIntro)}</p>
            <form class="card" on:submit=submit novalidate=true>
                {error}
                <label for="username">{t(Key::Username)}</label>
                <input
                    id="username"
                    name="username"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required=true
                    aria-invalid=invalid("username")
                    aria-describedby=described_by("username")
                    node_ref=username
                />
                <label for="password">{t(Key::Password)}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required=true
                    aria-invalid=invalid("password")
                    aria-describedby=described_by("password")
                    node_ref=password
                />
                <button type="submit" class="primary" disabled=move || pending.get()>
                    <DecorativeIcon icon=icondata::LuLogIn />
                    <span>{move || if pending.get() { t(Key::SigningIn) } else { t(Key::SignIn) }}</span>
                </button>
            </form>
            <Suspense fallback=|| ()>
                {move || {
                    demo.get()
                        .and_then(Result::ok)
                        .filter(|logins| !logins.is_empty())
                        .map(|logins| view! { <DemoLogins logins sign_in /> })
                }}
            </Suspense>
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
            <h2 id="demo-title">{t(Key::DemoTitle)}</h2>
            <p>{t(Key::DemoIntro)}" "<code>{password}</code></p>
            <ul class="demo-logins">
                {logins
                    .into_iter()
                    .map(|login| {
                        let label = format!("{} {} ({})", t(Key::DemoSignInAs), login.name, role_name(login.role));
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
                                <span class="demo-username">{t(Key::Username)}": "<code>{login.username}</code></span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
