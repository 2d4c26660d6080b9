//! A school's answers about one person's data: the archive of everything Spire holds about a
//! person (an access request), and the reviewed batch of people who left long enough ago to be
//! anonymised (`docs/privacy.md`).

use crate::audit::AuditEntry;
use crate::identity::{Audience, Role};
use crate::pupil_plan::PupilPackage;
use crate::{AppError, Field};
use serde::{Deserialize, Serialize};

/// How long after leaving a person is anonymised, unless the server is told otherwise: five
/// years, the period Danish municipalities commonly give for pupils' records in their deletion
/// policies. Each municipality sets its own (`--erase-after-days`).
pub const DEFAULT_ERASE_AFTER_DAYS: u32 = 1826;

/// The longest a municipality may keep people who left: twenty years.
pub const MAX_ERASE_AFTER_DAYS: u32 = 7305;

/// What a person is to the school, which decides what anonymising them removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PersonKind {
    Pupil,
    Staff,
    Guardian,
}

impl PersonKind {
    /// A person with several roles counts as what weighs most: a teacher who is also a parent is
    /// staff; anyone with a pupil role is a pupil.
    pub fn of_roles(roles: &[Role]) -> Option<Self> {
        if roles.contains(&Role::Pupil) {
            Some(Self::Pupil)
        } else if roles.iter().any(|r| r.audience() == Audience::Staff) {
            Some(Self::Staff)
        } else if roles.contains(&Role::Parent) {
            Some(Self::Guardian)
        } else {
            None
        }
    }
}

/// Someone whose archive the leader may fetch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonChoice {
    pub id: i64,
    pub name: String,
    pub kind: PersonKind,
    /// Left the school (staff deactivated, pupil marked as left, guardian with no child here).
    pub left: bool,
}

/// Someone who left longer ago than the retention period and is not anonymised yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuePerson {
    pub id: i64,
    pub name: String,
    pub kind: PersonKind,
    /// The school's date they left, e.g. "2021-06-25".
    pub left_on: String,
}

/// One confirmed batch: who confirmed it, when, and how many of each kind; never names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureBatch {
    pub when: String,
    pub confirmed_by: String,
    pub pupils: u32,
    pub staff: u32,
    pub guardians: u32,
}

/// The leader's page about people's data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyOverview {
    pub school: String,
    pub erase_after_days: u32,
    /// Everyone of the school not yet anonymised, by kind and name.
    pub people: Vec<PersonChoice>,
    pub due: Vec<DuePerson>,
    /// Newest first.
    pub batches: Vec<ErasureBatch>,
}

/// The people a leader confirmed for anonymising, as the form sends them: ids separated by
/// commas. At least one, each a positive id, no more than a school has people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErasureChoice(Vec<i64>);

impl ErasureChoice {
    pub const MAX: usize = 20_000;

    pub fn parse(text: &str) -> Result<Self, AppError> {
        let invalid = || AppError::invalid(Field::People);
        let mut ids = Vec::new();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let id: i64 = part.parse().map_err(|_| invalid())?;
            if id < 1 || i32::try_from(id).is_err() {
                return Err(invalid());
            }
            ids.push(id);
        }
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() || ids.len() > Self::MAX {
            return Err(invalid());
        }
        Ok(Self(ids))
    }

    pub fn ids(&self) -> &[i64] {
        &self.0
    }
}

/// Another person the archive's person stands in relation to: a pupil's guardians, a guardian's
/// children.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relative {
    pub name: String,
    /// The guardian may see the child in Spire.
    pub access: bool,
}

/// A class or hold the person was in, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub name: String,
    pub school_year: i32,
    pub from: String,
    /// Still in it when none.
    pub to: Option<String>,
}

/// How much a staff member made or gave: the things themselves are the school's and the pupils'.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffWork {
    pub year_plans: u32,
    pub units: u32,
    pub evaluations: u32,
    pub feedback: u32,
}

/// Everything Spire holds about one person, for an access request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonArchive {
    pub school: String,
    /// The school's date and time the archive was made.
    pub made_at: String,
    /// The school's time zone, for the dates the package holds as unix seconds.
    pub time_zone: String,
    pub name: String,
    pub kind: PersonKind,
    pub roles: Vec<Role>,
    pub username: Option<String>,
    /// The UNI-ID UNI-Login signs the person in by.
    pub uni_id: Option<String>,
    pub created_on: String,
    pub left_on: Option<String>,
    /// Sign-ins that have not ended, as the dates they started.
    pub open_sessions: Vec<String>,
    pub calendar_feeds: u32,
    pub reading_settings: Option<String>,
    pub guardians: Vec<Relative>,
    pub children: Vec<Relative>,
    pub memberships: Vec<Membership>,
    pub staff_work: Option<StaffWork>,
    /// Who read or changed this pupil's data (a pupil's archive only).
    pub trail_about: Vec<AuditEntry>,
    /// What this person read or changed of pupils' data, within the trail's retention period.
    pub trail_by: Vec<AuditEntry>,
    /// A pupil's plans, evaluations and work, with the files, as their package holds them.
    pub package: Option<PupilPackage>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_reads_ids_separated_by_commas_once_each() {
        let choice = ErasureChoice::parse(" 12,7, 12 ,,3").unwrap();
        assert_eq!(choice.ids(), &[3, 7, 12]);
    }

    #[test]
    fn a_choice_of_nobody_or_of_something_that_is_not_an_id_is_refused() {
        for bad in ["", " , ", "7,x", "0", "-4", "99999999999", "1.5"] {
            let err = ErasureChoice::parse(bad).unwrap_err();
            assert_eq!(err, AppError::invalid(Field::People), "{bad:?}");
        }
    }

    #[test]
    fn a_choice_of_more_people_than_a_school_has_is_refused() {
        let many: Vec<String> = (1..=ErasureChoice::MAX + 1)
            .map(|i| i.to_string())
            .collect();
        assert!(ErasureChoice::parse(&many.join(",")).is_err());
    }

    #[test]
    fn a_person_counts_as_what_weighs_most() {
        assert_eq!(
            PersonKind::of_roles(&[Role::Parent, Role::Teacher]),
            Some(PersonKind::Staff)
        );
        assert_eq!(
            PersonKind::of_roles(&[Role::Parent]),
            Some(PersonKind::Guardian)
        );
        assert_eq!(
            PersonKind::of_roles(&[Role::Pupil]),
            Some(PersonKind::Pupil)
        );
        assert_eq!(PersonKind::of_roles(&[]), None);
    }
}
