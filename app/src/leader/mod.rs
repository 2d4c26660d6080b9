//! The leader's side: the school's overview, in aggregates.

use crate::components::{AppHeader, set_title};
use crate::i18n::{Key, grade_name, t};
use crate::paths;
use domain::home::LeaderHome;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn LeaderHomeView(home: LeaderHome) -> impl IntoView {
    set_title(t(Key::LeaderTitle));
    view! {
        <AppHeader me=home.me.clone() />
        <main id="indhold" class="page">
            <h1>{t(Key::LeaderTitle)}": "{home.me.school_name.clone()}</h1>
            <p>{t(Key::LeaderTeachers)}": "<strong>{home.teacher_count}</strong></p>
            <p><A href=paths::ADMINISTRATION>{t(Key::AdminLink)}</A></p>
            // Focusable and named, so keyboard users can scroll it if a narrow screen needs to.
            <div class="table-wrap" role="region" aria-label=t(Key::LeaderClasses) tabindex="0">
                <table>
                    <caption>{t(Key::LeaderClasses)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Key::ColClass)}</th>
                            <th scope="col">{t(Key::ColGrade)}</th>
                            <th scope="col">{t(Key::ColPupils)}</th>
                            <th scope="col">{t(Key::ColTeams)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {home.classes.into_iter().map(|c| view! {
                            <tr>
                                <th scope="row">{c.name}</th>
                                <td>{grade_name(c.grade)}</td>
                                <td>{c.pupil_count}</td>
                                <td>{c.team_count}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </main>
    }
}
