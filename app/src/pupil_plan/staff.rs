//! The teachers' side of the elevplan: a pupil's plans and the required parts, and the editor
//! with its preview ("as the parent sees it") and publishing.

use super::{
    CoverageList, PublishPupilPlan, PublishedPlanView, SavePupilPlan, StartPupilPlan, danish_date,
    export_pupil, import_pupil, load_plan_draft, load_pupil_plans, plan_name, preview_pupil_plan,
};
use crate::components::{ErrorNote, area_value, by_id, set_title};
use crate::i18n::PupilPlanKey;
use crate::i18n::{Key, counts, messages, subject_name, t};
use crate::identity::shell::Loaded;
use crate::identity::shell::StaffShell;
use crate::paths;
use domain::Field;
use domain::pupil_plan::{
    ImportSummary, PlanDraft, PlanEdit, PlanTexts, PublishedPlan, PupilPackage, PupilPlans,
    PupilVoice, VoiceChoice,
};
use domain::{AppError, ErrorCode};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// `/elevplaner/:id`: one pupil's plans this school year, which required parts they cover, and
/// starting a plan in a subject the teacher teaches the pupil.
#[component]
pub fn PupilPlansPage() -> impl IntoView {
    let data = by_id(load_pupil_plans);
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Loaded data=data title=t(PupilPlanKey::PupilPlansTitle) let:plans>
                    <PupilPlansView plans />
                </Loaded>
            </main>
        </StaffShell>
    }
}

#[component]
fn PupilPlansView(plans: PupilPlans) -> impl IntoView {
    let title = format!("{} {}", t(PupilPlanKey::PupilPlansFor), plans.pupil_name);
    set_title(&title);
    let start = ServerAction::<StartPupilPlan>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(plan_id)) = start.value().get() {
            navigate(
                &format!("{}/{plan_id}", paths::PUPIL_PLAN),
                Default::default(),
            );
        }
    });
    let pupil_id = plans.pupil_id;
    let pupil_name = plans.pupil_name.clone();
    let year = format!("{}/{}", plans.school_year, plans.school_year + 1);
    view! {
        <h1>{title}</h1>
        <p>{plans.class_name.clone()}" · "{crate::i18n::messages::school_year(&year)}</p>
        <CoverageList coverage=plans.coverage.clone() />
        <section class="card" aria-labelledby="plans-title">
            <h2 id="plans-title">{t(PupilPlanKey::PlansThisYear)}</h2>
            {plans.plans.is_empty().then(|| view! { <p>{t(PupilPlanKey::NoPlansYet)}</p> })}
            <ul class="card-list">
                {plans.plans.iter().map(|plan| {
                    let state = match plan.published_version {
                        Some(n) => format!("{} {n}", t(PupilPlanKey::PublishedAsVersion)),
                        None => t(PupilPlanKey::DraftOnly).to_owned(),
                    };
                    let name = plan_name(plan.subject);
                    view! {
                        <li>
                            <A href=format!("{}/{}", paths::PUPIL_PLAN, plan.id)>
                                {format!("{} {name}", t(PupilPlanKey::OpenPlan))}
                            </A>
                            " · "{state}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="button-row">
                {plans.can_start.iter().map(|subject| {
                    let subject = *subject;
                    view! {
                        <button type="button" on:click=move |_| {
                            start.dispatch(StartPupilPlan { pupil_id, subject: Some(subject) });
                        }>
                            {format!("{} {}", t(PupilPlanKey::StartPlanIn), subject_name(subject))}
                        </button>
                    }
                }).collect_view()}
                {plans.can_start_collected.then(|| view! {
                    <button type="button" on:click=move |_| {
                        start.dispatch(StartPupilPlan { pupil_id, subject: None });
                    }>{t(PupilPlanKey::StartCollectedPlan)}</button>
                })}
            </div>
            {move || match start.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
        </section>
        {plans.can_move_records.then(|| view! { <PackageSection pupil_id /> })}
        {plans.can_read_audit_trail.then(|| view! {
            <p>
                <a href=format!("{}/{}", paths::AUDIT_TRAIL, pupil_id) rel="external">
                    {crate::i18n::documents::audit_link(&pupil_name)}
                </a>
            </p>
        })}
    }
}

/// The pupil's package, for the leader and administration: download it as a file, print it, or
/// bring in the package from the pupil's previous school.
#[component]
fn PackageSection(pupil_id: i64) -> impl IntoView {
    let file = NodeRef::<leptos::html::Input>::new();
    let result = RwSignal::new(None::<Result<ImportSummary, AppError>>);
    let on_import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = file
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            result.set(Some(Err(AppError::invalid(Field::PackageFormat))));
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(chosen.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            result.set(Some(import_pupil(pupil_id, text).await));
        });
    };
    view! {
        <section class="card" aria-labelledby="package-title">
            <h2 id="package-title">{t(PupilPlanKey::PackageTitle)}</h2>
            <p class="hint">{t(PupilPlanKey::PackageHint)}</p>
            <p class="button-row">
                <a href=format!("{}/{pupil_id}", paths::PUPIL_PACKAGE) download="">{t(PupilPlanKey::DownloadPackage)}</a>
                <A href=format!("{}/{pupil_id}/udskrift", paths::PUPIL_PLANS)>{t(PupilPlanKey::PrintPackage)}</A>
            </p>
            <form on:submit=on_import aria-labelledby="import-package-title">
                <h3 id="import-package-title">{t(PupilPlanKey::ImportPackageTitle)}</h3>
                <div class="field">
                    <label for="package-file">{t(PupilPlanKey::PackageFileLabel)}</label>
                    <input type="file" id="package-file" accept=".json,application/json" node_ref=file />
                </div>
                <button type="submit">{t(PupilPlanKey::ImportPackage)}</button>
                <p role="status">{move || match result.get() {
                    Some(Ok(s)) => Some(counts::package_imported(s.plans, s.versions, s.evaluations, s.work)),
                    _ => None,
                }}</p>
                {move || match result.get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
            </form>
        </section>
    }
}

/// `/elevplaner/:id/udskrift`: the pupil's package as a page to print: every published version
/// of every plan and every evaluation with its history.
#[component]
pub fn PackagePrintPage() -> impl IntoView {
    let data = by_id(export_pupil);
    view! {
        <StaffShell>
            <main id="indhold" class="page print-page">
                <Loaded data=data title=t(PupilPlanKey::PackageTitle) let:package>
                    <PackagePrint package />
                </Loaded>
            </main>
        </StaffShell>
    }
}

#[component]
fn PackagePrint(package: PupilPackage) -> impl IntoView {
    let name = format!("{} {}", package.pupil.given_name, package.pupil.family_name);
    let title = format!("{}: {name}", t(PupilPlanKey::PackageTitle));
    set_title(&title);
    let evaluations = package.evaluations.clone();
    view! {
        <h1>{title}</h1>
        <p>{crate::i18n::messages::package_origin(&package.school, &danish_date(package.exported_at))}</p>
        <p class="no-print">
            <button type="button" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>{t(PupilPlanKey::PrintWord)}</button>
        </p>
        {package.plans.is_empty().then(|| view! { <p>{t(PupilPlanKey::NotPublishedYet)}</p> })}
        {package.plans.into_iter().flat_map(|plan| plan.versions.into_iter().rev()).map(|version| view! {
            <PublishedPlanView plan=version />
        }).collect_view()}
        <section>
            <h2 id="evaluations-title">{t(PupilPlanKey::SectionEvaluations)}</h2>
            <div class="table-wrap" role="region" aria-labelledby="evaluations-title" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t(PupilPlanKey::DateWord)}</th>
                            <th scope="col">{t(PupilPlanKey::SubjectAndUnit)}</th>
                            <th scope="col">{t(Key::SectionGoals)}</th>
                            <th scope="col">{t(PupilPlanKey::WhoEvaluated)}</th>
                            <th scope="col">{t(PupilPlanKey::EvaluationWord)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {evaluations.into_iter().map(|e| {
                            let step = e.step.and_then(|s| e.scale.get(usize::from(s)).cloned());
                            let words = match (step, e.comment.is_empty()) {
                                (Some(step), true) => step,
                                (Some(step), false) => format!("{step} – {}", e.comment),
                                (None, _) => e.comment.clone(),
                            };
                            let subject = e.subject.map(subject_name).unwrap_or_default();
                            view! {
                                <tr>
                                    <td>{danish_date(e.at)}</td>
                                    <td>{format!("{subject}, {} ({})", e.unit_title, e.school)}</td>
                                    <td>{e.goal_text.clone()}{e.framework_item.map(|id| view! { <br /><span class="hint">{id}</span> })}</td>
                                    <td>{if e.by_pupil { t(Key::PupilWord) } else { t(Key::TeacherLabel) }}</td>
                                    <td>{words}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// `/elevplan/:id`: the draft, its goals and evaluations to show, the preview and publishing.
#[component]
pub fn PlanEditorPage() -> impl IntoView {
    let data = by_id(load_plan_draft);
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Loaded data=data title=t(PupilPlanKey::PupilPlansTitle) let:draft>
                    <PlanEditor draft reload=move || data.refetch() />
                </Loaded>
            </main>
        </StaffShell>
    }
}

/// One section's text area, labelled by its name.
#[component]
fn SectionField(
    id: &'static str,
    label: &'static str,
    value: String,
    node: NodeRef<leptos::html::Textarea>,
    disabled: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <textarea id=id rows="4" node_ref=node disabled=disabled>{value}</textarea>
        </div>
    }
}

/// The pupil's recorded reflection in the editor: the teacher hears it, includes it in the next
/// version or not, and may write down what the pupil says.
#[component]
fn VoiceChoiceFields(
    voice: PupilVoice,
    in_plan: NodeRef<leptos::html::Input>,
    transcript: NodeRef<leptos::html::Textarea>,
    disabled: bool,
) -> impl IntoView {
    view! {
        <fieldset>
            <legend>{t(PupilPlanKey::PupilsRecording)}</legend>
            <p class="hint">{messages::recorded_on(&danish_date(voice.recorded_at))}</p>
            <audio controls src=format!("{}/{}", paths::REFLECTION_FILES, voice.id)
                aria-label=t(PupilPlanKey::HearPupilsRecording)></audio>
            <div class="field checkbox">
                <input type="checkbox" id="voice-in-plan" node_ref=in_plan
                    checked=voice.in_plan disabled=disabled />
                <label for="voice-in-plan">{t(PupilPlanKey::IncludeRecording)}</label>
            </div>
            <div class="field">
                <label for="voice-transcript">{t(PupilPlanKey::TranscriptLabel)}</label>
                <textarea id="voice-transcript" rows="3" node_ref=transcript disabled=disabled>
                    {voice.transcript}
                </textarea>
            </div>
        </fieldset>
    }
}

#[component]
fn PlanEditor(draft: PlanDraft, reload: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let name = plan_name(draft.subject);
    let title = format!(
        "{}: {name} – {}",
        t(PupilPlanKey::PupilPlanWord),
        draft.pupil_name
    );
    set_title(&title);
    let plan_id = draft.id;
    let subject_plan = draft.subject.is_some();
    let editable = draft.can_edit;
    let version = RwSignal::new(draft.version);
    let nodes: [NodeRef<leptos::html::Textarea>; 7] = Default::default();
    let support = NodeRef::<leptos::html::Input>::new();
    let voice_in_plan = NodeRef::<leptos::html::Input>::new();
    let transcript = NodeRef::<leptos::html::Textarea>::new();
    let voice_id = draft.voice.as_ref().map(|v| v.id);
    let chosen = RwSignal::new(
        draft
            .goals
            .iter()
            .filter(|g| g.chosen)
            .map(|g| g.goal_id)
            .collect::<Vec<_>>(),
    );
    let save = ServerAction::<SavePupilPlan>::new();
    let publish = ServerAction::<PublishPupilPlan>::new();
    // The preview shown, and the version it was made of: publishing sends that version, so what
    // the teacher saw is what the family gets.
    let preview = RwSignal::new(None::<(i32, PublishedPlan)>);
    let preview_error = RwSignal::new(None::<AppError>);
    Effect::new(move |_| {
        if let Some(Ok(v)) = save.value().get() {
            version.set(v);
            preview.set(None);
        }
    });
    let versions = RwSignal::new(draft.versions.clone());
    Effect::new(move |_| {
        if let Some(Ok(v)) = publish.value().get() {
            versions.update(|list| list.insert(0, v));
            preview.set(None);
        }
    });
    let texts = move || {
        let v = |i: usize| area_value(nodes[i]);
        PlanTexts {
            status: v(0),
            goals: v(1),
            follow_up: v(2),
            wellbeing: v(3),
            all_round: v(4),
            education: v(5),
            support: v(6),
        }
    };
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(SavePupilPlan {
            edit: PlanEdit {
                plan_id,
                version: version.get_untracked(),
                texts: texts(),
                receives_support: support.get().is_some_and(|el| el.checked()),
                goal_ids: chosen.get_untracked(),
                voice: voice_id.map(|voice_id| VoiceChoice {
                    voice_id,
                    in_plan: voice_in_plan.get().is_some_and(|el| el.checked()),
                    transcript: area_value(transcript),
                }),
            },
        });
    };
    let show_preview = move |_| {
        let at = version.get_untracked();
        leptos::task::spawn_local(async move {
            match preview_pupil_plan(plan_id).await {
                Ok(plan) => {
                    preview_error.set(None);
                    preview.set(Some((at, plan)));
                }
                Err(e) => preview_error.set(Some(e)),
            }
        });
    };
    let sections = [
        (
            "status",
            t(PupilPlanKey::SectionStatus),
            draft.texts.status.clone(),
            true,
        ),
        (
            "goals",
            t(Key::SectionGoals),
            draft.texts.goals.clone(),
            true,
        ),
        (
            "follow_up",
            t(PupilPlanKey::SectionFollowUp),
            draft.texts.follow_up.clone(),
            true,
        ),
        (
            "wellbeing",
            t(PupilPlanKey::SectionWellbeing),
            draft.texts.wellbeing.clone(),
            !subject_plan,
        ),
        (
            "all_round",
            t(PupilPlanKey::SectionAllRound),
            draft.texts.all_round.clone(),
            !subject_plan,
        ),
        (
            "education",
            t(PupilPlanKey::SectionEducation),
            draft.texts.education.clone(),
            !subject_plan,
        ),
        (
            "support",
            t(PupilPlanKey::SectionSupport),
            draft.texts.support.clone(),
            !subject_plan,
        ),
    ];
    let pupil_link = format!("{}/{}", paths::PUPIL_PLANS, draft.pupil_id);
    let reflection = draft.pupil_reflection.clone();
    let save_error = move || {
        match save.value().get() {
        Some(Err(e)) if e.code == ErrorCode::Conflict => Some(view! {
            <div class="error-note" role="alert">
                <p>{t(PupilPlanKey::PlanConflict)}</p>
                <button type="button" on:click=move |_| reload()>{t(PupilPlanKey::UseStoredVersion)}</button>
            </div>
        }.into_any()),
        Some(Err(e)) => Some(view! { <ErrorNote error=e /> }.into_any()),
        _ => None,
    }
    };
    view! {
        <h1>{title}</h1>
        <p><A href=pupil_link>{t(PupilPlanKey::BackToPupilPlans)}</A></p>
        <CoverageList coverage=draft.coverage.clone() />
        <form class="card plan-form" on:submit=on_save aria-labelledby="plan-form-title">
            <h2 id="plan-form-title">{t(PupilPlanKey::WritePlan)}</h2>
            {sections.into_iter().enumerate().filter(|(_, s)| s.3).map(|(i, (id, label, value, _))| view! {
                <SectionField id=id label=label value=value node=nodes[i] disabled=!editable />
            }).collect_view()}
            {(!subject_plan).then(|| view! {
                <div class="field checkbox">
                    <input type="checkbox" id="receives-support" node_ref=support
                        checked=draft.receives_support disabled=!editable />
                    <label for="receives-support">{t(PupilPlanKey::ReceivesSupport)}</label>
                </div>
            })}
            {subject_plan.then(|| view! {
                <fieldset>
                    <legend>{t(PupilPlanKey::GoalsToShow)}</legend>
                    {draft.goals.is_empty().then(|| view! { <p>{t(PupilPlanKey::NoGoalsToShow)}</p> })}
                    {draft.goals.iter().map(|g| {
                        let goal_id = g.goal_id;
                        let box_id = format!("goal-{goal_id}");
                        let label_for = box_id.clone();
                        let evaluations = [
                            g.teacher.as_ref().map(|e| format!("{}: {e}", t(PupilPlanKey::TeachersEvaluation))),
                            g.pupil.as_ref().map(|e| format!("{}: {e}", t(PupilPlanKey::PupilsOwnEvaluation))),
                        ].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        let evaluations = if evaluations.is_empty() { t(Key::NotEvaluated).to_owned() } else { evaluations };
                        view! {
                            <div class="field checkbox">
                                <input type="checkbox" id=box_id checked=g.chosen disabled=!editable
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|list| {
                                            list.retain(|id| *id != goal_id);
                                            if on { list.push(goal_id); }
                                        });
                                    } />
                                <label for=label_for>
                                    {g.text.clone()}
                                    <span class="hint">" ("{g.unit_title.clone()}") – "{evaluations}</span>
                                </label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <div class="field">
                <span class="label">{t(PupilPlanKey::PupilReflection)}</span>
                <p>{if reflection.is_empty() { t(PupilPlanKey::NoReflectionYet).to_owned() } else { reflection }}</p>
            </div>
            {draft.voice.clone().map(|voice| view! {
                <VoiceChoiceFields voice in_plan=voice_in_plan transcript disabled=!editable />
            })}
            {editable.then(|| view! { <button type="submit">{t(PupilPlanKey::SavePlan)}</button> })}
            <p role="status">{move || matches!(save.value().get(), Some(Ok(_))).then(|| t(Key::Saved))}</p>
            {save_error}
        </form>
        <section class="card" aria-labelledby="publish-title">
            <h2 id="publish-title">{t(PupilPlanKey::PreviewAndPublish)}</h2>
            <p class="hint">{t(PupilPlanKey::PreviewHint)}</p>
            <button type="button" on:click=show_preview>{t(PupilPlanKey::SeeAsParent)}</button>
            {move || preview_error.get().map(|e| view! { <ErrorNote error=e /> })}
            {move || preview.get().map(|(at, plan)| view! {
                <div class="preview" role="region" aria-label=t(PupilPlanKey::SeeAsParent)>
                    <PublishedPlanView plan />
                </div>
                {editable.then(|| view! {
                    <button type="button" class="primary" on:click=move |_| {
                        publish.dispatch(PublishPupilPlan { plan_id, version: at });
                    }>{t(PupilPlanKey::PublishPlan)}</button>
                })}
            })}
            <p role="status">{move || match publish.value().get() {
                Some(Ok(v)) => Some(format!("{} {}", t(PupilPlanKey::PublishedAsVersion), v.number)),
                _ => None,
            }}</p>
            {move || match publish.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
            <h3>{t(PupilPlanKey::PublishedVersions)}</h3>
            {move || versions.with(Vec::is_empty).then(|| view! { <p>{t(PupilPlanKey::NotPublishedYet)}</p> })}
            <ul>
                {move || versions.get().into_iter().map(|v| view! {
                    <li>{format!("{} {} · {}", t(PupilPlanKey::VersionWord), v.number, danish_date(v.published_at))}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}
