//! Under the evaluation grid: a pupil's work for a goal, with a box per piece that makes it
//! evidence for the goal. The grid's cells count the evidence.

use crate::components::{ErrorNote, select_value};
use crate::i18n::{EvaluationKey, Key, messages, t};
use crate::returns::feedback::FeedbackList;
use domain::AppError;
use domain::evaluation::{GoalWork, GridGoal, GridPupil};
use domain::pupil::WorkItem;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use std::collections::HashMap;

#[server(endpoint = "goal_work")]
pub async fn load_goal_work(goal_id: i64, pupil_id: i64) -> Result<GoalWork, AppError> {
    backend::evaluation::evidence::goal_work(&crate::request_ctx()?, goal_id, pupil_id).await
}

#[server(endpoint = "choose_evidence", input = Json)]
pub async fn choose_evidence(
    goal_id: i64,
    pupil_id: i64,
    item_id: i64,
    evidence: bool,
) -> Result<(), AppError> {
    backend::evaluation::evidence::choose_evidence(
        &crate::request_ctx()?,
        goal_id,
        pupil_id,
        item_id,
        evidence,
    )
    .await
}

/// The evidence per (pupil, goal), as the grid's cells show it and this section changes it.
pub type EvidenceCounts = RwSignal<HashMap<(i64, i64), u32>>;

/// "Belæg" in a cell, when there is any.
pub fn cell_count(counts: EvidenceCounts, key: (i64, i64)) -> impl IntoView {
    move || {
        counts
            .with(|m| m.get(&key).copied().filter(|n| *n > 0))
            .map(|n| view! { <span class="own-evaluation">{messages::evidence_count(n)}</span> })
    }
}

#[component]
pub fn EvidenceSection(
    pupils: Vec<GridPupil>,
    goals: Vec<GridGoal>,
    counts: EvidenceCounts,
) -> impl IntoView {
    let pupil_ref = NodeRef::<leptos::html::Select>::new();
    let goal_ref = NodeRef::<leptos::html::Select>::new();
    let shown = RwSignal::new(None::<Result<GoalWork, AppError>>);
    let show = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(pupil_id), Ok(goal_id)) = (
            select_value(pupil_ref).parse::<i64>(),
            select_value(goal_ref).parse::<i64>(),
        ) else {
            return;
        };
        leptos::task::spawn_local(async move {
            shown.set(Some(load_goal_work(goal_id, pupil_id).await));
        });
    };
    view! {
        <form class="card" aria-labelledby="evidence-title" on:submit=show>
            <h2 id="evidence-title">{t(EvaluationKey::EvidenceTitle)}</h2>
            <p class="hint">{t(EvaluationKey::EvidenceHint)}</p>
            <div class="field">
                <label for="evidence-pupil">{t(Key::PupilWord)}</label>
                <select id="evidence-pupil" node_ref=pupil_ref>
                    {pupils.into_iter().map(|p| view! { <option value=p.id.to_string()>{p.name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="evidence-goal">{t(Key::SectionGoals)}</label>
                <select id="evidence-goal" node_ref=goal_ref>
                    {goals.into_iter().map(|g| view! { <option value=g.id.to_string()>{g.text}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit">{t(EvaluationKey::ShowPupilsWork)}</button>
            {move || shown.get().map(|r| match r {
                Ok(work) => view! { <Pieces work counts /> }.into_any(),
                Err(e) => view! { <ErrorNote error=e /> }.into_any(),
            })}
        </form>
    }
}

#[component]
fn Pieces(work: GoalWork, counts: EvidenceCounts) -> impl IntoView {
    if work.pieces.is_empty() {
        return view! { <p>{t(EvaluationKey::NoWorkForGoal)}</p> }.into_any();
    }
    let (goal_id, pupil_id) = (work.goal_id, work.pupil_id);
    let chosen = RwSignal::new(work.evidence.clone());
    let error = RwSignal::new(None::<AppError>);
    view! {
        <ul class="work-list" aria-label=t(EvaluationKey::EvidenceTitle)>
            {work.pieces.into_iter().map(|item| view! { <Piece item goal_id pupil_id chosen counts error /> }).collect_view()}
        </ul>
        {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
    }
    .into_any()
}

#[component]
fn Piece(
    item: WorkItem,
    goal_id: i64,
    pupil_id: i64,
    chosen: RwSignal<Vec<i64>>,
    counts: EvidenceCounts,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let item_id = item.id;
    let heading = item
        .task_title
        .clone()
        .or_else(|| item.goal_text.clone())
        .unwrap_or_default();
    let date = crate::calendar::danish_day(item.created_at);
    let shared = t(if item.shared {
        EvaluationKey::SharedWithFamily
    } else {
        EvaluationKey::NotSharedWithFamily
    });
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        error.set(None);
        chosen.update(|c| {
            c.retain(|id| *id != item_id);
            if on {
                c.push(item_id);
            }
        });
        let n = u32::try_from(chosen.with_untracked(Vec::len)).unwrap_or(u32::MAX);
        counts.update(|m| {
            m.insert((pupil_id, goal_id), n);
        });
        leptos::task::spawn_local(async move {
            if let Err(e) = choose_evidence(goal_id, pupil_id, item_id, on).await {
                error.set(Some(e));
            }
        });
    };
    view! {
        <li class="card work-item">
            <h3>{heading.clone()}</h3>
            <p class="muted">{date}" · "{shared}</p>
            {crate::pupil::work::work_body(&item, heading)}
            {(!item.text.is_empty()).then(|| view! { <p>{item.text.clone()}</p> })}
            <FeedbackList feedback=item.feedback.clone() />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || chosen.with(|c| c.contains(&item_id))
                    on:change=toggle
                />
                <span>{t(EvaluationKey::IsEvidence)}</span>
            </label>
        </li>
    }
}
