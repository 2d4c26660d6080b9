//! Converts the Fælles Mål transcription's schema (nested subjects → kompetenceområder →
//! kompetencemål → færdigheds- og vidensområder, plus opmærksomhedspunkter) into Spire's flat
//! framework file of items and `isChildOf` associations. Only the structure is known here; the
//! goal texts come from the file.

use super::framework_file::{Association, FORMAT, FrameworkFile, Header, ImportError, ItemIn};
use domain::framework::ItemKind;
use domain::school::Subject;
use serde_json::Value;

pub const KEY: &str = "faelles-maal";

fn str_of<'a>(v: &'a Value, field: &str, at: &str) -> Result<&'a str, String> {
    v.get(field)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{at}: \"{field}\" is missing"))
}

fn list_of<'a>(v: &'a Value, field: &str) -> &'a [Value] {
    v.get(field)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// The grade numbers in a band's wording: "1.-2. klasse" → (1, 2), "10. klasse" → (10, 10),
/// "efter 2. klassetrin" → (2, 2).
pub fn grades_in(text: &str) -> Option<[u8; 2]> {
    let numbers: Vec<u8> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .filter(|n| *n <= 10)
        .collect();
    match numbers.as_slice() {
        [one] => Some([*one, *one]),
        [from, to, ..] if from <= to => Some([*from, *to]),
        _ => None,
    }
}

fn subject_of(id: &str) -> Option<Subject> {
    Subject::parse(&id.replace(['-', '/'], "_")).ok()
}

fn child_of(child: &str, parent: &str, associations: &mut Vec<Association>) {
    associations.push(Association {
        kind: "isChildOf".into(),
        child: child.to_owned(),
        parent: parent.to_owned(),
    });
}

pub fn convert(root: &Value) -> Result<FrameworkFile, String> {
    if root.get("schema_version").and_then(Value::as_i64) != Some(1) {
        return Err("only schema_version 1 of the transcription is understood".into());
    }
    let version = root
        .pointer("/regulation/current")
        .and_then(Value::as_str)
        .ok_or("regulation.current (the version) is missing")?;
    let mut items = Vec::new();
    let mut associations = Vec::new();
    for subject in list_of(root, "subjects") {
        let subject_id = str_of(subject, "id", "subject")?;
        let code = subject_of(subject_id);
        items.push(ItemIn {
            id: subject_id.to_owned(),
            kind: ItemKind::Subject,
            subject: code,
            grades: None,
            text: str_of(subject, "name", subject_id)?.to_owned(),
        });
        if let Some(purpose) = subject.get("formaal").filter(|v| !v.is_null()) {
            let id = str_of(purpose, "id", subject_id)?;
            let paragraphs: Vec<&str> = list_of(purpose, "paragraphs")
                .iter()
                .filter_map(Value::as_str)
                .collect();
            items.push(ItemIn {
                id: id.to_owned(),
                kind: ItemKind::Purpose,
                subject: code,
                grades: None,
                text: paragraphs.join("\n\n"),
            });
            child_of(id, subject_id, &mut associations);
        }
        // Band wording → grades, learnt from the kompetencemål, for opmærksomhedspunkter that
        // give only "efter 3. klassetrin".
        let mut band_grades: Vec<(String, [u8; 2])> = Vec::new();
        let mut areas: Vec<(String, String)> = Vec::new();
        for area in list_of(subject, "kompetenceomraader") {
            let area_id = str_of(area, "id", subject_id)?;
            let area_name = str_of(area, "name", area_id)?;
            areas.push((area_name.to_owned(), area_id.to_owned()));
            items.push(ItemIn {
                id: area_id.to_owned(),
                kind: ItemKind::Area,
                subject: code,
                grades: None,
                text: area_name.to_owned(),
            });
            child_of(area_id, subject_id, &mut associations);
            for goal in list_of(area, "kompetencemaal") {
                let goal_id = str_of(goal, "id", area_id)?;
                let band = goal.get("band").and_then(Value::as_str).unwrap_or_default();
                let grades = goal
                    .get("trinforloeb")
                    .and_then(Value::as_str)
                    .and_then(grades_in)
                    .or_else(|| grades_in(band));
                if let Some(g) = grades {
                    band_grades.push((band.to_owned(), g));
                }
                items.push(ItemIn {
                    id: goal_id.to_owned(),
                    kind: ItemKind::CompetenceGoal,
                    subject: code,
                    grades,
                    text: str_of(goal, "text", goal_id)?.to_owned(),
                });
                child_of(goal_id, area_id, &mut associations);
                for fvo in list_of(goal, "faerdigheds_og_vidensomraader") {
                    let fvo_id = str_of(fvo, "id", goal_id)?;
                    items.push(ItemIn {
                        id: fvo_id.to_owned(),
                        kind: ItemKind::SkillArea,
                        subject: code,
                        grades,
                        text: str_of(fvo, "name", fvo_id)?.to_owned(),
                    });
                    child_of(fvo_id, goal_id, &mut associations);
                }
            }
        }
        for point in list_of(subject, "opmaerksomhedspunkter") {
            let point_id = str_of(point, "id", subject_id)?;
            let band = point
                .get("band")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let grades = band_grades
                .iter()
                .find(|(b, _)| b == band)
                .map(|(_, g)| *g)
                .or_else(|| grades_in(band));
            let parent = point
                .get("kompetenceomraade")
                .and_then(Value::as_str)
                .and_then(|name| areas.iter().find(|(n, _)| n == name))
                .map_or(subject_id, |(_, id)| id.as_str());
            items.push(ItemIn {
                id: point_id.to_owned(),
                kind: ItemKind::AttentionPoint,
                subject: code,
                grades,
                text: str_of(point, "text", point_id)?.to_owned(),
            });
            child_of(point_id, parent, &mut associations);
        }
    }
    Ok(FrameworkFile {
        format: FORMAT.into(),
        framework: Header {
            key: KEY.into(),
            title: "Fælles Mål".into(),
            version: version.to_owned(),
        },
        items,
        associations,
        crosswalk: Vec::new(),
    })
}

/// Reads a file in Spire's format, or in the schema of the Fælles Mål transcription
/// (`schema_version` 1 with nested `subjects`), which is converted first.
pub fn parse_file(text: &str) -> Result<FrameworkFile, ImportError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    if value.get("subjects").is_some() && value.get("schema_version").is_some() {
        return convert(&value).map_err(ImportError::Unreadable);
    }
    serde_json::from_value(value).map_err(|e| ImportError::Unreadable(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_wordings_give_their_grades() {
        assert_eq!(grades_in("1.-2. klasse"), Some([1, 2]));
        assert_eq!(
            grades_in("7.-9. klasse (klassetrin ikke angivet i kilden)"),
            Some([7, 9])
        );
        assert_eq!(grades_in("10. klasse"), Some([10, 10]));
        assert_eq!(grades_in("efter 3. klassetrin"), Some([3, 3]));
        assert_eq!(grades_in("børnehaveklassen"), None);
    }

    #[test]
    fn subject_ids_map_to_spires_subjects() {
        assert_eq!(subject_of("natur-teknologi"), Some(Subject::NaturTeknologi));
        assert_eq!(subject_of("dansk"), Some(Subject::Dansk));
        assert_eq!(subject_of("fysik-kemi"), Some(Subject::FysikKemi));
        assert_eq!(subject_of("latin"), None);
    }
}
