//! Use-case tests of the roster import (pupil lists and staff lists), on SQLite and PostgreSQL:
//! who the import takes people to be, and that a file it cannot apply whole changes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use backend::RequestCtx;
use backend::entity::{guardianship, person};
use backend::identity::{roster, roster_import};
use common::{TestDb, roster_pupil_names, seeded, token_for};
use domain::identity::Role;
use domain::roster::{ImportColumn, ImportKind, ImportReport, ProblemKind, PupilMove};
use domain::{AppError, ErrorCode, Field};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const OLD_HEADER: &str =
    "klasse,klassetrin,fornavn,efternavn,forælder_fornavn,forælder_efternavn,forælder_adgang";
const HEADER: &str = "klasse;klassetrin;fornavn;efternavn;uni_id;forælder_fornavn;forælder_efternavn;forælder_uni_id";

async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

fn file(header: &str, lines: &[&str]) -> String {
    std::iter::once(header)
        .chain(lines.iter().copied())
        .collect::<Vec<_>>()
        .join("\n")
}

async fn import(ctx: &RequestCtx, text: &str, apply: bool) -> ImportReport {
    roster_import::import_roster(ctx, text.as_bytes(), apply)
        .await
        .unwrap()
}

fn problems(report: &ImportReport) -> Vec<(u32, Option<ImportColumn>, ProblemKind)> {
    report
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.kind))
        .collect()
}

async fn people_named(t: &TestDb, given: &str, family: &str) -> Vec<person::Model> {
    person::Entity::find()
        .filter(person::Column::GivenName.eq(given))
        .filter(person::Column::FamilyName.eq(family))
        .all(&t.db)
        .await
        .unwrap()
}

async fn people(t: &TestDb) -> u64 {
    person::Entity::find().count(&t.db).await.unwrap()
}

async fn a_dry_run_reports_what_would_change_and_changes_nothing(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let report = import(
        &ctx,
        &file(
            OLD_HEADER,
            &[
                "2.C,2,Otto,Lind,Eva,Lind,ja",
                "2.C,2,Maja,Lind,Eva,Lind,ja",
                "1.A,1,Ida,Jensen,,,",
            ],
        ),
        false,
    )
    .await;
    assert!(!report.applied);
    assert_eq!(report.kind, ImportKind::Pupils);
    assert_eq!(report.lines, 3);
    assert_eq!(report.classes_to_create, ["2.C"]);
    assert_eq!(
        (
            report.pupils_to_add,
            report.pupils_unchanged,
            report.guardians_to_add
        ),
        (2, 1, 2),
        "without a UNI-ID, each child's Eva Lind is their own guardian"
    );
    assert!(report.problems.is_empty());
    assert!(roster_pupil_names(&t, "2.C").await.is_empty());
}

async fn applying_creates_classes_pupils_and_guardians_once_and_siblings_share_by_uni_id(
    t: TestDb,
) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let text = file(
        HEADER,
        &[
            "2.C;2;Otto;Lind;otto1234;Eva;Lind;evalind9",
            "2.C;2;Maja;Lind;maja1234;Eva;Lind;evalind9",
            "2.C;2;Maja;Lind;maja1234;Jens;Lind;",
        ],
    );
    let report = import(&ctx, &text, true).await;
    assert!(report.applied, "{:?}", report.problems);
    assert_eq!(
        roster_pupil_names(&t, "2.C").await,
        ["Maja Lind", "Otto Lind"]
    );
    let eva = people_named(&t, "Eva", "Lind").await;
    assert_eq!(
        eva.len(),
        1,
        "siblings share the guardian the file gives a UNI-ID"
    );
    assert_eq!(eva[0].external_id.as_deref(), Some("evalind9"));
    let children = guardianship::Entity::find()
        .filter(guardianship::Column::GuardianId.eq(eva[0].id))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(children, 2);
    let maja = &people_named(&t, "Maja", "Lind").await[0];
    assert_eq!(maja.external_id.as_deref(), Some("maja1234"));
    let majas_guardians = guardianship::Entity::find()
        .filter(guardianship::Column::PupilId.eq(maja.id))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(
        majas_guardians, 2,
        "a child's second line adds a second guardian"
    );

    let before = people(&t).await;
    let again = import(&ctx, &text, true).await;
    assert_eq!(
        (
            again.pupils_to_add,
            again.pupils_unchanged,
            again.guardians_to_add
        ),
        (0, 2, 0)
    );
    assert!(again.classes_to_create.is_empty());
    assert_eq!(people(&t).await, before);
}

async fn next_years_file_moves_returning_pupils_by_uni_id_into_renamed_classes(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    import(
        &ctx,
        &file(
            HEADER,
            &["2.C;2;Otto;Lind;otto1234;;;", "2.C;2;Sif;Berg;sif12345;;;"],
        ),
        true,
    )
    .await;
    let otto = people_named(&t, "Otto", "Lind").await[0].id;
    let before = people(&t).await;
    let text = file(
        HEADER,
        &["3.X;3;Otto;Lind;OTTO1234;;;", "2.C;2;Sif;Berg;sif12345;;;"],
    );
    let report = import(&ctx, &text, false).await;
    assert_eq!(
        report.pupils_to_move,
        [PupilMove {
            name: "Otto Lind".into(),
            from: Some("2.C".into()),
            to: "3.X".into()
        }]
    );
    assert_eq!((report.pupils_to_add, report.pupils_unchanged), (0, 1));
    assert!(import(&ctx, &text, true).await.applied);
    assert_eq!(roster_pupil_names(&t, "3.X").await, ["Otto Lind"]);
    assert_eq!(
        people_named(&t, "Otto", "Lind").await[0].id,
        otto,
        "one person"
    );
    assert_eq!(people(&t).await, before);
}

async fn a_pupil_who_left_and_comes_back_is_the_same_person(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let text = file(HEADER, &["2.C;2;Otto;Lind;otto1234;;;"]);
    import(&ctx, &text, true).await;
    let otto = people_named(&t, "Otto", "Lind").await[0].id;
    roster::mark_pupil_left(&ctx, i64::from(otto))
        .await
        .unwrap();
    let report = import(&ctx, &text, true).await;
    assert_eq!(
        report.pupils_to_move,
        [PupilMove {
            name: "Otto Lind".into(),
            from: None,
            to: "2.C".into()
        }]
    );
    assert_eq!(roster_pupil_names(&t, "2.C").await, ["Otto Lind"]);
    assert_eq!(people_named(&t, "Otto", "Lind").await.len(), 1);
}

async fn a_same_named_pupil_in_another_class_is_never_matched_or_duplicated_by_name(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let before = people(&t).await;
    // Ida Jensen is in 1.A and has no UNI-ID: a line naming her in 5.B may be her, moved.
    let report = import(
        &ctx,
        &file(HEADER, &["5.B;5;Emma;Berg;;;;", "5.B;5;Ida;Jensen;;;;"]),
        true,
    )
    .await;
    assert!(!report.applied);
    assert_eq!(
        problems(&report),
        [(
            3,
            Some(ImportColumn::GivenName),
            ProblemKind::PossibleDuplicate
        )]
    );
    assert_eq!(people(&t).await, before, "nothing applied");
    assert_eq!(people_named(&t, "Ida", "Jensen").await.len(), 1);
}

async fn two_unrelated_guardians_with_the_same_name_stay_two_people(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let report = import(
        &ctx,
        &file(
            HEADER,
            &[
                "2.C;2;Ane;Hansen;;Mette;Hansen;",
                "5.B;5;Bo;Hansen;;Mette;Hansen;",
            ],
        ),
        true,
    )
    .await;
    assert!(report.applied, "{:?}", report.problems);
    let mettes = people_named(&t, "Mette", "Hansen").await;
    assert_eq!(mettes.len(), 2);
}

async fn a_file_that_would_make_two_people_one_is_refused_with_both_lines_named(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let before = people(&t).await;
    let report = import(
        &ctx,
        &file(
            HEADER,
            &["2.C;2;Otto;Lind;otto1234;;;", "2.D;2;Ole;Lind;otto1234;;;"],
        ),
        true,
    )
    .await;
    assert!(!report.applied);
    let clash = &report.problems[0];
    assert_eq!(
        (clash.line, clash.kind, clash.other_line),
        (3, ProblemKind::SamePersonTwice, Some(2))
    );
    assert_eq!(people(&t).await, before);
}

async fn a_pupil_given_a_staff_members_uni_id_is_refused(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    import(
        &ctx,
        "fornavn;efternavn;rolle;uni_id\nAnne;Holm;lærer;anneuni01",
        true,
    )
    .await;
    let report = import(&ctx, &file(HEADER, &["2.C;2;Kim;Lind;anneuni01;;;"]), true).await;
    assert_eq!(
        problems(&report),
        [(
            2,
            Some(ImportColumn::UniId),
            ProblemKind::UniIdOfSomeoneElse
        )]
    );
}

async fn excels_windows_1252_semicolon_file_imports_like_utf8(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let text = file(HEADER, &["2.C;2;Søren;Ærø;;Åse;Ærø;"]);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let report = roster_import::import_roster(&ctx, &bytes, true)
        .await
        .unwrap();
    assert!(report.applied, "{:?}", report.problems);
    assert_eq!(roster_pupil_names(&t, "2.C").await, ["Søren Ærø"]);
    assert_eq!(people_named(&t, "Åse", "Ærø").await.len(), 1);
}

async fn one_bad_line_stops_the_whole_import_and_is_named_by_line(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let before = people(&t).await;
    let report = import(
        &ctx,
        &file(
            OLD_HEADER,
            &["2.C,2,Otto,Lind,,,", "2.C,2,,Holt,,,", "1.A,3,Maja,Berg,,,"],
        ),
        true,
    )
    .await;
    assert!(!report.applied);
    assert_eq!(
        problems(&report),
        [
            (3, Some(ImportColumn::GivenName), ProblemKind::Missing),
            (4, Some(ImportColumn::Grade), ProblemKind::GradeConflict)
        ]
    );
    assert_eq!(people(&t).await, before);
}

async fn a_file_that_is_not_a_roster_is_invalid_input(t: TestDb) {
    seeded(&t).await;
    let ctx = as_user(&t, "lene").await;
    let err = roster_import::import_roster(&ctx, b"", true)
        .await
        .unwrap_err();
    assert_eq!(err, AppError::invalid(Field::File));
    let report = import(&ctx, "navn;alder\nIda;7", true).await;
    assert_eq!(problems(&report), [(1, None, ProblemKind::UnknownColumn)]);
    let err = roster_import::import_roster_base64(&ctx, "ikke base64!", true)
        .await
        .unwrap_err();
    assert_eq!(err, AppError::invalid(Field::File));
}

async fn a_staff_list_adds_staff_by_uni_id_and_only_leaders_make_leaders(t: TestDb) {
    seeded(&t).await;
    let text = "fornavn;efternavn;rolle;uni_id\nNina;Ry;leder;ninary01\nNina;Ry;lærer;ninary01\nTom;Bak;pædagog;tombak01";
    let ole = as_user(&t, "ole").await;
    let report = import(&ole, text, true).await;
    assert_eq!(report.kind, ImportKind::Staff);
    assert_eq!(
        problems(&report),
        [(2, Some(ImportColumn::Role), ProblemKind::RoleNotAllowed)]
    );
    assert!(
        people_named(&t, "Tom", "Bak").await.is_empty(),
        "nothing applied"
    );

    let lene = as_user(&t, "lene").await;
    let report = import(&lene, text, true).await;
    assert!(report.applied, "{:?}", report.problems);
    assert_eq!((report.staff_to_add, report.staff_unchanged), (2, 0));
    let staff = roster::roster(&lene).await.unwrap().staff;
    let nina = staff.iter().find(|s| s.name == "Nina Ry").unwrap();
    assert_eq!(nina.uni_id.as_deref(), Some("ninary01"));
    let mut roles = nina.roles.clone();
    roles.sort();
    assert_eq!(roles, [Role::Teacher, Role::Leader]);

    let again = import(&lene, text, true).await;
    assert_eq!((again.staff_to_add, again.staff_unchanged), (0, 2));
}

async fn only_leaders_and_administration_import(t: TestDb) {
    seeded(&t).await;
    let text = file(HEADER, &["2.C;2;Otto;Lind;otto1234;;;"]);
    for who in ["anne", "pia", "mette", "ida"] {
        let ctx = as_user(&t, who).await;
        let err = roster_import::import_roster(&ctx, text.as_bytes(), false)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
        let err = roster_import::import_roster_base64(&ctx, "", false)
            .await
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Forbidden, "{who}");
    }
    let err = roster_import::import_roster(&t.ctx(None), text.as_bytes(), false)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotSignedIn);
    assert!(people_named(&t, "Otto", "Lind").await.is_empty());
}

async fn two_leaders_applying_the_same_file_at_once_add_each_pupil_once(t: TestDb) {
    seeded(&t).await;
    let text = file(
        HEADER,
        &[
            "4.K;4;Sune;Vig;sunevig001;;;",
            "4.K;4;Tea;Vig;teavig0001;;;",
            "4.K;4;Uffe;Vig;;;;",
        ],
    );
    let (lene, ole) = (as_user(&t, "lene").await, as_user(&t, "ole").await);
    // Both read the roster before either has written: only the database can order them.
    let (first, second) = tokio::join!(
        roster_import::import_roster(&lene, text.as_bytes(), true),
        roster_import::import_roster(&ole, text.as_bytes(), true),
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    assert!(first.applied && second.applied);
    assert_eq!(
        first.pupils_to_add + second.pupils_to_add,
        3,
        "{first:?} {second:?}"
    );
    for given in ["Sune", "Tea", "Uffe"] {
        assert_eq!(people_named(&t, given, "Vig").await.len(), 1, "{given}");
    }
    assert_eq!(roster_pupil_names(&t, "4.K").await.len(), 3);
}

on_both_databases!(
    two_leaders_applying_the_same_file_at_once_add_each_pupil_once,
    a_dry_run_reports_what_would_change_and_changes_nothing,
    applying_creates_classes_pupils_and_guardians_once_and_siblings_share_by_uni_id,
    next_years_file_moves_returning_pupils_by_uni_id_into_renamed_classes,
    a_pupil_who_left_and_comes_back_is_the_same_person,
    a_same_named_pupil_in_another_class_is_never_matched_or_duplicated_by_name,
    two_unrelated_guardians_with_the_same_name_stay_two_people,
    a_file_that_would_make_two_people_one_is_refused_with_both_lines_named,
    a_pupil_given_a_staff_members_uni_id_is_refused,
    excels_windows_1252_semicolon_file_imports_like_utf8,
    one_bad_line_stops_the_whole_import_and_is_named_by_line,
    a_file_that_is_not_a_roster_is_invalid_input,
    a_staff_list_adds_staff_by_uni_id_and_only_leaders_make_leaders,
    only_leaders_and_administration_import,
);
