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
/// taught in, and the subjects a school adds itself (`Own`, described in the school's catalogue,
/// `crate::subjects`). Stored and sent by `code` (unchanged for the first seven, so nothing
/// migrates; `egen-<id>` for a school's own); ordered as listed here on every screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    /// A subject or tværfagligt forløb of the school's own (its name, picture, grades and the
    /// law's subjects it spans are in the school's catalogue).
    Own(OwnSubjectId),
}

/// Which of a school's own subjects: the catalogue row's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OwnSubjectId(u32);

impl OwnSubjectId {
    pub fn parse(value: i64) -> Result<Self, AppError> {
        u32::try_from(value)
            .ok()
            .filter(|v| *v > 0)
            .map(OwnSubjectId)
            .ok_or_else(|| AppError::invalid(Field::Subject))
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

/// Whether a `Subject` is one of the fag, an obligatorisk emne, other planned time, or the
/// school's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Fag,
    ObligatoriskEmne,
    Other,
    Own,
}

/// The prefix of an own subject's code: `egen-12`.
const OWN_PREFIX: &str = "egen-";

impl Subject {
    /// The law's subjects, in the order screens list them.
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

    /// The code a law's subject is stored and sent as; `None` for a school's own.
    pub fn law_code(self) -> Option<&'static str> {
        Some(match self {
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
            Subject::Own(_) => return None,
        })
    }

    /// The code the subject is stored and sent as.
    pub fn code(self) -> std::borrow::Cow<'static, str> {
        match (self, self.law_code()) {
            (_, Some(code)) => code.into(),
            (Subject::Own(id), None) => format!("{OWN_PREFIX}{}", id.value()).into(),
            (_, None) => "".into(),
        }
    }

    pub fn parse(s: &str) -> Result<Self, AppError> {
        if let Some(id) = s.strip_prefix(OWN_PREFIX) {
            // Digits only: "egen-+3" or "egen-03" would name the same subject twice.
            if id.starts_with('0') || !id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(AppError::invalid(Field::Subject));
            }
            let id = id
                .parse::<i64>()
                .map_err(|_| AppError::invalid(Field::Subject))?;
            return OwnSubjectId::parse(id).map(Subject::Own);
        }
        Subject::ALL
            .into_iter()
            .find(|x| x.law_code() == Some(s))
            .ok_or_else(|| AppError::invalid(Field::Subject))
    }

    /// The school's own subject this is, if it is one.
    pub fn own(self) -> Option<OwnSubjectId> {
        match self {
            Subject::Own(id) => Some(id),
            _ => None,
        }
    }

    pub fn kind(self) -> SubjectKind {
        match self {
            Subject::Understoettende => SubjectKind::Other,
            Subject::Faerdselslaere | Subject::SundhedSeksualFamilie | Subject::UddannelseJob => {
                SubjectKind::ObligatoriskEmne
            }
            Subject::Own(_) => SubjectKind::Own,
            _ => SubjectKind::Fag,
        }
    }

    /// The grades (0 is børnehaveklassen) a law's subject is taught in, after the law's timetable
    /// (Folkeskoleloven § 5 stk. 2, § 7, § 9 stk. 5–6); a school's own subject has its grades in
    /// the school's catalogue.
    pub fn law_grades(self) -> Option<std::ops::RangeInclusive<u8>> {
        Some(match self {
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
            Subject::Own(_) => return None,
        })
    }
}

impl Serialize for Subject {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Subject {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Subject::parse(&code).map_err(|_| serde::de::Error::custom("unknown subject"))
    }
}

#[cfg(test)]
mod subject_tests {
    use super::*;

    #[test]
    fn every_subject_is_stored_by_a_code_that_reads_back_as_itself_and_as_its_json() {
        for subject in Subject::ALL {
            assert_eq!(Subject::parse(&subject.code()), Ok(subject));
            let json = serde_json::to_string(&subject).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", subject.code()));
        }
        assert!(Subject::parse("latin").is_err());
    }

    #[test]
    fn a_schools_own_subject_is_stored_as_egen_and_its_id() {
        let own = Subject::Own(OwnSubjectId::parse(12).unwrap());
        assert_eq!(own.code(), "egen-12");
        assert_eq!(Subject::parse("egen-12"), Ok(own));
        assert_eq!(serde_json::to_string(&own).unwrap(), "\"egen-12\"");
        assert_eq!(serde_json::from_str::<Subject>("\"egen-12\"").unwrap(), own);
        assert_eq!(own.kind(), SubjectKind::Own);
        assert_eq!(own.law_grades(), None);
        for bad in [
            "egen-",
            "egen-0",
            "egen-012",
            "egen-+3",
            "egen--1",
            "egen-x",
            "egen-99999999999",
        ] {
            assert!(Subject::parse(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Subject>("\"latin\"").is_err());
    }

    #[test]
    fn the_first_seven_keep_the_codes_already_stored() {
        let codes: Vec<&str> = Subject::ALL[..7]
            .iter()
            .filter_map(|s| s.law_code())
            .collect();
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
            assert!(Subject::Dansk.law_grades().unwrap().contains(&grade));
            assert!(Subject::Matematik.law_grades().unwrap().contains(&grade));
        }
        assert!(!Subject::Historie.law_grades().unwrap().contains(&2));
        assert!(Subject::Samfundsfag.law_grades().unwrap().eq(8..=9));
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
            assert_eq!(Subject::parse(&s.code()).unwrap(), s);
        }
        assert!(Subject::parse("latin").is_err());
    }
}
