//! Reading a roster file: its text encoding, its header and its lines, each checked on its own.
//! Whether a line agrees with the rest of the file and with the school is `plan`'s question.

use super::super::roster::{MAX_CLASS_NAME, MAX_NAME};
use domain::identity::{Role, UniId};
use domain::roster::{ImportColumn, ImportKind, ProblemKind, RowProblem};
use domain::school::Grade;
use std::collections::HashMap;

/// The file's text. Excel in a Danish locale saves "CSV (semikolonsepareret)" in Windows-1252,
/// and "CSV UTF-8" with a byte-order mark; text that is not valid UTF-8 is read as Windows-1252,
/// which maps every byte, so nothing is refused for its encoding alone.
pub(super) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

#[derive(Debug, PartialEq)]
pub(crate) struct Guardian {
    pub given: String,
    pub family: String,
    pub has_access: bool,
    pub uni_id: Option<String>,
}

/// One line of a pupil list that is valid on its own.
#[derive(Debug, PartialEq)]
pub(crate) struct PupilLine {
    pub line: u32,
    pub class: String,
    pub grade: Grade,
    pub given: String,
    pub family: String,
    pub uni_id: Option<String>,
    pub guardian: Option<Guardian>,
}

/// One line of a staff list that is valid on its own.
#[derive(Debug, PartialEq)]
pub(crate) struct StaffLine {
    pub line: u32,
    pub given: String,
    pub family: String,
    pub role: Role,
    pub uni_id: String,
}

#[derive(Debug)]
pub(crate) struct Parsed {
    pub kind: ImportKind,
    /// Lines after the header that were not blank.
    pub lines: u32,
    pub pupils: Vec<PupilLine>,
    pub staff: Vec<StaffLine>,
    pub problems: Vec<RowProblem>,
}

/// A staff role as a school writes it.
fn role(cell: &str) -> Option<Role> {
    match cell.to_lowercase().as_str() {
        "lærer" | "laerer" => Some(Role::Teacher),
        "pædagog" | "paedagog" => Some(Role::Paedagog),
        "leder" | "skoleleder" => Some(Role::Leader),
        "administration" | "administrativ" | "kontor" => Some(Role::Administrator),
        _ => None,
    }
}

/// The columns the header names, by position; or why the header is not one of a roster file.
fn header(cells: &[&str]) -> Result<(ImportKind, HashMap<ImportColumn, usize>), RowProblem> {
    let mut at = HashMap::new();
    for (i, cell) in cells.iter().enumerate() {
        let Some(column) = ImportColumn::from_header(cell) else {
            return Err(RowProblem::new(1, None, ProblemKind::UnknownColumn));
        };
        if at.insert(column, i).is_some() {
            return Err(RowProblem::new(
                1,
                Some(column),
                ProblemKind::DuplicateColumn,
            ));
        }
    }
    let kind = if at.contains_key(&ImportColumn::Role) {
        ImportKind::Staff
    } else {
        ImportKind::Pupils
    };
    if let Some(missing) = kind.required().iter().find(|c| !at.contains_key(c)) {
        return Err(RowProblem::new(1, Some(*missing), ProblemKind::WrongHeader));
    }
    if let Some(stray) = at
        .keys()
        .find(|c| !kind.required().contains(c) && !kind.optional().contains(c))
    {
        return Err(RowProblem::new(1, Some(*stray), ProblemKind::UnknownColumn));
    }
    Ok((kind, at))
}

/// The cells of one line, by column, collecting what is wrong with them.
struct Cells<'a> {
    line: u32,
    cells: Vec<&'a str>,
    at: &'a HashMap<ImportColumn, usize>,
    problems: Vec<RowProblem>,
}

impl<'a> Cells<'a> {
    fn get(&self, column: ImportColumn) -> &'a str {
        self.at
            .get(&column)
            .and_then(|i| self.cells.get(*i))
            .copied()
            .unwrap_or_default()
    }

    fn problem(&mut self, column: ImportColumn, kind: ProblemKind) {
        self.problems
            .push(RowProblem::new(self.line, Some(column), kind));
    }

    fn text(&mut self, column: ImportColumn, max: usize) -> String {
        let value = self.get(column);
        if value.is_empty() {
            self.problem(column, ProblemKind::Missing);
        } else if value.chars().count() > max {
            self.problem(column, ProblemKind::TooLong);
        }
        value.to_owned()
    }

    fn uni_id(&mut self, column: ImportColumn) -> Option<String> {
        let value = self.get(column);
        if value.is_empty() {
            return None;
        }
        match UniId::parse(value) {
            Ok(id) => Some(id.as_str().to_owned()),
            Err(_) => {
                self.problem(column, ProblemKind::InvalidUniId);
                None
            }
        }
    }

    fn guardian(&mut self) -> Option<Guardian> {
        let given = self.get(ImportColumn::GuardianGivenName);
        let family = self.get(ImportColumn::GuardianFamilyName);
        let uni_id = self.uni_id(ImportColumn::GuardianUniId);
        let has_access = match self
            .get(ImportColumn::GuardianAccess)
            .to_lowercase()
            .as_str()
        {
            "" | "ja" => true,
            "nej" => false,
            _ => {
                self.problem(ImportColumn::GuardianAccess, ProblemKind::InvalidAccess);
                true
            }
        };
        let named = (!given.is_empty(), !family.is_empty());
        if named == (false, false) && self.get(ImportColumn::GuardianUniId).is_empty() {
            return None;
        }
        if named != (true, true) {
            self.problem(
                ImportColumn::GuardianGivenName,
                ProblemKind::IncompleteGuardian,
            );
            return None;
        }
        if given.chars().count() > MAX_NAME || family.chars().count() > MAX_NAME {
            self.problem(ImportColumn::GuardianGivenName, ProblemKind::TooLong);
            return None;
        }
        Some(Guardian {
            given: given.to_owned(),
            family: family.to_owned(),
            has_access,
            uni_id,
        })
    }
}

pub(super) fn parse(text: &str) -> Parsed {
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
    let mut parsed = Parsed {
        kind: ImportKind::Pupils,
        lines: 0,
        pupils: Vec::new(),
        staff: Vec::new(),
        problems: Vec::new(),
    };
    let mut records = reader.records();
    let at = match records.next() {
        Some(Ok(record)) => {
            let cells: Vec<&str> = record.iter().collect();
            match header(&cells) {
                Ok((kind, at)) => {
                    parsed.kind = kind;
                    at
                }
                Err(problem) => {
                    parsed.problems.push(problem);
                    return parsed;
                }
            }
        }
        _ => {
            parsed
                .problems
                .push(RowProblem::new(1, None, ProblemKind::WrongHeader));
            return parsed;
        }
    };
    for (index, record) in records.enumerate() {
        let line = u32::try_from(index + 2).unwrap_or(u32::MAX);
        let Ok(record) = record else {
            parsed
                .problems
                .push(RowProblem::new(line, None, ProblemKind::Unreadable));
            continue;
        };
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        parsed.lines += 1;
        if cells.len() != at.len() {
            parsed
                .problems
                .push(RowProblem::new(line, None, ProblemKind::Unreadable));
            continue;
        }
        let mut c = Cells {
            line,
            cells,
            at: &at,
            problems: Vec::new(),
        };
        match parsed.kind {
            ImportKind::Pupils => {
                let class = c.text(ImportColumn::Class, MAX_CLASS_NAME);
                let grade = c
                    .get(ImportColumn::Grade)
                    .parse::<i64>()
                    .ok()
                    .and_then(|g| Grade::parse(g).ok());
                if grade.is_none() {
                    c.problem(ImportColumn::Grade, ProblemKind::InvalidGrade);
                }
                let given = c.text(ImportColumn::GivenName, MAX_NAME);
                let family = c.text(ImportColumn::FamilyName, MAX_NAME);
                let uni_id = c.uni_id(ImportColumn::UniId);
                let guardian = c.guardian();
                if let (Some(grade), true) = (grade, c.problems.is_empty()) {
                    parsed.pupils.push(PupilLine {
                        line,
                        class,
                        grade,
                        given,
                        family,
                        uni_id,
                        guardian,
                    });
                }
            }
            ImportKind::Staff => {
                let given = c.text(ImportColumn::GivenName, MAX_NAME);
                let family = c.text(ImportColumn::FamilyName, MAX_NAME);
                let role = role(c.get(ImportColumn::Role));
                if role.is_none() {
                    c.problem(ImportColumn::Role, ProblemKind::InvalidRole);
                }
                let uni_id = c.uni_id(ImportColumn::UniId);
                if c.get(ImportColumn::UniId).is_empty() {
                    c.problem(ImportColumn::UniId, ProblemKind::Missing);
                }
                if let (Some(role), Some(uni_id), true) = (role, uni_id, c.problems.is_empty()) {
                    parsed.staff.push(StaffLine {
                        line,
                        given,
                        family,
                        role,
                        uni_id,
                    });
                }
            }
        }
        parsed.problems.append(&mut c.problems);
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "klasse,klassetrin,fornavn,efternavn,forælder_fornavn,forælder_efternavn,forælder_adgang";

    fn found(parsed: &Parsed) -> Vec<(u32, Option<&str>, ProblemKind)> {
        parsed
            .problems
            .iter()
            .map(|p| (p.line, p.column.map(ImportColumn::header), p.kind))
            .collect()
    }

    #[test]
    fn a_valid_pupil_list_parses_into_lines_with_optional_guardians() {
        let parsed = parse(&format!(
            "{HEADER}\n2.C,2,Otto,Lind,Eva,Lind,ja\n2.C,2,Maja,Holt,,,\n"
        ));
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!((parsed.kind, parsed.lines), (ImportKind::Pupils, 2));
        assert_eq!(
            parsed.pupils[0].guardian,
            Some(Guardian {
                given: "Eva".into(),
                family: "Lind".into(),
                has_access: true,
                uni_id: None
            })
        );
        assert_eq!(parsed.pupils[1].guardian, None);
    }

    #[test]
    fn columns_may_come_in_any_order_with_uni_ids_for_pupils_and_guardians() {
        let parsed = parse(
            "UNI_ID;Fornavn;Efternavn;Klasse;Klassetrin;Forælder-UNI-ID;Forælder fornavn;Forælder efternavn\n\
             OTTO1234;Otto;Lind;2.C;2;eva98765;Eva;Lind\n",
        );
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let otto = &parsed.pupils[0];
        assert_eq!(otto.uni_id.as_deref(), Some("otto1234"));
        assert_eq!(
            otto.guardian.as_ref().and_then(|g| g.uni_id.as_deref()),
            Some("eva98765")
        );
    }

    #[test]
    fn excel_windows_1252_and_utf8_with_a_byte_order_mark_read_the_same() {
        let utf8 = format!("{HEADER}\n2.C,2,Søren,Ærø,Åse,Ærø,ja\n");
        let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&utf8);
        assert!(!unmappable);
        assert_ne!(cp1252.as_ref(), utf8.as_bytes(), "the bytes differ");
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), utf8.as_bytes()].concat();
        assert_eq!(decode(&cp1252), utf8);
        assert_eq!(decode(&with_bom), utf8);
        assert_eq!(parse(&decode(&cp1252)).pupils[0].given, "Søren");
    }

    #[test]
    fn a_staff_list_is_told_by_its_role_column_and_needs_a_uni_id_per_line() {
        let parsed = parse(
            "fornavn,efternavn,rolle,uni_id\nBo,Holm,Lærer,bohol123\nPia,Dahl,pædagog,\nJan,Ek,rektor,janek123\n",
        );
        assert_eq!(parsed.kind, ImportKind::Staff);
        assert_eq!(
            parsed.staff,
            [StaffLine {
                line: 2,
                given: "Bo".into(),
                family: "Holm".into(),
                role: Role::Teacher,
                uni_id: "bohol123".into()
            }]
        );
        assert_eq!(
            found(&parsed),
            [
                (3, Some("uni_id"), ProblemKind::Missing),
                (4, Some("rolle"), ProblemKind::InvalidRole)
            ]
        );
    }

    #[test]
    fn bad_cells_are_reported_by_line_and_column() {
        let parsed = parse(&format!(
            "{HEADER}\n2.C,12,Otto,Lind,,,\n,2,,Holt,Eva,,måske\n"
        ));
        assert!(parsed.pupils.is_empty());
        assert_eq!(
            found(&parsed),
            [
                (2, Some("klassetrin"), ProblemKind::InvalidGrade),
                (3, Some("klasse"), ProblemKind::Missing),
                (3, Some("fornavn"), ProblemKind::Missing),
                (3, Some("forælder_adgang"), ProblemKind::InvalidAccess),
                (3, Some("forælder_fornavn"), ProblemKind::IncompleteGuardian),
            ]
        );
    }

    #[test]
    fn a_bad_uni_id_is_named_and_the_line_is_not_used() {
        let parsed = parse("klasse,klassetrin,fornavn,efternavn,uni_id\n2.C,2,Otto,Lind,o!\n");
        assert!(parsed.pupils.is_empty());
        assert_eq!(
            found(&parsed),
            [(2, Some("uni_id"), ProblemKind::InvalidUniId)]
        );
    }

    #[test]
    fn a_header_that_is_not_a_roster_files_is_refused_at_line_one() {
        assert_eq!(
            found(&parse("class,grade\n2.C,2\n")),
            [(1, None, ProblemKind::UnknownColumn)]
        );
        assert_eq!(
            found(&parse("klasse,fornavn,efternavn\n2.C,Otto,Lind\n")),
            [(1, Some("klassetrin"), ProblemKind::WrongHeader)]
        );
        assert_eq!(
            found(&parse("klasse,klassetrin,fornavn,efternavn,klasse\n")),
            [(1, Some("klasse"), ProblemKind::DuplicateColumn)]
        );
        assert_eq!(
            found(&parse("fornavn,efternavn,rolle,uni_id,klasse\n")),
            [(1, Some("klasse"), ProblemKind::UnknownColumn)]
        );
        assert_eq!(found(&parse("")), [(1, None, ProblemKind::WrongHeader)]);
    }

    #[test]
    fn a_line_with_the_wrong_number_of_columns_is_unreadable() {
        let parsed = parse(&format!("{HEADER}\n2.C,2,Otto\n"));
        assert_eq!(found(&parsed), [(2, None, ProblemKind::Unreadable)]);
    }
}
