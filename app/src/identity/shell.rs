//! The frame of a signed-in screen that knows who is signed in: the staff header with role
//! switching and signing out, the pupils' "Færdig", and where a signed-out device goes next.

use crate::components::{DecorativeIcon, ErrorNote, HomeRefresh, leave_for, set_title};
use crate::i18n::IdentityKey;
use crate::i18n::{Key, role_name, t};
use crate::{paths, speech};
use domain::identity::{Me, Role};
use domain::{AppError, ErrorCode};
use leptos::prelude::*;
use leptos_router::components::A;

/// Sends a signed-out device to where it signs in again: a class iPad to its pupils' pictures,
/// anything else to the adults' sign-in. Both are the small build's screens, and a fresh page.
pub fn go_to_sign_in() {
    leptos::task::spawn_local(async move {
        let target = match super::class_device_status().await {
            Ok(Some(_)) => paths::CLASS_PICKER,
            _ => paths::SIGN_IN,
        };
        leave_for(target);
    });
}

/// Signs out and returns to the sign-in screen. Pupils see it as the big "Færdig" tile.
#[component]
pub fn SignOutButton(#[prop(optional)] as_done_tile: bool) -> impl IntoView {
    let sign_out = ServerAction::<super::SignOut>::new();
    Effect::new(move |_| {
        // Whether the server call succeeded or not, the person asked to leave: go to sign-in.
        if sign_out.value().get().is_some() {
            go_to_sign_in();
        }
    });
    let label = if as_done_tile {
        t(IdentityKey::Done)
    } else {
        t(IdentityKey::SignOut)
    };
    let icon = if as_done_tile {
        icondata::LuCircleCheckBig
    } else {
        icondata::LuLogOut
    };
    view! {
        <button
            type="button"
            class=if as_done_tile { "sign-out tile-button done" } else { "sign-out" }
            on:click=move |_| {
                speech::stop();
                sign_out.dispatch(super::SignOut {});
            }
        >
            <DecorativeIcon icon=icon />
            <span>{label}</span>
        </button>
    }
}

/// The top bar every signed-in screen shares: who is signed in, switching to another role the
/// person holds, and signing out (here or everywhere).
#[component]
pub fn AppHeader(me: Me) -> impl IntoView {
    let switch = ServerAction::<super::SwitchRole>::new();
    let everywhere = ServerAction::<super::SignOutEverywhere>::new();
    let refresh = use_context::<HomeRefresh>();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(refresh)) = (switch.value().get(), refresh) {
            refresh.0.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if everywhere.value().get().is_some() {
            go_to_sign_in();
        }
    });
    let other_roles: Vec<Role> = me.roles.iter().copied().filter(|r| *r != me.role).collect();
    let plans = me.role.is_teaching_staff();
    let library = plans || me.role == Role::Leader;
    view! {
        <header class="app-header">
            <span class="brand">{t(Key::AppName)}</span>
            <nav aria-label=t(IdentityKey::MainMenu) class="main-menu">
                <A href=crate::paths::HOME>{t(IdentityKey::HomeLink)}</A>
                {plans.then(|| view! { <A href=crate::paths::PLANNING>{t(Key::PlanningTitle)}</A> })}
                {library.then(|| view! { <A href=crate::paths::LIBRARY>{t(Key::LibraryTitle)}</A> })}
            </nav>
            <span class="who">
                <span class="visually-hidden">{t(IdentityKey::SignedInAs)}" "</span>
                {me.name}
                <span class="role">" ("{role_name(me.role)}")"</span>
            </span>
            {other_roles.into_iter().map(|role| view! {
                <button type="button" on:click=move |_| { switch.dispatch(super::SwitchRole { role }); }>
                    {crate::i18n::messages::switch_role_to(role_name(role))}
                </button>
            }).collect_view()}
            <A href=crate::paths::CHANGE_PASSWORD>{t(crate::i18n::AccessKey::ChangeLink)}</A>
            <button type="button" on:click=move |_| { everywhere.dispatch(super::SignOutEverywhere {}); }>
                {t(IdentityKey::SignOutEverywhere)}
            </button>
            <SignOutButton />
        </header>
    }
}

/// The frame of a staff screen: the header for whoever is signed in (loaded once), then the
/// screen. Someone signed out is sent to sign in.
#[component]
pub fn StaffShell(children: Children) -> impl IntoView {
    let me = LocalResource::new(super::current_user);
    Effect::new(move |_| {
        if let Some(Err(AppError {
            code: ErrorCode::NotSignedIn,
            ..
        })) = me.get()
        {
            go_to_sign_in();
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || me.get().and_then(Result::ok).map(|me| view! { <AppHeader me /> })}
        </Suspense>
        {children()}
    }
}

/// What a screen shows of data it loads: "Henter …" while it loads, then `children` with the data,
/// or the error in Danish (someone no longer signed in is sent to sign in). Given a `title`, an error also names the screen (as its heading and the
/// document's title), so a screen that failed still says which screen it is.
#[component]
pub fn Loaded<T, V, F>(
    data: LocalResource<Result<T, AppError>>,
    children: F,
    #[prop(optional)] title: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p>{t(Key::Loading)}</p> }>
            // The school's own subjects are named from the page's catalogue: wait for it too.
            {move || data.get().filter(|_| crate::subjects::ready()).map(|result| match result {
                Ok(value) => children(value).into_any(),
                // A session that ended (a shared iPad handed on, a bookmark): sign in again.
                Err(AppError { code: ErrorCode::NotSignedIn, .. }) => {
                    go_to_sign_in();
                    view! { <p>{t(Key::Loading)}</p> }.into_any()
                }
                Err(error) => {
                    if let Some(title) = title {
                        set_title(title);
                    }
                    view! {
                        {title.map(|title| view! { <h1>{title}</h1> })}
                        <ErrorNote error />
                    }
                    .into_any()
                }
            })}
        </Suspense>
    }
}
