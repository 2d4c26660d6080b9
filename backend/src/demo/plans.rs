//! The demo school's planning: goals of its own (written for the demo, not taken from Fælles
//! Mål), and one shared forløb in Bo's årsplan for maths in 1.A, so the library is not empty.

use crate::entity::{scale, task, unit, unit_goal, year_plan};
use crate::planning::framework::{self, Association, FORMAT, FrameworkFile, Header, ItemIn};
use crate::{clock, db_err};
use domain::AppError;
use domain::calendar::Date;
use domain::framework::ItemKind;
use domain::school::Subject;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};

pub const FRAMEWORK_KEY: &str = "solbakken";

/// (id, kind, subject, grades, text, parent)
type Item = (
    &'static str,
    ItemKind,
    Subject,
    Option<[u8; 2]>,
    &'static str,
    Option<&'static str>,
);

const ITEMS: [Item; 9] = [
    (
        "dansk",
        ItemKind::Subject,
        Subject::Dansk,
        None,
        "Dansk",
        None,
    ),
    (
        "dansk.fortaelling",
        ItemKind::Area,
        Subject::Dansk,
        None,
        "Fortælling",
        Some("dansk"),
    ),
    (
        "dansk.fortaelling.genfortaelle",
        ItemKind::CompetenceGoal,
        Subject::Dansk,
        Some([1, 2]),
        "Eleven kan genfortælle en kendt historie med en begyndelse, en midte og en slutning",
        Some("dansk.fortaelling"),
    ),
    (
        "dansk.fortaelling.rim",
        ItemKind::SkillArea,
        Subject::Dansk,
        Some([1, 2]),
        "Rim, remser og sproglege",
        Some("dansk.fortaelling.genfortaelle"),
    ),
    (
        "matematik",
        ItemKind::Subject,
        Subject::Matematik,
        None,
        "Matematik",
        None,
    ),
    (
        "matematik.tal",
        ItemKind::Area,
        Subject::Matematik,
        None,
        "Tal og mængder",
        Some("matematik"),
    ),
    (
        "matematik.tal.til-20",
        ItemKind::CompetenceGoal,
        Subject::Matematik,
        Some([1, 2]),
        "Eleven kan tælle, ordne og sammenligne mængder op til 20",
        Some("matematik.tal"),
    ),
    (
        "matematik.tal.taelle-strategier",
        ItemKind::SkillArea,
        Subject::Matematik,
        Some([1, 2]),
        "Tællestrategier: at tælle videre, at tælle i spring",
        Some("matematik.tal.til-20"),
    ),
    (
        "matematik.tal.regnehistorier",
        ItemKind::SkillArea,
        Subject::Matematik,
        Some([1, 3]),
        "Regnehistorier fra hverdagen",
        Some("matematik.tal.til-20"),
    ),
];

fn framework_file(start_year: i32) -> FrameworkFile {
    FrameworkFile {
        format: FORMAT.into(),
        framework: Header {
            key: FRAMEWORK_KEY.into(),
            title: "Solbakkens egne mål".into(),
            version: domain::calendar::school_year_name(start_year),
        },
        items: ITEMS
            .iter()
            .map(|(id, kind, subject, grades, text, _)| ItemIn {
                id: (*id).into(),
                kind: *kind,
                subject: Some(*subject),
                grades: *grades,
                text: (*text).into(),
            })
            .collect(),
        associations: ITEMS
            .iter()
            .filter_map(|(id, _, _, _, _, parent)| {
                parent.map(|p| Association {
                    kind: "isChildOf".into(),
                    child: (*id).into(),
                    parent: p.into(),
                })
            })
            .collect(),
        crosswalk: Vec::new(),
    }
}

pub(super) async fn seed<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    _school_id: i32,
    year: i32,
    bo: i32,
    maths_1a: i32,
    ida: i32,
) -> Result<(), AppError> {
    framework::import(db, &framework_file(year))
        .await
        .map_err(|_| AppError::internal())?;
    let now = clock::now();
    let plan = year_plan::ActiveModel {
        team_id: Set(maths_1a),
        school_year: Set(year),
        title: Set("Matematik i 1.A".into()),
        version: Set(1),
        archived_at: Set(None),
        created_by: Set(bo),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    let week = |n: u8| Date::monday_of_iso_week(year, n).ok_or_else(AppError::internal);
    let numbers = unit::ActiveModel {
        year_plan_id: Set(plan.id),
        title: Set("Tal til 20".into()),
        description: Set(
            "Vi tæller ting i klassen og i skolegården, laver talbilleder og fortæller regnehistorier."
                .into(),
        ),
        first_week: Set(week(36)?.to_string()),
        last_week: Set(week(39)?.to_string()),
        version: Set(1),
        archived_at: Set(None),
        shared_at: Set(Some(now)),
        copied_from: Set(None),
        created_by: Set(bo),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    let faces = scale::Entity::find()
        .filter(scale::Column::Faces.eq(true))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    let goal_item = crate::entity::framework_item::Entity::find()
        .filter(crate::entity::framework_item::Column::Key.eq("matematik.tal.til-20"))
        .one(db)
        .await
        .map_err(db_err)?
        .ok_or_else(AppError::internal)?;
    for (position, (kind, own, item, signs)) in [
        (
            "refleksion",
            Some("Jeg kan tælle til 20"),
            None,
            "Eleven tæller uden at springe over.",
        ),
        (
            "faglig",
            None,
            Some(goal_item.id),
            "Eleven kan sige, hvilken mængde der er størst.",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        unit_goal::ActiveModel {
            unit_id: Set(numbers.id),
            kind: Set(kind.into()),
            own_text: Set(own.map(Into::into)),
            framework_item_id: Set(item),
            scale_id: Set(faces.id),
            signs: Set(signs.into()),
            position: Set(i32::try_from(position).unwrap_or(0)),
            archived_at: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
    }
    task::ActiveModel {
        unit_id: Set(numbers.id),
        title: Set("Tæl blyanter".into()),
        instruction: Set("Tæl blyanterne i dit penalhus. Tegn lige så mange streger.".into()),
        icon: Set("count".into()),
        due_kind: Set("week".into()),
        due_on: Set(week(36)?.to_string()),
        audience: Set("hold".into()),
        group_name: Set(None),
        easier: Set(Some("Tæl de røde blyanter.".into())),
        harder: Set(Some("Tæl alle blyanter i klassen, to ad gangen.".into())),
        version: Set(1),
        archived_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    seed_this_week(db, numbers.id, ida, now).await
}

/// Tasks dated from the day the demo is made, so a pupil's "I dag" is not empty: one for today,
/// and one for the week, whose harder version is Ida's.
async fn seed_this_week<C: ConnectionTrait>(
    db: &C,
    unit_id: i32,
    ida: i32,
    now: i64,
) -> Result<(), AppError> {
    let today = crate::clock::day_at(now, domain::calendar::DEFAULT_TIME_ZONE)?;
    let monday = today.monday();
    crate::entity::unit_material::ActiveModel {
        unit_id: Set(unit_id),
        title: Set("Talbilleder til 20".into()),
        url: Set("https://www.emu.dk/grundskole/matematik".into()),
        kind: Set("link".into()),
        position: Set(0),
        file_id: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    for (title, instruction, icon, kind, due, easier, harder) in [
        (
            "Tegn 10 ting",
            "Tegn 10 ting, du kan lide. Tæl dem bagefter.",
            "draw",
            "day",
            today,
            Some("Tegn 5 ting, du kan lide."),
            None,
        ),
        (
            "Find tal i klassen",
            "Find tre tal i klassen, og tag et billede af dem.",
            "photo",
            "week",
            monday,
            None,
            Some("Find tal over 10 i klassen, og tag et billede af dem."),
        ),
    ] {
        let task = task::ActiveModel {
            unit_id: Set(unit_id),
            title: Set(title.into()),
            instruction: Set(instruction.into()),
            icon: Set(icon.into()),
            due_kind: Set(kind.into()),
            due_on: Set(due.to_string()),
            audience: Set("hold".into()),
            group_name: Set(None),
            easier: Set(easier.map(Into::into)),
            harder: Set(harder.map(Into::into)),
            version: Set(1),
            archived_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .map_err(db_err)?;
        if harder.is_some() {
            crate::entity::task_pupil::ActiveModel {
                task_id: Set(task.id),
                pupil_id: Set(ida),
                variant: Set("harder".into()),
            }
            .insert(db)
            .await
            .map_err(db_err)?;
        }
    }
    Ok(())
}
