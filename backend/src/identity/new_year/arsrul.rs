//! Which of last year's classes each class of next year's roster file continues, the way the
//! municipalities' own tools decide it (OS2skoledata's årsrul): a whole year group renamed
//! together is one class each moving up; otherwise a class whose pupils are at least 70 % the
//! same is the same class; otherwise the file's class is new, and last year's ends (or, after
//! 9. klasse, leaves the school). Pure, so each rule is tested here.

use super::next_name;
use domain::roster::ClassMatchRule;
use std::collections::{BTreeMap, HashSet};

/// Who a pupil is, as far as a file can tell: the UNI-ID decides when both sides have one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PupilKey {
    pub uni_id: Option<String>,
    pub given: String,
    pub family: String,
}

impl PupilKey {
    fn same_as(&self, other: &PupilKey) -> bool {
        match (&self.uni_id, &other.uni_id) {
            (Some(a), Some(b)) => a == b,
            _ => self.given == other.given && self.family == other.family,
        }
    }
}

/// A class, last year's or the file's, with its pupils.
#[derive(Clone, Debug)]
pub(crate) struct ClassPupils {
    pub name: String,
    pub grade: i16,
    pub pupils: Vec<PupilKey>,
}

/// What becomes of one of last year's classes: the file's class it continues as, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Continues {
    pub to: Option<(String, i16)>,
    pub rule: ClassMatchRule,
}

/// The share of pupils two classes have in common, in whole per cent of the larger class.
fn overlap(a: &ClassPupils, b: &ClassPupils) -> u8 {
    let larger = a.pupils.len().max(b.pupils.len());
    if larger == 0 {
        return 0;
    }
    let common = a
        .pupils
        .iter()
        .filter(|p| b.pupils.iter().any(|q| p.same_as(q)))
        .count();
    u8::try_from(common * 100 / larger).unwrap_or(100)
}

/// The least share of the same pupils that makes a class the same class.
const SAME_CLASS_PERCENT: u8 = 70;

/// For each of last year's classes (in order), what it becomes in the file.
pub(crate) fn match_classes(last: &[ClassPupils], file: &[ClassPupils]) -> Vec<Continues> {
    let mut result: Vec<Option<Continues>> = vec![None; last.len()];
    let mut taken: HashSet<&str> = HashSet::new();

    // A year group renamed together: every class of grade g became the class one grade up of
    // the same letter, and the file's grade g + 1 is exactly those classes.
    let mut by_grade: BTreeMap<i16, Vec<usize>> = BTreeMap::new();
    for (i, class) in last.iter().enumerate() {
        by_grade.entry(class.grade).or_default().push(i);
    }
    for (grade, classes) in &by_grade {
        let next: HashSet<String> = classes
            .iter()
            .map(|i| next_name(&last[*i].name, *grade))
            .collect();
        let in_file: HashSet<String> = file
            .iter()
            .filter(|f| f.grade == grade + 1)
            .map(|f| f.name.clone())
            .collect();
        let renamed = classes
            .iter()
            .all(|i| next_name(&last[*i].name, *grade) != last[*i].name);
        if renamed && next.len() == classes.len() && next == in_file {
            for i in classes {
                let to = next_name(&last[*i].name, *grade);
                if let Some(f) = file.iter().find(|f| f.name == to) {
                    taken.insert(&f.name);
                    result[*i] = Some(Continues {
                        to: Some((f.name.clone(), f.grade)),
                        rule: ClassMatchRule::YearGroupMovedUp,
                    });
                }
            }
        }
    }

    // Otherwise the same pupils: the best pairs first, each of the file's classes used once.
    let mut pairs: Vec<(u8, usize, usize)> = Vec::new();
    for (i, old) in last
        .iter()
        .enumerate()
        .filter(|(i, _)| result[*i].is_none())
    {
        for (j, new) in file.iter().enumerate() {
            let percent = overlap(old, new);
            if !taken.contains(new.name.as_str())
                && new.grade > old.grade
                && percent >= SAME_CLASS_PERCENT
            {
                pairs.push((percent, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (percent, i, j) in pairs {
        if result[i].is_some() || taken.contains(file[j].name.as_str()) {
            continue;
        }
        taken.insert(&file[j].name);
        result[i] = Some(Continues {
            to: Some((file[j].name.clone(), file[j].grade)),
            rule: ClassMatchRule::SamePupils { percent },
        });
    }

    result
        .into_iter()
        .zip(last)
        .map(|(found, class)| {
            found.unwrap_or(Continues {
                to: None,
                rule: if class.grade >= super::LAST_GRADE {
                    ClassMatchRule::Graduates
                } else {
                    ClassMatchRule::Ends
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pupil(given: &str, uni_id: Option<&str>) -> PupilKey {
        PupilKey {
            uni_id: uni_id.map(str::to_owned),
            given: given.into(),
            family: "Holm".into(),
        }
    }

    fn class(name: &str, grade: i16, pupils: &[&str]) -> ClassPupils {
        ClassPupils {
            name: name.into(),
            grade,
            pupils: pupils.iter().map(|g| pupil(g, None)).collect(),
        }
    }

    fn to(name: &str, grade: i16, rule: ClassMatchRule) -> Continues {
        Continues {
            to: Some((name.into(), grade)),
            rule,
        }
    }

    #[test]
    fn a_year_group_renamed_together_moves_up_class_by_class_whoever_is_in_it() {
        let last = [
            class("1.A", 1, &["Ada", "Bo"]),
            class("1.B", 1, &["Cai", "Dea"]),
        ];
        // Two pupils swapped classes: the year group still moved up as a whole.
        let file = [
            class("2.A", 2, &["Ada", "Cai"]),
            class("2.B", 2, &["Bo", "Dea"]),
        ];
        assert_eq!(
            match_classes(&last, &file),
            [
                to("2.A", 2, ClassMatchRule::YearGroupMovedUp),
                to("2.B", 2, ClassMatchRule::YearGroupMovedUp)
            ]
        );
    }

    #[test]
    fn a_renamed_class_with_mostly_the_same_pupils_is_the_same_class() {
        let last = [class("3.A", 3, &["Ada", "Bo", "Cai", "Dea"])];
        // The school re-lettered the year group: 3 of 4 pupils are the same.
        let file = [
            class("4.X", 4, &["Ada", "Bo", "Cai", "Eik"]),
            class("4.Y", 4, &["Dea", "Fie", "Gro", "Hal"]),
        ];
        assert_eq!(
            match_classes(&last, &file),
            [to("4.X", 4, ClassMatchRule::SamePupils { percent: 75 })]
        );
    }

    #[test]
    fn fewer_than_seventy_per_cent_the_same_is_a_new_class_and_last_years_ends() {
        let last = [class("5.A", 5, &["Ada", "Bo", "Cai"])];
        let file = [class("6.Z", 6, &["Ada", "Bo", "Eik"])];
        assert_eq!(
            match_classes(&last, &file),
            [Continues {
                to: None,
                rule: ClassMatchRule::Ends
            }]
        );
    }

    #[test]
    fn two_classes_merged_into_one_continue_as_the_one_with_most_of_its_pupils() {
        let last = [
            class("7.A", 7, &["Ada", "Bo", "Cai", "Dea", "Eik"]),
            class("7.B", 7, &["Fie"]),
        ];
        let file = [class("8.S", 8, &["Ada", "Bo", "Cai", "Dea", "Fie"])];
        assert_eq!(
            match_classes(&last, &file),
            [
                to("8.S", 8, ClassMatchRule::SamePupils { percent: 80 }),
                Continues {
                    to: None,
                    rule: ClassMatchRule::Ends
                }
            ]
        );
    }

    #[test]
    fn ninth_grade_leaves_unless_the_file_has_it_in_tenth() {
        let last = [class("9.A", 9, &["Ada"]), class("9.B", 9, &["Bo", "Cai"])];
        let file = [class("10.A", 10, &["Bo", "Cai"])];
        assert_eq!(
            match_classes(&last, &file),
            [
                Continues {
                    to: None,
                    rule: ClassMatchRule::Graduates
                },
                to("10.A", 10, ClassMatchRule::SamePupils { percent: 100 })
            ]
        );
    }

    #[test]
    fn a_uni_id_tells_two_pupils_of_the_same_name_apart() {
        let last = [ClassPupils {
            name: "2.A".into(),
            grade: 2,
            pupils: vec![pupil("Ada", Some("ada0000001")), pupil("Bo", None)],
        }];
        let file = [ClassPupils {
            name: "3.Q".into(),
            grade: 3,
            pupils: vec![pupil("Ada", Some("ada0000002")), pupil("Bo", None)],
        }];
        assert_eq!(
            match_classes(&last, &file),
            [Continues {
                to: None,
                rule: ClassMatchRule::Ends
            }]
        );
    }

    #[test]
    fn a_class_not_named_by_its_grade_is_matched_by_its_pupils() {
        let last = [class("Spirerne", 0, &["Ada", "Bo"])];
        let file = [class("Spirerne", 1, &["Ada", "Bo"])];
        assert_eq!(
            match_classes(&last, &file),
            [to(
                "Spirerne",
                1,
                ClassMatchRule::SamePupils { percent: 100 }
            )]
        );
    }
}
