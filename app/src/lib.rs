//! Spire's client: a Leptos CSR app, organised by feature. Each feature module declares its server
//! functions (thin adapters that call one use case in `backend`) next to the views that use them.

// The planning screens' views are deep types when components are not erased (native builds).
#![recursion_limit = "256"]

pub mod base64;
pub mod calendar;
pub mod components;
pub mod evaluation;
pub mod family;
pub mod home;
pub mod i18n;
pub mod identity;
pub mod leader;
pub mod library;
pub mod pictures;
pub mod planning;
pub mod pupil;
pub mod pupil_plan;
pub mod returns;
pub mod speech;
pub mod subjects;
pub mod teams;

use domain::identity::Audience;
use i18n::{Key, t};
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// Paths of the screens and the server, in one place so links, redirects and routes agree.
pub use domain::paths;

/// The skip link every screen starts with. Handled here rather than by the router, which would
/// treat the fragment as navigation and leave keyboard focus where it was.
#[component]
fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="skip-link"
            href="#indhold"
            on:click=|ev| {
                ev.prevent_default();
                components::focus_main();
            }
        >
            {t(Key::SkipToContent)}
        </a>
    }
}

/// Every screen's footer: the accessibility statement, a page the server writes (so the router
/// lets the browser load it).
#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <a href=paths::ACCESSIBILITY_STATEMENT rel="external">{i18n::documents::STATEMENT_LINK}</a>
        </footer>
    }
}

/// A signed-in build: links into other builds load as pages, the reading settings and the
/// subject catalogue are loaded once, and the router draws the build's routes between the skip
/// link and the footer, handing over what another build draws. A macro, because each build's
/// routes are a type of their own.
macro_rules! signed_in_build {
    ($here:ident, { $($routes:tt)* }) => {{
        let_links_into_other_builds_load(Audience::$here);
        identity::reading::provide_reading_settings();
        subjects::provide_catalogue();
        view! {
            <Router>
                <SkipLink />
                <Routes fallback=|| view! { <NotFoundHere here=Audience::$here /> }>
                    $($routes)*
                </Routes>
                <SiteFooter />
            </Router>
        }
    }};
}

/// The staff build: the homes, the planning overview, a hold's people and the shared library of
/// forløb. The other staff screens are
/// the other three staff builds' (`domain::identity::Audience`), sign-in is the sign-in build's,
/// and the pupils' and parents' screens the pupil and family builds'; links there load a page.
#[component]
pub fn StaffApp() -> impl IntoView {
    signed_in_build!(Staff, {
        <Route path=path!("/") view=|| view! { <home::HomePage views=home::staff_homes /> } />
        <Route path=path!("/planlaegning") view=planning::screens::PlanningPage />
        <Route path=path!("/hold/:id") view=teams::TeamPage />
        <Route path=path!("/bibliotek") view=library::LibraryPage />
        <Route path=path!("/skift-adgangskode") view=identity::access::ChangePasswordPage />
    })
}

/// The follow-up build: staff following the pupils — the evaluation grid, what pupils handed in
/// and the elevplaner.
#[component]
pub fn FollowUpApp() -> impl IntoView {
    signed_in_build!(FollowUp, {
        <Route path=path!("/evaluering/:id") view=evaluation::EvaluationGridPage />
        <Route path=path!("/opgave/:id") view=returns::TaskReturnsPage />
        <Route path=path!("/elevarbejde/:team/:pupil") view=returns::pupil_work::PupilWorkPage />
        <Route path=path!("/elevplaner/:id") view=pupil_plan::staff::PupilPlansPage />
        <Route path=path!("/elevplan/:id") view=pupil_plan::staff::PlanEditorPage />
        <Route path=path!("/elevplaner/:id/udskrift") view=pupil_plan::staff::PackagePrintPage />
    })
}

/// The school build: administration.
#[component]
pub fn SchoolApp() -> impl IntoView {
    signed_in_build!(School, {
        <Route path=path!("/administration") view=identity::roster::AdministrationPage />
    })
}

/// The hold build: a hold's årsplan and its forløb (a teacher moves between them without a page
/// load).
#[component]
pub fn HoldApp() -> impl IntoView {
    signed_in_build!(Hold, {
        <Route path=path!("/aarsplan/:id") view=planning::screens::YearPlanPage />
        <Route path=path!("/forloeb/:id") view=planning::screens::UnitPage />
    })
}

/// The pupil build: a pupil's screens on the class iPad (or their own device), and the card
/// scanner a child signs in with (signed out, but about to need this build). A child reaches it
/// after the sign-in build, so the class iPad's first screen does not wait for it.
#[component]
pub fn PupilApp() -> impl IntoView {
    signed_in_build!(Pupil, {
        <Route path=path!("/") view=|| view! { <home::HomePage views=home::pupil_homes /> } />
        <Route path=path!("/kort") view=identity::scanner::ScanCardPage />
        <Route path=path!("/i-dag") view=pupil::today::TodayPage />
        <Route path=path!("/i-dag/:id") view=pupil::today::TaskPage />
        <Route path=path!("/fag/:code") view=pupil::subject::SubjectPage />
        <Route path=path!("/mine-maal") view=evaluation::MyGoalsPage />
        <Route path=path!("/hvordan-gik-det") view=evaluation::HowDidItGoPage />
        <Route path=path!("/mit-arbejde") view=pupil::work::MyWorkPage />
        <Route path=path!("/laesning") view=identity::reading::ReadingSettingsPage />
        <Route path=path!("/min-elevplan") view=pupil_plan::family::MyPlanPage />
        <Route path=path!("/samlet-elevplan/:id") view=pupil_plan::family::PupilCollectedPlanPage />
        <Route path=path!("/skift-adgangskode") view=identity::access::ChangePasswordPage />
    })
}

/// The family build: a parent's screens — each child's week, the weekly digest, the published
/// plans — for a phone.
#[component]
pub fn FamilyApp() -> impl IntoView {
    signed_in_build!(Family, {
        <Route path=path!("/") view=|| view! { <home::HomePage views=home::family_homes /> } />
        <Route path=path!("/laesning") view=identity::reading::ReadingSettingsPage />
        <Route path=path!("/barn/:id") view=family::ChildPage />
        <Route path=path!("/ugebrev") view=family::DigestPage />
        <Route path=path!("/samlet-elevplan/:id") view=pupil_plan::family::CollectedPlanPage />
        <Route path=path!("/skift-adgangskode") view=identity::access::ChangePasswordPage />
    })
}

/// The sign-in build: the first screen of a class iPad, and of everyone who is signed out. It holds
/// only the sign-in screens, and no router, so that the first download is small (issue 8: 150 kB
/// for a pupil's first screen); every link out of it loads a page, and the server serves the build
/// for it. The card scanner is the pupil build's: a child who scans is about to need that build.
#[component]
pub fn SignInApp() -> impl IntoView {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let page = match path.trim_end_matches('/') {
        paths::SIGN_IN => view! { <identity::SignInPage /> }.into_any(),
        paths::CLASS_PICKER => view! { <identity::ClassPickerPage /> }.into_any(),
        paths::CODE_SIGN_IN => view! { <identity::CodeSignInPage /> }.into_any(),
        paths::RESET_PASSWORD => view! { <identity::access::ResetPasswordPage /> }.into_any(),
        // Signed out at home (the server serves this build there only then): on to the class
        // iPad's pictures or the adults' sign-in.
        "" => {
            identity::shell::go_to_sign_in();
            loading().into_any()
        }
        _ => {
            hand_over();
            loading().into_any()
        }
    };
    view! { <SkipLink /> {page} <SiteFooter /> }
}

fn loading() -> impl IntoView {
    view! { <main id="indhold" class="page"><p>{t(Key::Loading)}</p></main> }
}

/// Loads the current address as a new page, so that the server serves the build that draws it
/// (`domain::identity::Audience`). The server never serves a build for a path that build hands
/// over, so this cannot loop.
fn hand_over() {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        components::leave_for(&(path + &query));
    }
}

/// Whether another build draws `path` (without its query): a sign-in path or the scanner in a
/// signed-in build, or in a staff build another staff build's screen.
fn drawn_elsewhere(here: Audience, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    (Audience::SIGN_IN_PATHS.contains(&path) && here != Audience::SignIn)
        || (path == Audience::SCANNER_PATH && here != Audience::Pupil)
        || (here.is_staff() && Audience::staff_build_for(path) != here)
}

/// Lets a click on a link into another build be the browser's own page load. Seen first (in the
/// capture phase), the click is kept from the router, which would otherwise draw its fallback
/// first and then replace the page: the person's Back button would return to a page that was
/// left half-drawn. The router's fallback still covers navigation made in code.
fn let_links_into_other_builds_load(here: Audience) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        move |ev: web_sys::MouseEvent| {
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten());
            let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                return;
            };
            // Our own links are absolute paths; anything else the router leaves alone anyway.
            let path = href.split(['?', '#']).next().unwrap_or_default();
            if path.starts_with('/') && !path.starts_with("//") && drawn_elsewhere(here, path) {
                ev.stop_propagation();
            }
        },
    );
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // Listens for the page's whole life.
    on_click.forget();
}

/// The routers' fallback: a path another build draws — a sign-in path (or the family build's
/// scanner) reached by a link inside a signed-in build, or in a staff build another staff build's
/// screen — loads as a new page, and the server serves that build; anything else is not found.
#[component]
fn NotFoundHere(here: Audience) -> impl IntoView {
    // The router's location, not the window's: the router draws the new screen before it pushes
    // the address, so the window still shows the page being left.
    let location = leptos_router::hooks::use_location();
    let full_path = location.pathname.get_untracked();
    let path = full_path.trim_end_matches('/');
    if drawn_elsewhere(here, path) {
        let search = location.search.get_untracked();
        let query = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        components::leave_for(&(full_path.clone() + &query));
        loading().into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}

#[component]
fn NotFound() -> impl IntoView {
    components::set_title(t(Key::NotFoundTitle));
    view! {
        <main id="indhold" class="page narrow">
            <h1>{t(Key::NotFoundTitle)}</h1>
            <p>{t(Key::NotFoundBody)}</p>
            <p><A href=paths::HOME>{t(Key::BackHome)}</A></p>
        </main>
    }
}

/// Registers every server function with the server, each feature its own. Registration by linker
/// section alone is not reliable (a test binary may drop the objects that carry it), so the lists
/// are explicit; the authorization matrix test fails for a server function missing from them.
#[cfg(feature = "ssr")]
pub fn register_server_functions() {
    identity::register_server_functions();
    home::register_server_functions();
    pupil::register_server_functions();
    family::register_server_functions();
    evaluation::register_server_functions();
    pupil_plan::register_server_functions();
    planning::register_server_functions();
    library::register_server_functions();
    teams::register_server_functions();
    subjects::register_server_functions();
    returns::register_server_functions();
}

/// The request context a server function runs in, provided by the server for every call.
#[cfg(feature = "ssr")]
pub(crate) fn request_ctx() -> Result<backend::RequestCtx, domain::AppError> {
    use_context::<backend::RequestCtx>().ok_or_else(domain::AppError::internal)
}
