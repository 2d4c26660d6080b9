//! The home screen: one server call, then the view for the signed-in role.

use crate::components::{ErrorNote, go_to_sign_in, set_title};
use crate::i18n::{Key, t};
use crate::{family, leader, planning, pupil};
use domain::home::Home;
use domain::{AppError, ErrorCode};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[server(endpoint = "home")]
pub async fn home_screen() -> Result<Home, AppError> {
    backend::home::home(&crate::request_ctx()?).await
}

/// Bumped to reload the home screen, e.g. after switching role.
#[derive(Clone, Copy)]
pub struct HomeRefresh(pub RwSignal<u32>);

#[component]
pub fn HomePage() -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    provide_context(HomeRefresh(refresh));
    let data = LocalResource::new(move || {
        refresh.track();
        home_screen()
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Err(AppError {
            code: ErrorCode::NotSignedIn,
            ..
        })) = data.get()
        {
            go_to_sign_in(navigate.clone());
        }
    });
    view! {
        <Suspense fallback=|| view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }>
            {move || data.get().map(|result| match result {
                Ok(Home::Teacher(h)) => view! { <planning::TeacherHomeView home=h /> }.into_any(),
                Ok(Home::Pupil(h)) => view! { <pupil::PupilHomeView home=h /> }.into_any(),
                Ok(Home::Parent(h)) => view! { <family::ParentHomeView home=h /> }.into_any(),
                Ok(Home::Leader(h)) => view! { <leader::LeaderHomeView home=h /> }.into_any(),
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
