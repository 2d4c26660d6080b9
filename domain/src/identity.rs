//! Who someone is: roles, sign-in input and what the client may know about the signed-in person.

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// The role a person acts in. A person may hold several (a teacher who is also a parent); a session
/// acts in exactly one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Pupil,
    Parent,
    Teacher,
    /// Pædagog: works with hold and pupils like a teacher.
    Paedagog,
    Leader,
    /// School administration: manages people and classes.
    Administrator,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Pupil,
        Role::Parent,
        Role::Teacher,
        Role::Paedagog,
        Role::Leader,
        Role::Administrator,
    ];

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Pupil => "pupil",
            Role::Parent => "parent",
            Role::Teacher => "teacher",
            Role::Paedagog => "paedagog",
            Role::Leader => "leader",
            Role::Administrator => "administrator",
        }
    }

    /// Staff work with hold and pupils (teachers and pædagoger).
    pub fn is_teaching_staff(self) -> bool {
        matches!(self, Role::Teacher | Role::Paedagog)
    }

    pub fn parse(s: &str) -> Result<Self, AppError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| AppError::invalid("role"))
    }
}

/// A sign-in name: trimmed, lower-cased, 2–64 characters of letters, digits, `.`, `-` and `_`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let name = raw.trim().to_lowercase();
        let len = name.chars().count();
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_');
        if !(2..=64).contains(&len) || !name.chars().all(allowed) {
            return Err(AppError::invalid("username"));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed. Never trimmed (spaces may be part of it), never logged (`Debug` hides it).
/// The length cap keeps a hostile caller from making us hash megabytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MAX_LEN: usize = 256;

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        if raw.is_empty() || raw.len() > Self::MAX_LEN {
            return Err(AppError::invalid("password"));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// What the client knows about the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub name: String,
    /// The role this session acts in.
    pub role: Role,
    /// Every role the person holds, to switch between.
    pub roles: Vec<Role>,
    pub school_name: String,
}

/// A class iPad: the class it serves and the pupils who may sign in on it by tapping their picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassDevice {
    pub class_name: String,
    pub pupils: Vec<PupilTile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilTile {
    pub id: i64,
    pub first_name: String,
    pub avatar: crate::school::Avatar,
}

/// A demo account shown on the sign-in page while demo mode is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoLogin {
    pub role: Role,
    pub name: String,
    pub username: String,
    pub password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_username_is_trimmed_and_lower_cased() {
        assert_eq!(
            Username::parse("  Anne.Larsen ").unwrap().as_str(),
            "anne.larsen"
        );
    }

    #[test]
    fn a_username_may_contain_danish_letters() {
        assert_eq!(Username::parse("søren-ærø").unwrap().as_str(), "søren-ærø");
    }

    #[test]
    fn a_username_with_spaces_or_symbols_is_refused_with_its_field_named() {
        for bad in ["", "a", "anne larsen", "anne@skole", &"x".repeat(65)] {
            let err = Username::parse(bad).unwrap_err();
            assert_eq!(err, AppError::invalid("username"), "{bad:?}");
        }
    }

    #[test]
    fn a_password_keeps_its_spaces_and_is_never_printed() {
        let p = Password::parse(" hemmelig ").unwrap();
        assert_eq!(p.expose(), " hemmelig ");
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn an_empty_or_huge_password_is_refused() {
        assert!(Password::parse("").is_err());
        assert!(Password::parse(&"x".repeat(Password::MAX_LEN + 1)).is_err());
        assert!(Password::parse(&"x".repeat(Password::MAX_LEN)).is_ok());
    }

    #[test]
    fn every_role_round_trips_through_its_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()).unwrap(), role);
        }
        assert!(Role::parse("admin").is_err());
        assert!(Role::Paedagog.is_teaching_staff() && !Role::Leader.is_teaching_staff());
    }
}
