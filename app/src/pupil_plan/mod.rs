//! The elevplan: teachers write a pupil's plans and publish them after a preview; the family and
//! the pupil read the published versions (samlet elevplan); the pupil adds a reflection.

pub mod family;
pub mod staff;

use domain::AppError;
use domain::pupil_plan::{
    CollectedPlan, MyPlan, PlanDraft, PlanEdit, PlanVersionRef, PublishedPlan, PupilPlans,
};
use domain::school::Subject;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "pupil_plans")]
pub async fn load_pupil_plans(pupil_id: i64) -> Result<PupilPlans, AppError> {
    backend::pupil_plan::pupil_plans(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "start_pupil_plan", input = Json)]
pub async fn start_pupil_plan(pupil_id: i64, subject: Option<Subject>) -> Result<i64, AppError> {
    backend::pupil_plan::start_plan(&crate::request_ctx()?, pupil_id, subject).await
}

#[server(endpoint = "plan_draft")]
pub async fn load_plan_draft(plan_id: i64) -> Result<PlanDraft, AppError> {
    backend::pupil_plan::plan_draft(&crate::request_ctx()?, plan_id).await
}

#[server(endpoint = "save_pupil_plan", input = Json)]
pub async fn save_pupil_plan(edit: PlanEdit) -> Result<i32, AppError> {
    backend::pupil_plan::save_plan(&crate::request_ctx()?, &edit).await
}

#[server(endpoint = "preview_pupil_plan")]
pub async fn preview_pupil_plan(plan_id: i64) -> Result<PublishedPlan, AppError> {
    backend::pupil_plan::preview_plan(&crate::request_ctx()?, plan_id).await
}

#[server(endpoint = "publish_pupil_plan")]
pub async fn publish_pupil_plan(plan_id: i64, version: i32) -> Result<PlanVersionRef, AppError> {
    backend::pupil_plan::publish_plan(&crate::request_ctx()?, plan_id, version).await
}

#[server(endpoint = "collected_plan")]
pub async fn load_collected_plan(pupil_id: i64) -> Result<CollectedPlan, AppError> {
    backend::pupil_plan::collected_plan(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "plan_version")]
pub async fn load_plan_version(version_id: i64) -> Result<PublishedPlan, AppError> {
    backend::pupil_plan::plan_version(&crate::request_ctx()?, version_id).await
}

#[server(endpoint = "my_plans")]
pub async fn load_my_plans() -> Result<Vec<MyPlan>, AppError> {
    backend::pupil_plan::my_plans(&crate::request_ctx()?).await
}

#[server(endpoint = "reflect_on_plan", input = Json)]
pub async fn reflect_on_plan(plan_id: i64, text: String) -> Result<(), AppError> {
    backend::pupil_plan::reflect(&crate::request_ctx()?, plan_id, &text).await
}

/// The pupil's reflection said aloud (base64 in JSON, so it goes on the upload route).
#[server(endpoint = "record_reflection", input = Json)]
pub async fn record_reflection(
    plan_id: i64,
    content_type: String,
    data_base64: String,
) -> Result<domain::pupil_plan::PupilVoice, AppError> {
    backend::pupil_plan::voice::record_reflection(
        &crate::request_ctx()?,
        plan_id,
        &content_type,
        &data_base64,
    )
    .await
}

#[server(endpoint = "export_pupil")]
pub async fn export_pupil(pupil_id: i64) -> Result<domain::pupil_plan::PupilPackage, AppError> {
    backend::pupil_plan::package::export_pupil(&crate::request_ctx()?, pupil_id).await
}

#[server(endpoint = "import_pupil", input = Json)]
pub async fn import_pupil(
    pupil_id: i64,
    text: String,
) -> Result<domain::pupil_plan::ImportSummary, AppError> {
    backend::pupil_plan::package::import_pupil_file(&crate::request_ctx()?, pupil_id, &text).await
}

use crate::i18n::PupilPlanKey;
use crate::i18n::{Key, subject_name, t};
use domain::pupil_plan::{PartCoverage, RequiredPart};

/// A plan's name: its subject's, or "Samlet elevplan".
pub fn plan_name(subject: Option<Subject>) -> String {
    subject.map_or_else(|| t(Key::CollectedPlan).to_owned(), subject_name)
}

/// A day as Danes write it: "23. november 2026".
pub fn danish_date(unix_secs: i64) -> String {
    crate::calendar::danish_day(unix_secs)
}

pub fn part_name(part: RequiredPart) -> &'static str {
    match part {
        RequiredPart::Language => t(PupilPlanKey::PartLanguage),
        RequiredPart::MathAwareness => t(PupilPlanKey::PartMathAwareness),
        RequiredPart::Danish => t(PupilPlanKey::PartDanish),
        RequiredPart::Maths => t(PupilPlanKey::PartMaths),
        RequiredPart::Education => t(PupilPlanKey::PartEducation),
        RequiredPart::Support => t(PupilPlanKey::PartSupport),
    }
}

/// The required parts for the pupil's grade, each said in words as covered or missing (never by
/// colour alone).
#[component]
pub fn CoverageList(coverage: Vec<PartCoverage>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="coverage-title">
            <h2 id="coverage-title">{t(PupilPlanKey::RequiredPartsTitle)}</h2>
            <ul class="coverage">
                {coverage.into_iter().map(|c| view! {
                    <li class=if c.covered { "covered" } else { "missing" }>
                        <span aria-hidden="true">{if c.covered { "✓ " } else { "! " }}</span>
                        {part_name(c.part)}": "
                        <strong>{if c.covered { t(PupilPlanKey::PartCovered) } else { t(PupilPlanKey::PartMissing) }}</strong>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// A published plan (or a preview) as the family reads it: the sections that have text, the
/// goals with the teacher's evaluation and the pupil's own, and the pupil's reflection.
#[component]
pub fn PublishedPlanView(
    plan: PublishedPlan,
    /// Named with its school year, for a plan of an earlier year.
    #[prop(optional)]
    with_year: bool,
) -> impl IntoView {
    let title = if with_year {
        crate::i18n::messages::plan_of_year(
            &plan_name(plan.subject),
            &domain::calendar::school_year_name(plan.school_year),
        )
    } else {
        plan_name(plan.subject)
    };
    let byline = if plan.number == 0 {
        t(PupilPlanKey::PreviewNotPublished).to_owned()
    } else if let Some(school) = &plan.imported_from {
        format!(
            "{} {} · {} {}",
            t(PupilPlanKey::BroughtFrom),
            school,
            t(PupilPlanKey::PublishedOn),
            danish_date(plan.published_at)
        )
    } else {
        format!(
            "{} {} · {} {} {}",
            t(PupilPlanKey::VersionWord),
            plan.number,
            t(PupilPlanKey::PublishedOn),
            danish_date(plan.published_at),
            plan.published_by
        )
    };
    let texts = plan.texts.clone();
    let sections = [
        (t(PupilPlanKey::SectionStatus), texts.status),
        (t(Key::SectionGoals), texts.goals),
        (t(PupilPlanKey::SectionFollowUp), texts.follow_up),
        (t(PupilPlanKey::SectionWellbeing), texts.wellbeing),
        (t(PupilPlanKey::SectionAllRound), texts.all_round),
        (t(PupilPlanKey::SectionEducation), texts.education),
        (t(PupilPlanKey::SectionSupport), texts.support),
    ];
    let goals = plan.goals.clone();
    let reflection = plan.pupil_reflection.clone();
    let voice = plan.pupil_voice.clone();
    let has_reflection = !reflection.is_empty() || voice.is_some();
    view! {
        <article class="card published-plan">
            <h2>{title}</h2>
            <p class="hint">{byline}</p>
            {sections.into_iter().filter(|(_, text)| !text.is_empty()).map(|(name, text)| view! {
                <h3>{name}</h3>
                <p class="plan-text">{text}</p>
            }).collect_view()}
            {(!goals.is_empty()).then(|| view! {
                <h3>{t(PupilPlanKey::SectionEvaluations)}</h3>
                <ul class="plan-goals">
                    {goals.into_iter().map(|g| view! {
                        <li>
                            <strong>{g.text}</strong>
                            {changed(&g.teacher, g.teacher_before.clone()).map(|e| view! { <p class="muted">{t(PupilPlanKey::TeacherBefore)}": "{e}</p> })}
                            {g.teacher.map(|e| view! { <p>{t(PupilPlanKey::TeachersEvaluation)}": "{e}</p> })}
                            {changed(&g.pupil, g.pupil_before.clone()).map(|e| view! { <p class="muted">{t(PupilPlanKey::PupilBefore)}": "{e}</p> })}
                            {g.pupil.map(|e| view! { <p>{t(PupilPlanKey::PupilsOwnEvaluation)}": "{e}</p> })}
                            {(!g.evidence.is_empty()).then(|| view! {
                                <ul class="work-list" aria-label=t(PupilPlanKey::EvidenceTitle)>
                                    {g.evidence.into_iter().map(|item| view! { <crate::pupil::work::SharedWorkCard item /> }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {has_reflection.then(|| view! {
                <h3>{t(PupilPlanKey::PupilReflection)}</h3>
                {(!reflection.is_empty()).then(|| view! { <p class="plan-text">{reflection}</p> })}
                {voice.map(|v| view! { <PublishedVoiceView voice=v /> })}
            })}
        </article>
    }
}

/// The pupil's recorded reflection in a version: the player if the teacher included the
/// recording, and what the teacher wrote down of it, said to be the teacher's words.
#[component]
fn PublishedVoiceView(voice: domain::pupil_plan::PublishedVoice) -> impl IntoView {
    view! {
        {voice.recording.map(|id| view! {
            <audio controls src=format!("{}/{id}", crate::paths::REFLECTION_FILES)
                aria-label=t(PupilPlanKey::PupilsRecording)></audio>
        })}
        {(!voice.transcript.is_empty()).then(|| view! {
            <p class="hint">{t(PupilPlanKey::WrittenDownByTeacher)}":"</p>
            <p class="plan-text">{voice.transcript}</p>
        })}
    }
}

/// The evaluation in the previous version, when it was another than now: progress since then.
fn changed(now: &Option<String>, before: Option<String>) -> Option<String> {
    before.filter(|b| Some(b) != now.as_ref())
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LoadPupilPlans>();
    register_explicit::<StartPupilPlan>();
    register_explicit::<LoadPlanDraft>();
    register_explicit::<SavePupilPlan>();
    register_explicit::<PreviewPupilPlan>();
    register_explicit::<PublishPupilPlan>();
    register_explicit::<LoadCollectedPlan>();
    register_explicit::<LoadPlanVersion>();
    register_explicit::<LoadMyPlans>();
    register_explicit::<ReflectOnPlan>();
    register_explicit::<RecordReflection>();
    register_explicit::<ExportPupil>();
    register_explicit::<ImportPupil>();
}
