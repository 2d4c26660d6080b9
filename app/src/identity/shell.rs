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

/// Signs out and returns to the sign-in screen. Pupils see it as the big "Færdig" tile: a
/// waving hand, unlike a task's "Jeg er færdig" (a tick), and it asks first — with a picture for
/// each answer, read aloud — so a pupil who meant the task does not hand the iPad on by mistake.
#[component]
pub fn SignOutButton(#[prop(optional)] as_done_tile: bool) -> impl IntoView {
    let sign_out = ServerAction::<super::SignOut>::new();
    Effect::new(move |_| {
        // Whether the server call succeeded or not, the person asked to leave: go to sign-in.
        if sign_out.value().get().is_some() {
            go_to_sign_in();
        }
    });
    let leave = move || {
        speech::stop();
        sign_out.dispatch(super::SignOut {});
    };
    if !as_done_tile {
        return view! {
            <button type="button" class="sign-out" on:click=move |_| leave()>
                <DecorativeIcon icon=icondata::LuLogOut />
                <span>{t(IdentityKey::SignOut)}</span>
            </button>
        }
        .into_any();
    }
    let asking = RwSignal::new(false);
    let yes = NodeRef::<leptos::html::Button>::new();
    let done = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if asking.get()
            && let Some(yes) = yes.get()
        {
            let _ = yes.focus();
        }
    });
    view! {
        <button
            type="button"
            class="sign-out tile-button done"
            node_ref=done
            aria-expanded=move || asking.get().to_string()
            aria-controls="giv-videre"
            on:click=move |_| {
                asking.set(true);
                speech::speak(t(IdentityKey::HandOnQuestion), || ());
            }
        >
            <DecorativeIcon icon=icondata::LuHand />
            <span>{t(IdentityKey::Done)}</span>
        </button>
        <div id="giv-videre" class="hand-on" role="group" aria-labelledby="giv-videre-spoergsmaal" hidden=move || !asking.get()>
            <p id="giv-videre-spoergsmaal">{t(IdentityKey::HandOnQuestion)}</p>
            <button type="button" class="tile-button hand-on-yes" node_ref=yes on:click=move |_| leave()>
                <DecorativeIcon icon=icondata::LuHand />
                <span>{t(IdentityKey::HandOnYes)}</span>
            </button>
            <button
                type="button"
                class="tile-button"
                on:click=move |_| {
                    speech::stop();
                    asking.set(false);
                    if let Some(done) = done.get_untracked() {
                        let _ = done.focus();
                    }
                }
            >
                <DecorativeIcon icon=icondata::LuUndo2 />
                <span>{t(IdentityKey::HandOnNo)}</span>
            </button>
        </div>
    }
    .into_any()
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
            <AccountMenu name=me.name role=me.role other_roles switch everywhere />
            <SignOutButton />
        </header>
    }
}

/// Who is signed in, as a button that opens what is done less often: switching role, changing
/// the password, signing out everywhere. Folded away, the header fits one line on a phone and
/// "Log ud alle steder" no longer stands beside "Log ud" at the same weight.
#[component]
fn AccountMenu(
    name: String,
    role: Role,
    other_roles: Vec<Role>,
    switch: ServerAction<super::SwitchRole>,
    everywhere: ServerAction<super::SignOutEverywhere>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let close_and_return = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <div
            class="account"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" && open.get_untracked() {
                    close_and_return();
                }
            }
        >
            <button
                type="button"
                class="account-button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="account-menu"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="visually-hidden">{t(IdentityKey::SignedInAs)}" "</span>
                <span class="who">{name}</span>
                <span class="role">" ("{role_name(role)}")"</span>
            </button>
            <div id="account-menu" class="account-menu" hidden=move || !open.get()>
                {other_roles.into_iter().map(|role| view! {
                    <button type="button" on:click=move |_| { switch.dispatch(super::SwitchRole { role }); }>
                        {crate::i18n::messages::switch_role_to(role_name(role))}
                    </button>
                }).collect_view()}
                <A href=crate::paths::CHANGE_PASSWORD>{t(crate::i18n::AccessKey::ChangeLink)}</A>
                <button type="button" on:click=move |_| { everywhere.dispatch(super::SignOutEverywhere {}); }>
                    {t(IdentityKey::SignOutEverywhere)}
                </button>
            </div>
        </div>
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
