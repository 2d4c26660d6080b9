//! The leader's side: the school's overview, in aggregates.

use crate::components::set_title;
use crate::i18n::LeaderKey;
use crate::i18n::{Key, grade_name, subject_name, t};
use crate::identity::shell::AppHeader;
use crate::paths;
use domain::home::{GradePlans, HoldPlanning, LeaderHome, PlanStatus};
use domain::identity::Role;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn LeaderHomeView(home: LeaderHome) -> impl IntoView {
    set_title(t(LeaderKey::LeaderTitle));
    // The office shares the overview but not what is behind it (årsplaner, a pupil's plans,
    // people's data): it is shown no link it would be refused at.
    let leads = home.me.role == Role::Leader;
    view! {
        <AppHeader me=home.me.clone() />
        <main id="indhold" class="page">
            <h1>{t(LeaderKey::LeaderTitle)}": "{home.me.school_name.clone()}</h1>
            <p>{t(LeaderKey::LeaderTeachers)}": "<strong>{home.teacher_count}</strong></p>
            <p><A href=paths::ADMINISTRATION>{t(LeaderKey::AdminLink)}</A></p>
            // A page the server writes: a full page load, not the client's router.
            {leads.then(|| view! {
                <p><a href=paths::PRIVACY rel="external">{t(crate::i18n::PrivacyKey::PageLink)}</a></p>
            })}
            // Focusable and named, so keyboard users can scroll it if a narrow screen needs to.
            <div class="table-wrap" role="region" aria-label=t(LeaderKey::LeaderClasses) tabindex="0">
                <table>
                    <caption>{t(LeaderKey::LeaderClasses)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(LeaderKey::ColClass)}</th>
                            <th scope="col">{t(LeaderKey::ColGrade)}</th>
                            <th scope="col">{t(LeaderKey::ColPupils)}</th>
                            <th scope="col">{t(LeaderKey::ColTeams)}</th>
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
            <HoldsTable holds=home.holds links=leads />
            <GradesTable grades=home.grades links=leads />
        </main>
    }
}

/// Which hold plan, by class and subject, with the drill-down to the årsplan itself (`links`). The
/// count of pupils who evaluated themselves is an aggregate, shown only for hold of at least five.
#[component]
fn HoldsTable(holds: Vec<HoldPlanning>, links: bool) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" aria-label=t(LeaderKey::HoldsTitle) tabindex="0">
            <table>
                <caption>{t(LeaderKey::HoldsTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(LeaderKey::ColHold)}</th>
                        <th scope="col">{t(LeaderKey::ColSubject)}</th>
                        <th scope="col">{t(LeaderKey::ColClasses)}</th>
                        <th scope="col">{t(LeaderKey::ColPupils)}</th>
                        <th scope="col">{t(LeaderKey::ColYearPlan)}</th>
                        <th scope="col">{t(LeaderKey::ColUnits)}</th>
                        <th scope="col">{t(LeaderKey::ColSelfEvaluated)}</th>
                    </tr>
                </thead>
                <tbody>
                    {holds.into_iter().map(|h| {
                        let evaluated = match h.pupils_self_evaluated {
                            Some(n) => format!("{n} {} {}", t(Key::OfWord), h.pupil_count),
                            None => t(LeaderKey::TooFewToShow).to_owned(),
                        };
                        let named = format!("{} {}", t(LeaderKey::ColYearPlan), h.name);
                        let plan = match h.year_plan_id {
                            Some(id) if links => view! { <A href=format!("{}/{id}", paths::YEAR_PLAN)>{named}</A> }.into_any(),
                            Some(_) => view! { {named} }.into_any(),
                            None => view! { {t(LeaderKey::NoYearPlanYet)} }.into_any(),
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
/// to their plans (`links`).
#[component]
fn GradesTable(grades: Vec<GradePlans>, links: bool) -> impl IntoView {
    let details = grades.clone();
    view! {
        <div class="table-wrap" role="region" aria-label=t(LeaderKey::PlansByGrade) tabindex="0">
            <table>
                <caption>{t(LeaderKey::PlansByGrade)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(LeaderKey::ColGrade)}</th>
                        <th scope="col">{t(LeaderKey::ColPupils)}</th>
                        <th scope="col">{t(LeaderKey::ColPublished)}</th>
                        <th scope="col">{t(LeaderKey::ColDraft)}</th>
                        <th scope="col">{t(LeaderKey::ColNoPlan)}</th>
                        <th scope="col">{t(LeaderKey::ColMissingParts)}</th>
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
                <summary>{format!("{} {}", t(LeaderKey::PupilsInGrade), grade_name(g.grade))}</summary>
                <ul>
                    {g.pupils.into_iter().map(|p| {
                        let status = match p.status {
                            PlanStatus::Published => t(LeaderKey::StatusPublished),
                            PlanStatus::Draft => t(LeaderKey::StatusDraft),
                            PlanStatus::Missing => t(LeaderKey::StatusMissing),
                        };
                        let parts = if p.missing_parts > 0 {
                            format!("{} {}", p.missing_parts, t(LeaderKey::MissingPartsWord))
                        } else {
                            t(LeaderKey::AllPartsCovered).to_owned()
                        };
                        let name = if links {
                            view! { <A href=format!("{}/{}", paths::PUPIL_PLANS, p.pupil_id)>{p.name}</A> }.into_any()
                        } else {
                            view! { {p.name} }.into_any()
                        };
                        view! {
                            <li>
                                {name}
                                {format!(" ({}): {status}, {parts}", p.class_name)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }).collect_view()}
    }
}
