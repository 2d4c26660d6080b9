//! The family's and the pupil's side of the elevplan: the samlet elevplan (every published plan,
//! earlier versions one tap away) and the pupil's reflection before publication, written or said.

use super::{
    PublishedPlanView, ReflectOnPlan, danish_date, load_collected_plan, load_my_plans,
    load_plan_version, plan_name, record_reflection,
};
use crate::components::{ErrorNote, ReadAloudButton, by_id, set_title};
use crate::i18n::PupilPlanKey;
use crate::i18n::{Key, messages, t};
use crate::identity::shell::{Loaded, StaffShell};
use crate::paths;
use crate::pupil::work::VoiceRecorder;
use domain::AppError;
use domain::pupil_plan::{CollectedPlan, MyPlan, PublishedPlanEntry, PupilVoice};
use leptos::prelude::*;
use leptos_router::components::A;

/// `/samlet-elevplan/:id`: a child's published plans across subjects, for the parent (and the
/// pupil). Calm and plain: one column, the newest version first, earlier versions on request.
#[component]
pub fn CollectedPlanPage() -> impl IntoView {
    let data = by_id(load_collected_plan);
    view! {
        <StaffShell>
            <main id="indhold" class="page narrow">
                <p><A href=paths::HOME>{t(Key::BackHome)}</A></p>
                <Loaded data=data title=t(Key::CollectedPlan) let:plan>
                    <Collected plan />
                </Loaded>
            </main>
        </StaffShell>
    }
}

/// The same page in the pupil's build, inside the pupil's frame: home, read aloud, help and
/// *Færdig* stay where they are on every other pupil screen.
#[component]
pub fn PupilCollectedPlanPage() -> impl IntoView {
    let data = by_id(load_collected_plan);
    view! {
        <crate::pupil::PupilShell help=t(PupilPlanKey::HelpCollectedPlan)>
            <main id="indhold" class="page pupil narrow" lang="da">
                <Loaded data=data title=t(Key::CollectedPlan) let:plan>
                    <Collected plan />
                </Loaded>
            </main>
        </crate::pupil::PupilShell>
    }
}

#[component]
fn Collected(plan: CollectedPlan) -> impl IntoView {
    let title = format!(
        "{} {} {}",
        t(Key::CollectedPlan),
        t(Key::ForWord),
        plan.pupil_name
    );
    set_title(&title);
    let (this_year, earlier): (Vec<_>, Vec<_>) = plan
        .plans
        .into_iter()
        .partition(|entry| entry.newest.school_year >= plan.current_year);
    let empty = this_year.is_empty();
    view! {
        <div class="title-row">
            <h1>{title}</h1>
            <ReadAloudButton />
        </div>
        {empty.then(|| view! { <p>{t(PupilPlanKey::NothingPublishedYet)}</p> })}
        {this_year.into_iter().map(|entry| view! { <PlanWithVersions entry earlier_year=false /> }).collect_view()}
        // Earlier years' plans, newest year first, each named with its year.
        {(!earlier.is_empty()).then(|| view! {
            <section aria-labelledby="earlier-years">
                <h2 id="earlier-years">{t(PupilPlanKey::EarlierYears)}</h2>
                {earlier.into_iter().map(|entry| view! { <PlanWithVersions entry earlier_year=true /> }).collect_view()}
            </section>
        })}
    }
}

/// The newest version, and a list of the earlier ones that opens one in place.
#[component]
fn PlanWithVersions(entry: PublishedPlanEntry, earlier_year: bool) -> impl IntoView {
    let shown = RwSignal::new(entry.newest.clone());
    let error = RwSignal::new(None::<AppError>);
    let name = plan_name(entry.newest.subject);
    let newest_number = entry.newest.number;
    let earlier: Vec<_> = entry.versions.into_iter().collect();
    let show_versions = earlier.len() > 1;
    view! {
        <section class="plan-entry">
            {move || view! { <PublishedPlanView plan=shown.get() with_year=earlier_year /> }}
            {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
            {show_versions.then(|| view! {
                <details class="card">
                    <summary>{format!("{} ({name})", t(PupilPlanKey::EarlierVersions))}</summary>
                    <ul class="button-list">
                        {earlier.into_iter().map(|v| {
                            let label = format!("{} {} {} {}",
                                t(PupilPlanKey::ShowVersion), v.number, t(PupilPlanKey::FromWord), danish_date(v.published_at));
                            let label = if v.number == newest_number { format!("{label} ({})", t(PupilPlanKey::NewestWord)) } else { label };
                            view! {
                                <li>
                                    <button type="button" on:click=move |_| {
                                        leptos::task::spawn_local(async move {
                                            match load_plan_version(v.id).await {
                                                Ok(plan) => { error.set(None); shown.set(plan); }
                                                Err(e) => error.set(Some(e)),
                                            }
                                        });
                                    }>{label}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </details>
            })}
        </section>
    }
}

/// `/min-elevplan`: the pupil writes (or says, with the device's dictation) what they think
/// before the teacher publishes; the published plans are linked.
#[component]
pub fn MyPlanPage() -> impl IntoView {
    set_title(t(Key::MyPlanTitle));
    let data = LocalResource::new(load_my_plans);
    // The plans the school has published for this pupil, one tap away.
    let me = LocalResource::new(crate::identity::current_user);
    view! {
        <crate::pupil::PupilShell help=t(PupilPlanKey::HelpMyPlan)>
            <main id="indhold" class="page pupil narrow" lang="da">
                <h1>{t(Key::MyPlanTitle)}</h1>
                <Suspense fallback=|| ()>
                    {move || me.get().and_then(Result::ok).map(|me| view! {
                        <p>
                            <A href=format!("{}/{}", paths::COLLECTED_PLAN, me.id) attr:class="tile-button">
                                <crate::components::DecorativeIcon icon=icondata::LuBookOpenCheck />
                                <span>{t(PupilPlanKey::SeePublishedPlans)}</span>
                            </A>
                        </p>
                    })}
                </Suspense>
                <Loaded data=data let:plans>
                    {if plans.is_empty() {
                        view! { <p>{t(PupilPlanKey::NoPlansYet)}</p> }.into_any()
                    } else {
                        plans.into_iter().map(|plan| view! { <Reflection plan /> }).collect_view().into_any()
                    }}
                </Loaded>
            </main>
        </crate::pupil::PupilShell>
    }
}

#[component]
fn Reflection(plan: MyPlan) -> impl IntoView {
    let save = ServerAction::<ReflectOnPlan>::new();
    let text = NodeRef::<leptos::html::Textarea>::new();
    let field = format!("reflection-{}", plan.plan_id);
    let label_for = field.clone();
    let plan_id = plan.plan_id;
    let name = plan_name(plan.subject);
    let heading_id = format!("reflection-title-{plan_id}");
    let labelled_by = heading_id.clone();
    let voice_heading = format!("reflection-voice-{plan_id}");
    let voice_labelled_by = voice_heading.clone();
    view! {
        <div class="card">
            <form aria-labelledby=labelled_by on:submit=move |ev| {
                ev.prevent_default();
                save.dispatch(ReflectOnPlan { plan_id, text: crate::components::area_value(text) });
            }>
                <h2 id=heading_id>{name.clone()}</h2>
                <div class="field">
                    <label for=label_for>{format!("{} ({name})", t(PupilPlanKey::MyReflectionLabel))}</label>
                    <textarea id=field rows="4" node_ref=text>{plan.reflection}</textarea>
                </div>
                <button type="submit" class="tile-button">{t(PupilPlanKey::SaveReflection)}</button>
                <p role="status">{move || matches!(save.value().get(), Some(Ok(()))).then(|| t(Key::Saved))}</p>
                {move || match save.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
            </form>
            // Said aloud instead, for a pupil who does not write yet.
            <section aria-labelledby=voice_labelled_by>
                <h3 id=voice_heading>{format!("{} ({name})", t(PupilPlanKey::SayItInstead))}</h3>
                <SpokenReflection plan_id voice=plan.voice />
            </section>
        </div>
    }
}

/// The pupil says their reflection instead of typing it: the recorder, and the recording kept
/// (the newest replaces the one before in the plan being written).
#[component]
fn SpokenReflection(plan_id: i64, voice: Option<PupilVoice>) -> impl IntoView {
    let kept = RwSignal::new(voice);
    let error = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(false);
    // A new recorder after each save, so the pupil starts again from "Start optagelse".
    let round = RwSignal::new(0u32);
    let on_recorded = Callback::new(move |(content_type, data_base64): (String, String)| {
        leptos::task::spawn_local(async move {
            match record_reflection(plan_id, content_type, data_base64).await {
                Ok(v) => {
                    error.set(None);
                    kept.set(Some(v));
                    saved.set(true);
                    round.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        {move || kept.get().map(|v| view! {
            <p>{t(PupilPlanKey::MyRecording)}" · "{messages::recorded_on(&danish_date(v.recorded_at))}</p>
            <audio controls src=format!("{}/{}", paths::REFLECTION_FILES, v.id)
                aria-label=t(PupilPlanKey::MyRecording)></audio>
        })}
        {move || { round.get(); view! { <VoiceRecorder on_recorded /> } }}
        <p role="status">{move || saved.get().then(|| t(Key::Saved))}</p>
        {move || error.get().map(|e| view! { <ErrorNote error=e /> })}
    }
}
