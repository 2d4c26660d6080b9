//! The pupil's side: icon-first, everything readable aloud, big targets. Every pupil screen sits in
//! `PupilShell`, so home, read-aloud, help and "Færdig" are the same buttons in the same places.

pub mod drafts;
pub mod subject;
pub mod today;
pub mod work;

use crate::components::{AvatarPicture, DecorativeIcon, ReadAloudButton, set_title};
use crate::i18n::PupilKey;
use crate::i18n::{Key, subject_name, t};
use crate::identity::shell::SignOutButton;
use crate::paths;
use crate::pictures::{Destination, subject_class, subject_icon};
use domain::AppError;
use domain::home::PupilHome;
use domain::pupil::{Today, WorkItem, WorkUpload};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use leptos_router::components::A;

#[server(endpoint = "today")]
pub async fn load_today() -> Result<Today, AppError> {
    backend::pupil::today::today_for_pupil(&crate::request_ctx()?).await
}

#[server(endpoint = "task_done", input = Json)]
pub async fn mark_task_done(task_id: i64, done: bool) -> Result<(), AppError> {
    backend::pupil::today::mark_done(&crate::request_ctx()?, task_id, done).await
}

#[server(endpoint = "add_work", input = Json)]
pub async fn add_work(upload: WorkUpload) -> Result<i64, AppError> {
    backend::pupil::work::add_work(&crate::request_ctx()?, &upload).await
}

#[server(endpoint = "my_work")]
pub async fn load_my_work() -> Result<Vec<WorkItem>, AppError> {
    backend::pupil::work::my_work(&crate::request_ctx()?).await
}

#[server(endpoint = "share_work")]
pub async fn share_work(item_id: i64, shared: bool) -> Result<(), AppError> {
    backend::pupil::work::share_work(&crate::request_ctx()?, item_id, shared).await
}

#[server(endpoint = "saw_feedback", input = Json)]
pub async fn saw_feedback(ids: Vec<i64>) -> Result<(), AppError> {
    backend::returns::feedback::saw_feedback(&crate::request_ctx()?, &ids).await
}

/// Once answers are on the pupil's screen they are no longer new: the next visit shows them
/// without the mark (this one keeps it, so the pupil sees which came last).
pub(crate) fn mark_answers_heard(feedback: &[domain::feedback::Feedback]) {
    let ids: Vec<i64> = feedback.iter().filter(|f| f.new).map(|f| f.id).collect();
    if !ids.is_empty() {
        leptos::task::spawn_local(async move {
            // Only the mark depends on it: the next visit asks again.
            let _ = saw_feedback(ids).await;
        });
    }
}

/// The frame of every pupil screen. The bar is the same everywhere: home (top left), read the
/// screen aloud, help for this screen (which is also read aloud), and "Færdig" to hand the iPad on.
/// Work not yet sent is retried from here, whichever screen the pupil is on.
#[component]
pub fn PupilShell(help: &'static str, children: Children) -> impl IntoView {
    let (help_open, set_help_open) = signal(false);
    drafts::resend_waiting();
    view! {
        <div class="pupil-shell">
            <header class="pupil-bar pupil-nav">
                <A href=paths::HOME attr:class=format!("tile-button {}", Destination::Home.class())>
                    <DecorativeIcon icon=Destination::Home.icon() />
                    <span>{t(PupilKey::PupilHomeTile)}</span>
                </A>
                <ReadAloudButton large=true />
                <button
                    type="button"
                    class="tile-button"
                    aria-expanded=move || if help_open.get() { "true" } else { "false" }
                    aria-controls="hjaelp"
                    on:click=move |_| {
                        let open = !help_open.get_untracked();
                        set_help_open.set(open);
                        if open {
                            crate::speech::speak(help, || ());
                        } else {
                            crate::speech::stop();
                        }
                    }
                >
                    <DecorativeIcon icon=icondata::LuCircleHelp />
                    <span>{t(PupilKey::HelpButton)}</span>
                </button>
                <SignOutButton as_done_tile=true />
                // Inside the banner, across its row: help for this screen, and work waiting to be sent.
                <div id="hjaelp" class="help-panel" hidden=move || !help_open.get()>
                    <p>{help}</p>
                    <button type="button" class="tile-button" on:click=move |_| {
                        crate::speech::stop();
                        set_help_open.set(false);
                    }>{t(PupilKey::CloseHelp)}</button>
                </div>
                <drafts::WaitingWork />
            </header>
            {children()}
        </div>
    }
}

/// A tile of the pupil's home: the destination's picture in its colour, one word, a link.
#[component]
fn DestinationTile(
    to: Destination,
    href: &'static str,
    label: &'static str,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let class = format!(
        "tile {} {}",
        if small { "small-tile" } else { "main-tile" },
        to.class()
    );
    view! {
        <li>
            <A href=href attr:class=class>
                <DecorativeIcon icon=to.icon() />
                <span>{label}</span>
            </A>
        </li>
    }
}

#[component]
pub fn PupilHomeView(home: PupilHome) -> impl IntoView {
    set_title(&crate::i18n::messages::greeting(&home.first_name));
    view! {
        <PupilShell help=t(PupilKey::HelpHome)>
            <main id="indhold" class="page pupil" lang="da">
                <h1 class="pupil-greeting">
                    <AvatarPicture avatar=home.avatar size=96 />
                    <span>{crate::i18n::messages::greeting(&home.first_name)}</span>
                </h1>
                <p class="pupil-class">{home.class_name}</p>
                <ul class="tiles pupil-main-tiles" aria-label=t(PupilKey::PupilMenu)>
                    <DestinationTile to=Destination::Today href=paths::TODAY label=t(PupilKey::TodayTitle) />
                    <DestinationTile to=Destination::MyGoals href=paths::MY_GOALS label=t(Key::MyGoalsTitle) />
                    <DestinationTile to=Destination::HowDidItGo href=paths::HOW_DID_IT_GO label=t(Key::HowDidItGo) />
                    <DestinationTile to=Destination::MyWork href=paths::MY_WORK label=t(PupilKey::MyWorkTitle) />
                </ul>
                <ul class="tiles small-tiles" aria-label=t(PupilKey::MorePupilLinks)>
                    <DestinationTile to=Destination::MyPlan href=paths::MY_PLAN label=t(Key::MyPlanTitle) small=true />
                    <DestinationTile to=Destination::Reading href=paths::READING label=t(PupilKey::ReadingTile) small=true />
                </ul>
                <h2>{t(PupilKey::PupilSubjects)}</h2>
                <ul class="tiles subject-tiles" aria-label=t(PupilKey::PupilSubjects)>
                    {home.subjects.into_iter().map(|s| view! {
                        <li>
                            <A href=format!("{}/{}", paths::SUBJECT, s.code()) attr:class=format!("tile small-tile {}", subject_class(s))>
                                <DecorativeIcon icon=subject_icon(s) />
                                <span>{subject_name(s)}</span>
                            </A>
                        </li>
                    }).collect_view()}
                </ul>
            </main>
        </PupilShell>
    }
}

/// Text read aloud with the word being spoken marked, where the device reports words.
#[component]
pub fn SpokenText(text: String, now: ReadSignal<Option<u32>>) -> impl IntoView {
    let words = crate::speech::words_with_offsets(&text);
    let starts: Vec<u32> = words.iter().map(|(start, _)| *start).collect();
    // The word being spoken is the last one starting at or before the reported offset.
    let current = Memo::new(move |_| {
        now.get()
            .map(|offset| starts.partition_point(|s| *s <= offset).saturating_sub(1))
    });
    view! {
        <p class="spoken-text">
            {words.into_iter().enumerate().map(|(i, (_, word))| view! {
                <span class:spoken-now=move || current.get() == Some(i)>{word}</span>
                " "
            }).collect_view()}
        </p>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LoadToday>();
    register_explicit::<MarkTaskDone>();
    register_explicit::<AddWork>();
    register_explicit::<LoadMyWork>();
    register_explicit::<ShareWork>();
    register_explicit::<SawFeedback>();
}
