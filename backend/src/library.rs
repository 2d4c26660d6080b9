//! The school's library: forløb teachers shared, found by subject, grade, goal, author and
//! words, previewed whole, and copied into one's own årsplan. A copy is independent: later
//! changes to either side never reach the other.
//!
//! A school shares hundreds of forløb, not millions, so the filters run over the school's
//! shared forløb in memory, where Danish letters compare correctly on both databases.

use crate::entity::team_member::MemberRole;
use crate::entity::{
    framework_item, person, pupil, school_class, team, team_member, unit, unit_goal, year_plan,
};
use crate::facts::hold_access;
use crate::identity::current_principal;
use crate::planning::plans::{copy_unit_into, load_unit};
use crate::{RequestCtx, db_err, policy};
use domain::Field;
use domain::planning::{LibraryAuthor, LibraryEntry, LibraryFilter, LibraryPage, Unit};
use domain::school::Subject;
use domain::{AppError, ErrorCode};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap};

fn not_found() -> AppError {
    AppError::new(ErrorCode::NotFound)
}

/// The grade (or span of grades) each hold was taught in: the grade of the class it belongs to,
/// which is that year's class and keeps its grade; for a hold across classes, the grades of its
/// pupils' classes of the hold's own year. Not the pupils' grade today: a forløb taught in 1.A
/// stays a 1st-grade forløb after its pupils move up.
async fn grades_of_teams(
    db: &impl ConnectionTrait,
    teams: &HashMap<i32, team::Model>,
) -> Result<HashMap<i32, (u8, u8)>, AppError> {
    let across: Vec<i32> = teams
        .values()
        .filter(|t| t.class_id.is_none())
        .map(|t| t.id)
        .collect();
    let members: Vec<(i32, i32)> = team_member::Entity::find()
        .select_only()
        .column(team_member::Column::TeamId)
        .column(team_member::Column::PersonId)
        .filter(team_member::Column::TeamId.is_in(across))
        .filter(team_member::Column::Role.eq(MemberRole::Pupil))
        .filter(team_member::Column::LeftAt.is_null())
        .into_tuple()
        .all(db)
        .await
        .map_err(db_err)?;
    let class_of: HashMap<i32, i32> = pupil::Entity::find()
        .filter(pupil::Column::PersonId.is_in(members.iter().map(|m| m.1).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.person_id, p.class_id))
        .collect();
    let class_ids: Vec<i32> = class_of
        .values()
        .copied()
        .chain(teams.values().filter_map(|t| t.class_id))
        .collect();
    // Class id → (its school year, its grade).
    let classes: HashMap<i32, (i32, u8)> = school_class::Entity::find()
        .filter(school_class::Column::Id.is_in(class_ids))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .filter_map(|c| Some((c.id, (c.school_year, u8::try_from(c.grade).ok()?))))
        .collect();
    let mut out: HashMap<i32, (u8, u8)> = HashMap::new();
    let mut widen = |team_id: i32, grade: u8| {
        out.entry(team_id)
            .and_modify(|(lo, hi)| {
                *lo = (*lo).min(grade);
                *hi = (*hi).max(grade);
            })
            .or_insert((grade, grade));
    };
    for team in teams.values() {
        if let Some((_, grade)) = team.class_id.and_then(|c| classes.get(&c)) {
            widen(team.id, *grade);
        }
    }
    for (team_id, person_id) in members {
        let Some(team) = teams.get(&team_id) else {
            continue;
        };
        // A pupil's class now is only the class they were taught in if it is of the hold's year.
        let Some((_, grade)) = class_of
            .get(&person_id)
            .and_then(|c| classes.get(c))
            .filter(|(year, _)| *year == team.school_year)
        else {
            continue;
        };
        widen(team_id, *grade);
    }
    Ok(out)
}

pub async fn search(ctx: &RequestCtx, filter: &LibraryFilter) -> Result<LibraryPage, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_use_library(&p, p.school_id))?;
    if filter.words.chars().count() > 200 || filter.goal.chars().count() > 200 {
        return Err(AppError::invalid(Field::Words));
    }
    let db = &ctx.db;
    let teams: HashMap<i32, team::Model> = team::Entity::find()
        .filter(team::Column::SchoolId.eq(p.school_id))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|t| (t.id, t))
        .collect();
    let plans: HashMap<i32, i32> = year_plan::Entity::find()
        .filter(year_plan::Column::TeamId.is_in(teams.keys().copied().collect::<Vec<_>>()))
        .filter(year_plan::Column::ArchivedAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|pl| (pl.id, pl.team_id))
        .collect();
    let units = unit::Entity::find()
        .filter(unit::Column::YearPlanId.is_in(plans.keys().copied().collect::<Vec<_>>()))
        .filter(unit::Column::SharedAt.is_not_null())
        .filter(unit::Column::ArchivedAt.is_null())
        .order_by_desc(unit::Column::SharedAt)
        .all(db)
        .await
        .map_err(db_err)?;
    let unit_ids: Vec<i32> = units.iter().map(|u| u.id).collect();
    let goals = unit_goal::Entity::find()
        .filter(unit_goal::Column::UnitId.is_in(unit_ids))
        .filter(unit_goal::Column::ArchivedAt.is_null())
        .order_by_asc(unit_goal::Column::Position)
        .all(db)
        .await
        .map_err(db_err)?;
    let items: HashMap<i32, framework_item::Model> = framework_item::Entity::find()
        .filter(
            framework_item::Column::Id.is_in(
                goals
                    .iter()
                    .filter_map(|g| g.framework_item_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let authors: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(units.iter().map(|u| u.created_by).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|a| (a.id, a.full_name()))
        .collect();
    let grades = grades_of_teams(db, &teams).await?;

    // Each goal as text and, for framework goals, the item's stable id too.
    let mut goals_of: HashMap<i32, Vec<(String, Option<String>)>> = HashMap::new();
    for g in &goals {
        let item = g.framework_item_id.and_then(|id| items.get(&id));
        let text = g
            .own_text
            .clone()
            .or_else(|| item.map(|i| i.text.clone()))
            .unwrap_or_default();
        goals_of
            .entry(g.unit_id)
            .or_default()
            .push((text, item.map(|i| i.key.clone())));
    }
    let words: Vec<String> = filter
        .words
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let goal_words: Vec<String> = filter
        .goal
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let mut entries = Vec::new();
    let mut all_authors: BTreeMap<String, i64> = BTreeMap::new();
    for u in units {
        let Some(t) = plans
            .get(&u.year_plan_id)
            .and_then(|team_id| teams.get(team_id))
        else {
            continue;
        };
        let Ok(subject) = Subject::parse(&t.subject) else {
            continue;
        };
        let author = authors.get(&u.created_by).cloned().unwrap_or_default();
        all_authors.insert(author.clone(), i64::from(u.created_by));
        let unit_goals = goals_of.remove(&u.id).unwrap_or_default();
        let team_grades = grades.get(&t.id).copied();
        let haystack = format!("{} {}", u.title, u.description).to_lowercase();
        let keep = filter.subject.is_none_or(|s| s == subject)
            && filter
                .grade
                .is_none_or(|g| team_grades.is_some_and(|(lo, hi)| lo <= g && g <= hi))
            && filter
                .author_id
                .is_none_or(|a| a == i64::from(u.created_by))
            && words.iter().all(|w| haystack.contains(w.as_str()))
            && (goal_words.is_empty()
                || unit_goals.iter().any(|(text, key)| {
                    let text = text.to_lowercase();
                    goal_words.iter().all(|w| text.contains(w.as_str()))
                        || key.as_deref().is_some_and(|k| k == filter.goal.trim())
                }));
        if !keep {
            continue;
        }
        let weeks = match (
            domain::calendar::Date::parse(&u.first_week, domain::Field::FirstWeek),
            domain::calendar::Date::parse(&u.last_week, domain::Field::LastWeek),
        ) {
            (Ok(a), Ok(b)) => u32::try_from(a.days_until(b) / 7 + 1).unwrap_or(1),
            _ => 1,
        };
        entries.push(LibraryEntry {
            unit_id: i64::from(u.id),
            title: u.title,
            subject,
            grades: team_grades,
            author_id: i64::from(u.created_by),
            author,
            goals: unit_goals.into_iter().map(|(text, _)| text).collect(),
            weeks,
        });
    }
    Ok(LibraryPage {
        entries,
        authors: all_authors
            .into_iter()
            .map(|(name, id)| LibraryAuthor { id, name })
            .collect(),
    })
}

/// A shared forløb of the caller's school, whole, for the preview.
async fn shared_unit(
    ctx: &RequestCtx,
    unit_id: i64,
) -> Result<(crate::Principal, Unit, i32), AppError> {
    let p = current_principal(ctx).await?;
    let db = &ctx.db;
    let id = i32::try_from(unit_id).map_err(|_| not_found())?;
    let u = unit::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|u| u.shared_at.is_some() && u.archived_at.is_none())
        .ok_or_else(not_found)?;
    let plan = year_plan::Entity::find_by_id(u.year_plan_id)
        .one(db)
        .await
        .map_err(db_err)?
        .filter(|pl| pl.archived_at.is_none())
        .ok_or_else(not_found)?;
    let access = hold_access(db, &p, plan.team_id).await?;
    if access.team.school_id != p.school_id {
        return Err(not_found());
    }
    policy::require(policy::can_use_library(&p, access.team.school_id))?;
    let mut whole = load_unit(db, u, &access).await?;
    // The preview is the plan, not the other hold's pupils.
    whole.pupils.clear();
    for t in whole.tasks.iter_mut() {
        t.pupils.clear();
    }
    whole.archived_tasks.clear();
    whole.archived_goals.clear();
    Ok((p, whole, id))
}

pub async fn preview(ctx: &RequestCtx, unit_id: i64) -> Result<Unit, AppError> {
    shared_unit(ctx, unit_id).await.map(|(_, u, _)| u)
}

/// Copies a shared forløb into one of the caller's årsplaner.
pub async fn copy(ctx: &RequestCtx, unit_id: i64, year_plan_id: i64) -> Result<i64, AppError> {
    let (p, source, source_id) = shared_unit(ctx, unit_id).await?;
    copy_unit_into(&ctx.db, &p, &source, source_id, year_plan_id).await
}
