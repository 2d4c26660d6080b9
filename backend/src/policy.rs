//! Every authorization decision Spire makes, in one place, each a named rule. Use cases call a
//! rule before they read or write anything; server functions never decide access themselves.
//!
//! Rules take the principal and the facts they need (ids, memberships) and answer yes or no, so
//! they stay pure and are tested as a table.

use crate::principal::Principal;
use domain::AppError;
use domain::identity::Role;

/// Turns a rule's answer into the error a refused caller gets.
pub fn require(allowed: bool) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// Teachers and pædagoger see the hold they teach on their home screen.
pub fn can_view_teacher_home(p: &Principal) -> bool {
    p.role.is_teaching_staff()
}

/// Teachers, pædagoger and leaders plan: they search goal frameworks, read the school's shared
/// library and see the scales teachers have made.
pub fn can_plan(p: &Principal) -> bool {
    p.role.is_teaching_staff() || p.role == Role::Leader
}

/// The teachers of a hold edit its årsplan, forløb, goals and tasks together; nobody else does.
/// Leaders read plans but do not write them: the plan is the teachers' work.
pub fn can_edit_year_plan(p: &Principal, teaches_hold: bool) -> bool {
    p.role.is_teaching_staff() && teaches_hold
}

/// A hold's plans are read by its teachers and by the school's leader.
pub fn can_view_year_plan(p: &Principal, teaches_hold: bool, hold_school_id: i32) -> bool {
    can_edit_year_plan(p, teaches_hold) || (p.role == Role::Leader && p.school_id == hold_school_id)
}

/// What was archived is brought back by the hold's teachers or the school's leader.
pub fn can_restore_plan(p: &Principal, teaches_hold: bool, hold_school_id: i32) -> bool {
    can_view_year_plan(p, teaches_hold, hold_school_id)
}

/// Teachers and pædagoger make their own scales, for the school to share.
pub fn can_create_scale(p: &Principal) -> bool {
    p.role.is_teaching_staff()
}

/// The library is the school's: its planners read what colleagues at the same school shared.
pub fn can_use_library(p: &Principal, unit_school_id: i32) -> bool {
    can_plan(p) && p.school_id == unit_school_id
}

/// Files attached to forløb are read by the school's planners, and by the pupils of the hold
/// whose forløb holds them (`pupil_in_hold`): a task's materials open in one tap.
pub fn can_read_material_file(p: &Principal, file_school_id: i32, pupil_in_hold: bool) -> bool {
    can_read_school_file(p, file_school_id) || (p.role == Role::Pupil && pupil_in_hold)
}

/// A pupil marks their own tasks done (`mine`: a task of a current forløb that is for them).
pub fn can_work_on_task(p: &Principal, mine: bool) -> bool {
    p.role == Role::Pupil && mine
}

/// Pupils keep their own work ("Mit arbejde"); nobody adds to it for them.
pub fn can_keep_own_work(p: &Principal) -> bool {
    p.role == Role::Pupil
}

/// A pupil's work is seen by the pupil and their teachers, and by guardians with access once it
/// is shared with the family. Not by leaders: a portfolio is not an overview.
pub fn can_read_pupil_work(p: &Principal, r: PupilRelation, shared_with_family: bool) -> bool {
    (p.role == Role::Pupil && r.is_self)
        || (p.role.is_teaching_staff() && r.teaches)
        || (p.role == Role::Parent && r.guardian_with_access && shared_with_family)
}

/// A guardian follows a child they are linked to with access: the week, the published plan,
/// progress in the child's own words, shared work, the calendar link. Nobody else uses the family
/// view; a guardian without access sees nothing of that child.
pub fn can_follow_child(p: &Principal, r: PupilRelation) -> bool {
    p.role == Role::Parent && r.guardian_with_access
}

/// A pupil shares their own work with their family, or takes it back.
pub fn can_share_own_work(p: &Principal, is_own: bool) -> bool {
    p.role == Role::Pupil && is_own
}

/// Everyone signed in keeps their own reading settings, in whatever role they act.
pub fn can_set_own_reading_settings(_p: &Principal) -> bool {
    true
}

/// Spoken text from the server (for devices without a voice) is for anyone signed in; the
/// length limit is the use case's.
pub fn can_hear_server_speech(_p: &Principal) -> bool {
    true
}
pub fn can_read_school_file(p: &Principal, file_school_id: i32) -> bool {
    can_plan(p) && p.school_id == file_school_id
}

/// A pupil evaluates themselves on the goals of a hold they are in, and on no one else's.
pub fn can_self_evaluate(p: &Principal, in_hold: bool) -> bool {
    p.role == Role::Pupil && in_hold
}

/// A pupil sees their own home screen.
pub fn can_view_pupil_home(p: &Principal) -> bool {
    p.role == Role::Pupil
}

/// A guardian sees the children they are linked to with access.
pub fn can_view_family_home(p: &Principal) -> bool {
    p.role == Role::Parent
}

/// Leaders and the school's administration see the overview of their own school, and of no other.
pub fn can_view_school_overview(p: &Principal, school_id: i32) -> bool {
    matches!(p.role, Role::Leader | Role::Administrator) && p.school_id == school_id
}

/// Leaders and administration manage their own school's roster (classes, pupils, guardians).
pub fn can_administer_school(p: &Principal, school_id: i32) -> bool {
    matches!(p.role, Role::Leader | Role::Administrator) && p.school_id == school_id
}

/// Who opens a new school year (moves every class up and carries its hold): the school's leaders.
pub fn can_open_school_year(p: &Principal, school_id: i32) -> bool {
    p.role == Role::Leader && p.school_id == school_id
}

/// Who runs a hold's people (adds and removes teachers and pupils, archives it): the school's
/// leaders and administration, and the teaching staff who teach it.
pub fn can_manage_team(p: &Principal, team_school_id: i32, teaches: bool) -> bool {
    can_administer_school(p, team_school_id)
        || (p.role.is_teaching_staff() && teaches && p.school_id == team_school_id)
}

/// Who makes whom staff: a leader gives any staff role; administration adds teachers, pædagoger
/// and administration, but never a leader (who would read drafts and teacher-only evaluations).
pub fn can_give_staff_role(p: &Principal, role: Role) -> bool {
    match p.role {
        Role::Leader => role != Role::Pupil && role != Role::Parent,
        Role::Administrator => matches!(role, Role::Teacher | Role::Paedagog | Role::Administrator),
        _ => false,
    }
}

/// Another person of the school, as the rules about their access see them.
pub struct PersonView<'a> {
    pub id: i32,
    pub school_id: i32,
    pub roles: &'a [Role],
}

impl PersonView<'_> {
    fn is_staff(&self) -> bool {
        self.roles
            .iter()
            .any(|r| !matches!(r, Role::Pupil | Role::Parent))
    }
}

/// Who takes a staff member's access away (deactivates them, removes a role, resets their
/// password) and gives it back: leaders for anyone of their school, administration for anyone but
/// a leader (as it cannot make one); nobody for themselves, so no one locks themselves out and
/// the school always keeps the leader acting.
pub fn can_manage_staff_access(p: &Principal, target: &PersonView<'_>) -> bool {
    let rank = match p.role {
        Role::Leader => true,
        Role::Administrator => !target.roles.contains(&Role::Leader),
        _ => false,
    };
    rank && target.is_staff() && target.school_id == p.school_id && target.id != p.person_id
}

/// Who resets the password of a pupil or a parent: the school's leaders and administration.
pub fn can_manage_family_access(p: &Principal, target: &PersonView<'_>) -> bool {
    can_administer_school(p, target.school_id) && !target.is_staff()
}

/// Who sets the UNI-ID a person signs in with through UNI-Login: the school's leaders for anyone
/// (themselves included: the first leader links their own), administration for anyone but a
/// leader, whose sign-in they must not be able to take over.
pub fn can_provision_identity(p: &Principal, target: &PersonView<'_>) -> bool {
    can_administer_school(p, target.school_id)
        && (p.role == Role::Leader || !target.roles.contains(&Role::Leader))
}

/// The school's own settings (its institution number for UNI-Login): its leaders.
pub fn can_configure_school(p: &Principal, school_id: i32) -> bool {
    p.role == Role::Leader && p.school_id == school_id
}

/// What pupils did with a task (who is done, what they handed in) is for the hold's own teachers
/// and pædagoger, who answer it. Leaders are refused: a pupil's portfolio is not an overview.
pub fn can_follow_task_returns(p: &Principal, teaches_hold: bool) -> bool {
    p.role.is_teaching_staff() && teaches_hold
}

/// Pupils' work is answered by those who teach it: the hold's teaching staff for work on a task,
/// any of the pupil's teachers for work on a goal alone.
pub fn can_answer_pupil(p: &Principal, teaches: bool) -> bool {
    p.role.is_teaching_staff() && teaches
}

/// A hold's teaching staff see a pupil's work for the hold's goals in the grid and choose pieces
/// as evidence; not leaders, as with the portfolio.
pub fn can_choose_evidence(p: &Principal, teaches_hold: bool) -> bool {
    p.role.is_teaching_staff() && teaches_hold
}

/// A pupil marks their own answers as heard; nobody else makes them old.
pub fn can_hear_own_feedback(p: &Principal) -> bool {
    p.role == Role::Pupil
}

/// A teacher's answer is read by the pupil and their teachers, and by guardians with access when
/// the teacher meant it for the family and the child shared the piece it is on. Not by leaders,
/// as with the work itself.
pub fn can_read_feedback(p: &Principal, r: PupilRelation, family_sees: bool) -> bool {
    can_read_pupil_work(p, r, family_sees)
}

/// Everyone signed in at a school reads its own subjects: every screen that names a hold's subject
/// needs them, the pupil's and the family's included.
pub fn can_read_school_subjects(_p: &Principal) -> bool {
    true
}

/// Which subjects a school teaches beyond the law's is a leadership decision: its leaders add and
/// correct them; the office makes hold in them but does not add them.
pub fn can_manage_own_subjects(p: &Principal, school_id: i32) -> bool {
    p.role == Role::Leader && p.school_id == school_id
}

/// A person may act in any role they hold, and in no other.
pub fn can_act_as(p: &Principal, role: Role) -> bool {
    p.roles.contains(&role)
}

/// Teaching staff may set up how a class they teach signs in (class iPads, login cards); a leader
/// for any class of their school.
pub fn can_manage_class_sign_in(p: &Principal, class_school_id: i32, teaches_class: bool) -> bool {
    p.school_id == class_school_id
        && ((p.role.is_teaching_staff() && teaches_class) || p.role == Role::Leader)
}

/// Any staff member of the school may close one of its class iPads.
pub fn can_close_class_device(p: &Principal, device_school_id: i32) -> bool {
    p.school_id == device_school_id
        && (p.role.is_teaching_staff() || matches!(p.role, Role::Leader | Role::Administrator))
}

/// The school's leader and administration may close any of its class iPads from anywhere (one
/// lost, stolen or left open).
pub fn can_revoke_class_device(p: &Principal, device_school_id: i32) -> bool {
    p.school_id == device_school_id && matches!(p.role, Role::Leader | Role::Administrator)
}

/// On a class iPad, exactly the pupils of its class can sign in by tapping.
pub fn can_sign_in_on_class_device(device_class_id: i32, pupil_class_id: Option<i32>) -> bool {
    pupil_class_id == Some(device_class_id)
}

/// How a person stands to a pupil, for the elevplan rules.
#[derive(Clone, Copy, Debug, Default)]
pub struct PupilRelation {
    /// The pupil's school.
    pub school_id: i32,
    /// The caller is the pupil.
    pub is_self: bool,
    /// The caller is a guardian linked to the pupil with access.
    pub guardian_with_access: bool,
    /// The caller teaches the pupil in at least one hold this year.
    pub teaches: bool,
}

/// A pupil's elevplan for a subject is written by those who teach the pupil that subject; the
/// collected plan by anyone on the pupil's team (`teaches_the_part`: teaches them any hold).
pub fn can_write_pupil_plan(p: &Principal, teaches_the_part: bool) -> bool {
    p.role.is_teaching_staff() && teaches_the_part
}

/// Drafts (and teacher-only evaluations inside them) are read by the pupil's teachers and the
/// school's leader; never by the pupil or the family before publication.
pub fn can_read_pupil_plan_drafts(p: &Principal, r: PupilRelation) -> bool {
    (p.role.is_teaching_staff() && r.teaches)
        || (p.role == Role::Leader && p.school_id == r.school_id)
}

/// Published versions are read by the pupil, their guardians with access, and the staff who
/// read the drafts.
pub fn can_read_published_pupil_plans(p: &Principal, r: PupilRelation) -> bool {
    (p.role == Role::Pupil && r.is_self)
        || (p.role == Role::Parent && r.guardian_with_access)
        || can_read_pupil_plan_drafts(p, r)
}

/// The pupil adds their own reflection to their own plans, and nobody writes it for them.
pub fn can_reflect_on_pupil_plan(p: &Principal, r: PupilRelation) -> bool {
    p.role == Role::Pupil && r.is_self
}

/// A pupil's recorded reflection is heard by the pupil and the staff who read the plan's drafts,
/// and by the family once a published version plays it.
pub fn can_hear_pupil_reflection(p: &Principal, r: PupilRelation, published: bool) -> bool {
    (p.role == Role::Pupil && r.is_self)
        || can_read_pupil_plan_drafts(p, r)
        || (published && can_read_published_pupil_plans(p, r))
}

/// A pupil's records leave with them (export) and arrive at the new school (import) through the
/// school's leader or administration.
pub fn can_move_pupil_records(p: &Principal, pupil_school_id: i32) -> bool {
    can_administer_school(p, pupil_school_id)
}

/// Who read or changed a pupil's data is read by the school's leader and the pupil's guardians
/// with access; the trail is nobody's to edit.
pub fn can_read_audit_trail(p: &Principal, r: PupilRelation) -> bool {
    p.school_id == r.school_id
        && (p.role == Role::Leader || (p.role == Role::Parent && r.guardian_with_access))
}

/// A school's answers about one person's data — the archive of everything about them, and the
/// batch of people who left long enough ago to be anonymised — are the leader's: the school
/// answers for its records. The office manages people but reads no pupil's work; nobody else
/// sees other people's records whole.
pub fn can_answer_data_requests(p: &Principal, school_id: i32) -> bool {
    p.role == Role::Leader && p.school_id == school_id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_role(role: Role) -> Principal {
        Principal {
            person_id: 1,
            school_id: 10,
            role,
            roles: vec![role],
            name: "Test Person".into(),
            school_year: 2026,
            today: domain::calendar::Date::new(2026, 9, 7).unwrap(),
            time_zone: domain::calendar::DEFAULT_TIME_ZONE.into(),
        }
    }

    #[test]
    fn only_the_schools_leader_answers_data_requests() {
        assert!(can_answer_data_requests(&as_role(Role::Leader), 10));
        assert!(!can_answer_data_requests(&as_role(Role::Leader), 11));
        for role in [
            Role::Administrator,
            Role::Teacher,
            Role::Paedagog,
            Role::Parent,
            Role::Pupil,
        ] {
            assert!(!can_answer_data_requests(&as_role(role), 10), "{role:?}");
        }
    }

    #[test]
    fn only_a_leader_makes_a_leader() {
        assert!(can_give_staff_role(&as_role(Role::Leader), Role::Leader));
        let office = as_role(Role::Administrator);
        assert!(!can_give_staff_role(&office, Role::Leader));
        for role in [Role::Teacher, Role::Paedagog, Role::Administrator] {
            assert!(can_give_staff_role(&office, role), "{role:?}");
        }
        for role in [Role::Teacher, Role::Paedagog, Role::Pupil, Role::Parent] {
            assert!(
                !can_give_staff_role(&as_role(role), Role::Teacher),
                "{role:?}"
            );
        }
    }

    #[test]
    fn staff_access_is_taken_away_by_leaders_and_by_administration_except_from_a_leader() {
        let teacher = [Role::Teacher];
        let leader = [Role::Leader];
        let colleague = |roles| PersonView {
            id: 2,
            school_id: 10,
            roles,
        };
        assert!(can_manage_staff_access(
            &as_role(Role::Leader),
            &colleague(&leader)
        ));
        assert!(can_manage_staff_access(
            &as_role(Role::Administrator),
            &colleague(&teacher)
        ));
        assert!(!can_manage_staff_access(
            &as_role(Role::Administrator),
            &colleague(&leader)
        ));
        for role in [Role::Teacher, Role::Paedagog, Role::Pupil, Role::Parent] {
            assert!(
                !can_manage_staff_access(&as_role(role), &colleague(&teacher)),
                "{role:?}"
            );
        }
        // Not oneself, not another school's, not a parent through the staff rule.
        let me = PersonView {
            id: 1,
            school_id: 10,
            roles: &teacher,
        };
        assert!(!can_manage_staff_access(&as_role(Role::Leader), &me));
        let elsewhere = PersonView {
            id: 2,
            school_id: 11,
            roles: &teacher,
        };
        assert!(!can_manage_staff_access(&as_role(Role::Leader), &elsewhere));
        let parent = [Role::Parent];
        assert!(!can_manage_staff_access(
            &as_role(Role::Leader),
            &colleague(&parent)
        ));
        assert!(can_manage_family_access(
            &as_role(Role::Administrator),
            &colleague(&parent)
        ));
        assert!(!can_manage_family_access(
            &as_role(Role::Administrator),
            &colleague(&teacher)
        ));
        assert!(!can_manage_family_access(
            &as_role(Role::Teacher),
            &colleague(&parent)
        ));
    }

    #[test]
    fn uni_ids_are_set_by_leaders_and_by_administration_except_a_leaders() {
        let leader = [Role::Leader];
        let teacher = [Role::Teacher];
        let lene = PersonView {
            id: 1,
            school_id: 10,
            roles: &leader,
        };
        let anne = PersonView {
            id: 2,
            school_id: 10,
            roles: &teacher,
        };
        assert!(can_provision_identity(&as_role(Role::Leader), &lene));
        assert!(can_provision_identity(&as_role(Role::Administrator), &anne));
        assert!(!can_provision_identity(
            &as_role(Role::Administrator),
            &lene
        ));
        assert!(!can_provision_identity(&as_role(Role::Teacher), &anne));
        let elsewhere = PersonView {
            id: 3,
            school_id: 11,
            roles: &teacher,
        };
        assert!(!can_provision_identity(&as_role(Role::Leader), &elsewhere));
        assert!(can_configure_school(&as_role(Role::Leader), 10));
        assert!(!can_configure_school(&as_role(Role::Administrator), 10));
        assert!(!can_configure_school(&as_role(Role::Leader), 11));
    }

    #[test]
    fn only_the_holds_own_teaching_staff_follow_what_pupils_did_with_a_task() {
        for role in Role::ALL {
            assert_eq!(
                can_follow_task_returns(&as_role(role), true),
                role.is_teaching_staff(),
                "{role:?}"
            );
            assert!(!can_follow_task_returns(&as_role(role), false));
        }
    }

    #[test]
    fn only_the_schools_leaders_add_its_own_subjects_and_everyone_of_it_reads_them() {
        for role in Role::ALL {
            assert_eq!(
                can_manage_own_subjects(&as_role(role), 10),
                role == Role::Leader,
                "{role:?}"
            );
            assert!(can_read_school_subjects(&as_role(role)));
        }
        assert!(!can_manage_own_subjects(&as_role(Role::Leader), 11));
    }

    #[test]
    fn each_home_is_open_to_its_own_role_only() {
        for role in Role::ALL {
            let p = as_role(role);
            assert_eq!(
                can_view_teacher_home(&p),
                role.is_teaching_staff(),
                "{role:?}"
            );
            assert_eq!(can_view_pupil_home(&p), role == Role::Pupil, "{role:?}");
            assert_eq!(can_view_family_home(&p), role == Role::Parent, "{role:?}");
            let leads = matches!(role, Role::Leader | Role::Administrator);
            assert_eq!(can_view_school_overview(&p, 10), leads, "{role:?}");
        }
    }

    #[test]
    fn a_leader_cannot_see_another_schools_overview() {
        assert!(!can_view_school_overview(&as_role(Role::Leader), 11));
    }

    #[test]
    fn a_holds_teachers_edit_its_plans_and_its_schools_leader_reads_and_restores_them() {
        let teacher = as_role(Role::Teacher);
        let leader = as_role(Role::Leader);
        assert!(can_edit_year_plan(&teacher, true));
        assert!(!can_edit_year_plan(&teacher, false));
        assert!(!can_edit_year_plan(&leader, true));
        assert!(can_view_year_plan(&leader, false, 10));
        assert!(!can_view_year_plan(&leader, false, 11));
        assert!(!can_view_year_plan(&teacher, false, 10));
        assert!(can_restore_plan(&leader, false, 10));
        for role in [Role::Pupil, Role::Parent, Role::Administrator] {
            assert!(!can_view_year_plan(&as_role(role), true, 10), "{role:?}");
        }
    }

    #[test]
    fn the_library_is_for_planners_of_the_same_school() {
        assert!(can_use_library(&as_role(Role::Teacher), 10));
        assert!(can_use_library(&as_role(Role::Leader), 10));
        assert!(!can_use_library(&as_role(Role::Teacher), 11));
        assert!(!can_use_library(&as_role(Role::Parent), 10));
        assert!(!can_use_library(&as_role(Role::Administrator), 10));
    }

    #[test]
    fn a_person_acts_only_in_roles_they_hold() {
        let p = Principal {
            roles: vec![Role::Parent, Role::Teacher],
            ..as_role(Role::Teacher)
        };
        assert!(can_act_as(&p, Role::Parent));
        assert!(!can_act_as(&p, Role::Leader));
    }

    #[test]
    fn a_class_ipad_is_opened_by_its_teachers_or_the_schools_leader_only() {
        assert!(can_manage_class_sign_in(&as_role(Role::Teacher), 10, true));
        assert!(can_manage_class_sign_in(&as_role(Role::Paedagog), 10, true));
        assert!(!can_manage_class_sign_in(
            &as_role(Role::Teacher),
            10,
            false
        ));
        assert!(!can_manage_class_sign_in(&as_role(Role::Teacher), 11, true));
        assert!(can_manage_class_sign_in(&as_role(Role::Leader), 10, false));
        for role in [Role::Pupil, Role::Parent, Role::Administrator] {
            assert!(
                !can_manage_class_sign_in(&as_role(role), 10, true),
                "{role:?}"
            );
        }
    }

    #[test]
    fn only_the_devices_own_class_signs_in_by_tapping() {
        assert!(can_sign_in_on_class_device(3, Some(3)));
        assert!(!can_sign_in_on_class_device(3, Some(4)));
        assert!(!can_sign_in_on_class_device(3, None));
    }

    #[test]
    fn a_refusal_is_forbidden() {
        assert_eq!(require(false), Err(AppError::forbidden()));
        assert_eq!(require(true), Ok(()));
    }

    #[test]
    fn the_elevplan_is_written_by_the_pupils_teachers_and_read_by_the_family_once_published() {
        let theirs = PupilRelation {
            school_id: 10,
            teaches: true,
            ..Default::default()
        };
        let stranger = PupilRelation {
            school_id: 10,
            ..Default::default()
        };
        let own_child = PupilRelation {
            school_id: 10,
            guardian_with_access: true,
            ..Default::default()
        };
        let me = PupilRelation {
            school_id: 10,
            is_self: true,
            ..Default::default()
        };
        let teacher = as_role(Role::Teacher);
        assert!(can_write_pupil_plan(&teacher, true));
        assert!(
            !can_write_pupil_plan(&teacher, false),
            "another teacher cannot edit"
        );
        assert!(can_read_pupil_plan_drafts(&teacher, theirs));
        assert!(!can_read_pupil_plan_drafts(&teacher, stranger));
        assert!(can_read_pupil_plan_drafts(&as_role(Role::Leader), stranger));
        let parent = as_role(Role::Parent);
        assert!(!can_read_pupil_plan_drafts(&parent, own_child));
        assert!(can_read_published_pupil_plans(&parent, own_child));
        assert!(!can_read_published_pupil_plans(&parent, stranger));
        let pupil = as_role(Role::Pupil);
        assert!(
            !can_read_pupil_plan_drafts(&pupil, me),
            "no teacher-only evaluations"
        );
        assert!(can_read_published_pupil_plans(&pupil, me));
        assert!(can_reflect_on_pupil_plan(&pupil, me));
        assert!(!can_reflect_on_pupil_plan(&teacher, theirs));
        assert!(can_hear_pupil_reflection(&pupil, me, false));
        assert!(can_hear_pupil_reflection(&teacher, theirs, false));
        assert!(
            !can_hear_pupil_reflection(&parent, own_child, false),
            "not before it is published"
        );
        assert!(can_hear_pupil_reflection(&parent, own_child, true));
        assert!(!can_hear_pupil_reflection(&parent, stranger, true));
        for role in Role::ALL {
            assert_eq!(
                can_move_pupil_records(&as_role(role), 10),
                matches!(role, Role::Leader | Role::Administrator)
            );
        }
    }

    #[test]
    fn a_pupils_tasks_and_work_are_their_own_and_shown_to_their_teachers_not_their_leader() {
        let rel = |is_self, guardian_with_access, teaches| PupilRelation {
            school_id: 10,
            is_self,
            guardian_with_access,
            teaches,
        };
        let pupil = as_role(Role::Pupil);
        assert!(can_work_on_task(&pupil, true));
        assert!(!can_work_on_task(&pupil, false));
        assert!(!can_work_on_task(&as_role(Role::Teacher), true));
        for role in Role::ALL {
            assert_eq!(
                can_keep_own_work(&as_role(role)),
                role == Role::Pupil,
                "{role:?}"
            );
        }
        assert!(can_read_pupil_work(&pupil, rel(true, false, false), false));
        assert!(!can_read_pupil_work(&pupil, rel(false, false, false), true));
        assert!(can_read_pupil_work(
            &as_role(Role::Teacher),
            rel(false, false, true),
            false
        ));
        assert!(!can_read_pupil_work(
            &as_role(Role::Teacher),
            rel(false, false, false),
            false
        ));
        let parent = as_role(Role::Parent);
        assert!(
            !can_read_pupil_work(&parent, rel(false, true, false), false),
            "not yet shared"
        );
        assert!(can_read_pupil_work(&parent, rel(false, true, false), true));
        assert!(
            !can_read_pupil_work(&parent, rel(false, false, false), true),
            "no access"
        );
        assert!(!can_read_pupil_work(
            &as_role(Role::Leader),
            rel(false, false, false),
            true
        ));
        assert!(can_read_material_file(&pupil, 10, true));
        assert!(!can_read_material_file(&pupil, 10, false));
        assert!(!can_read_material_file(&parent, 10, true));
        assert!(can_read_material_file(&as_role(Role::Teacher), 10, false));
    }
}
