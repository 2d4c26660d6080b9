//! The leader's side: the school's overview, in aggregates.

use crate::components::set_title;
use crate::i18n::{Key, grade_name, subject_name, t};
use crate::identity::shell::AppHeader;
use crate::paths;
use domain::home::{GradePlans, HoldPlanning, LeaderHome, PlanStatus};
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
            <HoldsTable holds=home.holds />
            <GradesTable grades=home.grades />
        </main>
    }
}

/// Which hold plan, by class and subject, with the drill-down to the årsplan itself. The count of
/// pupils who evaluated themselves is an aggregate, shown only for hold of at least five.
#[component]
fn HoldsTable(holds: Vec<HoldPlanning>) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label=t(Key::HoldsTitle) tabindex="0">
            <table>
                <caption>{t(Key::HoldsTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::ColHold)}</th>
                        <th scope="col">{t(Key::ColSubject)}</th>
                        <th scope="col">{t(Key::ColClasses)}</th>
                        <th scope="col">{t(Key::ColPupils)}</th>
                        <th scope="col">{t(Key::ColYearPlan)}</th>
                        <th scope="col">{t(Key::ColUnits)}</th>
                        <th scope="col">{t(Key::ColSelfEvaluated)}</th>
                    </tr>
                </thead>
                <tbody>
                    {holds.into_iter().map(|h| {
                        let evaluated = match h.pupils_self_evaluated {
                            Some(n) => format!("{n} {} {}", t(Key::OfWord), h.pupil_count),
                            None => t(Key::TooFewToShow).to_owned(),
                        };
                        let plan = match h.year_plan_id {
                            Some(id) => view! { <A href=format!("{}/{id}", paths::YEAR_PLAN)>{format!("{} {}", t(Key::ColYearPlan), h.name)}</A> }.into_any(),
                            None => view! { {t(Key::NoYearPlanYet)} }.into_any(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{h.name.clone()}</th>
                                <td>{subject_name(h.subject)}</td>
                                <td>{h.class_names.join(", ")}</td>
                                <td>{h.pupil_count}</td>
                                <td>{plan}</td>
                                <td>{h.unit_count}</td>
                                <td>{evaluated}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Elevplan status per grade in numbers, and each grade's pupils behind a disclosure, each a link
/// to their plans.
#[component]
fn GradesTable(grades: Vec<GradePlans>) -> impl IntoView {
    let details = grades.clone();
    view! {
        <div class="table-wrap" role="region" aria-label=t(Key::PlansByGrade) tabindex="0">
            <table>
                <caption>{t(Key::PlansByGrade)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::ColGrade)}</th>
                        <th scope="col">{t(Key::ColPupils)}</th>
                        <th scope="col">{t(Key::ColPublished)}</th>
                        <th scope="col">{t(Key::ColDraft)}</th>
                        <th scope="col">{t(Key::ColNoPlan)}</th>
                        <th scope="col">{t(Key::ColMissingParts)}</th>
                    </tr>
                </thead>
                <tbody>
                    {grades.into_iter().map(|g| view! {
                        <tr>
                            <th scope="row">{grade_name(g.grade)}</th>
                            <td>{g.pupils.len()}</td>
                            <td>{g.count(PlanStatus::Published)}</td>
                            <td>{g.count(PlanStatus::Draft)}</td>
                            <td>{g.count(PlanStatus::Missing)}</td>
                            <td>{g.missing_required()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {details.into_iter().map(|g| view! {
            <details class="grade-pupils">
                <summary>{format!("{} {}", t(Key::PupilsInGrade), grade_name(g.grade))}</summary>
                <ul>
                    {g.pupils.into_iter().map(|p| {
                        let status = match p.status {
                            PlanStatus::Published => t(Key::StatusPublished),
                            PlanStatus::Draft => t(Key::StatusDraft),
                            PlanStatus::Missing => t(Key::StatusMissing),
                        };
                        let parts = if p.missing_parts > 0 {
                            format!("{} {}", p.missing_parts, t(Key::MissingPartsWord))
                        } else {
                            t(Key::AllPartsCovered).to_owned()
                        };
                        view! {
                            <li>
                                <A href=format!("{}/{}", paths::PUPIL_PLANS, p.pupil_id)>{p.name}</A>
                                {format!(" ({}): {status}, {parts}", p.class_name)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }).collect_view()}
    }
}
