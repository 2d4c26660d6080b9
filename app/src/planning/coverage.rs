//! The årsplan's goal coverage at a glance: each kompetenceområde of the hold's subject, with the
//! forløb whose goals lie in it, and how many areas have one. Said in words and marked with a
//! picture, never by colour alone. The forløb are named, not linked: the list of forløb above
//! links each once.

use crate::components::DecorativeIcon;
use crate::i18n::{PlanningKey, messages, t};
use domain::planning::YearPlan;
use leptos::prelude::*;

#[component]
pub fn GoalCoverage(plan: YearPlan) -> impl IntoView {
    (!plan.coverage.is_empty()).then(|| {
        let covered = plan.coverage.iter().filter(|a| !a.units.is_empty()).count();
        let summary = messages::areas_covered(covered, plan.coverage.len());
        let title_of = |id: i64| {
            plan.units
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.title.clone())
        };
        view! {
            <section class="card goal-coverage" aria-labelledby="coverage-title">
                <h2 id="coverage-title">{t(PlanningKey::CoverageTitle)}</h2>
                <p>{summary}</p>
                <ul class="coverage-list" aria-label=t(PlanningKey::CoverageTitle)>
                    {plan.coverage.iter().map(|area| {
                        let units: Vec<String> =
                            area.units.iter().filter_map(|id| title_of(*id)).collect();
                        let done = !units.is_empty();
                        view! {
                            <li class:covered=done>
                                <DecorativeIcon icon=if done { icondata::LuCircleCheck } else { icondata::LuCircleDashed } />
                                <span>
                                    <strong>{area.name.clone()}</strong>": "
                                    {if done {
                                        messages::area_units(&units)
                                    } else {
                                        t(PlanningKey::NotCoveredYet).to_owned()
                                    }}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
