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

/// The subjects (fag) Spire knows. Stored by `as_str`; ordered as listed here on every screen.
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
}

impl Subject {
    pub const ALL: [Subject; 7] = [
        Subject::Dansk,
        Subject::Matematik,
        Subject::Engelsk,
        Subject::NaturTeknologi,
        Subject::Idraet,
        Subject::Billedkunst,
        Subject::Musik,
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
        }
    }

    pub fn parse(s: &str) -> Result<Self, AppError> {
        Subject::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or_else(|| AppError::invalid(Field::Subject))
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
