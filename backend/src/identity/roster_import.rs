//! Importing a roster file (CSV from the school's administrative system): checked whole first,
//! then applied in one transaction, or not at all.

use super::roster::*;
use crate::entity::{guardianship, person, pupil, school_class};
use crate::{RequestCtx, clock, db_err};
use domain::AppError;
use domain::Field;
use domain::identity::Role;
use domain::roster::{IMPORT_COLUMNS, ImportReport, MAX_IMPORT_BYTES, ProblemKind, RowProblem};
use domain::school::Grade;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One valid line of a roster file.
pub(super) struct Row {
    line: u32,
    class: String,
    grade: Grade,
    given: String,
    family: String,
    guardian: Option<(String, String, bool)>,
}

pub(super) fn parse(text: &str) -> (Vec<Row>, Vec<RowProblem>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    // Spreadsheets in a Danish locale save CSV with semicolons.
    let delimiter = if first_line.contains(';') && !first_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let problem = |line: u32, column: &str, kind| RowProblem {
        line,
        column: column.to_owned(),
        kind,
    };
    for (index, record) in reader.records().enumerate() {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let Ok(record) = record else {
            problems.push(problem(line, "", ProblemKind::Unreadable));
            continue;
        };
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        if line == 1 {
            let header_ok = cells.len() == IMPORT_COLUMNS.len()
                && cells
                    .iter()
                    .zip(IMPORT_COLUMNS)
                    .all(|(c, want)| c.to_lowercase() == want);
            if !header_ok {
                problems.push(problem(1, "", ProblemKind::WrongHeader));
                break;
            }
            continue;
        }
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if cells.len() != IMPORT_COLUMNS.len() {
            problems.push(problem(line, "", ProblemKind::Unreadable));
            continue;
        }
        let before = problems.len();
        let mut text_cell = |i: usize, max: usize| {
            let value = cells[i];
            if value.is_empty() {
                problems.push(problem(line, IMPORT_COLUMNS[i], ProblemKind::Missing));
            } else if value.chars().count() > max {
                problems.push(problem(line, IMPORT_COLUMNS[i], ProblemKind::TooLong));
            }
            value.to_owned()
        };
        let class = text_cell(0, MAX_CLASS_NAME);
        let given = text_cell(2, MAX_NAME);
        let family = text_cell(3, MAX_NAME);
        let grade = cells[1]
            .parse::<i64>()
            .ok()
            .and_then(|g| Grade::parse(g).ok());
        if grade.is_none() {
            problems.push(problem(line, IMPORT_COLUMNS[1], ProblemKind::InvalidGrade));
        }
        let (g_given, g_family, access) = (cells[4], cells[5], cells[6].to_lowercase());
        let has_access = match access.as_str() {
            "" | "ja" => true,
            "nej" => false,
            _ => {
                problems.push(problem(line, IMPORT_COLUMNS[6], ProblemKind::InvalidAccess));
                true
            }
        };
        let guardian = match (g_given.is_empty(), g_family.is_empty()) {
            (true, true) => None,
            (false, false)
                if g_given.chars().count() <= MAX_NAME && g_family.chars().count() <= MAX_NAME =>
            {
                Some((g_given.to_owned(), g_family.to_owned(), has_access))
            }
            (false, false) => {
                problems.push(problem(line, IMPORT_COLUMNS[4], ProblemKind::TooLong));
                None
            }
            _ => {
                problems.push(problem(
                    line,
                    IMPORT_COLUMNS[4],
                    ProblemKind::IncompleteGuardian,
                ));
                None
            }
        };
        if let (Some(grade), true) = (grade, problems.len() == before) {
            rows.push(Row {
                line,
                class,
                grade,
                given,
                family,
                guardian,
            });
        }
    }
    (rows, problems)
}

/// Reads a roster file (format in docs/roster-import.md) and reports what it would change. With
/// `apply` and no problem, makes those changes in one transaction; with any problem, changes
/// nothing. Importing the same file twice adds nothing the second time.
pub async fn import_roster(
    ctx: &RequestCtx,
    text: &str,
    apply: bool,
) -> Result<ImportReport, AppError> {
    let p = admin(ctx).await?;
    if text.len() > MAX_IMPORT_BYTES {
        return Err(AppError::invalid(Field::File));
    }
    let db = &ctx.db;
    let (rows, mut problems) = parse(text);
    if rows.is_empty() && problems.is_empty() {
        return Err(AppError::invalid(Field::File));
    }

    let existing = current_classes(db, p.school_id, p.school_year).await?;
    let mut grade_of: HashMap<String, i16> =
        existing.iter().map(|c| (c.name.clone(), c.grade)).collect();
    let mut classes_to_create = Vec::new();
    for row in &rows {
        let grade = i16::from(row.grade.value());
        match grade_of.get(&row.class) {
            Some(g) if *g != grade => problems.push(RowProblem {
                line: row.line,
                column: IMPORT_COLUMNS[1].to_owned(),
                kind: ProblemKind::GradeConflict,
            }),
            Some(_) => {}
            None => {
                grade_of.insert(row.class.clone(), grade);
                classes_to_create.push(row.class.clone());
            }
        }
    }

    // Who is already in each existing class, by name, so a second import adds nothing.
    let placements = pupil::Entity::find()
        .filter(pupil::Column::ClassId.is_in(existing.iter().map(|c| c.id).collect::<Vec<_>>()))
        .all(db)
        .await
        .map_err(db_err)?;
    let class_name: HashMap<i32, &str> = existing.iter().map(|c| (c.id, c.name.as_str())).collect();
    let placed_people: HashMap<i32, person::Model> = person::Entity::find()
        .filter(
            person::Column::Id.is_in(placements.iter().map(|p| p.person_id).collect::<Vec<_>>()),
        )
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut present: HashSet<(String, String, String)> = placements
        .iter()
        .filter_map(|pl| {
            let person = placed_people.get(&pl.person_id)?;
            Some((
                class_name.get(&pl.class_id)?.to_string(),
                person.given_name.clone(),
                person.family_name.clone(),
            ))
        })
        .collect();

    let mut report = ImportReport {
        classes_to_create,
        problems,
        ..ImportReport::default()
    };
    let mut new_rows = Vec::new();
    let mut new_guardians = HashSet::new();
    for row in &rows {
        if present.insert((row.class.clone(), row.given.clone(), row.family.clone())) {
            report.pupils_to_add += 1;
            if let Some((g, f, _)) = &row.guardian
                && new_guardians.insert((g.clone(), f.clone()))
            {
                report.guardians_to_add += 1;
            }
            new_rows.push(row);
        } else {
            report.pupils_unchanged += 1;
        }
    }
    report.problems.sort_by_key(|p| p.line);
    if !apply || !report.problems.is_empty() {
        return Ok(report);
    }

    let txn = crate::db::begin_write(db).await.map_err(db_err)?;
    let now = clock::now();
    let year = p.school_year;
    super::school_year::ensure(&txn, p.school_id, year).await?;
    let mut class_ids: HashMap<String, i32> =
        existing.iter().map(|c| (c.name.clone(), c.id)).collect();
    for name in &report.classes_to_create {
        let grade = grade_of.get(name).copied().unwrap_or(0);
        let created = school_class::ActiveModel {
            school_id: Set(p.school_id),
            name: Set(name.clone()),
            grade: Set(grade),
            school_year: Set(year),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        class_ids.insert(name.clone(), created.id);
    }
    let mut per_class: BTreeMap<i32, usize> = BTreeMap::new();
    for pl in &placements {
        *per_class.entry(pl.class_id).or_default() += 1;
    }
    let mut guardian_ids: HashMap<(String, String), i32> = HashMap::new();
    for row in new_rows {
        let class_id = class_ids
            .get(&row.class)
            .copied()
            .ok_or_else(AppError::internal)?;
        let n = per_class.entry(class_id).or_default();
        let avatar = avatar_number(*n);
        *n += 1;
        let pupil_id = new_person(
            &txn,
            p.school_id,
            &row.given,
            &row.family,
            Some(avatar),
            Role::Pupil,
            now,
        )
        .await?;
        pupil::ActiveModel {
            person_id: Set(pupil_id),
            class_id: Set(class_id),
        }
        .insert(&txn)
        .await
        .map_err(db_err)?;
        if let Some((given, family, has_access)) = &row.guardian {
            let key = (given.clone(), family.clone());
            let guardian_id = match guardian_ids.get(&key) {
                Some(id) => *id,
                None => {
                    let id = new_person(&txn, p.school_id, given, family, None, Role::Parent, now)
                        .await?;
                    guardian_ids.insert(key, id);
                    id
                }
            };
            guardianship::ActiveModel {
                guardian_id: Set(guardian_id),
                pupil_id: Set(pupil_id),
                has_access: Set(*has_access),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .map_err(db_err)?;
        }
    }
    txn.commit().await.map_err(db_err)?;
    report.applied = true;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "klasse,klassetrin,fornavn,efternavn,forælder_fornavn,forælder_efternavn,forælder_adgang";

    #[test]
    fn a_valid_file_parses_into_rows_with_optional_guardians() {
        let text = format!("{HEADER}\n2.C,2,Otto,Lind,Eva,Lind,ja\n2.C,2,Maja,Holt,,,\n");
        let (rows, problems) = parse(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].guardian, Some(("Eva".into(), "Lind".into(), true)));
        assert_eq!(rows[1].guardian, None);
    }

    #[test]
    fn semicolons_and_a_byte_order_mark_from_a_danish_spreadsheet_are_understood() {
        let text = format!(
            "\u{feff}{}\n2.C;2;Otto;Lind;Eva;Lind;nej\n",
            HEADER.replace(',', ";")
        );
        let (rows, problems) = parse(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].guardian, Some(("Eva".into(), "Lind".into(), false)));
    }

    #[test]
    fn bad_cells_are_reported_by_line_and_column() {
        let text = format!("{HEADER}\n2.C,12,Otto,Lind,,,\n,2,,Holt,Eva,,måske\n");
        let (rows, problems) = parse(&text);
        assert!(rows.is_empty());
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.line, p.column.as_str(), p.kind))
            .collect();
        assert_eq!(
            found,
            [
                (2, "klassetrin", ProblemKind::InvalidGrade),
                (3, "klasse", ProblemKind::Missing),
                (3, "fornavn", ProblemKind::Missing),
                (3, "forælder_adgang", ProblemKind::InvalidAccess),
                (3, "forælder_fornavn", ProblemKind::IncompleteGuardian),
            ]
        );
    }

    #[test]
    fn a_file_without_the_documented_header_is_refused_at_line_one() {
        let (_, problems) = parse("class,grade\n2.C,2\n");
        assert_eq!(problems[0].line, 1);
        assert_eq!(problems[0].kind, ProblemKind::WrongHeader);
    }

    #[test]
    fn a_line_with_the_wrong_number_of_columns_is_unreadable() {
        let (_, problems) = parse(&format!("{HEADER}\n2.C,2,Otto\n"));
        assert_eq!(
            (problems[0].line, problems[0].kind),
            (2, ProblemKind::Unreadable)
        );
    }
}
