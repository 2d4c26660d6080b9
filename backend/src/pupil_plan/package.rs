//! A pupil's package (`docs/pupil-package.md`): everything of theirs that follows them to another
//! school, exported by the leaving school's leader or administration and imported by the new one's.

use super::{COLLECTED, parse_version, subject_of};
use crate::db::read::Reads;
use crate::entity::{
    evaluation, imported_evaluation, pupil_plan, pupil_plan_version, school_subject, team, unit,
    unit_goal, year_plan,
};
use crate::facts::{PupilFacts, pupil_facts, school_name};
use crate::identity::current_principal;
use crate::planning::plans::GoalContext;
use crate::{Principal, RequestCtx, audit, clock, db_err, policy};
use domain::AppError;
use domain::Field;
use domain::audit::AuditTopic;
use domain::pupil_plan::{
    ImportSummary, PACKAGE_FORMAT, PackageEvaluation, PackagePlan, PackagePupil, PublishedPlan,
    PupilPackage,
};
use domain::school::{OwnSubjectId, Subject};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

async fn mover(db: &impl Reads, p: &Principal, pupil_id: i64) -> Result<PupilFacts, AppError> {
    let id = i32::try_from(pupil_id).map_err(|_| AppError::new(domain::ErrorCode::NotFound))?;
    let facts = pupil_facts(db, p, id).await?;
    policy::require(policy::can_move_pupil_records(p, facts.person.school_id))?;
    Ok(facts)
}

/// The pupil's evaluations given at this school, oldest first, with their goals, in a fixed
/// number of queries.
async fn own_evaluations(
    db: &impl Reads,
    pupil_id: i32,
    school: &str,
) -> Result<Vec<PackageEvaluation>, AppError> {
    let rows = evaluation::Entity::find()
        .filter(evaluation::Column::PupilId.eq(pupil_id))
        .order_by_asc(evaluation::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?;
    let goals = unit_goal::Entity::find()
        .filter(unit_goal::Column::Id.is_in(rows.iter().map(|r| r.goal_id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let context = GoalContext::load(db, &goals).await?;
    let units: HashMap<i32, unit::Model> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(goals.iter().map(|g| g.unit_id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let plans: HashMap<i32, i32> = year_plan::Entity::find()
        .filter(
            year_plan::Column::Id.is_in(units.values().map(|u| u.year_plan_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|pl| (pl.id, pl.team_id))
        .collect();
    let subjects: HashMap<i32, Option<Subject>> = team::Entity::find()
        .filter(team::Column::Id.is_in(plans.values().copied().collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|t| (t.id, Subject::parse(&t.subject).ok()))
        .collect();
    let goals: HashMap<i32, unit_goal::Model> = goals.into_iter().map(|g| (g.id, g)).collect();
    rows.iter()
        .map(|row| {
            let goal = goals.get(&row.goal_id).ok_or_else(AppError::internal)?;
            let unit = units.get(&goal.unit_id);
            let subject = unit
                .and_then(|u| plans.get(&u.year_plan_id))
                .and_then(|team_id| subjects.get(team_id).copied())
                .flatten();
            Ok(PackageEvaluation {
                school: school.to_owned(),
                subject,
                unit_title: unit.map(|u| u.title.clone()).unwrap_or_default(),
                goal_id: i64::from(goal.id),
                goal_text: context.text(goal),
                goal_kind: goal.kind,
                framework_item: context
                    .item(goal)
                    .map(|i| format!("{}@{}:{}", i.framework, i.version, i.key)),
                scale: context.scale(goal)?.steps,
                by_pupil: row.by_pupil,
                step: row.step.and_then(|s| u8::try_from(s).ok()),
                comment: row.comment.clone(),
                at: row.created_at,
            })
        })
        .collect()
}

/// Work chosen as evidence names pieces of this school's portfolio by their ids here: a version
/// leaves and arrives without it, and each piece of the portfolio names the goals it was chosen
/// for instead (`PackageWork::evidence_for`).
fn without_evidence(mut plan: PublishedPlan) -> PublishedPlan {
    for goal in &mut plan.goals {
        goal.evidence.clear();
    }
    plan
}

/// Versions as a package carries them: without evidence, with each recording whole.
async fn with_recordings(
    db: &impl ConnectionTrait,
    versions: impl Iterator<Item = Result<PublishedPlan, AppError>>,
) -> Result<Vec<PublishedPlan>, AppError> {
    let mut out = Vec::new();
    for version in versions {
        let mut version = without_evidence(version?);
        if let Some(voice) = version.pupil_voice.as_mut() {
            super::voice::export_file(db, voice).await?;
        }
        out.push(version);
    }
    Ok(out)
}

/// The pupil's package: every plan's published versions (drafts stay behind), every evaluation
/// with its history, those brought from earlier schools included.
pub async fn export_pupil(ctx: &RequestCtx, pupil_id: i64) -> Result<PupilPackage, AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let facts = mover(db, &p, pupil_id).await?;
    audit::read(ctx, &p, AuditTopic::Package, [facts.person.id], None).await?;
    package_of(db, &facts.person, ctx.now()).await
}

/// The package of a pupil the caller was allowed to read: for the export, and inside the
/// archive of everything about a person (`privacy`).
pub(crate) async fn package_of(
    db: &impl Reads,
    person: &crate::entity::person::Model,
    now: i64,
) -> Result<PupilPackage, AppError> {
    let pupil = person.id;
    let school = school_name(db, person.school_id).await?;
    let plan_rows = pupil_plan::Entity::find()
        .filter(pupil_plan::Column::PupilId.eq(pupil))
        .order_by_asc(pupil_plan::Column::SchoolYear)
        .order_by_asc(pupil_plan::Column::Subject)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut versions: HashMap<i32, Vec<pupil_plan_version::Model>> = HashMap::new();
    for v in pupil_plan_version::Entity::find()
        .filter(pupil_plan_version::Column::PupilId.eq(pupil))
        .order_by_asc(pupil_plan_version::Column::Number)
        .all(db)
        .await
        .map_err(db_err)?
    {
        versions.entry(v.plan_id).or_default().push(v);
    }
    let mut plans = Vec::new();
    for row in &plan_rows {
        let published = versions.remove(&row.id).unwrap_or_default();
        if published.is_empty() {
            continue;
        }
        plans.push(PackagePlan {
            subject: subject_of(row)?,
            school_year: row.school_year,
            versions: with_recordings(db, published.iter().map(parse_version)).await?,
        });
    }
    let mut evaluations: Vec<PackageEvaluation> = imported_evaluation::Entity::find()
        .filter(imported_evaluation::Column::PupilId.eq(pupil))
        .order_by_asc(imported_evaluation::Column::Id)
        .all(db)
        .await
        .map_err(db_err)?
        .iter()
        .map(|row| serde_json::from_str(&row.content).map_err(|_| AppError::internal()))
        .collect::<Result<_, _>>()?;
    evaluations.extend(own_evaluations(db, pupil, &school).await?);
    let named: Vec<Subject> = plans
        .iter()
        .map(|p| p.subject)
        .chain(evaluations.iter().map(|e| e.subject))
        .flatten()
        .collect();
    let own_subjects = crate::subjects::own_subjects_of(db, person.school_id)
        .await?
        .into_iter()
        .filter(|o| named.contains(&o.subject()))
        .collect();
    let portfolio = super::portfolio::export(db, pupil, &school).await?;
    Ok(PupilPackage {
        format: PACKAGE_FORMAT.to_owned(),
        exported_at: now,
        school,
        pupil: PackagePupil {
            given_name: person.given_name.clone(),
            family_name: person.family_name.clone(),
        },
        plans,
        evaluations,
        portfolio,
        own_subjects,
    })
}

/// Adds a package from another school to one of this school's pupils, in one transaction: each
/// plan's versions after that plan's own (a plan is made for a year and subject the pupil has none
/// for), and the evaluations as brought records. What is already there (the same version by its
/// publication time, the same evaluation) is not added twice.
pub async fn import_pupil(
    ctx: &RequestCtx,
    pupil_id: i64,
    package: &PupilPackage,
) -> Result<ImportSummary, AppError> {
    let p = current_principal(ctx).await?;
    package.check()?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    let facts = mover(&txn, &p, pupil_id).await?;
    let pupil = facts.person.id;
    // A package brings a pupil's records from the school they came from: never this school's
    // own (whose plans only its teachers publish), and only for the pupil it names.
    let here = school_name(&txn, facts.person.school_id).await?;
    if same_words(&package.school, &here) {
        return Err(AppError::invalid(Field::PackageSchool));
    }
    if !same_words(&package.pupil.given_name, &facts.person.given_name)
        || !same_words(&package.pupil.family_name, &facts.person.family_name)
    {
        return Err(AppError::invalid(Field::PackagePupil));
    }
    let now = clock::now();
    let subjects = take_own_subjects(&txn, facts.person.school_id, package, now).await?;
    let here_subject = |s: Option<Subject>| match s {
        Some(Subject::Own(id)) => subjects.get(&id).copied(),
        other => other,
    };
    let mut summary = ImportSummary::default();
    for plan in &package.plans {
        let code = here_subject(plan.subject).map(Subject::code);
        let key = code.as_deref().unwrap_or(COLLECTED);
        let existing = pupil_plan::Entity::find()
            .filter(pupil_plan::Column::PupilId.eq(pupil))
            .filter(pupil_plan::Column::SchoolYear.eq(plan.school_year))
            .filter(pupil_plan::Column::Subject.eq(key))
            .one(&txn)
            .await
            .map_err(db_err)?;
        let plan_id = match existing {
            Some(row) => row.id,
            None => {
                summary.plans += 1;
                super::new_plan(facts.person.school_id, pupil, plan.school_year, key)
                    .insert(&txn)
                    .await
                    .map_err(db_err)?
                    .id
            }
        };
        let mut have = pupil_plan_version::Entity::find()
            .filter(pupil_plan_version::Column::PlanId.eq(plan_id))
            .all(&txn)
            .await
            .map_err(db_err)?;
        for version in &plan.versions {
            let known = have
                .iter()
                .filter_map(|v| parse_version(v).ok())
                .any(|v| v.published_at == version.published_at && v.texts == version.texts);
            if known {
                continue;
            }
            let number = have.iter().map(|v| v.number).max().unwrap_or(0) + 1;
            let mut content = without_evidence(version.clone());
            if let Some(voice) = content.pupil_voice.as_mut() {
                let plan = (facts.person.school_id, plan_id, pupil);
                super::voice::import_file(&txn, plan, p.person_id, voice).await?;
            }
            content.number = number;
            content.subject = here_subject(version.subject);
            // Shown as the other school's, whatever the file says of who published it here.
            content.imported_from = Some(
                version
                    .imported_from
                    .clone()
                    .unwrap_or_else(|| package.school.trim().to_owned()),
            );
            let row = pupil_plan_version::ActiveModel {
                plan_id: Set(plan_id),
                pupil_id: Set(pupil),
                number: Set(number),
                published_at: Set(version.published_at),
                content: Set(serde_json::to_string(&content).map_err(|_| AppError::internal())?),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .map_err(db_err)?;
            have.push(row);
            summary.versions += 1;
        }
    }
    let school = school_name(&txn, facts.person.school_id).await?;
    let mut known: Vec<PackageEvaluation> = imported_evaluation::Entity::find()
        .filter(imported_evaluation::Column::PupilId.eq(pupil))
        .all(&txn)
        .await
        .map_err(db_err)?
        .iter()
        .filter_map(|row| serde_json::from_str(&row.content).ok())
        .collect();
    known.extend(own_evaluations(&txn, pupil, &school).await?);
    for e in &package.evaluations {
        let e = &PackageEvaluation {
            subject: here_subject(e.subject),
            ..e.clone()
        };
        if known.contains(e) {
            continue;
        }
        imported_evaluation::ActiveModel {
            pupil_id: Set(pupil),
            imported_at: Set(now),
            content: Set(serde_json::to_string(e).map_err(|_| AppError::internal())?),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        known.push(e.clone());
        summary.evaluations += 1;
    }
    summary.work = super::portfolio::import(&txn, pupil, &package.portfolio).await?;
    audit::changed(&txn, ctx, &p, AuditTopic::Package, pupil, None).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(summary)
}

/// This school's subject for each own subject the package describes: the one of the same name,
/// or a new one like the other school's.
async fn take_own_subjects(
    db: &impl ConnectionTrait,
    school_id: i32,
    package: &PupilPackage,
    now: i64,
) -> Result<HashMap<OwnSubjectId, Subject>, AppError> {
    let mut here = crate::subjects::own_subjects_of(db, school_id).await?;
    let mut mapped = HashMap::new();
    for theirs in &package.own_subjects {
        let key = theirs.name.trim().to_lowercase();
        let subject = match here.iter().find(|o| o.name.to_lowercase() == key) {
            Some(ours) => ours.subject(),
            None => {
                let row = school_subject::ActiveModel {
                    school_id: Set(school_id),
                    name: Set(theirs.name.trim().to_owned()),
                    name_key: Set(key),
                    icon: Set(theirs.icon.as_str().to_owned()),
                    first_grade: Set(i16::from(theirs.first_grade)),
                    last_grade: Set(i16::from(theirs.last_grade)),
                    spans: Set(domain::subjects::spans_code(&theirs.spans)),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await
                .map_err(db_err)?;
                let ours = crate::subjects::to_own(&row)?;
                let subject = ours.subject();
                here.push(ours);
                subject
            }
        };
        mapped.insert(theirs.id, subject);
    }
    Ok(mapped)
}

/// Names compared as people read them: case and surrounding or repeated spaces aside.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// `import_pupil` for a file as uploaded: text that must be a package.
pub async fn import_pupil_file(
    ctx: &RequestCtx,
    pupil_id: i64,
    text: &str,
) -> Result<ImportSummary, AppError> {
    // Who may is decided before what was sent is looked at.
    let p = current_principal(ctx).await?;
    mover(&ctx.db, &p, pupil_id).await?;
    let package: PupilPackage =
        serde_json::from_str(text).map_err(|_| AppError::invalid(Field::PackageFormat))?;
    import_pupil(ctx, pupil_id, &package).await
}
