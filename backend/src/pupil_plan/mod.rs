//! The elevplan: drafts per pupil, subject and school year (and one collected plan), written by
//! the pupil's teachers; publications frozen as versions the pupil and family read.
//!
//! A publication is a self-contained copy (`PublishedPlan`): goal texts and evaluations in words,
//! the publisher's name. Archiving the forløb, hold or årsplan, or the teacher leaving, cannot
//! change or remove it, and every table here refuses to let its pupil be deleted.

use crate::db::read::Reads;
use crate::entity::{
    evaluation, pupil_plan, pupil_plan_goal, pupil_plan_version, unit, unit_goal, year_plan,
};
use crate::facts::{PupilFacts, pupil_facts, pupils_holds};
use crate::identity::current_principal;
use crate::planning::plans::GoalContext;
use crate::policy::{self};
use crate::{Principal, RequestCtx, audit, clock, db_err};
use domain::Field;
use domain::audit::AuditTopic;
use domain::planning::Scale;
use domain::pupil_plan::{
    PlanContent, PlanDraft, PlanEdit, PlanGoalChoice, PlanSummary, PlanTexts, PlanVersionRef,
    PublishedGoal, PublishedPlan, PupilPlans, coverage, parse_reflection,
};
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeSet, HashMap};

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// Records on the audit trail that `p` changed `plan`, inside the transaction that changes it.
async fn plan_changed(
    txn: &impl sea_orm::ConnectionTrait,
    ctx: &RequestCtx,
    p: &Principal,
    plan: &pupil_plan::Model,
) -> Result<(), AppError> {
    audit::changed(
        txn,
        ctx,
        p,
        AuditTopic::Plan,
        plan.pupil_id,
        Some(plan.id.into()),
    )
    .await
}

fn id32(id: i64) -> Result<i32, AppError> {
    i32::try_from(id).map_err(|_| not_found())
}

/// The collected plan's `subject` column.
const COLLECTED: &str = "";

fn subject_of(row: &pupil_plan::Model) -> Result<Option<Subject>, AppError> {
    if row.subject == COLLECTED {
        Ok(None)
    } else {
        Subject::parse(&row.subject)
            .map(Some)
            .map_err(|_| AppError::internal())
    }
}

async fn plan_row(db: &impl ConnectionTrait, plan_id: i64) -> Result<pupil_plan::Model, AppError> {
    pupil_plan::Entity::find_by_id(id32(plan_id)?)
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(not_found)
}

/// A plan with the caller's relation to its pupil, for drafts: read by the pupil's teachers and
/// the leader.
async fn draft_with_access(
    db: &impl Reads,
    p: &Principal,
    plan_id: i64,
) -> Result<(pupil_plan::Model, PupilFacts), AppError> {
    let plan = plan_row(db, plan_id).await?;
    let facts = pupil_facts(db, p, plan.pupil_id).await?;
    policy::require(policy::can_read_pupil_plan_drafts(p, facts.relation))?;
    Ok((plan, facts))
}

fn texts_of(row: &pupil_plan::Model) -> PlanTexts {
    PlanTexts {
        status: row.status.clone(),
        goals: row.goals.clone(),
        follow_up: row.follow_up.clone(),
        wellbeing: row.wellbeing.clone(),
        all_round: row.all_round.clone(),
        education: row.education.clone(),
        support: row.support.clone(),
    }
}

async fn versions_of(
    db: &impl ConnectionTrait,
    plan_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<PlanVersionRef>>, AppError> {
    let rows = pupil_plan_version::Entity::find()
        .select_only()
        .column(pupil_plan_version::Column::Id)
        .column(pupil_plan_version::Column::PlanId)
        .column(pupil_plan_version::Column::Number)
        .column(pupil_plan_version::Column::PublishedAt)
        .filter(pupil_plan_version::Column::PlanId.is_in(plan_ids))
        .order_by_desc(pupil_plan_version::Column::Number)
        .into_tuple::<(i32, i32, i32, i64)>()
        .all(db)
        .await
        .map_err(db_err)?;
    let mut by_plan: HashMap<i32, Vec<PlanVersionRef>> = HashMap::new();
    for (id, plan_id, number, published_at) in rows {
        by_plan.entry(plan_id).or_default().push(PlanVersionRef {
            id: i64::from(id),
            number,
            published_at,
        });
    }
    Ok(by_plan)
}

async fn year_plans(
    db: &impl ConnectionTrait,
    pupil_id: i32,
    school_year: i32,
) -> Result<Vec<pupil_plan::Model>, AppError> {
    pupil_plan::Entity::find()
        .filter(pupil_plan::Column::PupilId.eq(pupil_id))
        .filter(pupil_plan::Column::SchoolYear.eq(school_year))
        .order_by_asc(pupil_plan::Column::Subject)
        .all(db)
        .await
        .map_err(db_err)
}

/// Which required parts the pupil's plans for the year cover.
async fn year_coverage(
    db: &impl ConnectionTrait,
    facts: &PupilFacts,
    plans: &[pupil_plan::Model],
) -> Result<Vec<domain::pupil_plan::PartCoverage>, AppError> {
    let chosen: BTreeSet<i32> = pupil_plan_goal::Entity::find()
        .select_only()
        .column(pupil_plan_goal::Column::PlanId)
        .filter(
            pupil_plan_goal::Column::PlanId.is_in(plans.iter().map(|pl| pl.id).collect::<Vec<_>>()),
        )
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .collect();
    plans_coverage(facts.grade(), plans.iter(), &chosen)
}

/// Which required parts a pupil's plans for a year cover, given which plans have chosen goals.
pub(crate) fn plans_coverage<'a>(
    grade: i16,
    plans: impl Iterator<Item = &'a pupil_plan::Model>,
    chosen: &BTreeSet<i32>,
) -> Result<Vec<domain::pupil_plan::PartCoverage>, AppError> {
    let mut content = PlanContent::default();
    let mut receives_support = false;
    for plan in plans {
        match subject_of(plan)? {
            Some(subject) => {
                if texts_of(plan).has_subject_content() || chosen.contains(&plan.id) {
                    content.subjects_written.push(subject);
                }
            }
            None => {
                content.collected = texts_of(plan);
                receives_support = plan.receives_support;
            }
        }
    }
    Ok(coverage(grade, receives_support, &content))
}

/// A pupil's plans for this school year, for their teachers and the leader.
pub async fn pupil_plans(ctx: &RequestCtx, pupil_id: i64) -> Result<PupilPlans, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let facts = pupil_facts(db, &p, id32(pupil_id)?).await?;
    policy::require(policy::can_read_pupil_plan_drafts(&p, facts.relation))?;
    audit::read(ctx, &p, AuditTopic::Plan, [facts.person.id], None).await?;
    let plans = year_plans(db, facts.person.id, p.school_year).await?;
    let versions = versions_of(db, plans.iter().map(|pl| pl.id).collect()).await?;
    let coverage = year_coverage(db, &facts, &plans).await?;
    let mut summaries = Vec::new();
    for plan in &plans {
        let subject = subject_of(plan)?;
        summaries.push(PlanSummary {
            id: i64::from(plan.id),
            subject,
            published_version: versions
                .get(&plan.id)
                .and_then(|v| v.first())
                .map(|v| v.number),
            can_edit: facts.may_write(&p, subject),
        });
    }
    let started: BTreeSet<Option<Subject>> = summaries.iter().map(|s| s.subject).collect();
    Ok(PupilPlans {
        pupil_id: i64::from(facts.person.id),
        pupil_name: facts.name(),
        class_name: facts
            .class
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        grade: facts.grade(),
        school_year: p.school_year,
        can_start: facts
            .taught_subjects
            .iter()
            .copied()
            .filter(|s| !started.contains(&Some(*s)) && facts.may_write(&p, Some(*s)))
            .collect(),
        can_start_collected: !started.contains(&None) && facts.may_write(&p, None),
        plans: summaries,
        coverage,
        can_move_records: policy::can_move_pupil_records(&p, facts.person.school_id),
        can_read_audit_trail: policy::can_read_audit_trail(&p, facts.relation),
    })
}

/// Starts the pupil's plan for a subject (or the collected plan) this school year, or returns
/// the one already started.
pub async fn start_plan(
    ctx: &RequestCtx,
    pupil_id: i64,
    subject: Option<Subject>,
) -> Result<i64, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let facts = pupil_facts(db, &p, id32(pupil_id)?).await?;
    policy::require(facts.may_write(&p, subject))?;
    let code = subject.map(Subject::code);
    let key = code.as_deref().unwrap_or(COLLECTED);
    let existing = pupil_plan::Entity::find()
        .filter(pupil_plan::Column::PupilId.eq(facts.person.id))
        .filter(pupil_plan::Column::SchoolYear.eq(p.school_year))
        .filter(pupil_plan::Column::Subject.eq(key))
        .one(db)
        .await
        .map_err(db_err)?;
    if let Some(plan) = existing {
        return Ok(i64::from(plan.id));
    }
    // Two teachers starting the same plan at once: the unique index lets one insert win, and
    // the other is told it was started meanwhile rather than failing.
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let row = new_plan(facts.person.school_id, facts.person.id, p.school_year, key)
        .insert(&txn)
        .await
        .map_err(crate::write_err)?;
    plan_changed(&txn, ctx, &p, &row).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(i64::from(row.id))
}

/// An empty draft at version 1.
fn new_plan(
    school_id: i32,
    pupil_id: i32,
    school_year: i32,
    subject: &str,
) -> pupil_plan::ActiveModel {
    pupil_plan::ActiveModel {
        school_id: Set(school_id),
        pupil_id: Set(pupil_id),
        school_year: Set(school_year),
        subject: Set(subject.to_owned()),
        status: Set(String::new()),
        goals: Set(String::new()),
        follow_up: Set(String::new()),
        wellbeing: Set(String::new()),
        all_round: Set(String::new()),
        education: Set(String::new()),
        support: Set(String::new()),
        receives_support: Set(false),
        pupil_reflection: Set(String::new()),
        version: Set(1),
        updated_at: Set(clock::now()),
        ..Default::default()
    }
}

/// The goals of the subject's forløb in the pupil's hold this year: the ones a teacher may show.
/// The collected plan shows none.
async fn candidate_goals(
    db: &impl Reads,
    plan: &pupil_plan::Model,
) -> Result<Vec<(unit_goal::Model, String)>, AppError> {
    let Some(subject) = subject_of(plan)? else {
        return Ok(Vec::new());
    };
    let teams: Vec<i32> = pupils_holds(db, plan.pupil_id, plan.school_year, None)
        .await?
        .into_iter()
        .filter(|t| t.subject == subject.code())
        .map(|t| t.id)
        .collect();
    let plans: Vec<i32> = year_plan::Entity::find()
        .select_only()
        .column(year_plan::Column::Id)
        .filter(year_plan::Column::TeamId.is_in(teams))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let units: HashMap<i32, String> = unit::Entity::find()
        .filter(unit::Column::YearPlanId.is_in(plans))
        .filter(unit::Column::ArchivedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|u| (u.id, u.title))
        .collect();
    Ok(unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.is_in(units.keys().copied().collect::<Vec<_>>()))
        .filter(unit_goal::Column::ArchivedAt.is_null())
        .order_by_asc(unit_goal::Column::UnitId)
        .order_by_asc(unit_goal::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .filter_map(|g| units.get(&g.unit_id).cloned().map(|title| (g, title)))
        .collect())
}

/// The goals chosen for a plan, archived ones included: a choice made stays visible.
async fn chosen_goals(
    db: &impl ConnectionTrait,
    plan_id: i32,
) -> Result<Vec<unit_goal::Model>, AppError> {
    let ids: Vec<i32> = pupil_plan_goal::Entity::find()
        .select_only()
        .column(pupil_plan_goal::Column::GoalId)
        .filter(pupil_plan_goal::Column::PlanId.eq(plan_id))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    unit_goal::Entity::find()
        .filter(unit_goal::Column::Id.is_in(ids))
        .order_by_asc(unit_goal::Column::UnitId)
        .order_by_asc(unit_goal::Column::Position)
        .all(db)
        .await
        .map_err(db_err)
}

/// An evaluation in words: the scale step's name and the comment.
fn in_words(scale: &Scale, row: &evaluation::Model) -> String {
    let step = row
        .step
        .and_then(|s| usize::try_from(s).ok())
        .and_then(|s| scale.steps.get(s))
        .cloned();
    match (step, row.comment.is_empty()) {
        (Some(step), true) => step,
        (Some(step), false) => format!("{step} – {}", row.comment),
        (None, _) => row.comment.clone(),
    }
}

/// The pupil's current evaluations on these goals: (goal, by pupil) → the newest row.
async fn current_evaluations(
    db: &impl ConnectionTrait,
    pupil_id: i32,
    goal_ids: Vec<i32>,
) -> Result<HashMap<(i32, bool), evaluation::Model>, AppError> {
    let rows = evaluation::Entity::find()
        .filter(evaluation::Column::PupilId.eq(pupil_id))
        .filter(evaluation::Column::GoalId.is_in(goal_ids))
        .order_by_asc(evaluation::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    Ok(rows
        .into_iter()
        .map(|r| ((r.goal_id, r.by_pupil), r))
        .collect())
}

/// A draft for its writers (and the leader): the sections, the goals to choose from with their
/// current evaluations, the versions published so far, and the required parts' coverage.
pub async fn plan_draft(ctx: &RequestCtx, plan_id: i64) -> Result<PlanDraft, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, facts) = draft_with_access(db, &p, plan_id).await?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Plan,
        [plan.pupil_id],
        Some(plan.id.into()),
    )
    .await?;
    let subject = subject_of(&plan)?;
    let mut candidates = candidate_goals(db, &plan).await?;
    let chosen = chosen_goals(db, plan.id).await?;
    let chosen_ids: BTreeSet<i32> = chosen.iter().map(|g| g.id).collect();
    // Chosen goals that are no longer candidates (archived since) stay listed, with their
    // forløb's title: one query for all of them.
    let gone: Vec<unit_goal::Model> = chosen
        .into_iter()
        .filter(|goal| !candidates.iter().any(|(g, _)| g.id == goal.id))
        .collect();
    let titles: HashMap<i32, String> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(gone.iter().map(|g| g.unit_id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|u| (u.id, u.title))
        .collect();
    for goal in gone {
        let title = titles.get(&goal.unit_id).cloned().unwrap_or_default();
        candidates.push((goal, title));
    }
    let goal_rows: Vec<unit_goal::Model> = candidates.iter().map(|(g, _)| g.clone()).collect();
    let context = GoalContext::load(db, &goal_rows).await?;
    let current =
        current_evaluations(db, plan.pupil_id, goal_rows.iter().map(|g| g.id).collect()).await?;
    let mut goals = Vec::new();
    for (g, unit_title) in &candidates {
        let scale = context.scale(g)?;
        goals.push(PlanGoalChoice {
            goal_id: i64::from(g.id),
            unit_title: unit_title.clone(),
            text: context.text(g),
            kind: g.kind,
            chosen: chosen_ids.contains(&g.id),
            teacher: current.get(&(g.id, false)).map(|r| in_words(&scale, r)),
            pupil: current.get(&(g.id, true)).map(|r| in_words(&scale, r)),
        });
    }
    let year = year_plans(db, plan.pupil_id, plan.school_year).await?;
    Ok(PlanDraft {
        id: i64::from(plan.id),
        pupil_id: i64::from(plan.pupil_id),
        pupil_name: facts.name(),
        subject,
        school_year: plan.school_year,
        texts: texts_of(&plan),
        receives_support: plan.receives_support,
        pupil_reflection: plan.pupil_reflection.clone(),
        voice: voice::of_draft(db, plan.id).await?,
        version: plan.version,
        goals,
        versions: versions_of(db, vec![plan.id])
            .await?
            .remove(&plan.id)
            .unwrap_or_default(),
        coverage: year_coverage(db, &facts, &year).await?,
        can_edit: facts.may_write(&p, subject),
    })
}

fn conflict() -> AppError {
    AppError::new(ErrorCode::Conflict)
}

/// Saves a draft if nobody saved since `edit.version`; returns the new version.
pub async fn save_plan(ctx: &RequestCtx, edit: &PlanEdit) -> Result<i32, AppError> {
    let p = current_principal(ctx).await?;
    let texts = PlanTexts::parse(&edit.texts)?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let (plan, facts) = draft_with_access(&txn, &p, edit.plan_id).await?;
    let subject = subject_of(&plan)?;
    policy::require(facts.may_write(&p, subject))?;
    if plan.version != edit.version {
        return Err(conflict());
    }
    // Only goals the teacher could pick (or had picked) may be chosen.
    let mut allowed: BTreeSet<i32> = candidate_goals(&txn, &plan)
        .await?
        .iter()
        .map(|(g, _)| g.id)
        .collect();
    allowed.extend(chosen_goals(&txn, plan.id).await?.iter().map(|g| g.id));
    let mut goal_ids = BTreeSet::new();
    for id in &edit.goal_ids {
        let id = i32::try_from(*id).map_err(|_| AppError::invalid(Field::GoalIds))?;
        if !allowed.contains(&id) {
            return Err(AppError::invalid(Field::GoalIds));
        }
        goal_ids.insert(id);
    }
    let new_version = plan
        .version
        .checked_add(1)
        .ok_or_else(|| AppError::invalid(Field::Version))?;
    // The version check and the write are one statement, so two saves cannot both pass it.
    let updated = pupil_plan::Entity::update_many()
        .set(pupil_plan::ActiveModel {
            status: Set(texts.status),
            goals: Set(texts.goals),
            follow_up: Set(texts.follow_up),
            wellbeing: Set(texts.wellbeing),
            all_round: Set(texts.all_round),
            education: Set(texts.education),
            support: Set(texts.support),
            receives_support: Set(edit.receives_support),
            version: Set(new_version),
            updated_at: Set(clock::now()),
            ..Default::default()
        })
        .filter(pupil_plan::Column::Id.eq(plan.id))
        .filter(pupil_plan::Column::Version.eq(plan.version))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    if updated.rows_affected != 1 {
        return Err(conflict());
    }
    pupil_plan_goal::Entity::delete_many()
        .filter(pupil_plan_goal::Column::PlanId.eq(plan.id))
        .exec(&txn)
        .await
        .map_err(db_err)?;
    for goal_id in goal_ids {
        pupil_plan_goal::ActiveModel {
            plan_id: Set(plan.id),
            goal_id: Set(goal_id),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
    }
    if let Some(choice) = &edit.voice {
        voice::choose(&txn, &plan, choice).await?;
    }
    plan_changed(&txn, ctx, &p, &plan).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(new_version)
}

/// The plan as it would be published now: what "see it as the parent sees it" shows.
async fn render(
    db: &impl Reads,
    plan: &pupil_plan::Model,
    facts: &PupilFacts,
    published_by: &str,
) -> Result<PublishedPlan, AppError> {
    let goals = chosen_goals(db, plan.id).await?;
    let context = GoalContext::load(db, &goals).await?;
    let current =
        current_evaluations(db, plan.pupil_id, goals.iter().map(|g| g.id).collect()).await?;
    let goal_ids: Vec<i32> = goals.iter().map(|g| g.id).collect();
    let mut evidence = crate::evaluation::evidence::for_plan(db, plan.pupil_id, &goal_ids).await?;
    // The previous version published here, for progress since then (an imported version names
    // another school's goals).
    let before: HashMap<i64, (Option<String>, Option<String>)> = pupil_plan_version::Entity::find()
        .filter(pupil_plan_version::Column::PlanId.eq(plan.id))
        .order_by_desc(pupil_plan_version::Column::Number)
        .one(db)
        .await
        .map_err(db_err)?
        .and_then(|v| parse_version(&v).ok())
        .filter(|v| v.imported_from.is_none())
        .map(|v| {
            v.goals
                .into_iter()
                .map(|g| (g.goal_id, (g.teacher, g.pupil)))
                .collect()
        })
        .unwrap_or_default();
    let mut published = Vec::new();
    for g in &goals {
        let scale = context.scale(g)?;
        published.push(PublishedGoal {
            goal_id: i64::from(g.id),
            text: context.text(g),
            kind: g.kind,
            framework_item: context
                .item(g)
                .map(|i| format!("{}@{}:{}", i.framework, i.version, i.key)),
            teacher: current.get(&(g.id, false)).map(|r| in_words(&scale, r)),
            pupil: current.get(&(g.id, true)).map(|r| in_words(&scale, r)),
            teacher_before: before.get(&i64::from(g.id)).and_then(|(t, _)| t.clone()),
            pupil_before: before.get(&i64::from(g.id)).and_then(|(_, p)| p.clone()),
            evidence: evidence.remove(&g.id).unwrap_or_default(),
        });
    }
    Ok(PublishedPlan {
        subject: subject_of(plan)?,
        school_year: plan.school_year,
        pupil_name: facts.name(),
        texts: texts_of(plan),
        goals: published,
        pupil_reflection: plan.pupil_reflection.clone(),
        pupil_voice: voice::for_publication(db, plan.id).await?,
        published_by: published_by.to_owned(),
        published_at: 0,
        number: 0,
        imported_from: None,
    })
}

/// "Se den som forældre ser den": the plan exactly as publishing it now would show it.
pub async fn preview_plan(ctx: &RequestCtx, plan_id: i64) -> Result<PublishedPlan, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let (plan, facts) = draft_with_access(db, &p, plan_id).await?;
    audit::read(
        ctx,
        &p,
        AuditTopic::Plan,
        [plan.pupil_id],
        Some(plan.id.into()),
    )
    .await?;
    render(db, &plan, &facts, &p.name).await
}

/// Publishes the draft as it is at `version` as the plan's next version.
pub async fn publish_plan(
    ctx: &RequestCtx,
    plan_id: i64,
    version: i32,
) -> Result<PlanVersionRef, AppError> {
    let p = current_principal(ctx).await?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let (plan, facts) = draft_with_access(&txn, &p, plan_id).await?;
    policy::require(facts.may_write(&p, subject_of(&plan)?))?;
    // What the teacher previewed is what is published: a save since then is a conflict.
    if plan.version != version {
        return Err(conflict());
    }
    let number = pupil_plan_version::Entity::find()
        .filter(pupil_plan_version::Column::PlanId.eq(plan.id))
        .order_by_desc(pupil_plan_version::Column::Number)
        .one(&txn)
        .await
        .map_err(db_err)?
        .map_or(1, |v| v.number + 1);
    let published_at = clock::now();
    let mut content = render(&txn, &plan, &facts, &p.name).await?;
    content.number = number;
    content.published_at = published_at;
    if let Some(v) = &content.pupil_voice {
        voice::mark_published(&txn, v).await?;
    }
    let row = pupil_plan_version::ActiveModel {
        plan_id: Set(plan.id),
        pupil_id: Set(plan.pupil_id),
        number: Set(number),
        published_at: Set(published_at),
        content: Set(serde_json::to_string(&content).map_err(|_| AppError::internal())?),
        ..Default::default()
    }
    .insert(&txn)
    .await
    // Two publications at once: the unique (plan, number) index lets one through.
    .map_err(|_| conflict())?;
    plan_changed(&txn, ctx, &p, &plan).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(PlanVersionRef {
        id: i64::from(row.id),
        number,
        published_at,
    })
}

fn parse_version(row: &pupil_plan_version::Model) -> Result<PublishedPlan, AppError> {
    serde_json::from_str(&row.content).map_err(|_| AppError::internal())
}

/// The pupil's own plans this year with their reflections: what they may write before the next
/// publication. The teachers' draft texts and evaluations are not part of it.
pub async fn my_plans(ctx: &RequestCtx) -> Result<Vec<domain::pupil_plan::MyPlan>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_view_pupil_home(&p))?;
    let db = &ctx.db;
    let facts = pupil_facts(db, &p, p.person_id).await?;
    policy::require(policy::can_reflect_on_pupil_plan(&p, facts.relation))?;
    let plans = year_plans(db, p.person_id, p.school_year).await?;
    let mut voices = voice::current(db, plans.iter().map(|plan| plan.id).collect()).await?;
    plans
        .iter()
        .map(|plan| {
            Ok(domain::pupil_plan::MyPlan {
                plan_id: i64::from(plan.id),
                subject: subject_of(plan)?,
                reflection: plan.pupil_reflection.clone(),
                voice: voices.remove(&plan.id).as_ref().map(voice::shown),
            })
        })
        .collect()
}

/// The pupil writes (or rewrites) their reflection on one of their own plans.
pub async fn reflect(ctx: &RequestCtx, plan_id: i64, text: &str) -> Result<(), AppError> {
    let p = current_principal(ctx).await?;
    let text = parse_reflection(text)?;
    let db = &ctx.db;
    let plan = plan_row(db, plan_id).await?;
    let facts = pupil_facts(db, &p, plan.pupil_id).await?;
    policy::require(policy::can_reflect_on_pupil_plan(&p, facts.relation))?;
    // Not a version bump: the teacher's edit in progress is not made to conflict by it, and the
    // next publication includes it.
    let (pupil_id, id) = (plan.pupil_id, Some(plan.id.into()));
    let mut row = plan.into_active_model();
    row.pupil_reflection = Set(text);
    row.updated_at = Set(clock::now());
    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    row.update(&txn).await.map_err(db_err)?;
    audit::changed(&txn, ctx, &p, AuditTopic::Plan, pupil_id, id).await?;
    txn.commit().await.map_err(db_err)
}

pub mod brought;
pub mod package;
mod portfolio;
mod published;
pub mod voice;

pub use published::{collected_plan, plan_version};
