//! Opening a new school year: once its first day has come, the leader sees what will happen and
//! then, in one transaction, last year's classes move one grade up (1.A becomes 2.A), 9. klasse
//! leaves the school, each class's hold is carried with its teachers to the class's new hold, and
//! every pupil keeps one history across both years. Last year's classes, hold, plans and
//! evaluations stay as they were, readable as that year's. Opening twice changes nothing more.
//! Opening from next year's roster file (`from_file`) decides the classes by the file instead.

mod arsrul;
mod from_file;

pub use from_file::{new_year_from_file, new_year_from_file_base64};

use super::roster::{admin, current_classes, place_pupil};
use crate::entity::team_member::MemberRole;
use crate::entity::{person, pupil, school_class, team, team_member};
use crate::{RequestCtx, clock, db_err, policy};
use domain::roster::{ClassMatchRule, ClassMove, NewYearPreview, TeamMove};
use domain::{AppError, Field};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// The grade a class leaves the school after.
const LAST_GRADE: i16 = 9;

/// A class's name one grade up: a name that begins with its grade ("1.A", "1 A", "1A") gets the
/// next; any other name ("Spirerne") stays.
pub(crate) fn next_name(name: &str, grade: i16) -> String {
    let prefix = grade.to_string();
    match name.strip_prefix(&prefix) {
        Some(rest) if !rest.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{}{rest}", grade + 1)
        }
        _ => name.to_owned(),
    }
}

/// A hold's name for its class's new name: "Dansk 1.A" becomes "Dansk 2.A".
fn next_team_name(name: &str, old_class: &str, new_class: &str) -> String {
    if name.contains(old_class) {
        name.replacen(old_class, new_class, 1)
    } else {
        name.to_owned()
    }
}

/// A class's name and grade in the year being opened.
type NewClass = (String, i16);

struct Plan {
    from: Vec<school_class::Model>,
    /// Last year's class → this year's name and grade (`None` for the classes that leave or
    /// end), and why.
    targets: Vec<(school_class::Model, Option<NewClass>, ClassMatchRule)>,
    pupils: HashMap<i32, Vec<i32>>,
    teams: Vec<(team::Model, String, String)>,
    not_carried: Vec<String>,
    teachers: HashMap<i32, Vec<(i32, String)>>,
}

/// What opening `year` does. Without `by_file`, each class moves one grade up by its name;
/// with it, each of last year's classes becomes what the file's matching decided (by class id).
async fn plan(
    db: &impl ConnectionTrait,
    school_id: i32,
    year: i32,
    by_file: Option<&HashMap<i32, arsrul::Continues>>,
) -> Result<Plan, AppError> {
    let from = current_classes(db, school_id, year - 1).await?;
    let at_school: Vec<i32> = person::Entity::find()
        .filter(person::Column::SchoolId.eq(school_id))
        .filter(person::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let mut pupils: HashMap<i32, Vec<i32>> = HashMap::new();
    for pl in pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(from.iter().map(|c| c.id).collect::<Vec<_>>()))
        .order_by_asc(pupil::Column::PersonId)
        .all(db)
        .await
        .map_err(db_err)?
    {
        if at_school.contains(&pl.person_id) {
            pupils.entry(pl.class_id).or_default().push(pl.person_id);
        }
    }
    let targets = from
        .iter()
        .map(|c| match by_file {
            Some(matches) => {
                let m = matches.get(&c.id);
                let rule = m.map_or(ClassMatchRule::Ends, |m| m.rule);
                (c.clone(), m.and_then(|m| m.to.clone()), rule)
            }
            None if c.grade < LAST_GRADE => (
                c.clone(),
                Some((next_name(&c.name, c.grade), c.grade + 1)),
                ClassMatchRule::MovesUp,
            ),
            None => (c.clone(), None, ClassMatchRule::Graduates),
        })
        .collect::<Vec<_>>();
    let old_teams = team::Entity::find()
        .filter(team::Column::SchoolId.eq(school_id))
        .filter(team::Column::SchoolYear.eq(year - 1))
        .filter(team::Column::ArchivedAt.is_null())
        .order_by_asc(team::Column::Name)
        .all(db)
        .await
        .map_err(db_err)?;
    let mut teams = Vec::new();
    let mut not_carried = Vec::new();
    for t in old_teams {
        let target = targets
            .iter()
            .find(|(c, _, _)| Some(c.id) == t.class_id)
            .and_then(|(c, to, _)| to.as_ref().map(|(name, _)| (c.name.clone(), name.clone())));
        match target {
            Some((old_class, new_class)) => {
                let name = next_team_name(&t.name, &old_class, &new_class);
                teams.push((t, name, new_class));
            }
            None if t.class_id.is_none() => not_carried.push(t.name),
            // The hold of a class that leaves the school ends with it.
            None => {}
        }
    }
    let members = team_member::Entity::find()
        .filter(
            team_member::Column::TeamId
                .is_in(teams.iter().map(|(t, _, _)| t.id).collect::<Vec<_>>()),
        )
        .filter(team_member::Column::Role.eq(MemberRole::Teacher))
        .filter(team_member::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let names: HashMap<i32, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(members.iter().map(|m| m.person_id).collect::<Vec<_>>()))
        .filter(person::Column::LeftAt.is_null())
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p.full_name()))
        .collect();
    let mut teachers: HashMap<i32, Vec<(i32, String)>> = HashMap::new();
    for m in members {
        // A teacher who has left the school is not carried into the new year.
        if let Some(name) = names.get(&m.person_id) {
            teachers
                .entry(m.team_id)
                .or_default()
                .push((m.person_id, name.clone()));
        }
    }
    Ok(Plan {
        from,
        targets,
        pupils,
        teams,
        not_carried,
        teachers,
    })
}

fn year_name(start: i32) -> String {
    domain::calendar::school_year_name(start)
}

/// What opening this school year from the last would do.
pub async fn preview_new_year(ctx: &RequestCtx) -> Result<NewYearPreview, AppError> {
    let p = admin(ctx).await?;
    policy::require(policy::can_open_school_year(&p, p.school_id))?;
    let plan = plan(&ctx.db, p.school_id, p.school_year, None).await?;
    Ok(preview_of(&plan, p.school_year))
}

fn preview_of(plan: &Plan, year: i32) -> NewYearPreview {
    let count =
        |class: i32| u32::try_from(plan.pupils.get(&class).map_or(0, Vec::len)).unwrap_or(0);
    NewYearPreview {
        from: year_name(year - 1),
        to: year_name(year),
        classes: plan
            .targets
            .iter()
            .map(|(c, to, why)| ClassMove {
                from: c.name.clone(),
                to: to.as_ref().map(|(name, _)| name.clone()),
                pupils: count(c.id),
                why: *why,
            })
            .collect(),
        teams: plan
            .teams
            .iter()
            .map(|(t, name, _)| TeamMove {
                from: t.name.clone(),
                to: name.clone(),
                teachers: plan
                    .teachers
                    .get(&t.id)
                    .map(|ts| ts.iter().map(|(_, n)| n.clone()).collect())
                    .unwrap_or_default(),
            })
            .collect(),
        not_carried: plan.not_carried.clone(),
        graduates: plan
            .targets
            .iter()
            .filter(|(_, _, why)| *why == ClassMatchRule::Graduates)
            .map(|(c, _, _)| count(c.id))
            .sum(),
        leaving: Vec::new(),
        file: None,
        opened: false,
    }
}

/// Opens this school year from the last, in one transaction (see the module's description).
/// Refused when last year has no classes: there is nothing to open from.
pub async fn open_new_year(ctx: &RequestCtx) -> Result<(), AppError> {
    let p = admin(ctx).await?;
    policy::require(policy::can_open_school_year(&p, p.school_id))?;
    let txn = crate::db::begin_write(&ctx.db).await.map_err(db_err)?;
    crate::db::lock_roster(&txn, p.school_id)
        .await
        .map_err(db_err)?;
    let plan = plan(&txn, p.school_id, p.school_year, None).await?;
    open_in(&txn, &p, p.school_year, &plan).await?;
    txn.commit().await.map_err(db_err)?;
    Ok(())
}

/// Makes this year's classes and hold from last year's as `plan` says, and moves the pupils;
/// pupils of a class that ends stay unplaced (opening from a file places them).
async fn open_in(
    txn: &impl ConnectionTrait,
    p: &crate::principal::Principal,
    year: i32,
    plan: &Plan,
) -> Result<(), AppError> {
    if plan.from.is_empty() {
        return Err(AppError::invalid(Field::StartYear));
    }
    super::school_year::ensure(txn, p.school_id, year).await?;
    let existing: HashMap<String, i32> = current_classes(txn, p.school_id, year)
        .await?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect();
    // Last year's class id → this year's.
    let mut new_class: HashMap<i32, i32> = HashMap::new();
    for (old, to, _) in &plan.targets {
        let Some((name, grade)) = to else { continue };
        let id = match existing.get(name) {
            Some(id) => *id,
            None => {
                school_class::ActiveModel {
                    school_id: Set(p.school_id),
                    name: Set(name.clone()),
                    grade: Set(*grade),
                    school_year: Set(year),
                    ..Default::default()
                }
                .insert(txn)
                .await
                .map_err(db_err)?
                .id
            }
        };
        new_class.insert(old.id, id);
    }
    // Each class's hold, with its teachers, before the pupils arrive and join it.
    for (old, name, _) in &plan.teams {
        let Some(class_id) = old.class_id.and_then(|c| new_class.get(&c)).copied() else {
            continue;
        };
        // A class may have two hold in one subject: the carried one is known by its name.
        let carried = team::Entity::find()
            .filter(team::Column::ClassId.eq(class_id))
            .filter(team::Column::Name.eq(name.clone()))
            .filter(team::Column::SchoolYear.eq(year))
            .one(txn)
            .await
            .map_err(db_err)?;
        // A hold carried before keeps the teachers it has now: one taken off since is not
        // put back by opening the year again.
        let team_id = match carried {
            Some(_) => continue,
            None => {
                team::ActiveModel {
                    school_id: Set(p.school_id),
                    name: Set(name.clone()),
                    subject: Set(old.subject.clone()),
                    school_year: Set(year),
                    archived_at: Set(None),
                    class_id: Set(Some(class_id)),
                    ..Default::default()
                }
                .insert(txn)
                .await
                .map_err(db_err)?
                .id
            }
        };
        for (teacher, _) in plan.teachers.get(&old.id).into_iter().flatten() {
            crate::teams::join(
                txn,
                team_id,
                *teacher,
                MemberRole::Teacher,
                Some(p.person_id),
            )
            .await?;
        }
    }
    let now = clock::now();
    for (old, to, why) in &plan.targets {
        for pupil_id in plan.pupils.get(&old.id).into_iter().flatten() {
            match (to, new_class.get(&old.id)) {
                (Some(_), Some(class_id)) => place_pupil(txn, *pupil_id, *class_id).await?,
                _ if *why != ClassMatchRule::Graduates => {}
                _ => {
                    person::Entity::update_many()
                        .col_expr(person::Column::LeftAt, Expr::value(Some(now)))
                        .filter(person::Column::Id.eq(*pupil_id))
                        .exec(txn)
                        .await
                        .map_err(db_err)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_named_by_its_grade_moves_one_grade_up_and_any_other_name_stays() {
        assert_eq!(next_name("1.A", 1), "2.A");
        assert_eq!(next_name("0.B", 0), "1.B");
        assert_eq!(next_name("8 X", 8), "9 X");
        assert_eq!(next_name("Spirerne", 2), "Spirerne");
        assert_eq!(
            next_name("10.A", 1),
            "10.A",
            "10 does not begin with grade 1"
        );
    }

    #[test]
    fn a_holds_name_follows_its_class() {
        assert_eq!(next_team_name("Dansk 1.A", "1.A", "2.A"), "Dansk 2.A");
        assert_eq!(next_team_name("Læsebånd", "1.A", "2.A"), "Læsebånd");
    }
}
