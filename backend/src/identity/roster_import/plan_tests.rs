//! The import's matching rules, each as a sentence.
use super::super::parse::parse;
use super::*;

const P: &str = "klasse,klassetrin,fornavn,efternavn,uni_id,forælder_fornavn,forælder_efternavn,forælder_uni_id";

/// 2.C (grade 2) with Otto Lind (UNI-ID otto1234) and Maja Holt (no UNI-ID), guardian Eva Lind
/// of Otto; 3.A (grade 3) with another Maja Holt who has no UNI-ID either; staff Bo (bo123456).
fn school() -> School {
    let person = |given: &str, family: &str, uni: Option<&str>, role: Role| Known {
        given: given.into(),
        family: family.into(),
        uni_id: uni.map(Into::into),
        roles: vec![role],
        left: false,
    };
    School {
        people: HashMap::from([
            (1, person("Otto", "Lind", Some("otto1234"), Role::Pupil)),
            (2, person("Maja", "Holt", None, Role::Pupil)),
            (3, person("Eva", "Lind", None, Role::Parent)),
            (4, person("Bo", "Holm", Some("bo123456"), Role::Teacher)),
            (5, person("Sif", "Berg", None, Role::Pupil)),
        ]),
        classes: HashMap::from([("2.C".into(), (10, 2)), ("3.A".into(), (11, 3))]),
        placement: HashMap::from([(1, 10), (2, 10), (5, 11)]),
        guardians_of: HashMap::from([(1, vec![3])]),
        earlier_classes: HashMap::new(),
    }
}

fn plan_of(lines: &[&str]) -> (Plan, ImportReport) {
    let text = std::iter::once(P)
        .chain(lines.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    let parsed = parse(&text);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let mut report = ImportReport::new(ImportKind::Pupils);
    let plan = pupils(&school(), &parsed.pupils, &mut report);
    (plan, report)
}

fn problems(report: &ImportReport) -> Vec<(u32, ProblemKind, Option<u32>)> {
    report
        .problems
        .iter()
        .map(|p| (p.line, p.kind, p.other_line))
        .collect()
}

#[test]
fn a_known_uni_id_is_the_same_pupil_in_a_renamed_class_and_moves_them() {
    let (plan, report) = plan_of(&["3.A,3,Otto,Lind,OTTO1234,,,"]);
    assert_eq!(plan.moves, [(1, "3.A".to_owned())]);
    assert!(plan.new_pupils.is_empty());
    assert_eq!(
        report.pupils_to_move,
        [PupilMove {
            name: "Otto Lind".into(),
            from: Some("2.C".into()),
            to: "3.A".into()
        }]
    );
}

#[test]
fn a_pupil_whose_class_ended_moves_by_uni_id_and_is_never_matched_by_name_elsewhere() {
    // Opening a year from a file: last year's class 9 ended, so its pupils are in no class of
    // the new year yet.
    let mut school = school();
    school.placement.insert(5, 9);
    school.earlier_classes.insert(9, "4.D".into());
    school.people.get_mut(&5).unwrap().uni_id = Some("sif12345".into());
    school.people.insert(
        6,
        Known {
            given: "Ulf".into(),
            family: "Berg".into(),
            uni_id: None,
            roles: vec![Role::Pupil],
            left: false,
        },
    );
    school.placement.insert(6, 9);
    let text = [P, "3.A,3,Sif,Berg,sif12345,,,", "3.A,3,Ulf,Berg,,,,"].join("\n");
    let parsed = parse(&text);
    let mut report = ImportReport::new(ImportKind::Pupils);
    let plan = pupils(&school, &parsed.pupils, &mut report);
    assert_eq!(plan.moves, [(5, "3.A".to_owned())]);
    assert_eq!(report.pupils_to_move[0].from.as_deref(), Some("4.D"));
    assert_eq!(
        problems(&report),
        [(3, ProblemKind::PossibleDuplicate, None)]
    );
}

#[test]
fn the_same_file_twice_changes_nothing_the_second_time() {
    let (plan, report) = plan_of(&["2.C,2,Otto,Lind,otto1234,Eva,Lind,", "2.C,2,Maja,Holt,,,,"]);
    assert_eq!(report.pupils_unchanged, 2);
    assert!(plan.guardianships.is_empty() && plan.new_guardians.is_empty());
}

#[test]
fn a_pupil_without_uni_id_is_matched_by_name_only_in_their_own_class() {
    let (_, report) = plan_of(&["3.A,3,Maja,Holt,,,,"]);
    assert_eq!(
        problems(&report),
        [(2, ProblemKind::PossibleDuplicate, None)]
    );
    let (plan, report) = plan_of(&["3.A,3,Maja,Holt,maja5555,,,"]);
    assert_eq!(
        problems(&report),
        [(2, ProblemKind::PossibleDuplicate, None)],
        "the Maja already here has no UNI-ID, so she may be this one"
    );
    assert!(plan.new_pupils.is_empty());
    let (plan, report) = plan_of(&["2.C,2,Maja,Holt,maja5555,,,"]);
    assert_eq!(plan.links, [(2, "maja5555".to_owned())]);
    assert_eq!(report.pupils_to_link, 1);
}

#[test]
fn two_lines_that_would_make_two_people_one_are_both_named() {
    let (_, report) = plan_of(&["2.C,2,Otto,Lind,otto1234,,,", "2.C,2,Ole,Lind,otto1234,,,"]);
    assert_eq!(
        problems(&report),
        [(3, ProblemKind::SamePersonTwice, Some(2))]
    );
    let (_, report) = plan_of(&["2.C,2,Otto,Lind,otto1234,,,", "2.C,2,Otto,Lind,,,,"]);
    assert!(report.problems.is_empty(), "one Otto, named twice");
    let (plan, report) = plan_of(&["2.C,2,Maja,Holt,,,,", "2.C,2,Maja,Holt,maja5555,,,"]);
    assert!(
        report.problems.is_empty(),
        "one Maja, her UNI-ID on the second line"
    );
    assert_eq!(plan.links, [(2, "maja5555".to_owned())]);
    assert_eq!((report.pupils_unchanged, report.pupils_to_link), (0, 1));
    let (_, report) = plan_of(&["2.C,2,Maja,Holt,maja1111,,,", "2.C,2,Maja,Holt,maja2222,,,"]);
    assert_eq!(
        problems(&report),
        [(3, ProblemKind::SamePersonTwice, Some(2))],
        "which of them is the Maja already here cannot be told"
    );
}

#[test]
fn a_pupil_given_a_staff_members_uni_id_is_refused() {
    let (_, report) = plan_of(&["2.C,2,Kim,Lind,bo123456,,,"]);
    assert_eq!(
        problems(&report),
        [(2, ProblemKind::UniIdOfSomeoneElse, None)]
    );
}

#[test]
fn guardians_without_uni_id_are_never_shared_between_children_by_name() {
    let (plan, report) = plan_of(&[
        "2.C,2,Ane,Hansen,,Mette,Hansen,",
        "3.A,3,Bo,Hansen,,Mette,Hansen,",
    ]);
    assert_eq!(report.guardians_to_add, 2);
    assert_eq!(plan.new_guardians.len(), 2);
}

#[test]
fn siblings_share_a_guardian_the_file_gives_a_uni_id() {
    let (plan, report) = plan_of(&[
        "2.C,2,Ane,Hansen,,Mette,Hansen,mette111",
        "3.A,3,Bo,Hansen,,Mette,Hansen,mette111",
    ]);
    assert_eq!(report.guardians_to_add, 1);
    assert_eq!(
        plan.guardianships,
        [
            (Who::New(0), Who::New(0), true),
            (Who::New(1), Who::New(0), true)
        ]
    );
    let (_, report) = plan_of(&[
        "2.C,2,Ane,Hansen,,Mette,Hansen,mette111",
        "3.A,3,Bo,Hansen,,Mona,Hansen,mette111",
    ]);
    assert_eq!(
        problems(&report),
        [(3, ProblemKind::SamePersonTwice, Some(2))]
    );
}

#[test]
fn a_childs_second_line_adds_a_second_guardian() {
    let (plan, report) = plan_of(&[
        "2.C,2,Otto,Lind,otto1234,Eva,Lind,",
        "2.C,2,Otto,Lind,otto1234,Jens,Lind,",
    ]);
    assert_eq!(report.guardians_to_add, 1);
    assert_eq!(plan.guardianships, [(Who::Known(1), Who::New(0), true)]);
}

#[test]
fn a_staff_list_adds_people_by_uni_id_and_gives_known_people_their_new_roles() {
    let parsed = parse(
        "fornavn,efternavn,rolle,uni_id\nBo,Holm,pædagog,bo123456\nBo,Holm,lærer,bo123456\nNi,Ry,leder,niry1234\nNi,Ry,lærer,niry1234\n",
    );
    let mut report = ImportReport::new(ImportKind::Staff);
    let plan = staff(&school(), &parsed.staff, |_| true, |_| true, &mut report);
    assert_eq!(plan.roles, [(4, Role::Paedagog)]);
    assert_eq!(plan.new_staff.len(), 1);
    assert_eq!(plan.new_staff[0].1, [Role::Leader, Role::Teacher]);
    assert_eq!(
        (
            report.staff_to_add,
            report.staff_to_update,
            report.staff_unchanged
        ),
        (1, 1, 0)
    );
    let mut report = ImportReport::new(ImportKind::Staff);
    staff(
        &school(),
        &parsed.staff,
        |r| r != Role::Leader,
        |_| true,
        &mut report,
    );
    assert_eq!(
        report.problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
        [ProblemKind::RoleNotAllowed]
    );
}

#[test]
fn staff_added_by_hand_get_their_uni_id_rather_than_a_second_person() {
    let mut here = school();
    if let Some(bo) = here.people.get_mut(&4) {
        bo.uni_id = None;
    }
    let parsed = parse("fornavn,efternavn,rolle,uni_id\nBo,Holm,lærer,bo999999\n");
    let mut report = ImportReport::new(ImportKind::Staff);
    let plan = staff(&here, &parsed.staff, |_| true, |_| true, &mut report);
    assert_eq!(plan.links, [(4, "bo999999".to_owned())]);
    assert!(plan.new_staff.is_empty());
    assert_eq!((report.staff_to_add, report.staff_to_update), (0, 1));
}

#[test]
fn the_office_cannot_link_a_uni_id_to_a_leader_by_name() {
    let mut here = school();
    if let Some(bo) = here.people.get_mut(&4) {
        bo.uni_id = None;
        bo.roles = vec![Role::Leader];
    }
    let parsed = parse("fornavn,efternavn,rolle,uni_id\nBo,Holm,lærer,evil1234\n");
    let mut report = ImportReport::new(ImportKind::Staff);
    let no_leaders = |roles: &[Role]| !roles.contains(&Role::Leader);
    let plan = staff(&here, &parsed.staff, |_| true, no_leaders, &mut report);
    assert!(plan.links.is_empty() && plan.new_staff.is_empty());
    assert_eq!(
        report.problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
        [ProblemKind::UniIdOfSomeoneElse]
    );
}

#[test]
fn two_pupils_of_the_same_name_in_the_class_cannot_be_told_apart_by_name() {
    let mut here = school();
    here.people.insert(
        6,
        Known {
            given: "Maja".into(),
            family: "Holt".into(),
            uni_id: None,
            roles: vec![Role::Pupil],
            left: false,
        },
    );
    here.placement.insert(6, 10);
    let text = format!("{P}\n2.C,2,Maja,Holt,,Eva,Holt,");
    let parsed = parse(&text);
    let mut report = ImportReport::new(ImportKind::Pupils);
    let plan = pupils(&here, &parsed.pupils, &mut report);
    assert!(plan.guardianships.is_empty());
    assert_eq!(
        problems(&report),
        [(2, ProblemKind::PossibleDuplicate, None)]
    );
}

#[test]
fn a_pupils_uni_id_is_never_replaced_by_a_later_line() {
    let (plan, report) = plan_of(&["2.C,2,Otto,Lind,,,,", "2.C,2,Otto,Lind,otto9999,,,"]);
    assert!(plan.links.is_empty(), "Otto keeps otto1234");
    // Another UNI-ID is another child of the same name.
    assert_eq!((report.pupils_unchanged, report.pupils_to_add), (1, 1));
}

#[test]
fn a_guardians_uni_id_goes_to_the_childs_own_guardian_of_that_name() {
    let (plan, report) = plan_of(&["2.C,2,Otto,Lind,otto1234,Eva,Lind,eva12345"]);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(plan.links, [(3, "eva12345".to_owned())]);
    assert!(plan.new_guardians.is_empty() && plan.guardianships.is_empty());
}
