//! A forløb's goals on its screen: the list, archived goals to restore, a new goal in own words or
//! from Fælles Mål, and a new målestok.

use super::api::*;
use crate::components::{
    ErrorNote, FoldHeading, area_value, input_value, remember_open, remembered_open, select_value,
};
use crate::i18n::PlanningKey;
use crate::i18n::{Key, goal_kind_name, t};
use domain::framework::{FrameworkItem, GoalSearch};
use domain::planning::{GoalInput, GoalKind, Scale, Unit};
use leptos::html::{Input, Select, Textarea};
use leptos::prelude::*;

/// The new goal's form, remembered open or closed by this name.
const NEW_GOAL: &str = "nyt-maal";

#[component]
pub(super) fn GoalsSection(
    unit: Unit,
    scales: Vec<Scale>,
    reload: Callback<()>,
    reload_scales: Callback<()>,
) -> impl IntoView {
    let add = ServerAction::<AddGoal>::new();
    let remove = ServerAction::<ArchiveGoal>::new();
    let restore = ServerAction::<RestoreGoal>::new();
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(_)))
            || matches!(remove.value().get(), Some(Ok(())))
            || matches!(restore.value().get(), Some(Ok(())))
        {
            reload.run(());
        }
    });
    let kind = RwSignal::new(GoalKind::Faglig);
    let own = NodeRef::<Textarea>::new();
    let signs = NodeRef::<Textarea>::new();
    let scale = NodeRef::<Select>::new();
    let chosen = RwSignal::new(None::<FrameworkItem>);
    let unit_id = unit.id;
    let version = unit.version;
    // Open while the forløb has no goals, and kept open for a teacher adding several.
    let open = RwSignal::new(unit.goals.is_empty() || remembered_open(NEW_GOAL));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        remember_open(NEW_GOAL, true);
        let item = chosen.get_untracked();
        add.dispatch(AddGoal {
            unit_id,
            version,
            input: GoalInput {
                kind: kind.get_untracked(),
                own_text: if item.is_some() {
                    None
                } else {
                    Some(area_value(own))
                },
                framework_item_id: item.map(|i| i.id),
                scale_id: select_value(scale).parse().unwrap_or(0),
                signs: area_value(signs),
            },
        });
    };
    view! {
        <section class="card" aria-labelledby="goals-title">
            <h2 id="goals-title">{t(Key::GoalsTitle)}</h2>
            {unit.goals.is_empty().then(|| view! { <p>{t(PlanningKey::NoGoals)}</p> })}
            <ul class="plain-list goal-list">
                {unit.goals.iter().map(|g| {
                    let id = g.id;
                    let text = g.text.clone();
                    view! {
                        // One row a goal: what it says and how it is judged, its button at the end.
                        <li class="plan-row">
                            <div class="plan-row-text">
                                <p><strong>{g.text.clone()}</strong></p>
                                <p class="muted">
                                    {goal_kind_name(g.kind)}" · "{t(PlanningKey::ScaleWord)}": "{g.scale.name.clone()}
                                    {g.framework_item.as_ref().map(|i| view! { " · "{i.framework.clone()}" ("{i.version.clone()}")" })}
                                    {(!g.signs.is_empty()).then(|| view! { " · "{t(PlanningKey::SignsLabel)}": "{g.signs.clone()} })}
                                </p>
                            </div>
                            <div class="plan-row-actions">
                                <button type="button" aria-label=crate::i18n::messages::remove_goal(&text) on:click=move |_| { remove.dispatch(ArchiveGoal { goal_id: id }); }>
                                    {t(PlanningKey::RemoveGoal)}
                                </button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!unit.archived_goals.is_empty()).then(|| view! {
                <h3>{t(PlanningKey::ArchivedGoals)}</h3>
                <ul class="plain-list">
                    {unit.archived_goals.iter().map(|g| {
                        let id = g.id;
                        view! {
                            <li>
                                {g.text.clone()}" "
                                <button type="button" on:click=move |_| { restore.dispatch(RestoreGoal { goal_id: id }); }>
                                    {crate::i18n::messages::restore(&g.text)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <FoldHeading id=NEW_GOAL heading_id="new-goal-title" controls="new-goal-form" open>
                {t(PlanningKey::NewGoalTitle)}
            </FoldHeading>
            <form id="new-goal-form" class="admin-form" hidden=move || !open.get() on:submit=submit novalidate=true aria-labelledby="new-goal-title">
                {move || match add.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
                <fieldset>
                    <legend>{t(PlanningKey::GoalKindLegend)}</legend>
                    {[GoalKind::Faglig, GoalKind::Refleksion].into_iter().map(|k| {
                        let id = format!("goal-kind-{}", k.as_str());
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="choice">
                                <input id=id type="radio" name="goal-kind" checked=move || kind.get() == k on:change=move |_| kind.set(k) />
                                {goal_kind_name(k)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field" hidden=move || chosen.get().is_some()>
                    <label for="goal-own">{t(PlanningKey::OwnGoalLabel)}</label>
                    <textarea id="goal-own" rows="2" node_ref=own></textarea>
                </div>
                <FrameworkGoalPicker subject=unit.subject chosen />
                <div class="field">
                    <label for="goal-scale">{t(PlanningKey::ScaleWord)}</label>
                    <select id="goal-scale" node_ref=scale>
                        {scales.iter().map(|s| view! {
                            <option value=s.id.to_string()>{s.name.clone()}" ("{s.steps.join(" · ")}")"</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="goal-signs">{t(PlanningKey::SignsLabel)}</label>
                    <textarea id="goal-signs" rows="2" node_ref=signs></textarea>
                </div>
                <button type="submit" class="primary">{t(PlanningKey::AddGoal)}</button>
            </form>
            <NewScaleForm on_saved=reload_scales />
        </section>
    }
}

/// Finds a framework goal by grade and words within the hold's subject, and picks one.
#[component]
pub(super) fn FrameworkGoalPicker(
    subject: domain::school::Subject,
    chosen: RwSignal<Option<FrameworkItem>>,
) -> impl IntoView {
    let search = ServerAction::<SearchGoals>::new();
    let words = NodeRef::<Input>::new();
    let grade = NodeRef::<Select>::new();
    let run = move |_| {
        search.dispatch(SearchGoals {
            search: GoalSearch {
                subject: Some(subject),
                grade: select_value(grade).parse().ok(),
                words: input_value(words),
            },
        });
    };
    view! {
        <fieldset class="goal-picker">
            <legend>{t(PlanningKey::FrameworkGoalLegend)}</legend>
            {move || chosen.get().map(|item| view! {
                <p class="notice" role="status">{t(PlanningKey::ChosenGoal)}": "{item.text.clone()}</p>
                <button type="button" on:click=move |_| chosen.set(None)>{t(PlanningKey::UseOwnWords)}</button>
            })}
            <div class="field">
                <label for="goal-grade">{t(Key::GradeLabel)}</label>
                <select id="goal-grade" node_ref=grade>
                    <option value="">{t(Key::AnyGrade)}</option>
                    {(0u8..=10).map(|g| view! { <option value=g.to_string()>{crate::i18n::grade_name(g)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="goal-words">{t(Key::SearchWords)}</label>
                <input id="goal-words" type="search" node_ref=words />
            </div>
            <button type="button" on:click=run>{t(PlanningKey::SearchGoals)}</button>
            <div aria-live="polite">
                {move || search.value().get().map(|result| match result {
                    Ok(items) if items.is_empty() => view! { <p>{t(PlanningKey::NoGoalsFound)}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="plain-list goal-results" aria-label=t(PlanningKey::GoalResults)>
                            {items.into_iter().map(|item| {
                                let label = format!("{}: {}", t(PlanningKey::ChooseGoal), item.text);
                                let path = item.path.join(" › ");
                                let grades = item.grades.map(|(a, b)| format!(" · {a}.–{b}. kl.")).unwrap_or_default();
                                // A tværfagligt forløb searches several subjects: say whose goal it is.
                                let subject = item.subject.map(|s| format!("{} · ", crate::i18n::subject_name(s))).unwrap_or_default();
                                let framework = format!("{subject}{} · {}", item.framework, path);
                                view! {
                                    <li>
                                        <p>{item.text.clone()}</p>
                                        <p class="muted">{framework}{grades}</p>
                                        <button type="button" aria-label=label on:click=move |_| chosen.set(Some(item.clone()))>
                                            {t(PlanningKey::ChooseGoal)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
            </div>
        </fieldset>
    }
}

/// A målestok of the teacher's own: a name and its steps, one per line, lowest first.
#[component]
pub(super) fn NewScaleForm(on_saved: Callback<()>) -> impl IntoView {
    let create = ServerAction::<CreateScale>::new();
    let name = NodeRef::<Input>::new();
    let steps = NodeRef::<Textarea>::new();
    Effect::new(move |_| {
        if matches!(create.value().get(), Some(Ok(_))) {
            on_saved.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateScale {
            name: input_value(name),
            steps: area_value(steps)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    };
    view! {
        <details class="own-scale">
            <summary>{t(PlanningKey::NewScaleTitle)}</summary>
            <form class="admin-form" on:submit=submit novalidate=true aria-label=t(PlanningKey::NewScaleTitle)>
                {move || create.value().get().map(|result| match result {
                    Ok(_) => view! { <p class="notice" role="status">{t(Key::Saved)}</p> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
                <div class="field"><label for="scale-name">{t(PlanningKey::ScaleNameLabel)}</label><input id="scale-name" type="text" node_ref=name /></div>
                <div class="field">
                    <label for="scale-steps">{t(PlanningKey::ScaleStepsLabel)}</label>
                    <p class="hint" id="scale-steps-hint">{t(PlanningKey::ScaleStepsHint)}</p>
                    <textarea id="scale-steps" rows="4" aria-describedby="scale-steps-hint" node_ref=steps></textarea>
                </div>
                <button type="submit" class="primary">{t(PlanningKey::CreateScale)}</button>
            </form>
        </details>
    }
}
