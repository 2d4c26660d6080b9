//! The pupil's side: icon-first, everything readable aloud, big targets.

use crate::components::{AvatarPicture, DecorativeIcon, ReadAloudButton, SignOutButton, set_title};
use crate::i18n::{Key, subject_name, t};
use domain::home::PupilHome;
use domain::school::Subject;
use leptos::prelude::*;
use leptos_router::components::A;

/// The one icon for each subject, the same on every screen.
pub fn subject_icon(subject: Subject) -> icondata::Icon {
    match subject {
        Subject::Dansk => icondata::LuBookOpen,
        Subject::Matematik => icondata::LuCalculator,
        Subject::Engelsk => icondata::LuLanguages,
        Subject::NaturTeknologi => icondata::LuLeaf,
        Subject::Idraet => icondata::LuBike,
        Subject::Billedkunst => icondata::LuPalette,
        Subject::Musik => icondata::LuMusic,
    }
}

#[component]
pub fn PupilHomeView(home: PupilHome) -> impl IntoView {
    set_title(&format!("{} {}", t(Key::PupilGreeting), home.first_name));
    view! {
        <div class="pupil-shell">
            <header class="pupil-bar">
                <ReadAloudButton large=true />
                <SignOutButton as_done_tile=true />
            </header>
            <main id="indhold" class="page pupil" lang="da">
                <h1 class="pupil-greeting">
                    <AvatarPicture avatar=home.avatar size=96 />
                    <span>{t(Key::PupilGreeting)}" "{home.first_name}"!"</span>
                </h1>
                <p class="pupil-class">{home.class_name}</p>
                <ul class="tiles pupil-main-tiles" aria-label=t(Key::PupilMenu)>
                    <li>
                        <A href=crate::paths::MY_GOALS attr:class="tile main-tile">
                            <DecorativeIcon icon=icondata::LuTarget />
                            <span>{t(Key::MyGoalsTitle)}</span>
                        </A>
                    </li>
                    <li>
                        <A href=crate::paths::MY_PLAN attr:class="tile main-tile">
                            <DecorativeIcon icon=icondata::LuNotebookPen />
                            <span>{t(Key::MyPlanTitle)}</span>
                        </A>
                    </li>
                </ul>
                <h2>{t(Key::PupilSubjects)}</h2>
                <ul class="tiles" aria-label=t(Key::PupilSubjects)>
                    {home.subjects.into_iter().map(|s| view! {
                        <li class="tile">
                            <DecorativeIcon icon=subject_icon(s) />
                            <span>{subject_name(s)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </main>
        </div>
    }
}
