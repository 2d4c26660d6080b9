//! Use-case tests of årsplaner, forløb, goals, tasks and the library, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::library;
use backend::planning::framework::{self, parse_file};
use backend::planning::{files, plans};
use common::{TestDb, anne_dansk_plan, faelles_maal_file, seeded, token_for};
use domain::calendar::Date;
use domain::framework::GoalSearch;
use domain::planning::{
    Audience, GoalInput, GoalKind, LibraryFilter, MaterialInput, MaterialKind, TaskIcon, TaskInput,
    TaskWhen, UnitInput, Variant,
};
use domain::school::Subject;
use domain::{AppError, ErrorCode};

async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

fn code<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorCode {
    result.unwrap_err().code
}

/// The school year the demo school is in, and a Monday in its autumn.
async fn autumn_monday(anne: &RequestCtx) -> Date {
    let overview = plans::overview(anne).await.unwrap();
    let start: i32 = overview.school_year[..4].parse().unwrap();
    Date::monday_of_iso_week(start, 38).unwrap()
}

fn unit_input(title: &str, first: Date, weeks: i64) -> UnitInput {
    UnitInput {
        title: title.into(),
        description: "Vi læser eventyr og fortæller dem videre.".into(),
        first_week: first,
        last_week: first.add_days(7 * (weeks - 1)).unwrap(),
        materials: vec![
            MaterialInput {
                title: "Eventyrbogen".into(),
                url: "https://forlag.example.dk/eventyr".into(),
            },
            MaterialInput {
                title: "Fælles skrivedokument".into(),
                url: "https://docs.google.com/document/d/abc".into(),
            },
        ],
    }
}

async fn face_scale(ctx: &RequestCtx) -> i64 {
    plans::scales(ctx)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.faces)
        .unwrap()
        .id
}

async fn a_holds_teacher_makes_an_arsplan_with_a_forlob_seen_week_by_week(t: TestDb) {
    seeded(&t).await;
    let (anne, team_id, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 3))
        .await
        .unwrap();

    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert_eq!(plan.team_id, team_id);
    assert_eq!(plan.units.len(), 1);
    let weeks_with_unit: Vec<u8> = plan
        .weeks
        .iter()
        .filter(|w| w.unit_ids.contains(&unit_id))
        .map(|w| w.week)
        .collect();
    assert_eq!(weeks_with_unit, [38, 39, 40]);
    // The overview runs from the school year's first week to its last.
    assert!(
        plan.weeks.len() >= 45 && plan.weeks.len() <= 53,
        "{}",
        plan.weeks.len()
    );

    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!(unit.materials[0].kind, MaterialKind::Link);
    assert_eq!(unit.materials[1].kind, MaterialKind::GoogleDocs);
    assert_eq!(unit.version, 1);

    // A hold has one active årsplan a year: a second is a conflict.
    assert_eq!(
        code(plans::create_year_plan(&anne, team_id, "Igen").await),
        ErrorCode::Conflict
    );
    // Pia (pædagog) works on the same hold, so the plan is hers too.
    let pia = as_user(&t, "pia").await;
    let pias = plans::overview(&pia).await.unwrap();
    assert!(
        pias.teams
            .iter()
            .any(|team| team.year_plan.as_ref().is_some_and(|p| p.id == plan_id))
    );
}

async fn a_forlob_gets_an_own_goal_and_a_faelles_maal_goal_on_scales(t: TestDb) {
    seeded(&t).await;
    framework::import(&t.db, &parse_file(&faelles_maal_file()).unwrap())
        .await
        .unwrap();
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    let scale = face_scale(&anne).await;
    let own = GoalInput {
        kind: GoalKind::Refleksion,
        own_text: Some("Jeg kan genfortælle et eventyr".into()),
        framework_item_id: None,
        scale_id: scale,
        signs: "Eleven fortæller begyndelse, midte og slutning.".into(),
    };
    plans::add_goal(&anne, unit_id, 1, &own).await.unwrap();
    let found = framework::search_goals(
        &t.db,
        &backend::identity::current_principal(&anne).await.unwrap(),
        &GoalSearch {
            subject: Some(Subject::Dansk),
            grade: Some(1),
            words: "læse".into(),
        },
    )
    .await
    .unwrap();
    let faelles = GoalInput {
        kind: GoalKind::Faglig,
        own_text: None,
        framework_item_id: Some(found[0].id),
        scale_id: scale,
        signs: String::new(),
    };
    plans::add_goal(&anne, unit_id, 2, &faelles).await.unwrap();

    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!(unit.goals.len(), 2);
    assert_eq!(unit.goals[0].text, "Jeg kan genfortælle et eventyr");
    assert_eq!(unit.goals[0].kind, GoalKind::Refleksion);
    assert!(unit.goals[0].scale.faces);
    assert_eq!(
        unit.goals[1].framework_item.as_ref().unwrap().key,
        found[0].key
    );
    assert_eq!(unit.goals[1].text, found[0].text);

    // Both or neither, an unknown item, another school's scale: refused, nothing added.
    let both = GoalInput {
        framework_item_id: Some(found[0].id),
        ..own.clone()
    };
    let neither = GoalInput {
        own_text: None,
        ..own.clone()
    };
    let unknown = GoalInput {
        own_text: None,
        framework_item_id: Some(999_999),
        ..own.clone()
    };
    let bad_scale = GoalInput {
        scale_id: 999_999,
        ..own.clone()
    };
    for bad in [both, neither, unknown, bad_scale] {
        assert_eq!(
            code(plans::add_goal(&anne, unit_id, unit.version, &bad).await),
            ErrorCode::InvalidInput
        );
    }
    assert_eq!(plans::unit(&anne, unit_id).await.unwrap().goals.len(), 2);
    // Teachers make their own scales.
    let own_scale = plans::create_scale(
        &anne,
        "Smileys",
        &["Svært".into(), "OK".into(), "Let".into()],
    )
    .await
    .unwrap();
    assert!(
        plans::scales(&anne)
            .await
            .unwrap()
            .iter()
            .any(|s| s.id == own_scale && s.own)
    );
}

async fn the_second_of_two_concurrent_saves_gets_a_conflict_and_overwrites_nothing(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let pia = as_user(&t, "pia").await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    // Both open version 1.
    let annes = UnitInput {
        title: "Eventyr (Annes)".into(),
        ..unit_input("x", monday, 2)
    };
    let pias = UnitInput {
        title: "Eventyr (Pias)".into(),
        ..unit_input("x", monday, 3)
    };
    assert_eq!(
        plans::save_unit(&anne, unit_id, 1, &annes).await.unwrap(),
        2
    );
    assert_eq!(
        code(plans::save_unit(&pia, unit_id, 1, &pias).await),
        ErrorCode::Conflict
    );
    let stored = plans::unit(&pia, unit_id).await.unwrap();
    assert_eq!(stored.title, "Eventyr (Annes)");
    assert_eq!(stored.version, 2);
    // Pia, having seen Anne's version, saves on top of it.
    assert_eq!(plans::save_unit(&pia, unit_id, 2, &pias).await.unwrap(), 3);
    // The same holds for årsplan titles and tasks.
    assert_eq!(
        plans::rename_year_plan(&anne, plan_id, 1, "Dansk 1.A")
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        code(plans::rename_year_plan(&pia, plan_id, 1, "Dansk").await),
        ErrorCode::Conflict
    );
}

async fn a_task_is_given_to_two_pupils_one_of_them_the_easier_variant(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    let pupils = plans::unit(&anne, unit_id).await.unwrap().pupils;
    let (ida, noah) = (
        pupils.iter().find(|p| p.name == "Ida Jensen").unwrap().id,
        pupils.iter().find(|p| p.name == "Noah Hansen").unwrap().id,
    );
    let input = TaskInput {
        title: "Tegn dit eventyr".into(),
        instruction: "Tegn begyndelsen af eventyret.".into(),
        icon: TaskIcon::Draw,
        when: TaskWhen::Day(monday.add_days(2).unwrap()),
        audience: Audience::Pupils,
        pupils: vec![(ida, Variant::Standard), (noah, Variant::Easier)],
        easier: Some("Tegn prinsessen.".into()),
        harder: None,
    };
    let task_id = plans::create_task(&anne, unit_id, &input).await.unwrap();
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    let task = unit.tasks.iter().find(|t| t.id == task_id).unwrap();
    assert_eq!(task.audience, Audience::Pupils);
    let given: Vec<(&str, Variant)> = task
        .pupils
        .iter()
        .map(|p| (p.name.as_str(), p.variant))
        .collect();
    assert_eq!(
        given,
        [
            ("Ida Jensen", Variant::Standard),
            ("Noah Hansen", Variant::Easier)
        ]
    );
    assert_eq!(task.when, TaskWhen::Day(monday.add_days(2).unwrap()));

    // A week task is stored by its Monday, whatever day was picked.
    let week = TaskInput {
        when: TaskWhen::Week(monday.add_days(3).unwrap()),
        audience: Audience::Hold,
        pupils: vec![],
        ..input.clone()
    };
    let week_id = plans::create_task(&anne, unit_id, &week).await.unwrap();
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!(
        unit.tasks.iter().find(|t| t.id == week_id).unwrap().when,
        TaskWhen::Week(monday)
    );

    // Refused, and nothing written: a pupil outside the hold, a variant nobody wrote, nobody
    // named for a named-pupils task, a day outside the school year.
    let lucas = 999_999;
    let cases = [
        TaskInput {
            pupils: vec![(lucas, Variant::Standard)],
            ..input.clone()
        },
        TaskInput {
            pupils: vec![(ida, Variant::Harder)],
            ..input.clone()
        },
        TaskInput {
            pupils: vec![],
            ..input.clone()
        },
        TaskInput {
            when: TaskWhen::Day(Date::new(2001, 1, 1).unwrap()),
            ..input.clone()
        },
        TaskInput {
            instruction: "x".repeat(301),
            ..input.clone()
        },
    ];
    for bad in cases {
        assert_eq!(
            code(plans::create_task(&anne, unit_id, &bad).await),
            ErrorCode::InvalidInput
        );
    }
    assert_eq!(plans::unit(&anne, unit_id).await.unwrap().tasks.len(), 2);
}

async fn archived_plans_forlob_and_tasks_come_back_when_restored(t: TestDb) {
    seeded(&t).await;
    let (anne, team_id, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    let task = TaskInput {
        title: "Læs".into(),
        instruction: "Læs side 3.".into(),
        icon: TaskIcon::Read,
        when: TaskWhen::Day(monday),
        audience: Audience::Hold,
        pupils: vec![],
        easier: None,
        harder: None,
    };
    let task_id = plans::create_task(&anne, unit_id, &task).await.unwrap();

    plans::archive_task(&anne, task_id).await.unwrap();
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert!(unit.tasks.is_empty());
    assert_eq!(unit.archived_tasks[0].id, task_id);
    plans::restore_task(&anne, task_id).await.unwrap();
    assert_eq!(plans::unit(&anne, unit_id).await.unwrap().tasks.len(), 1);

    plans::archive_unit(&anne, unit_id).await.unwrap();
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert!(plan.units.is_empty());
    assert_eq!(plan.archived_units[0].id, unit_id);
    assert!(plan.weeks.iter().all(|w| w.unit_ids.is_empty()));
    // A leader restores too.
    let lene = as_user(&t, "lene").await;
    plans::restore_unit(&lene, unit_id).await.unwrap();
    assert_eq!(
        plans::year_plan(&anne, plan_id).await.unwrap().units.len(),
        1
    );

    plans::archive_year_plan(&anne, plan_id).await.unwrap();
    let overview = plans::overview(&anne).await.unwrap();
    let team = overview
        .teams
        .iter()
        .find(|team| team.team_id == team_id)
        .unwrap();
    assert!(team.year_plan.is_none());
    assert!(overview.archived.iter().any(|a| a.id == plan_id));
    // Everything in it is still there, and comes back with it.
    plans::restore_year_plan(&anne, plan_id).await.unwrap();
    let plan = plans::year_plan(&anne, plan_id).await.unwrap();
    assert_eq!(plan.units.len(), 1);
    assert_eq!(plans::unit(&anne, unit_id).await.unwrap().tasks.len(), 1);

    // While a new årsplan exists for the year, the old one cannot come back beside it.
    plans::archive_year_plan(&anne, plan_id).await.unwrap();
    plans::create_year_plan(&anne, team_id, "Ny plan")
        .await
        .unwrap();
    assert_eq!(
        code(plans::restore_year_plan(&anne, plan_id).await),
        ErrorCode::Conflict
    );
}

async fn only_the_holds_teachers_edit_and_only_they_and_the_leader_read(t: TestDb) {
    seeded(&t).await;
    let (anne, team_id, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    // Dorte teaches only engelsk in 5.B; pia is a pædagog on dansk 1.A.
    let outsiders = ["dorte", "ida", "mette", "ole"];
    for username in outsiders {
        let ctx = as_user(&t, username).await;
        let refused = [
            code(plans::create_year_plan(&ctx, team_id, "x").await),
            code(plans::create_unit(&ctx, plan_id, &unit_input("x", monday, 1)).await),
            code(plans::save_unit(&ctx, unit_id, 1, &unit_input("x", monday, 1)).await),
            code(plans::archive_unit(&ctx, unit_id).await),
            code(plans::archive_year_plan(&ctx, plan_id).await),
            code(plans::year_plan(&ctx, plan_id).await),
            code(plans::unit(&ctx, unit_id).await),
        ];
        assert!(
            refused.iter().all(|c| *c == ErrorCode::Forbidden),
            "{username}: {refused:?}"
        );
    }
    let lene = as_user(&t, "lene").await;
    assert!(plans::year_plan(&lene, plan_id).await.is_ok());
    assert!(plans::unit(&lene, unit_id).await.is_ok());
    assert_eq!(
        code(plans::save_unit(&lene, unit_id, 1, &unit_input("x", monday, 1)).await),
        ErrorCode::Forbidden
    );
    let pia = as_user(&t, "pia").await;
    assert!(
        plans::save_unit(&pia, unit_id, 1, &unit_input("Pias", monday, 1))
            .await
            .is_ok()
    );
    let signed_out = t.ctx(None);
    assert_eq!(
        code(plans::unit(&signed_out, unit_id).await),
        ErrorCode::NotSignedIn
    );
    assert_eq!(plans::unit(&anne, unit_id).await.unwrap().title, "Pias");
}

async fn a_shared_forlob_is_found_by_filters_and_copied_independently(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    let scale = face_scale(&anne).await;
    plans::add_goal(
        &anne,
        unit_id,
        1,
        &GoalInput {
            kind: GoalKind::Refleksion,
            own_text: Some("Jeg kan genfortælle et eventyr".into()),
            framework_item_id: None,
            scale_id: scale,
            signs: String::new(),
        },
    )
    .await
    .unwrap();
    let not_shared = plans::create_unit(&anne, plan_id, &unit_input("Rim og remser", monday, 1))
        .await
        .unwrap();

    let bo = as_user(&t, "bo").await;
    let everything = LibraryFilter::default();
    let found = |filter: LibraryFilter| {
        let bo = bo.clone();
        async move {
            library::search(&bo, &filter)
                .await
                .unwrap()
                .entries
                .into_iter()
                .map(|e| e.unit_id)
                .collect::<Vec<i64>>()
        }
    };
    // The demo school's library holds Bo's "Tal til 20"; Anne's forløb is not in it yet.
    assert!(!found(everything.clone()).await.contains(&unit_id));
    plans::share_unit(&anne, unit_id, true).await.unwrap();
    assert!(found(everything.clone()).await.contains(&unit_id));

    // Each filter on its own finds it; subject, goal and words also leave Bo's maths out.
    for filter in [
        LibraryFilter {
            subject: Some(Subject::Dansk),
            ..LibraryFilter::default()
        },
        LibraryFilter {
            goal: "GENFORTÆLLE".into(),
            ..LibraryFilter::default()
        },
        LibraryFilter {
            words: "eventyr".into(),
            ..LibraryFilter::default()
        },
    ] {
        assert_eq!(found(filter.clone()).await, [unit_id], "{filter:?}");
    }
    assert!(
        found(LibraryFilter {
            grade: Some(1),
            ..LibraryFilter::default()
        })
        .await
        .contains(&unit_id)
    );
    let authors = library::search(&bo, &everything).await.unwrap().authors;
    let anne_id = authors.iter().find(|a| a.name == "Anne Holm").unwrap().id;
    let by_author = LibraryFilter {
        author_id: Some(anne_id),
        ..LibraryFilter::default()
    };
    assert_eq!(found(by_author).await, [unit_id]);
    for miss in [
        LibraryFilter {
            subject: Some(Subject::Matematik),
            ..LibraryFilter::default()
        },
        LibraryFilter {
            grade: Some(5),
            ..LibraryFilter::default()
        },
        LibraryFilter {
            words: "brøker".into(),
            ..LibraryFilter::default()
        },
    ] {
        assert!(!found(miss.clone()).await.contains(&unit_id), "{miss:?}");
    }
    assert_eq!(
        code(library::preview(&bo, not_shared).await),
        ErrorCode::NotFound
    );

    // Bo copies it into his own årsplan for maths in 1.A.
    let preview = library::preview(&bo, unit_id).await.unwrap();
    assert_eq!(preview.goals.len(), 1);
    // Bo's årsplan for maths in 1.A comes with the demo school.
    let bos_plan = plans::overview(&bo)
        .await
        .unwrap()
        .teams
        .into_iter()
        .find_map(|t| t.year_plan)
        .unwrap()
        .id;
    let copy_id = library::copy(&bo, unit_id, bos_plan).await.unwrap();
    let copy = plans::unit(&bo, copy_id).await.unwrap();
    assert_eq!(copy.title, "Eventyr");
    assert_eq!(copy.copied_from.as_deref(), Some("Eventyr"));
    assert_eq!(copy.goals.len(), 1);
    assert_eq!(copy.materials.len(), 2);
    assert!(!copy.shared);

    // Independent both ways.
    plans::save_unit(
        &bo,
        copy_id,
        copy.version,
        &UnitInput {
            title: "Bos eventyr".into(),
            ..unit_input("x", monday, 1)
        },
    )
    .await
    .unwrap();
    plans::archive_goal(&bo, copy.goals[0].id).await.unwrap();
    let original = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!(original.title, "Eventyr");
    assert_eq!(original.goals.len(), 1);
    plans::save_unit(
        &anne,
        unit_id,
        original.version,
        &UnitInput {
            title: "Annes eventyr".into(),
            ..unit_input("x", monday, 2)
        },
    )
    .await
    .unwrap();
    let copy = plans::unit(&bo, copy_id).await.unwrap();
    assert_eq!(copy.title, "Bos eventyr");
    assert!(copy.goals.is_empty());

    // Only into a plan one edits; parents and pupils never see the library.
    assert_eq!(
        code(library::copy(&bo, unit_id, plan_id + 1000).await),
        ErrorCode::NotFound
    );
    let dorte = as_user(&t, "dorte").await;
    assert_eq!(
        code(library::copy(&dorte, unit_id, plan_id).await),
        ErrorCode::Forbidden
    );
    for username in ["ida", "mette", "ole"] {
        let ctx = as_user(&t, username).await;
        assert_eq!(
            code(library::search(&ctx, &everything).await),
            ErrorCode::Forbidden,
            "{username}"
        );
        assert_eq!(
            code(library::preview(&ctx, unit_id).await),
            ErrorCode::Forbidden,
            "{username}"
        );
    }
}

async fn a_file_is_attached_checked_served_to_staff_and_kept_by_copies(t: TestDb) {
    seeded(&t).await;
    let (anne, _, plan_id) = anne_dansk_plan(&t).await;
    let monday = autumn_monday(&anne).await;
    let unit_id = plans::create_unit(&anne, plan_id, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    let pdf = b"%PDF-1.4\n% Eventyr til 1.A\n".to_vec();
    let v2 = files::upload_material(&anne, unit_id, 1, "Eventyr.pdf", &pdf)
        .await
        .unwrap();
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    let file = unit
        .materials
        .iter()
        .find(|m| m.kind == MaterialKind::File)
        .unwrap();
    assert_eq!(file.title, "Eventyr.pdf");
    let file_id = file.url.rsplit('/').next().unwrap().to_owned();
    let file_id = file_id.as_str();
    let (name, content_type, bytes) = files::read_file(&anne, file_id).await.unwrap();
    assert_eq!(
        (name.as_str(), content_type.as_str(), bytes),
        ("Eventyr.pdf", "application/pdf", pdf.clone())
    );

    // Saving the forløb's links keeps the file.
    plans::save_unit(&anne, unit_id, v2, &unit_input("Eventyr", monday, 2))
        .await
        .unwrap();
    let unit = plans::unit(&anne, unit_id).await.unwrap();
    assert_eq!(
        unit.materials
            .iter()
            .filter(|m| m.kind == MaterialKind::File)
            .count(),
        1
    );

    // Refused, and nothing attached: a kind Spire does not take, a file that is not what its
    // name says, one too big, an empty one, a stale version.
    let version = unit.version;
    let too_big = vec![b'a'; domain::planning::MAX_FILE_BYTES + 1];
    for (name, bytes, field) in [
        ("side.html", b"<html></html>".to_vec(), "file_type"),
        ("falsk.pdf", b"<script>".to_vec(), "file_type"),
        ("stor.txt", too_big, "file_size"),
        ("tom.txt", Vec::new(), "file_size"),
    ] {
        let err = files::upload_material(&anne, unit_id, version, name, &bytes)
            .await
            .unwrap_err();
        assert_eq!(err.field.as_deref(), Some(field), "{name}");
    }
    assert_eq!(
        code(files::upload_material(&anne, unit_id, version - 1, "ok.txt", b"hej").await),
        ErrorCode::Conflict
    );
    assert_eq!(
        plans::unit(&anne, unit_id).await.unwrap().materials.len(),
        unit.materials.len()
    );

    // Staff who plan at the school read it, and the hold's pupils (Ida is in dansk 1.A); other
    // pupils, parents and the office do not.
    let dorte = as_user(&t, "dorte").await;
    assert!(files::read_file(&dorte, file_id).await.is_ok());
    let ida = as_user(&t, "ida").await;
    assert!(files::read_file(&ida, file_id).await.is_ok());
    for username in ["sofia", "mette", "ole"] {
        let ctx = as_user(&t, username).await;
        assert_eq!(
            code(files::read_file(&ctx, file_id).await),
            ErrorCode::Forbidden,
            "{username}"
        );
    }
    assert_eq!(
        code(files::read_file(&t.ctx(None), file_id).await),
        ErrorCode::NotSignedIn
    );
    // Only the hold's teachers attach or remove.
    assert_eq!(
        code(files::upload_material(&dorte, unit_id, version, "x.txt", b"x").await),
        ErrorCode::Forbidden
    );
    assert_eq!(
        code(files::remove_material(&dorte, file.id).await),
        ErrorCode::Forbidden
    );

    // A copy keeps the file; taking it off the original leaves the copy's, and the file itself.
    plans::share_unit(&anne, unit_id, true).await.unwrap();
    let bo = as_user(&t, "bo").await;
    let bos_plan = plans::overview(&bo)
        .await
        .unwrap()
        .teams
        .into_iter()
        .find_map(|t| t.year_plan)
        .unwrap()
        .id;
    let copy_id = backend::library::copy(&bo, unit_id, bos_plan)
        .await
        .unwrap();
    let file_material = plans::unit(&anne, unit_id)
        .await
        .unwrap()
        .materials
        .into_iter()
        .find(|m| m.kind == MaterialKind::File)
        .unwrap();
    files::remove_material(&anne, file_material.id)
        .await
        .unwrap();
    assert!(
        plans::unit(&anne, unit_id)
            .await
            .unwrap()
            .materials
            .iter()
            .all(|m| m.kind != MaterialKind::File)
    );
    let copy = plans::unit(&bo, copy_id).await.unwrap();
    assert_eq!(
        copy.materials
            .iter()
            .filter(|m| m.kind == MaterialKind::File)
            .count(),
        1
    );
    assert!(files::read_file(&bo, file_id).await.is_ok());
}

on_both_databases!(
    a_file_is_attached_checked_served_to_staff_and_kept_by_copies,
    a_holds_teacher_makes_an_arsplan_with_a_forlob_seen_week_by_week,
    a_forlob_gets_an_own_goal_and_a_faelles_maal_goal_on_scales,
    the_second_of_two_concurrent_saves_gets_a_conflict_and_overwrites_nothing,
    a_task_is_given_to_two_pupils_one_of_them_the_easier_variant,
    archived_plans_forlob_and_tasks_come_back_when_restored,
    only_the_holds_teachers_edit_and_only_they_and_the_leader_read,
    a_shared_forlob_is_found_by_filters_and_copied_independently,
);
