//! A school's own subjects: what a school teaches beyond the law's list (an udeskole, a
//! tværfagligt emne, a local valgfag), each with a picture a pre-reader can recognise, the grades
//! it is taught in, and the law's subjects it spans. One that spans two or more is tværfagligt:
//! its forløb plan goals from each spanned subject's Fælles Mål.

use crate::error::AppError;
use crate::field::Field;
use crate::school::{OwnSubjectId, Subject, SubjectKind};
use serde::{Deserialize, Serialize};

/// One of the school's own subjects, as every screen names and draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnSubject {
    pub id: OwnSubjectId,
    pub name: String,
    pub icon: OwnIcon,
    pub first_grade: u8,
    pub last_grade: u8,
    /// The law's subjects (fag only) whose goals its forløb may plan with.
    pub spans: Vec<Subject>,
}

impl OwnSubject {
    pub fn subject(&self) -> Subject {
        Subject::Own(self.id)
    }

    /// Tværfagligt: it spans two or more of the law's subjects.
    pub fn is_across_subjects(&self) -> bool {
        self.spans.len() >= 2
    }
}

/// The pictures a school chooses from for its own subjects: none is used by a law's subject, so
/// a pre-reader never meets two subjects with one picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnIcon {
    Tree,
    Lightbulb,
    Rocket,
    Film,
    Masks,
    Computer,
    Sprout,
    Compass,
    Dice,
    Binoculars,
}

impl OwnIcon {
    pub const ALL: [OwnIcon; 10] = [
        OwnIcon::Tree,
        OwnIcon::Lightbulb,
        OwnIcon::Rocket,
        OwnIcon::Film,
        OwnIcon::Masks,
        OwnIcon::Computer,
        OwnIcon::Sprout,
        OwnIcon::Compass,
        OwnIcon::Dice,
        OwnIcon::Binoculars,
    ];

    /// The code it is stored as.
    pub fn as_str(self) -> &'static str {
        match self {
            OwnIcon::Tree => "tree",
            OwnIcon::Lightbulb => "lightbulb",
            OwnIcon::Rocket => "rocket",
            OwnIcon::Film => "film",
            OwnIcon::Masks => "masks",
            OwnIcon::Computer => "computer",
            OwnIcon::Sprout => "sprout",
            OwnIcon::Compass => "compass",
            OwnIcon::Dice => "dice",
            OwnIcon::Binoculars => "binoculars",
        }
    }

    pub fn parse(code: &str) -> Result<Self, AppError> {
        OwnIcon::ALL
            .into_iter()
            .find(|i| i.as_str() == code)
            .ok_or_else(|| AppError::invalid(Field::SubjectIcon))
    }
}

/// What a leader enters to add an own subject (`id: None`) or correct one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnSubjectInput {
    pub id: Option<i64>,
    pub name: String,
    pub icon: OwnIcon,
    pub first_grade: u8,
    pub last_grade: u8,
    pub spans: Vec<Subject>,
}

/// An own subject's name: trimmed, 1–60 characters on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubjectName(String);

impl SubjectName {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let name = raw.trim();
        let len = name.chars().count();
        if (1..=60).contains(&len) && !name.chars().any(char::is_control) {
            Ok(Self(name.to_owned()))
        } else {
            Err(AppError::invalid(Field::SubjectName))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What two names must not share within a school: "Udeskole" and " udeskole" are one.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

/// An own subject's input, checked: a name, grades in order within 0–10, and spanned subjects
/// that are the law's fag (not emner, understøttende undervisning or another own subject), each
/// once, in the law's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidOwnSubject {
    pub id: Option<OwnSubjectId>,
    pub name: SubjectName,
    pub icon: OwnIcon,
    pub first_grade: u8,
    pub last_grade: u8,
    pub spans: Vec<Subject>,
}

impl OwnSubjectInput {
    pub fn parse(&self) -> Result<ValidOwnSubject, AppError> {
        let id = self.id.map(OwnSubjectId::parse).transpose()?;
        let name = SubjectName::parse(&self.name)?;
        if self.first_grade > self.last_grade || self.last_grade > 10 {
            return Err(AppError::invalid(Field::SubjectGrades));
        }
        if self.spans.iter().any(|s| s.kind() != SubjectKind::Fag) {
            return Err(AppError::invalid(Field::SubjectSpans));
        }
        let spans: Vec<Subject> = Subject::ALL
            .into_iter()
            .filter(|s| self.spans.contains(s))
            .collect();
        Ok(ValidOwnSubject {
            id,
            name,
            icon: self.icon,
            first_grade: self.first_grade,
            last_grade: self.last_grade,
            spans,
        })
    }
}

/// Spanned subjects as stored: their codes, comma-separated.
pub fn spans_code(spans: &[Subject]) -> String {
    spans
        .iter()
        .filter_map(|s| s.law_code())
        .collect::<Vec<_>>()
        .join(",")
}

/// Spanned subjects read back; a code this version does not know is an error, not dropped.
pub fn parse_spans(code: &str) -> Result<Vec<Subject>, AppError> {
    code.split(',')
        .filter(|c| !c.is_empty())
        .map(Subject::parse)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str, grades: (u8, u8), spans: Vec<Subject>) -> OwnSubjectInput {
        OwnSubjectInput {
            id: None,
            name: name.into(),
            icon: OwnIcon::Tree,
            first_grade: grades.0,
            last_grade: grades.1,
            spans,
        }
    }

    #[test]
    fn an_own_subject_has_a_name_grades_in_order_and_spans_only_the_laws_fag_each_once_in_order() {
        let valid = input(
            "  Udeskole ",
            (0, 3),
            vec![
                Subject::NaturTeknologi,
                Subject::Matematik,
                Subject::Matematik,
            ],
        )
        .parse()
        .unwrap();
        assert_eq!(valid.name.as_str(), "Udeskole");
        assert_eq!(valid.name.key(), "udeskole");
        assert_eq!(valid.spans, [Subject::Matematik, Subject::NaturTeknologi]);
        let bad = [
            (input(" ", (0, 3), vec![]), Field::SubjectName),
            (input(&"x".repeat(61), (0, 3), vec![]), Field::SubjectName),
            (input("Udeskole", (4, 3), vec![]), Field::SubjectGrades),
            (input("Udeskole", (9, 11), vec![]), Field::SubjectGrades),
            (
                input("Udeskole", (0, 3), vec![Subject::Faerdselslaere]),
                Field::SubjectSpans,
            ),
            (
                input("Udeskole", (0, 3), vec![Subject::Understoettende]),
                Field::SubjectSpans,
            ),
        ];
        for (input, field) in bad {
            assert_eq!(input.parse(), Err(AppError::invalid(field)), "{input:?}");
        }
    }

    #[test]
    fn an_own_subject_spanning_two_fag_is_across_subjects() {
        let own = |spans: Vec<Subject>| OwnSubject {
            id: OwnSubjectId::parse(1).unwrap(),
            name: "Udeskole".into(),
            icon: OwnIcon::Tree,
            first_grade: 0,
            last_grade: 3,
            spans,
        };
        assert!(own(vec![Subject::Matematik, Subject::NaturTeknologi]).is_across_subjects());
        assert!(!own(vec![Subject::Matematik]).is_across_subjects());
    }

    #[test]
    fn spans_and_icons_round_trip_through_their_stored_codes() {
        let spans = vec![Subject::Matematik, Subject::NaturTeknologi];
        assert_eq!(spans_code(&spans), "matematik,natur_teknologi");
        assert_eq!(parse_spans("matematik,natur_teknologi").unwrap(), spans);
        assert_eq!(parse_spans("").unwrap(), []);
        assert!(parse_spans("matematik,latin").is_err());
        for icon in OwnIcon::ALL {
            assert_eq!(OwnIcon::parse(icon.as_str()), Ok(icon));
        }
    }
}
