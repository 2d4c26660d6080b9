//! The school's structure as the client sees it: grades, stages, subjects and picture avatars.

use crate::Field;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// A class's grade: 0. klasse (børnehaveklasse) to 10. klasse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Grade(u8);

/// The three stages (trin) of the folkeskole; indskoling pupils get the icon-first experience.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Indskoling,
    Mellemtrin,
    Udskoling,
}

impl Grade {
    pub fn parse(value: i64) -> Result<Self, AppError> {
        u8::try_from(value)
            .ok()
            .filter(|g| *g <= 10)
            .map(Grade)
            .ok_or_else(|| AppError::invalid(Field::Grade))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn stage(self) -> Stage {
        match self.0 {
            0..=3 => Stage::Indskoling,
            4..=6 => Stage::Mellemtrin,
            _ => Stage::Udskoling,
        }
    }
}

/// What the folkeskole teaches (Folkeskoleloven § 5 stk. 2 and § 7), each with the grades it is
/// taught in. Stored by `as_str` (unchanged for the first seven, so nothing migrates); ordered as
/// listed here on every screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Dansk,
    Matematik,
    Engelsk,
    NaturTeknologi,
    Idraet,
    Billedkunst,
    Musik,
    Tysk,
    Fransk,
    Kristendomskundskab,
    Historie,
    Samfundsfag,
    Geografi,
    Biologi,
    FysikKemi,
    HaandvaerkDesign,
    Madkundskab,
    Valgfag,
    /// Understøttende undervisning (§ 16 a): not a subject, but time a hold is planned in.
    Understoettende,
    /// The obligatoriske emner (§ 7), taught within the subjects.
    Faerdselslaere,
    SundhedSeksualFamilie,
    UddannelseJob,
}

/// Whether a `Subject` is one of the fag, an obligatorisk emne, or other planned time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Fag,
    ObligatoriskEmne,
    Other,
}

impl Subject {
    pub const ALL: [Subject; 22] = [
        Subject::Dansk,
        Subject::Matematik,
        Subject::Engelsk,
        Subject::NaturTeknologi,
        Subject::Idraet,
        Subject::Billedkunst,
        Subject::Musik,
        Subject::Tysk,
        Subject::Fransk,
        Subject::Kristendomskundskab,
        Subject::Historie,
        Subject::Samfundsfag,
        Subject::Geografi,
        Subject::Biologi,
        Subject::FysikKemi,
        Subject::HaandvaerkDesign,
        Subject::Madkundskab,
        Subject::Valgfag,
        Subject::Understoettende,
        Subject::Faerdselslaere,
        Subject::SundhedSeksualFamilie,
        Subject::UddannelseJob,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Dansk => "dansk",
            Subject::Matematik => "matematik",
            Subject::Engelsk => "engelsk",
            Subject::NaturTeknologi => "natur_teknologi",
            Subject::Idraet => "idraet",
            Subject::Billedkunst => "billedkunst",
            Subject::Musik => "musik",
            Subject::Tysk => "tysk",
            Subject::Fransk => "fransk",
            Subject::Kristendomskundskab => "kristendomskundskab",
            Subject::Historie => "historie",
            Subject::Samfundsfag => "samfundsfag",
            Subject::Geografi => "geografi",
            Subject::Biologi => "biologi",
            Subject::FysikKemi => "fysik_kemi",
            Subject::HaandvaerkDesign => "haandvaerk_design",
            Subject::Madkundskab => "madkundskab",
            Subject::Valgfag => "valgfag",
            Subject::Understoettende => "understoettende",
            Subject::Faerdselslaere => "faerdselslaere",
            Subject::SundhedSeksualFamilie => "sundhed_seksual_familie",
            Subject::UddannelseJob => "uddannelse_job",
        }
    }

    pub fn parse(s: &str) -> Result<Self, AppError> {
        Subject::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| AppError::invalid(Field::Subject))
    }

    pub fn kind(self) -> SubjectKind {
        match self {
            Subject::Understoettende => SubjectKind::Other,
            Subject::Faerdselslaere | Subject::SundhedSeksualFamilie | Subject::UddannelseJob => {
                SubjectKind::ObligatoriskEmne
            }
            _ => SubjectKind::Fag,
        }
    }

    /// The grades (0 is børnehaveklassen) the subject is taught in, after the law's timetable
    /// (Folkeskoleloven § 5 stk. 2, § 7, § 9 stk. 5–6).
    pub fn grades(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Subject::Dansk
            | Subject::Matematik
            | Subject::Idraet
            | Subject::Understoettende
            | Subject::Faerdselslaere
            | Subject::SundhedSeksualFamilie
            | Subject::UddannelseJob => 0..=9,
            Subject::Engelsk | Subject::Kristendomskundskab => 1..=9,
            Subject::NaturTeknologi | Subject::Musik => 1..=6,
            Subject::Billedkunst => 1..=5,
            Subject::Historie => 3..=9,
            Subject::HaandvaerkDesign | Subject::Madkundskab => 4..=7,
            Subject::Tysk | Subject::Fransk => 5..=9,
            Subject::Geografi | Subject::Biologi | Subject::FysikKemi | Subject::Valgfag => 7..=9,
            Subject::Samfundsfag => 8..=9,
        }
    }
}

#[cfg(test)]
mod subject_tests {
    use super::*;

    #[test]
    fn every_subject_is_stored_by_a_code_that_reads_back_as_itself_and_as_its_json() {
        for subject in Subject::ALL {
            assert_eq!(Subject::parse(subject.as_str()), Ok(subject));
            let json = serde_json::to_string(&subject).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", subject.as_str()));
        }
        assert!(Subject::parse("latin").is_err());
    }

    #[test]
    fn the_first_seven_keep_the_codes_already_stored() {
        let codes: Vec<&str> = Subject::ALL[..7].iter().map(|s| s.as_str()).collect();
        assert_eq!(
            codes,
            [
                "dansk",
                "matematik",
                "engelsk",
                "natur_teknologi",
                "idraet",
                "billedkunst",
                "musik"
            ]
        );
    }

    #[test]
    fn each_grade_from_bornehaveklassen_to_ninth_has_dansk_and_maths_and_only_the_law_adds_the_rest()
     {
        for grade in 0..=9u8 {
            assert!(Subject::Dansk.grades().contains(&grade));
            assert!(Subject::Matematik.grades().contains(&grade));
        }
        assert!(!Subject::Historie.grades().contains(&2));
        assert!(Subject::Samfundsfag.grades().eq(8..=9));
        assert_eq!(
            Subject::Faerdselslaere.kind(),
            SubjectKind::ObligatoriskEmne
        );
        assert_eq!(Subject::Understoettende.kind(), SubjectKind::Other);
    }
}

/// A person's first or last name as entered by staff: trimmed, 1–100 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str, field: Field) -> Result<Self, AppError> {
        let name = raw.trim();
        let len = name.chars().count();
        if (1..=100).contains(&len) && !name.chars().any(char::is_control) {
            Ok(Self(name.to_owned()))
        } else {
            Err(AppError::invalid(field))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A class or hold name such as `2.C` or `Dansk 2.C`: trimmed, 1–40 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GroupName(String);

impl GroupName {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let name = raw.trim();
        let len = name.chars().count();
        if (1..=40).contains(&len) && !name.chars().any(char::is_control) {
            Ok(Self(name.to_owned()))
        } else {
            Err(AppError::invalid(Field::Name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A pupil's picture: a shape in a colour, drawn by the client. Deliberately plain geometric
/// pictures, so they cannot be mistaken for UNI-Login's pictograms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Avatar {
    pub shape: AvatarShape,
    pub color: AvatarColor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AvatarShape {
    Sun,
    Moon,
    Star,
    Heart,
    Leaf,
    Drop,
    Flower,
    Cloud,
    Fish,
    Tree,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AvatarColor {
    Blue,
    Green,
    Orange,
    Purple,
}

impl AvatarShape {
    pub const ALL: [AvatarShape; 10] = [
        AvatarShape::Sun,
        AvatarShape::Moon,
        AvatarShape::Star,
        AvatarShape::Heart,
        AvatarShape::Leaf,
        AvatarShape::Drop,
        AvatarShape::Flower,
        AvatarShape::Cloud,
        AvatarShape::Fish,
        AvatarShape::Tree,
    ];
}

impl AvatarColor {
    pub const ALL: [AvatarColor; 4] = [
        AvatarColor::Blue,
        AvatarColor::Green,
        AvatarColor::Orange,
        AvatarColor::Purple,
    ];
}

impl Avatar {
    /// Stored as "shape:color" so a single text column holds it.
    pub fn to_key(self) -> String {
        let shape = serde_json::to_value(self.shape).ok();
        let color = serde_json::to_value(self.color).ok();
        match (shape, color) {
            (Some(serde_json::Value::String(s)), Some(serde_json::Value::String(c))) => {
                format!("{s}:{c}")
            }
            _ => String::new(),
        }
    }

    pub fn parse(key: &str) -> Result<Self, AppError> {
        let err = || AppError::invalid(Field::Avatar);
        let (shape, color) = key.split_once(':').ok_or_else(err)?;
        let shape =
            serde_json::from_value(serde_json::Value::String(shape.into())).map_err(|_| err())?;
        let color =
            serde_json::from_value(serde_json::Value::String(color.into())).map_err(|_| err())?;
        Ok(Avatar { shape, color })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_zero_to_three_are_indskoling() {
        assert_eq!(Grade::parse(0).unwrap().stage(), Stage::Indskoling);
        assert_eq!(Grade::parse(3).unwrap().stage(), Stage::Indskoling);
        assert_eq!(Grade::parse(4).unwrap().stage(), Stage::Mellemtrin);
        assert_eq!(Grade::parse(7).unwrap().stage(), Stage::Udskoling);
        assert_eq!(Grade::parse(10).unwrap().stage(), Stage::Udskoling);
    }

    #[test]
    fn a_grade_outside_zero_to_ten_is_refused() {
        assert_eq!(
            Grade::parse(11).unwrap_err(),
            AppError::invalid(Field::Grade)
        );
        assert!(Grade::parse(-1).is_err());
    }

    #[test]
    fn names_are_trimmed_and_must_be_one_to_a_hundred_characters() {
        assert_eq!(
            PersonName::parse("  Åse ", Field::GivenName)
                .unwrap()
                .as_str(),
            "Åse"
        );
        assert_eq!(
            PersonName::parse(" ", Field::GivenName).unwrap_err(),
            AppError::invalid(Field::GivenName)
        );
        assert!(PersonName::parse(&"a".repeat(101), Field::FamilyName).is_err());
        assert!(PersonName::parse("Bo\u{0}", Field::GivenName).is_err());
    }

    #[test]
    fn a_group_name_is_one_to_forty_characters() {
        assert_eq!(GroupName::parse(" 2.C ").unwrap().as_str(), "2.C");
        assert_eq!(
            GroupName::parse("").unwrap_err(),
            AppError::invalid(Field::Name)
        );
        assert!(GroupName::parse(&"x".repeat(41)).is_err());
    }

    #[test]
    fn every_avatar_round_trips_through_its_key() {
        for shape in AvatarShape::ALL {
            for color in AvatarColor::ALL {
                let avatar = Avatar { shape, color };
                assert_eq!(Avatar::parse(&avatar.to_key()).unwrap(), avatar);
            }
        }
        assert_eq!(
            Avatar {
                shape: AvatarShape::Sun,
                color: AvatarColor::Blue
            }
            .to_key(),
            "sun:blue"
        );
    }

    #[test]
    fn an_unknown_avatar_key_is_refused() {
        for bad in ["", "sun", "sun:red", "dragon:blue"] {
            assert!(Avatar::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_subject_round_trips_and_unknown_ones_are_refused() {
        for s in Subject::ALL {
            assert_eq!(Subject::parse(s.as_str()).unwrap(), s);
        }
        assert!(Subject::parse("latin").is_err());
    }
}
