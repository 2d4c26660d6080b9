//! Use-case tests of opening a new school year, on SQLite and PostgreSQL: classes move one grade
//! up, 9. klasse leaves, each class's hold goes with its teachers, and every pupil keeps one
//! history across both years.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::entity::{evaluation, person, team};
use backend::identity::{new_year, roster, school_year};
use backend::{RequestCtx, clock, evaluation as evaluations, home};
use common::{TestDb, as_user, as_user_at, dansk_forloeb};
use domain::calendar::{DEFAULT_TIME_ZONE, Date};
use domain::home::Home;
use domain::roster::{ClassMatchRule, ClassMove, ProblemKind};
use domain::school::Subject;
use domain::{AppError, ErrorCode, Field};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// Mid-August of next school year, after its first day.
async fn next_year(t: &TestDb) -> (i32, i64) {
    let lene = as_user(t, "lene").await;
    // The administration screen lists (and so records) the current year and the next.
    let years = school_year::list(&lene).await.unwrap();
    let current = years.iter().find(|y| y.current).unwrap().start_year;
    let day = Date::new(current + 1, 8, 15).unwrap();
    (
        current,
        clock::start_of_day(day, DEFAULT_TIME_ZONE) + 9 * 3600,
    )
}

fn august_year(unix: i64) -> i32 {
    clock::day_at(unix, DEFAULT_TIME_ZONE).unwrap().year()
}

async fn class_names(ctx: &RequestCtx) -> Vec<(String, Vec<String>)> {
    roster::roster(ctx)
        .await
        .unwrap()
        .classes
        .into_iter()
        .map(|c| (c.name, c.pupils.into_iter().map(|p| p.name).collect()))
        .collect()
}

async fn a_leader_opens_next_year_and_every_class_moves_up_with_its_hold(t: TestDb) {
    let f = dansk_forloeb(&t).await;
    evaluations::evaluate(&f.anne, f.faglig, f.ida, Some(2), "Godt")
        .await
        .unwrap();
    let lene_now = as_user(&t, "lene").await;
    let ninth = roster::create_class(&lene_now, "9.C", 9).await.unwrap();
    roster::add_pupil(&lene_now, "Ditte", "Krog", ninth)
        .await
        .unwrap();
    let ida_id = i32::try_from(f.ida).unwrap();
    let idas_plan = backend::pupil_plan::start_plan(&f.anne, f.ida, Some(Subject::Dansk))
        .await
        .unwrap();
    backend::pupil_plan::publish_plan(&f.anne, idas_plan, 1)
        .await
        .unwrap();
    let (last_year, august) = next_year(&t).await;
    let lene = as_user_at(&t, "lene", august).await;
    assert!(
        class_names(&lene).await.is_empty(),
        "the new year has no classes yet"
    );

    let preview = new_year::preview_new_year(&lene).await.unwrap();
    assert_eq!(
        preview.classes,
        [
            ClassMove {
                from: "1.A".into(),
                to: Some("2.A".into()),
                pupils: 10,
                why: ClassMatchRule::MovesUp,
            },
            ClassMove {
                from: "5.B".into(),
                to: Some("6.B".into()),
                pupils: 10,
                why: ClassMatchRule::MovesUp,
            },
            ClassMove {
                from: "9.C".into(),
                to: None,
                pupils: 1,
                why: ClassMatchRule::Graduates,
            },
        ]
    );
    assert_eq!(preview.graduates, 1);
    let dansk = preview
        .teams
        .iter()
        .find(|m| m.from == "Dansk 1.A")
        .unwrap();
    let mut teachers = dansk.teachers.clone();
    teachers.sort();
    assert_eq!(
        (dansk.to.as_str(), teachers),
        (
            "Dansk 2.A",
            vec!["Anne Holm".into(), "Camilla Berg".into(), "Pia Lund".into()]
        )
    );
    assert!(
        class_names(&lene).await.is_empty(),
        "a preview changes nothing"
    );

    new_year::open_new_year(&lene).await.unwrap();
    let classes = class_names(&lene).await;
    assert_eq!(
        classes.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        ["2.A", "6.B"]
    );
    assert!(classes[0].1.contains(&"Ida Jensen".to_owned()));
    let ditte = common::person_by_given_name(&t, "Ditte").await;
    assert!(
        ditte.left_at.is_some(),
        "9. klasse has left, every record kept"
    );

    // Ida is one person with one history: last year's evaluation is hers, and she has this
    // year's dansk hold, taught by the same teachers.
    let kept = evaluation::Entity::find()
        .filter(evaluation::Column::PupilId.eq(ida_id))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(kept, 1);
    let ida = as_user_at(&t, "ida", august).await;
    let Home::Pupil(home) = home::home(&ida).await.unwrap() else {
        panic!("pupil")
    };
    assert_eq!(home.class_name, "2.A");
    assert!(home.subjects.contains(&Subject::Dansk));
    let anne = as_user_at(&t, "anne", august).await;
    let Home::Teacher(teacher) = home::home(&anne).await.unwrap() else {
        panic!("teacher")
    };
    let names: Vec<&str> = teacher.teams.iter().map(|h| h.name.as_str()).collect();
    assert!(names.contains(&"Dansk 2.A"), "{names:?}");
    assert!(
        !names.contains(&"Dansk 1.A"),
        "last year's hold is last year's"
    );
    let last_years = team::Entity::find()
        .filter(team::Column::Name.eq("Dansk 1.A"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert!(last_years.archived_at.is_none(), "kept as it was, readable");

    // The library keeps the grade the forløb was taught in, not the pupils' grade today.
    backend::planning::units::share_unit(&anne, f.unit, true)
        .await
        .unwrap();
    let library = backend::library::search(
        &anne,
        &domain::planning::LibraryFilter {
            subject: None,
            grade: None,
            goal: String::new(),
            author_id: None,
            words: String::new(),
        },
    )
    .await
    .unwrap();
    let eventyr = library
        .entries
        .iter()
        .find(|e| e.unit_id == f.unit)
        .unwrap();
    assert_eq!(eventyr.grades, Some((1, 1)));

    // Last year's årsplan is there to read and to copy into this year's hold, forløb in the
    // same weeks.
    let overview = backend::planning::plans::overview(&anne).await.unwrap();
    let earlier = overview
        .earlier
        .iter()
        .find(|e| e.team_name == "Dansk 1.A")
        .unwrap();
    assert_eq!(earlier.unit_count, 1);
    let dansk_2a = overview
        .teams
        .iter()
        .find(|h| h.team_name == "Dansk 2.A")
        .unwrap();
    assert!(dansk_2a.year_plan.is_none());
    let dorte = as_user_at(&t, "dorte", august).await;
    assert_eq!(
        backend::planning::plans::copy_year_plan(&dorte, earlier.id, dansk_2a.team_id)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Forbidden,
        "Dorte did not teach it"
    );
    let copied = backend::planning::plans::copy_year_plan(&anne, earlier.id, dansk_2a.team_id)
        .await
        .unwrap();
    let plan = backend::planning::plans::year_plan(&anne, copied)
        .await
        .unwrap();
    assert_eq!(plan.units.len(), 1);
    assert_eq!(plan.units[0].title, "Eventyr");
    assert_eq!(plan.units[0].first_week.iso_week().week, 38);
    assert_eq!(
        plan.units[0].first_week.iso_week().year,
        august_year(august)
    );
    assert_eq!(
        backend::planning::plans::copy_year_plan(&anne, earlier.id, dansk_2a.team_id)
            .await
            .unwrap_err()
            .code,
        ErrorCode::Conflict,
        "one årsplan per hold and year"
    );

    // Ida's mother still reads last year's published elevplan, as last year's.
    let mette = as_user_at(&t, "mette", august).await;
    let collected = backend::pupil_plan::collected_plan(&mette, f.ida)
        .await
        .unwrap();
    assert_eq!(collected.current_year, last_year + 1);
    assert_eq!(
        collected
            .plans
            .iter()
            .map(|p| (p.newest.subject, p.newest.school_year))
            .collect::<Vec<_>>(),
        [(Some(Subject::Dansk), last_year)]
    );

    // Opening again adds nothing, and puts back no one taken off a carried hold since.
    let dansk_2a_id = dansk_2a.team_id;
    let pia = backend::teams::team_members(&lene, dansk_2a_id)
        .await
        .unwrap()
        .teachers
        .into_iter()
        .find(|m| m.name == "Pia Lund")
        .unwrap();
    backend::teams::remove_member(&lene, dansk_2a_id, pia.id)
        .await
        .unwrap();
    let teams_before = team::Entity::find().count(&t.db).await.unwrap();
    new_year::open_new_year(&lene).await.unwrap();
    let teachers: Vec<String> = backend::teams::team_members(&lene, dansk_2a_id)
        .await
        .unwrap()
        .teachers
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert!(!teachers.contains(&"Pia Lund".to_owned()), "{teachers:?}");
    assert_eq!(
        team::Entity::find().count(&t.db).await.unwrap(),
        teams_before
    );
    assert_eq!(class_names(&lene).await.len(), 2);
}

async fn only_a_leader_opens_a_year_and_only_from_one_with_classes(t: TestDb) {
    common::seeded(&t).await;
    let (_, august) = next_year(&t).await;
    for who in ["ole", "anne", "mette", "ida"] {
        let ctx = as_user_at(&t, who, august).await;
        assert_eq!(
            new_year::open_new_year(&ctx).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
        assert_eq!(
            new_year::preview_new_year(&ctx).await.unwrap_err().code,
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    // In the demo school's own year, last year had no classes: nothing to open from.
    let lene = as_user(&t, "lene").await;
    assert_eq!(
        new_year::open_new_year(&lene).await.unwrap_err(),
        AppError::invalid(Field::StartYear)
    );
    let preview = new_year::preview_new_year(&lene).await.unwrap();
    assert!(preview.classes.is_empty() && preview.teams.is_empty());
}

/// A pupil's names as the file writes them: (given, family).
async fn names_of(t: &TestDb, id: i64) -> (String, String) {
    let p = person::Entity::find_by_id(i32::try_from(id).unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    (p.given_name, p.family_name)
}

/// Next year's pupil list: a line per (class, grade, pupil, UNI-ID).
fn pupil_file(lines: &[(&str, u8, &(String, String), &str)]) -> Vec<u8> {
    let mut text = String::from("klasse,klassetrin,fornavn,efternavn,uni_id\n");
    for (class, grade, (given, family), uni) in lines {
        text.push_str(&format!("{class},{grade},{given},{family},{uni}\n"));
    }
    text.into_bytes()
}

async fn next_years_roster_file_decides_the_classes_by_the_arsrul(t: TestDb) {
    common::seeded(&t).await;
    let lene_now = as_user(&t, "lene").await;
    // This year's 4.D ends next year: Mona goes to a new class, Nils is not in the file.
    let fourth = roster::create_class(&lene_now, "4.D", 4).await.unwrap();
    let mona = roster::add_pupil(&lene_now, "Mona", "Vang", fourth)
        .await
        .unwrap();
    roster::add_pupil(&lene_now, "Nils", "Vang", fourth)
        .await
        .unwrap();
    backend::identity::uni_login::set_uni_id(&lene_now, mona, "mona000001")
        .await
        .unwrap();
    let ninth = roster::create_class(&lene_now, "9.C", 9).await.unwrap();
    roster::add_pupil(&lene_now, "Ditte", "Krog", ninth)
        .await
        .unwrap();
    let mut first_a = Vec::new();
    for name in common::roster_pupil_names(&t, "1.A").await {
        first_a.push(names_of(&t, common::roster_pupil_id(&t, &name).await).await);
    }
    let mut fifth_b = Vec::new();
    for name in common::roster_pupil_names(&t, "5.B").await {
        fifth_b.push(names_of(&t, common::roster_pupil_id(&t, &name).await).await);
    }
    let (_, august) = next_year(&t).await;
    let lene = as_user_at(&t, "lene", august).await;

    // 1.A's year group moves up as 2.A with a newcomer; 5.B is re-lettered 6.X with 8 of its
    // 10 pupils; Mona (by her UNI-ID) starts in a new 5.E.
    let newcomer = ("Otto".to_owned(), "Dahl".to_owned());
    let mona_names = ("Mona".to_owned(), "Vang".to_owned());
    let mut lines: Vec<(&str, u8, &(String, String), &str)> = Vec::new();
    lines.extend(first_a.iter().map(|n| ("2.A", 2, n, "")));
    lines.push(("2.A", 2, &newcomer, ""));
    lines.extend(fifth_b.iter().take(8).map(|n| ("6.X", 6, n, "")));
    lines.push(("5.E", 5, &mona_names, "mona000001"));
    let file = pupil_file(&lines);

    let preview = new_year::new_year_from_file(&lene, &file, false)
        .await
        .unwrap();
    let classes: Vec<(&str, Option<&str>, ClassMatchRule)> = preview
        .classes
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_deref(), c.why))
        .collect();
    assert_eq!(
        classes,
        [
            ("1.A", Some("2.A"), ClassMatchRule::YearGroupMovedUp),
            ("4.D", None, ClassMatchRule::Ends),
            (
                "5.B",
                Some("6.X"),
                ClassMatchRule::SamePupils { percent: 80 }
            ),
            ("9.C", None, ClassMatchRule::Graduates),
        ]
    );
    assert_eq!(preview.leaving, ["Nils Vang"]);
    assert_eq!(preview.graduates, 1);
    assert!(
        preview
            .teams
            .iter()
            .any(|m| m.from == "Dansk 1.A" && m.to == "Dansk 2.A")
    );
    let report = preview.file.clone().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.classes_to_create, ["5.E"]);
    assert_eq!(report.pupils_to_add, 1);
    assert_eq!(report.pupils_to_move.len(), 1);
    assert_eq!(report.pupils_to_move[0].from.as_deref(), Some("4.D"));
    assert!(!preview.opened);
    assert!(
        class_names(&lene).await.is_empty(),
        "a preview changes nothing"
    );

    let opened = new_year::new_year_from_file(&lene, &file, true)
        .await
        .unwrap();
    assert!(opened.opened);
    let classes = class_names(&lene).await;
    assert_eq!(
        classes.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        ["2.A", "5.E", "6.X"]
    );
    assert_eq!(classes[0].1.len(), 11, "1.A's ten and Otto, each once");
    assert_eq!(classes[1].1, ["Mona Vang"]);
    assert_eq!(
        classes[2].1.len(),
        10,
        "6.X keeps the two the file does not name"
    );
    for (given, left) in [("Nils", true), ("Ditte", true), ("Mona", false)] {
        let p = common::person_by_given_name(&t, given).await;
        assert_eq!(p.left_at.is_some(), left, "{given}");
    }
    let ida = as_user_at(&t, "ida", august).await;
    let Home::Pupil(home) = home::home(&ida).await.unwrap() else {
        panic!("pupil")
    };
    assert_eq!(home.class_name, "2.A");
    assert!(
        home.subjects.contains(&Subject::Dansk),
        "her class's hold came along"
    );
}

async fn a_roster_file_with_a_problem_opens_nothing_and_only_a_leader_opens_from_one(t: TestDb) {
    common::seeded(&t).await;
    let lene_now = as_user(&t, "lene").await;
    let fourth = roster::create_class(&lene_now, "4.D", 4).await.unwrap();
    roster::add_pupil(&lene_now, "Mona", "Vang", fourth)
        .await
        .unwrap();
    roster::add_pupil(&lene_now, "Nils", "Vang", fourth)
        .await
        .unwrap();
    let (_, august) = next_year(&t).await;
    // Mona's class ends; without a UNI-ID, a Mona Vang in another class may be her or not.
    let mona = ("Mona".to_owned(), "Vang".to_owned());
    let file = pupil_file(&[("5.E", 5, &mona, "")]);
    let lene = as_user_at(&t, "lene", august).await;
    let preview = new_year::new_year_from_file(&lene, &file, true)
        .await
        .unwrap();
    assert!(!preview.opened);
    let problems = preview.file.unwrap().problems;
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].line, problems[0].kind),
        (2, ProblemKind::PossibleDuplicate)
    );
    assert!(preview.leaving.is_empty());
    assert!(class_names(&lene).await.is_empty(), "nothing changed");

    for who in ["ole", "anne", "mette", "ida"] {
        let ctx = as_user_at(&t, who, august).await;
        assert_eq!(
            new_year::new_year_from_file(&ctx, &file, false)
                .await
                .unwrap_err()
                .code,
            ErrorCode::Forbidden,
            "{who}"
        );
    }
    let staff = b"fornavn,efternavn,rolle,uni_id\nKim,Lund,l\xc3\xa6rer,kimlund001\n";
    assert_eq!(
        new_year::new_year_from_file(&lene, staff, false)
            .await
            .unwrap_err(),
        AppError::invalid(Field::File),
        "a staff list cannot open a year"
    );
}

on_both_databases!(
    a_leader_opens_next_year_and_every_class_moves_up_with_its_hold,
    only_a_leader_opens_a_year_and_only_from_one_with_classes,
    next_years_roster_file_decides_the_classes_by_the_arsrul,
    a_roster_file_with_a_problem_opens_nothing_and_only_a_leader_opens_from_one,
);
