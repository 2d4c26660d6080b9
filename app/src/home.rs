//! The home screen: one server call, then the view for the signed-in role.

use crate::components::{ErrorNote, HomeRefresh, leave_for, set_title};
use crate::i18n::{Key, t};
use crate::identity::shell::go_to_sign_in;
use crate::paths;
use crate::{family, leader, planning, pupil};
use domain::home::Home;
use domain::{AppError, ErrorCode};
use leptos::prelude::*;

#[server(endpoint = "home")]
pub async fn home_screen() -> Result<Home, AppError> {
    backend::home::home(&crate::request_ctx()?).await
}

/// Draws the home of the roles one build serves; `None` for a role another build serves.
pub type HomeViews = fn(Home) -> Option<AnyView>;

/// The staff build's homes.
pub fn staff_homes(home: Home) -> Option<AnyView> {
    match home {
        Home::Teacher(h) => Some(view! { <planning::TeacherHomeView home=h /> }.into_any()),
        Home::Leader(h) => Some(view! { <leader::LeaderHomeView home=h /> }.into_any()),
        Home::Pupil(_) | Home::Parent(_) => None,
    }
}

/// The pupil build's home.
pub fn pupil_homes(home: Home) -> Option<AnyView> {
    match home {
        Home::Pupil(h) => Some(view! { <pupil::PupilHomeView home=h /> }.into_any()),
        Home::Parent(_) | Home::Teacher(_) | Home::Leader(_) => None,
    }
}

/// The family build's home: a parent's.
pub fn family_homes(home: Home) -> Option<AnyView> {
    match home {
        Home::Parent(h) => Some(view! { <family::ParentHomeView home=h /> }.into_any()),
        Home::Pupil(_) | Home::Teacher(_) | Home::Leader(_) => None,
    }
}

/// The home screen of either build. A session whose home the other build draws (a teacher who
/// signed in on the small build's sign-in screen, a role switched) loads the page again, and the
/// server then serves the right build.
#[component]
pub fn HomePage(views: HomeViews) -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    provide_context(HomeRefresh(refresh));
    let data = LocalResource::new(move || {
        refresh.track();
        home_screen()
    });
    // Signing in does not load a new page, so the person's reading settings come with their home.
    Effect::new(move |_| {
        if let Some(Ok(_)) = data.get() {
            crate::identity::reading::reload_reading_settings();
            crate::subjects::reload_after_sign_in();
        }
    });
    Effect::new(move |_| {
        if let Some(Err(AppError {
            code: ErrorCode::NotSignedIn,
            ..
        })) = data.get()
        {
            go_to_sign_in();
        }
    });
    view! {
        <Suspense fallback=|| view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }>
            // The school's own subjects are named from the page's catalogue: wait for it too.
            {move || data.get().filter(|_| crate::subjects::ready()).map(|result| match result {
                Ok(home) => views(home).unwrap_or_else(|| {
                    leave_for(paths::HOME);
                    view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }.into_any()
                }),
                Err(e) if e.code == ErrorCode::NotSignedIn => ().into_any(),
                Err(e) => {
                    set_title(t(Key::AppName));
                    view! {
                        <main id="indhold" class="page narrow">
                            <h1>{t(Key::AppName)}</h1>
                            <ErrorNote error=e />
                            <button type="button" on:click=move |_| data.refetch()>{t(Key::TryAgain)}</button>
                        </main>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<HomeScreen>();
}
