//! The demo school's planning: goals of its own (written for the demo, not taken from Fælles
//! Mål), and one shared forløb in Bo's årsplan for maths in 1.A, so the library is not empty.

use crate::entity::scale;
use crate::planning::framework::{self, Association, FORMAT, FrameworkFile, Header, ItemIn};
use crate::planning::plans;
use crate::{Principal, clock, db_err};
use domain::AppError;
use domain::calendar::{DEFAULT_TIME_ZONE, Date};
use domain::framework::ItemKind;
use domain::identity::Role;
use domain::planning::{
    Audience, GoalInput, GoalKind, MaterialInput, TaskIcon, TaskInput, TaskWhen, UnitInput, Variant,
};
use domain::school::Subject;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

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

/// Bo's årsplan for maths in 1.A with one shared forløb, its goals and tasks, made through the
/// same use cases as Bo's planning screens (as Bo, in the seed's transaction), so the demo stores
/// exactly what the screens store: week tasks by their Monday, variants as the task form gives them.
pub(super) async fn seed<C: crate::db::Writes>(
    db: &C,
    school_id: i32,
    year: i32,
    bo: i32,
    maths_1a: i32,
    ida: i32,
) -> Result<(), AppError> {
    framework::import(db, &framework_file(year))
        .await
        .map_err(|_| AppError::internal())?;
    let today = clock::day_at(clock::now(), DEFAULT_TIME_ZONE)?;
    let bo = Principal {
        person_id: bo,
        school_id,
        role: Role::Teacher,
        roles: vec![Role::Teacher],
        name: "Bo Nielsen".into(),
        school_year: year,
        today,
        time_zone: DEFAULT_TIME_ZONE.into(),
    };
    let plan = plans::create_year_plan_as(db, &bo, i64::from(maths_1a), "Matematik i 1.A").await?;
    let week = |n: u8| Date::monday_of_iso_week(year, n).ok_or_else(AppError::internal);
    let unit = plans::create_unit_as(
        db,
        &bo,
        plan,
        &UnitInput {
            title: "Tal til 20".into(),
            description: "Vi tæller ting i klassen og i skolegården, laver talbilleder og fortæller regnehistorier.".into(),
            first_week: week(36)?,
            last_week: week(39)?,
            materials: vec![MaterialInput {
                title: "Talbilleder til 20".into(),
                url: "https://www.emu.dk/grundskole/matematik".into(),
            }],
        },
    )
    .await?;
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
    let goals = [
        GoalInput {
            kind: GoalKind::Refleksion,
            own_text: Some("Jeg kan tælle til 20".into()),
            framework_item_id: None,
            scale_id: i64::from(faces.id),
            signs: "Eleven tæller uden at springe over.".into(),
        },
        GoalInput {
            kind: GoalKind::Faglig,
            own_text: None,
            framework_item_id: Some(i64::from(goal_item.id)),
            scale_id: i64::from(faces.id),
            signs: "Eleven kan sige, hvilken mængde der er størst.".into(),
        },
    ];
    // A new forløb is at version 1, and each goal moves it on by one.
    for (version, goal) in (1..).zip(&goals) {
        plans::add_goal_as(db, &bo, unit, version, goal).await?;
    }
    let task = |title: &str, instruction: &str, icon, when| TaskInput {
        title: title.into(),
        instruction: instruction.into(),
        icon,
        when,
        audience: Audience::Hold,
        pupils: vec![],
        easier: None,
        harder: None,
    };
    plans::create_task_as(
        db,
        &bo,
        unit,
        &TaskInput {
            easier: Some("Tæl de røde blyanter.".into()),
            harder: Some("Tæl alle blyanter i klassen, to ad gangen.".into()),
            ..task(
                "Tæl blyanter",
                "Tæl blyanterne i dit penalhus. Tegn lige så mange streger.",
                TaskIcon::Count,
                TaskWhen::Week(week(36)?),
            )
        },
    )
    .await?;
    // Tasks for the day the demo is made, so a pupil's "I dag" is not empty: one for today, and
    // one for the week, whose harder version is Ida's. In the summer holidays there is no school
    // day to give them.
    let (first_day, last_day) = crate::planning::access::year_dates(db, school_id, year).await?;
    if first_day.monday() <= today && today <= last_day {
        plans::create_task_as(
            db,
            &bo,
            unit,
            &TaskInput {
                easier: Some("Tegn 5 ting, du kan lide.".into()),
                ..task(
                    "Tegn 10 ting",
                    "Tegn 10 ting, du kan lide. Tæl dem bagefter.",
                    TaskIcon::Draw,
                    TaskWhen::Day(today),
                )
            },
        )
        .await?;
        plans::create_task_as(
            db,
            &bo,
            unit,
            &TaskInput {
                pupils: vec![(i64::from(ida), Variant::Harder)],
                harder: Some("Find tal over 10 i klassen, og tag et billede af dem.".into()),
                ..task(
                    "Find tal i klassen",
                    "Find tre tal i klassen, og tag et billede af dem.",
                    TaskIcon::Photo,
                    TaskWhen::Week(today),
                )
            },
        )
        .await?;
    }
    plans::share_unit_as(db, &bo, unit, true).await
}
