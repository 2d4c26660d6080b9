//! The teacher's week across all their hold: the tasks due this week (a day's task on its day,
//! a week's task all week), each with how many of its pupils are done and how much work came
//! back. The home loads the hold's tasks once (`HoldTasks`) for this and for "Nyt fra eleverne".

use super::AudienceKind;
use crate::entity::task::DueKind;
use crate::entity::{portfolio_item, task, task_done, task_pupil, unit, year_plan};
use crate::pupil::today::Due;
use crate::{Principal, db_err, policy};
use domain::calendar::Date;
use domain::home::TeamSummary;
use domain::returns::WeekTask;
use domain::{AppError, Field};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// A task of one of the teacher's hold, as the home needs it.
pub struct HoldTask {
    pub title: String,
    pub team_id: i32,
    pub team_name: String,
    pub due_kind: DueKind,
    pub due_on: String,
    pub audience: AudienceKind,
}

/// Every task, not archived, in the forløb of the teacher's hold's årsplaner. Three statements
/// however many hold, forløb and tasks: årsplaner, forløb, tasks.
pub struct HoldTasks(HashMap<i32, HoldTask>);

impl HoldTasks {
    pub async fn load(
        db: &impl ConnectionTrait,
        p: &Principal,
        teams: &[TeamSummary],
    ) -> Result<Self, AppError> {
        policy::require(policy::can_view_teacher_home(p))?;
        let team_names: HashMap<i32, &str> = teams
            .iter()
            .filter_map(|t| Some((i32::try_from(t.id).ok()?, t.name.as_str())))
            .collect();
        let plans: HashMap<i32, i32> = year_plan::Entity::find()
            .select_only()
            .column(year_plan::Column::Id)
            .column(year_plan::Column::TeamId)
            .filter(year_plan::Column::TeamId.is_in(team_names.keys().copied().collect::<Vec<_>>()))
            .filter(year_plan::Column::ArchivedAt.is_null())
            .into_tuple::<(i32, i32)>()
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .collect();
        let units: HashMap<i32, i32> = unit::Entity::find()
            .select_only()
            .column(unit::Column::Id)
            .column(unit::Column::YearPlanId)
            .filter(unit::Column::YearPlanId.is_in(plans.keys().copied().collect::<Vec<_>>()))
            .filter(unit::Column::ArchivedAt.is_null())
            .into_tuple::<(i32, i32)>()
            .all(db)
            .await
            .map_err(db_err)?
            .into_iter()
            .collect();
        let rows = task::Entity::find()
            .select_only()
            .column(task::Column::Id)
            .column(task::Column::Title)
            .column(task::Column::UnitId)
            .column(task::Column::DueKind)
            .column(task::Column::DueOn)
            .column(task::Column::Audience)
            .filter(task::Column::UnitId.is_in(units.keys().copied().collect::<Vec<_>>()))
            .filter(task::Column::ArchivedAt.is_null())
            .into_tuple::<(i32, String, i32, DueKind, String, AudienceKind)>()
            .all(db)
            .await
            .map_err(db_err)?;
        Ok(Self(
            rows.into_iter()
                .filter_map(|(id, title, unit_id, due_kind, due_on, audience)| {
                    let team_id = *plans.get(units.get(&unit_id)?)?;
                    let team_name = (*team_names.get(&team_id)?).to_owned();
                    Some((
                        id,
                        HoldTask {
                            title,
                            team_id,
                            team_name,
                            due_kind,
                            due_on,
                            audience,
                        },
                    ))
                })
                .collect(),
        ))
    }

    pub fn ids(&self) -> Vec<i32> {
        self.0.keys().copied().collect()
    }

    pub fn get(&self, id: i32) -> Option<&HoldTask> {
        self.0.get(&id)
    }
}

/// Per task: (work handed in, *Jeg er færdig*, the newest of them in Unix seconds), since
/// `since` or ever. Two statements.
pub(super) async fn answers(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
    since: Option<i64>,
) -> Result<HashMap<i32, (u32, u32, i64)>, AppError> {
    let mut counts: HashMap<i32, (u32, u32, i64)> = HashMap::new();
    if ids.is_empty() {
        return Ok(counts);
    }
    let mut work = portfolio_item::Entity::find()
        .select_only()
        .column(portfolio_item::Column::TaskId)
        .column(portfolio_item::Column::CreatedAt)
        .filter(portfolio_item::Column::TaskId.is_in(ids.clone()))
        .filter(portfolio_item::Column::ArchivedAt.is_null());
    let mut done = task_done::Entity::find()
        .select_only()
        .column(task_done::Column::TaskId)
        .column(task_done::Column::DoneAt)
        .filter(task_done::Column::TaskId.is_in(ids));
    if let Some(since) = since {
        work = work.filter(portfolio_item::Column::CreatedAt.gte(since));
        done = done.filter(task_done::Column::DoneAt.gte(since));
    }
    for (task_id, at) in work
        .into_tuple::<(Option<i32>, i64)>()
        .all(db)
        .await
        .map_err(db_err)?
    {
        if let Some(task_id) = task_id {
            let c = counts.entry(task_id).or_default();
            c.0 += 1;
            c.2 = c.2.max(at);
        }
    }
    for (task_id, at) in done
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await
        .map_err(db_err)?
    {
        let c = counts.entry(task_id).or_default();
        c.1 += 1;
        c.2 = c.2.max(at);
    }
    Ok(counts)
}

/// This week's tasks across the teacher's hold, by day (the week's tasks first), with how many
/// of each task's pupils are done and how much work came back. At most three statements more
/// than the home's: who a group's or a list's task is for, work, and done marks.
pub async fn this_week(
    db: &impl ConnectionTrait,
    p: &Principal,
    tasks: &HoldTasks,
    teams: &[TeamSummary],
) -> Result<Vec<WeekTask>, AppError> {
    policy::require(policy::can_view_teacher_home(p))?;
    let due = Due::weeks(p.today.monday(), 1)?;
    let days: Vec<String> = due.days.iter().map(ToString::to_string).collect();
    let monday = p.today.monday().to_string();
    let mut week: Vec<(i32, &HoldTask)> = tasks
        .0
        .iter()
        .filter(|(_, t)| match t.due_kind {
            DueKind::Day => days.contains(&t.due_on),
            DueKind::Week => t.due_on == monday,
        })
        .map(|(id, t)| (*id, t))
        .collect();
    if week.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = week.iter().map(|(id, _)| *id).collect();
    let chosen: Vec<i32> = week
        .iter()
        .filter(|(_, t)| t.audience != AudienceKind::Hold)
        .map(|(id, _)| *id)
        .collect();
    let mut given: HashMap<i32, u32> = HashMap::new();
    if !chosen.is_empty() {
        for task_id in task_pupil::Entity::find()
            .select_only()
            .column(task_pupil::Column::TaskId)
            .filter(task_pupil::Column::TaskId.is_in(chosen))
            .into_tuple::<i32>()
            .all(db)
            .await
            .map_err(db_err)?
        {
            *given.entry(task_id).or_default() += 1;
        }
    }
    let counts = answers(db, ids, None).await?;
    let hold_size: HashMap<i32, u32> = teams
        .iter()
        .filter_map(|t| Some((i32::try_from(t.id).ok()?, t.pupil_count)))
        .collect();
    week.sort_by(|(a_id, a), (b_id, b)| {
        (a.due_kind == DueKind::Day, &a.due_on, *a_id).cmp(&(
            b.due_kind == DueKind::Day,
            &b.due_on,
            *b_id,
        ))
    });
    week.into_iter()
        .map(|(id, t)| {
            let (handed_in, done, _) = counts.get(&id).copied().unwrap_or_default();
            Ok(WeekTask {
                task_id: i64::from(id),
                title: t.title.clone(),
                team_name: t.team_name.clone(),
                day: match t.due_kind {
                    DueKind::Day => Some(
                        Date::parse(&t.due_on, Field::DueOn).map_err(|_| AppError::internal())?,
                    ),
                    DueKind::Week => None,
                },
                pupils: match t.audience {
                    AudienceKind::Hold => hold_size.get(&t.team_id).copied().unwrap_or(0),
                    AudienceKind::Group | AudienceKind::Pupils => {
                        given.get(&id).copied().unwrap_or(0)
                    }
                },
                done,
                handed_in,
            })
        })
        .collect()
}
