//! Use-case tests of goal frameworks: importing the real Fælles Mål transcription, versions,
//! crosswalks and search, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::Principal;
use backend::entity::framework_item;
use backend::identity::current_principal;
use backend::planning::framework::{self, ImportError, parse_file};
use common::{TestDb, faelles_maal_file, seeded, token_for};
use domain::ErrorCode;
use domain::framework::{GoalSearch, ItemKind};
use domain::school::Subject;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn principal(t: &TestDb, username: &str) -> Principal {
    current_principal(&t.ctx(Some(token_for(t, username).await)))
        .await
        .unwrap()
}

async fn count_kind(t: &TestDb, framework_id: i64, kind: ItemKind) -> u64 {
    framework_item::Entity::find()
        .filter(framework_item::Column::FrameworkId.eq(i32::try_from(framework_id).unwrap()))
        .filter(framework_item::Column::Kind.eq(kind.as_str()))
        .count(&t.db)
        .await
        .unwrap()
}

/// The shared file as a second version: renamed version, one goal given a new id, crosswalked.
fn second_version() -> String {
    let mut value: serde_json::Value = serde_json::from_str(&faelles_maal_file()).unwrap();
    value["regulation"]["current"] = "BEK nr 9999 af 01/08/2027".into();
    let goal = &mut value["subjects"][0]["kompetenceomraader"][0]["kompetencemaal"][0];
    let old_id = goal["id"].as_str().unwrap().to_owned();
    let new_id = format!("{old_id}.v2");
    goal["id"] = new_id.clone().into();
    // Re-stated in Spire's own format so the file can carry its crosswalk.
    let mut file = parse_file(&value.to_string()).unwrap();
    file.crosswalk.push(framework::Crosswalk {
        from: old_id,
        to: new_id,
    });
    let items: Vec<_> = file
        .items
        .iter()
        .map(|i| {
            serde_json::json!({
                "id": i.id, "kind": i.kind, "subject": i.subject,
                "grades": i.grades, "text": i.text,
            })
        })
        .collect();
    let associations: Vec<_> = file
        .associations
        .iter()
        .map(|a| serde_json::json!({"type": a.kind, "child": a.child, "parent": a.parent}))
        .collect();
    let crosswalk: Vec<_> = file
        .crosswalk
        .iter()
        .map(|c| serde_json::json!({"from": c.from, "to": c.to}))
        .collect();
    serde_json::json!({
        "format": framework::FORMAT,
        "framework": {"key": file.framework.key, "title": file.framework.title, "version": file.framework.version},
        "items": items, "associations": associations, "crosswalk": crosswalk,
    })
    .to_string()
}

async fn the_shared_faelles_maal_file_imports_with_every_item_counted(t: TestDb) {
    let file = parse_file(&faelles_maal_file()).unwrap();
    let report = framework::import(&t.db, &file).await.unwrap();
    assert!(report.created);
    // The transcription's README: 38 kompetencemål (17 + 13 + 8), 121 FVO (81 + 30 + 10),
    // 10 opmærksomhedspunkter, 12 kompetenceområder, 3 subjects and matematik's fagformål.
    assert_eq!(report.items, 185);
    assert_eq!(
        count_kind(&t, report.framework_id, ItemKind::CompetenceGoal).await,
        38
    );
    assert_eq!(
        count_kind(&t, report.framework_id, ItemKind::SkillArea).await,
        121
    );
    assert_eq!(
        count_kind(&t, report.framework_id, ItemKind::AttentionPoint).await,
        10
    );
    assert_eq!(
        count_kind(&t, report.framework_id, ItemKind::Area).await,
        12
    );
    assert_eq!(
        count_kind(&t, report.framework_id, ItemKind::Subject).await,
        3
    );
    assert_eq!(
        count_kind(&t, report.framework_id, ItemKind::Purpose).await,
        1
    );
    // Every item but the subjects hangs under another.
    let orphans = framework_item::Entity::find()
        .filter(framework_item::Column::ParentId.is_null())
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(orphans, 3);

    let again = framework::import(&t.db, &file).await.unwrap();
    assert!(!again.created, "the same version twice changes nothing");
    assert_eq!(
        framework_item::Entity::find().count(&t.db).await.unwrap(),
        185
    );
}

async fn a_second_version_is_kept_beside_the_first_and_mapped_to_it(t: TestDb) {
    seeded(&t).await;
    let first = framework::import(&t.db, &parse_file(&faelles_maal_file()).unwrap())
        .await
        .unwrap();
    let second = framework::import(&t.db, &parse_file(&second_version()).unwrap())
        .await
        .unwrap();
    assert!(second.created);
    assert_ne!(first.framework_id, second.framework_id);
    // Every item of the first version has a successor: 184 by unchanged id, 1 by the crosswalk.
    assert_eq!(second.crosswalked, 185);

    let anne = principal(&t, "anne").await;
    let versions = framework::versions(&t.db, &anne).await.unwrap();
    let faelles: Vec<_> = versions
        .iter()
        .filter(|v| v.key == "faelles-maal")
        .collect();
    assert_eq!(faelles.len(), 2);
    assert!(faelles.iter().all(|v| v.item_count == 185));

    let old_goal = framework_item::Entity::find()
        .filter(framework_item::Column::FrameworkId.eq(i32::try_from(first.framework_id).unwrap()))
        .filter(framework_item::Column::Key.eq("dansk.laesning.efter-2.kompetencemaal"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let successors = framework::successors(&t.db, old_goal.id).await.unwrap();
    let new_goal = framework_item::Entity::find_by_id(successors[0])
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(new_goal.key, "dansk.laesning.efter-2.kompetencemaal.v2");
    assert_eq!(new_goal.text, old_goal.text);

    // Search offers the newest version only.
    let found = framework::search_goals(
        &t.db,
        &anne,
        &GoalSearch {
            subject: Some(Subject::Dansk),
            grade: Some(1),
            words: String::new(),
        },
    )
    .await
    .unwrap();
    // (The demo school's own goals are a framework of their own, and are found too.)
    let faelles: Vec<_> = found
        .iter()
        .filter(|g| g.framework == "Fælles Mål")
        .collect();
    assert!(!faelles.is_empty());
    assert!(
        faelles
            .iter()
            .all(|g| g.version == "BEK nr 9999 af 01/08/2027")
    );
}

async fn goals_are_found_by_subject_grade_and_words(t: TestDb) {
    seeded(&t).await;
    framework::import(&t.db, &parse_file(&faelles_maal_file()).unwrap())
        .await
        .unwrap();
    let anne = principal(&t, "anne").await;
    let search = |subject, grade, words: &str| GoalSearch {
        subject,
        grade,
        words: words.into(),
    };

    let dansk_1 = framework::search_goals(&t.db, &anne, &search(Some(Subject::Dansk), Some(1), ""))
        .await
        .unwrap();
    assert!(dansk_1.iter().all(|g| g.subject == Some(Subject::Dansk)));
    assert!(
        dansk_1
            .iter()
            .all(|g| g.grades.is_some_and(|(from, to)| from <= 1 && 1 <= to))
    );
    let goal = dansk_1
        .iter()
        .find(|g| g.key == "dansk.laesning.efter-2.kompetencemaal")
        .expect("læsning efter 2. klassetrin is a goal for 1. klasse");
    assert_eq!(goal.path, ["Dansk", "Læsning"]);
    assert_eq!(goal.grades, Some((1, 2)));

    // Words match regardless of case, æøå included, and every word must match.
    let words = framework::search_goals(&t.db, &anne, &search(None, None, "SANDSYNLIGHED"))
        .await
        .unwrap();
    assert!(!words.is_empty());
    assert!(words.iter().all(|g| {
        g.text.to_lowercase().contains("sandsynlighed")
            || g.path
                .iter()
                .any(|p| p.to_lowercase().contains("sandsynlighed"))
            || g.key.contains("sandsynlighed")
    }));
    let none = framework::search_goals(&t.db, &anne, &search(None, None, "læse zebraunger"))
        .await
        .unwrap();
    assert!(none.is_empty());
    // A search term with LIKE's wildcards means the characters themselves.
    let literal = framework::search_goals(&t.db, &anne, &search(None, None, "%"))
        .await
        .unwrap();
    assert!(literal.iter().all(|g| g.text.contains('%')));

    let grade_7_maths =
        framework::search_goals(&t.db, &anne, &search(Some(Subject::Matematik), Some(7), ""))
            .await
            .unwrap();
    assert!(!grade_7_maths.is_empty());
    assert!(grade_7_maths.iter().all(|g| g.grades == Some((7, 9))));
}

async fn a_bad_framework_file_is_refused_whole_with_every_problem_named(t: TestDb) {
    let bad = serde_json::json!({
        "format": framework::FORMAT,
        "framework": {"key": "egne-maal", "title": "Egne mål", "version": "1"},
        "items": [
            {"id": "a", "kind": "subject", "text": "Fag"},
            {"id": "a", "kind": "area", "text": "Igen"},
            {"id": "b", "kind": "competence_goal", "grades": [4, 2], "text": "Mål"},
            {"id": "c", "kind": "skill_area", "text": " "},
        ],
        "associations": [
            {"type": "isChildOf", "child": "b", "parent": "x"},
            {"type": "isChildOf", "child": "c", "parent": "b"},
            {"type": "isChildOf", "child": "b", "parent": "c"},
        ],
    });
    let file = parse_file(&bad.to_string()).unwrap();
    let Err(ImportError::Invalid(problems)) = framework::import(&t.db, &file).await else {
        panic!("a bad file must be refused");
    };
    let all = problems.join("\n");
    for expected in [
        "used twice",
        "grades",
        "text is missing",
        "unknown item \"x\"",
        "two parents",
        "own ancestor",
    ] {
        assert!(all.contains(expected), "{expected} in:\n{all}");
    }
    assert_eq!(
        framework_item::Entity::find().count(&t.db).await.unwrap(),
        0
    );
    assert!(matches!(
        parse_file("{ not json"),
        Err(ImportError::Unreadable(_))
    ));
}

async fn only_staff_who_plan_search_goals(t: TestDb) {
    seeded(&t).await;
    framework::import(&t.db, &parse_file(&faelles_maal_file()).unwrap())
        .await
        .unwrap();
    for username in ["ida", "mette", "ole"] {
        let p = principal(&t, username).await;
        let err = framework::search_goals(&t.db, &p, &GoalSearch::default())
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{username}");
    }
    for username in ["anne", "pia", "lene"] {
        let p = principal(&t, username).await;
        assert!(
            framework::search_goals(&t.db, &p, &GoalSearch::default())
                .await
                .is_ok()
        );
    }
    let anne = principal(&t, "anne").await;
    let long = GoalSearch {
        words: "ord ".repeat(100),
        ..GoalSearch::default()
    };
    assert_eq!(
        framework::search_goals(&t.db, &anne, &long)
            .await
            .unwrap_err()
            .field
            .as_deref(),
        Some("words")
    );
}

on_both_databases!(
    the_shared_faelles_maal_file_imports_with_every_item_counted,
    a_second_version_is_kept_beside_the_first_and_mapped_to_it,
    goals_are_found_by_subject_grade_and_words,
    a_bad_framework_file_is_refused_whole_with_every_problem_named,
    only_staff_who_plan_search_goals,
);
