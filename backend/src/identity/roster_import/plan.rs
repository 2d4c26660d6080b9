//! Deciding what a roster file means for the school as it is: who is already here, who is new,
//! who moves, and which lines cannot be applied. Pure, so every matching rule is tested here
//! without a database.
//!
//! The rules: a UNI-ID decides who someone is, wherever they are. Without one, a pupil is matched
//! by name only within the class the line names; a same-named pupil in another class is a possible
//! duplicate the leader must settle, never a silent match or a silent second person. A guardian
//! without a UNI-ID is matched only among that child's own guardians, so two unrelated guardians
//! with the same name never become one.

use super::parse::{PupilLine, StaffLine};
use domain::identity::Role;
use domain::roster::{ImportColumn, ImportKind, ImportReport, ProblemKind, PupilMove, RowProblem};
use std::collections::HashMap;

/// Someone the school already has.
#[derive(Clone, Debug)]
pub(super) struct Known {
    pub given: String,
    pub family: String,
    pub uni_id: Option<String>,
    pub roles: Vec<Role>,
    /// No longer at the school (a pupil who left, a deactivated staff member).
    pub left: bool,
}

/// The school as the import finds it: people, this year's classes, placements, guardians.
#[derive(Debug, Default)]
pub(super) struct School {
    pub people: HashMap<i32, Known>,
    /// This year's classes: id by name, and grade.
    pub classes: HashMap<String, (i32, i16)>,
    /// Which of this year's classes each pupil is in.
    pub placement: HashMap<i32, i32>,
    pub guardians_of: HashMap<i32, Vec<i32>>,
    /// Last year's classes of pupils the new year has no class for yet, by id (opening a year
    /// from a file): their names, for the report.
    pub earlier_classes: HashMap<i32, String>,
}

impl School {
    fn by_uni_id(&self, uni_id: &str) -> Option<i32> {
        self.people
            .iter()
            .find(|(_, k)| k.uni_id.as_deref() == Some(uni_id))
            .map(|(id, _)| *id)
    }

    fn class_name(&self, class_id: i32) -> Option<&str> {
        self.classes
            .iter()
            .find(|(_, (id, _))| *id == class_id)
            .map(|(name, _)| name.as_str())
            .or_else(|| self.earlier_classes.get(&class_id).map(String::as_str))
    }

    /// Pupils at the school now, in a class of this year, with this name.
    fn placed_named(&self, given: &str, family: &str) -> impl Iterator<Item = (i32, i32)> + '_ {
        let (given, family) = (given.to_owned(), family.to_owned());
        self.placement.iter().filter_map(move |(person, class)| {
            let k = self.people.get(person)?;
            (!k.left && k.given == given && k.family == family).then_some((*person, *class))
        })
    }
}

/// A person the import refers to: one already here, or the n-th it creates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Who {
    Known(i32),
    New(usize),
}

#[derive(Debug, PartialEq)]
pub(super) struct NewPerson {
    pub given: String,
    pub family: String,
    pub uni_id: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct Plan {
    pub new_classes: Vec<(String, i16)>,
    /// New pupils, each with the name of their class.
    pub new_pupils: Vec<(NewPerson, String)>,
    /// Known pupils placed in a class (moving, or coming back to the school).
    pub moves: Vec<(i32, String)>,
    /// Known pupils who get a UNI-ID.
    pub links: Vec<(i32, String)>,
    pub new_guardians: Vec<NewPerson>,
    /// (pupil, guardian, has access): guardianships to add.
    pub guardianships: Vec<(Who, Who, bool)>,
    pub new_staff: Vec<(NewPerson, Vec<Role>)>,
    /// Roles given to people already here.
    pub roles: Vec<(i32, Role)>,
}

pub(super) fn pupils(school: &School, lines: &[PupilLine], report: &mut ImportReport) -> Plan {
    let mut plan = Plan::default();
    let mut problems = Vec::new();
    let clash = |line: u32, column, kind, other: u32| RowProblem {
        line,
        column: Some(column),
        kind,
        other_line: Some(other),
    };
    let mut grade_of: HashMap<&str, i16> = school
        .classes
        .iter()
        .map(|(name, (_, grade))| (name.as_str(), *grade))
        .collect();
    // The file's pupils so far: by UNI-ID and by (class, name), with the line that named them.
    let mut by_uni: HashMap<&str, (Who, &PupilLine)> = HashMap::new();
    let mut by_name: HashMap<(&str, &str, &str), (Who, &PupilLine)> = HashMap::new();
    let mut claimed: HashMap<i32, u32> = HashMap::new();
    let mut guardian_by_uni: HashMap<&str, (Who, &PupilLine)> = HashMap::new();
    // Guardians added to each pupil by this file, by name, so a child's second line adds no one.
    let mut named_guardians: HashMap<Who, Vec<(String, String, Who)>> = HashMap::new();
    let mut linked: Vec<(Who, Who)> = Vec::new();

    for line in lines {
        let grade = i16::from(line.grade.value());
        match grade_of.get(line.class.as_str()) {
            Some(g) if *g != grade => {
                problems.push(RowProblem::new(
                    line.line,
                    Some(ImportColumn::Grade),
                    ProblemKind::GradeConflict,
                ));
                continue;
            }
            Some(_) => {}
            None => {
                grade_of.insert(&line.class, grade);
                plan.new_classes.push((line.class.clone(), grade));
            }
        }
        let same_line = |other: &PupilLine| {
            other.class == line.class && other.given == line.given && other.family == line.family
        };
        let name_key = (
            line.class.as_str(),
            line.given.as_str(),
            line.family.as_str(),
        );
        let seen = match &line.uni_id {
            Some(uni) => by_uni.get(uni.as_str()).copied().or_else(|| {
                // The pupil an earlier line named without a UNI-ID gets this one, if they have
                // none yet and nobody here has it.
                let (who, first) = by_name.get(&name_key).copied()?;
                let has_one = match who {
                    Who::Known(id) => school.people.get(&id).is_some_and(|k| k.uni_id.is_some()),
                    Who::New(_) => false,
                };
                (first.uni_id.is_none() && !has_one && school.by_uni_id(uni).is_none()).then(|| {
                    give_uni_id(&mut plan, report, who, uni);
                    by_uni.insert(uni, (who, line));
                    (who, line)
                })
            }),
            None => by_name.get(&name_key).copied(),
        };
        let pupil = if let Some((who, first)) = seen {
            if !same_line(first) {
                problems.push(clash(
                    line.line,
                    ImportColumn::UniId,
                    ProblemKind::SamePersonTwice,
                    first.line,
                ));
                continue;
            }
            who
        } else {
            let Some(who) = place(school, line, &mut plan, report, &mut problems) else {
                continue;
            };
            if let Who::Known(id) = who
                && let Some(other) = claimed.insert(id, line.line)
            {
                problems.push(clash(
                    line.line,
                    ImportColumn::GivenName,
                    ProblemKind::SamePersonTwice,
                    other,
                ));
                continue;
            }
            if let Some(uni) = &line.uni_id {
                by_uni.insert(uni, (who, line));
            }
            by_name.entry(name_key).or_insert((who, line));
            who
        };

        let Some(g) = &line.guardian else { continue };
        let guardian = if let Some(uni) = &g.uni_id {
            if let Some((who, first)) = guardian_by_uni.get(uni.as_str()).copied() {
                let first_g = first.guardian.as_ref();
                if first_g.is_some_and(|f| f.given != g.given || f.family != g.family) {
                    problems.push(clash(
                        line.line,
                        ImportColumn::GuardianUniId,
                        ProblemKind::SamePersonTwice,
                        first.line,
                    ));
                    continue;
                }
                who
            } else if by_uni.contains_key(uni.as_str()) {
                problems.push(RowProblem::new(
                    line.line,
                    Some(ImportColumn::GuardianUniId),
                    ProblemKind::UniIdOfSomeoneElse,
                ));
                continue;
            } else {
                // The child's own guardian of that name, without a UNI-ID yet, gets this one.
                let own_unlinked = match pupil {
                    Who::Known(p) => school
                        .guardians_of
                        .get(&p)
                        .into_iter()
                        .flatten()
                        .copied()
                        .find(|gid| {
                            school.people.get(gid).is_some_and(|k| {
                                k.uni_id.is_none() && k.given == g.given && k.family == g.family
                            })
                        }),
                    Who::New(_) => None,
                };
                let who = match (school.by_uni_id(uni), own_unlinked) {
                    (None, Some(gid)) => {
                        plan.links.push((gid, uni.clone()));
                        Who::Known(gid)
                    }
                    (Some(id), _) if school.people[&id].roles.contains(&Role::Pupil) => {
                        problems.push(RowProblem::new(
                            line.line,
                            Some(ImportColumn::GuardianUniId),
                            ProblemKind::UniIdOfSomeoneElse,
                        ));
                        continue;
                    }
                    (Some(id), _) => {
                        if !school.people[&id].roles.contains(&Role::Parent) {
                            plan.roles.push((id, Role::Parent));
                        }
                        Who::Known(id)
                    }
                    (None, None) => {
                        plan.new_guardians.push(NewPerson {
                            given: g.given.clone(),
                            family: g.family.clone(),
                            uni_id: Some(uni.clone()),
                        });
                        report.guardians_to_add += 1;
                        Who::New(plan.new_guardians.len() - 1)
                    }
                };
                guardian_by_uni.insert(uni, (who, line));
                who
            }
        } else {
            let known = match pupil {
                Who::Known(id) => school
                    .guardians_of
                    .get(&id)
                    .into_iter()
                    .flatten()
                    .find(|gid| {
                        school
                            .people
                            .get(gid)
                            .is_some_and(|k| k.given == g.given && k.family == g.family)
                    })
                    .map(|gid| Who::Known(*gid)),
                Who::New(_) => None,
            };
            let added = named_guardians.entry(pupil).or_default();
            match known.or_else(|| {
                added
                    .iter()
                    .find(|(given, family, _)| *given == g.given && *family == g.family)
                    .map(|(_, _, who)| *who)
            }) {
                Some(who) => who,
                None => {
                    plan.new_guardians.push(NewPerson {
                        given: g.given.clone(),
                        family: g.family.clone(),
                        uni_id: None,
                    });
                    report.guardians_to_add += 1;
                    let who = Who::New(plan.new_guardians.len() - 1);
                    added.push((g.given.clone(), g.family.clone(), who));
                    who
                }
            }
        };
        let already = match (pupil, guardian) {
            (Who::Known(p), Who::Known(g)) => school
                .guardians_of
                .get(&p)
                .is_some_and(|gs| gs.contains(&g)),
            _ => false,
        } || linked.contains(&(pupil, guardian));
        if !already {
            linked.push((pupil, guardian));
            plan.guardianships.push((pupil, guardian, g.has_access));
            if matches!(guardian, Who::Known(_)) {
                report.guardians_to_link += 1;
            }
        }
    }
    report.classes_to_create = plan.new_classes.iter().map(|(n, _)| n.clone()).collect();
    report.problems.append(&mut problems);
    plan
}

/// A pupil an earlier line named without a UNI-ID gets the one a later line gives.
fn give_uni_id(plan: &mut Plan, report: &mut ImportReport, who: Who, uni: &str) {
    match who {
        Who::New(i) => {
            if let Some((person, _)) = plan.new_pupils.get_mut(i) {
                person.uni_id = Some(uni.to_owned());
            }
        }
        Who::Known(id) => {
            plan.links.push((id, uni.to_owned()));
            report.pupils_to_link += 1;
            report.pupils_unchanged = report.pupils_unchanged.saturating_sub(1);
        }
    }
}

/// Who a pupil line's pupil is, and what placing them in the line's class takes; `None` with a
/// problem when the line cannot be applied.
fn place(
    school: &School,
    line: &PupilLine,
    plan: &mut Plan,
    report: &mut ImportReport,
    problems: &mut Vec<RowProblem>,
) -> Option<Who> {
    let problem = |column, kind| RowProblem::new(line.line, Some(column), kind);
    let target = school.classes.get(&line.class).map(|(id, _)| *id);
    if let Some(uni) = &line.uni_id
        && let Some(id) = school.by_uni_id(uni)
    {
        let known = &school.people[&id];
        if !known.roles.contains(&Role::Pupil) {
            problems.push(problem(
                ImportColumn::UniId,
                ProblemKind::UniIdOfSomeoneElse,
            ));
            return None;
        }
        let now_in = school.placement.get(&id).copied().filter(|_| !known.left);
        if now_in.is_some() && now_in == target {
            report.pupils_unchanged += 1;
        } else {
            plan.moves.push((id, line.class.clone()));
            report.pupils_to_move.push(PupilMove {
                name: format!("{} {}", known.given, known.family),
                from: now_in.and_then(|c| school.class_name(c)).map(str::to_owned),
                to: line.class.clone(),
            });
        }
        return Some(Who::Known(id));
    }
    let named: Vec<(i32, i32)> = school.placed_named(&line.given, &line.family).collect();
    let candidates: Vec<i32> = named
        .iter()
        .filter(|(id, class)| {
            Some(*class) == target && (line.uni_id.is_none() || school.people[id].uni_id.is_none())
        })
        .map(|(id, _)| *id)
        .collect();
    // Two pupils of that name in the class: which one the line means cannot be told.
    if candidates.len() > 1 {
        problems.push(problem(
            ImportColumn::GivenName,
            ProblemKind::PossibleDuplicate,
        ));
        return None;
    }
    let here = candidates.first().copied();
    if let Some(id) = here {
        match &line.uni_id {
            Some(uni) => {
                plan.links.push((id, uni.clone()));
                report.pupils_to_link += 1;
            }
            None => report.pupils_unchanged += 1,
        }
        return Some(Who::Known(id));
    }
    // A same-named pupil elsewhere is only surely someone else when both have UNI-IDs.
    let maybe_same = named.iter().any(|(id, class)| {
        Some(*class) != target && (line.uni_id.is_none() || school.people[id].uni_id.is_none())
    });
    if maybe_same {
        problems.push(problem(
            ImportColumn::GivenName,
            ProblemKind::PossibleDuplicate,
        ));
        return None;
    }
    plan.new_pupils.push((
        NewPerson {
            given: line.given.clone(),
            family: line.family.clone(),
            uni_id: line.uni_id.clone(),
        },
        line.class.clone(),
    ));
    report.pupils_to_add += 1;
    Some(Who::New(plan.new_pupils.len() - 1))
}

/// A staff list: one person per UNI-ID, with every role their lines give them.
pub(super) fn staff(
    school: &School,
    lines: &[StaffLine],
    may_give: impl Fn(Role) -> bool,
    may_provision: impl Fn(&[Role]) -> bool,
    report: &mut ImportReport,
) -> Plan {
    let mut plan = Plan::default();
    let mut seen: HashMap<&str, (Who, &StaffLine)> = HashMap::new();
    let mut updated: Vec<i32> = Vec::new();
    for line in lines {
        let problem = |kind, other_line| RowProblem {
            line: line.line,
            column: Some(ImportColumn::UniId),
            kind,
            other_line,
        };
        if !may_give(line.role) {
            report.problems.push(RowProblem::new(
                line.line,
                Some(ImportColumn::Role),
                ProblemKind::RoleNotAllowed,
            ));
            continue;
        }
        if let Some((who, first)) = seen.get(line.uni_id.as_str()).copied() {
            if first.given != line.given || first.family != line.family {
                report
                    .problems
                    .push(problem(ProblemKind::SamePersonTwice, Some(first.line)));
                continue;
            }
            match who {
                Who::New(i) => {
                    if let Some((_, roles)) = plan.new_staff.get_mut(i)
                        && !roles.contains(&line.role)
                    {
                        roles.push(line.role);
                    }
                }
                Who::Known(id) => {
                    if !school.people[&id].roles.contains(&line.role)
                        && !plan.roles.contains(&(id, line.role))
                    {
                        plan.roles.push((id, line.role));
                    }
                }
            }
            continue;
        }
        let who = match school.by_uni_id(&line.uni_id) {
            Some(id) if school.people[&id].roles.contains(&Role::Pupil) => {
                report
                    .problems
                    .push(problem(ProblemKind::UniIdOfSomeoneElse, None));
                continue;
            }
            Some(id) => {
                if !school.people[&id].roles.contains(&line.role) {
                    plan.roles.push((id, line.role));
                }
                Who::Known(id)
            }
            None => {
                let problems_before = report.problems.len();
                if let Some(id) = unlinked_staff_named(school, line, &plan, &may_provision, report)
                {
                    plan.links.push((id, line.uni_id.clone()));
                    if !school.people[&id].roles.contains(&line.role) {
                        plan.roles.push((id, line.role));
                    }
                    updated.push(id);
                    seen.insert(&line.uni_id, (Who::Known(id), line));
                    continue;
                }
                if report.problems.len() > problems_before {
                    continue;
                }
                plan.new_staff.push((
                    NewPerson {
                        given: line.given.clone(),
                        family: line.family.clone(),
                        uni_id: Some(line.uni_id.clone()),
                    },
                    vec![line.role],
                ));
                report.staff_to_add += 1;
                Who::New(plan.new_staff.len() - 1)
            }
        };
        seen.insert(&line.uni_id, (who, line));
    }
    for (id, _) in &plan.roles {
        if !updated.contains(id) {
            updated.push(*id);
        }
    }
    report.staff_to_update = u32::try_from(updated.len()).unwrap_or(u32::MAX);
    let known = seen
        .values()
        .filter(|(who, _)| matches!(who, Who::Known(_)))
        .count();
    report.staff_unchanged = u32::try_from(known.saturating_sub(updated.len())).unwrap_or(u32::MAX);
    debug_assert_eq!(report.kind, ImportKind::Staff);
    plan
}

/// The one staff member here without a UNI-ID who has this line's name: staff added by hand
/// before the school's first staff list get their UNI-ID, not a second person. Two such people
/// cannot be told apart, which is a problem on the line.
fn unlinked_staff_named(
    school: &School,
    line: &StaffLine,
    plan: &Plan,
    may_provision: &impl Fn(&[Role]) -> bool,
    report: &mut ImportReport,
) -> Option<i32> {
    let named: Vec<i32> = school
        .people
        .iter()
        .filter(|(id, k)| {
            k.uni_id.is_none()
                && !k.left
                && k.given == line.given
                && k.family == line.family
                && k.roles
                    .iter()
                    .any(|r| !matches!(r, Role::Pupil | Role::Parent))
                && !plan.links.iter().any(|(linked, _)| linked == *id)
        })
        .map(|(id, _)| *id)
        .collect();
    match named.as_slice() {
        // Whose sign-in the caller may not set (administration and a leader) is not theirs to
        // link: the line is refused, never applied to that person.
        [id] if !may_provision(&school.people[id].roles) => {
            report.problems.push(RowProblem::new(
                line.line,
                Some(ImportColumn::UniId),
                ProblemKind::UniIdOfSomeoneElse,
            ));
            None
        }
        [id] => Some(*id),
        [] => None,
        _ => {
            report.problems.push(RowProblem::new(
                line.line,
                Some(ImportColumn::GivenName),
                ProblemKind::PossibleDuplicate,
            ));
            None
        }
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
