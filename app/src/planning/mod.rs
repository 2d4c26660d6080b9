//! Planning: the teacher's side. For now the teacher's home with the hold they teach.

use crate::components::{AppHeader, DecorativeIcon, set_title};
use crate::i18n::{Key, role_name, subject_name, t};
use crate::pupil::subject_icon;
use domain::home::TeacherHome;
use domain::identity::Role;
use leptos::prelude::*;

#[component]
pub fn TeacherHomeView(home: TeacherHome) -> impl IntoView {
    set_title(t(Key::TeacherTitle));
    let empty = home.teams.is_empty();
    view! {
        <AppHeader name=home.name.clone() role_label=role_name(Role::Teacher) />
        <main id="indhold" class="page">
            <h1>{t(Key::TeacherTitle)}</h1>
            <p class="muted">{home.school_name}</p>
            {empty.then(|| view! { <p>{t(Key::TeacherNoTeams)}</p> })}
            <ul class="card-list" aria-label=t(Key::TeacherTitle)>
                {home.teams.into_iter().map(|team| view! {
                    <li class="card team">
                        <h2>
                            <DecorativeIcon icon=subject_icon(team.subject) />
                            <span>{team.name}</span>
                        </h2>
                        <p>{subject_name(team.subject)}" · "{team.pupil_count}" "{t(Key::TeamPupils)}</p>
                        <p>{t(Key::TeamTeachers)}": "{team.teacher_names.join(", ")}</p>
                    </li>
                }).collect_view()}
            </ul>
        </main>
    }
}
