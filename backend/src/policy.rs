//! Every authorization decision Spire makes, in one place, each a named rule. Use cases call a
//! rule before they read or write anything; server functions never decide access themselves.
//!
//! Rules take the principal and the facts they need (ids, memberships) and answer yes or no, so
//! they stay pure and are tested as a table.

use crate::Principal;
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

/// A teacher sees the hold they teach on their home screen.
pub fn can_view_teacher_home(p: &Principal) -> bool {
    p.role == Role::Teacher
}

/// A pupil sees their own home screen.
pub fn can_view_pupil_home(p: &Principal) -> bool {
    p.role == Role::Pupil
}

/// A guardian sees the children they are linked to with access.
pub fn can_view_family_home(p: &Principal) -> bool {
    p.role == Role::Parent
}

/// A leader sees the overview of their own school, and of no other.
pub fn can_view_school_overview(p: &Principal, school_id: i32) -> bool {
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
            name: "Test Person".into(),
        }
    }

    #[test]
    fn each_home_is_open_to_its_own_role_only() {
        for role in Role::ALL {
            let p = as_role(role);
            assert_eq!(can_view_teacher_home(&p), role == Role::Teacher, "{role:?}");
            assert_eq!(can_view_pupil_home(&p), role == Role::Pupil, "{role:?}");
            assert_eq!(can_view_family_home(&p), role == Role::Parent, "{role:?}");
            assert_eq!(
                can_view_school_overview(&p, 10),
                role == Role::Leader,
                "{role:?}"
            );
        }
    }

    #[test]
    fn a_leader_cannot_see_another_schools_overview() {
        assert!(!can_view_school_overview(&as_role(Role::Leader), 11));
    }

    #[test]
    fn a_refusal_is_forbidden() {
        assert_eq!(require(false), Err(AppError::forbidden()));
        assert_eq!(require(true), Ok(()));
    }
}
