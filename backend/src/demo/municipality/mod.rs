//! A generated municipality for benchmarks and query-health tests: Copenhagen's size at scale 1
//! (60 schools, 45,000 pupils, 90,000 guardians, about 3,500 teachers), a school year of årsplaner,
//! forløb, tasks and evaluations, and a published samlet elevplan per pupil. Everything comes from
//! one seed, so two runs build the same data. Names are invented from short lists.
//!
//! Rows are written in multi-row INSERTs with ids chosen here, not one round trip per row: at this
//! size the difference is minutes against hours. The rows are the same ones the use cases write.

use crate::db_err;
use crate::entity::task::{AudienceKind, DueKind};
use crate::entity::team_member::MemberRole;
use crate::entity::{
    account, evaluation, framework_item, guardianship, person, person_role, pupil, pupil_plan,
    pupil_plan_version, scale, school, school_class, school_year, session, task, task_done,
    task_pupil, team, team_member, unit, unit_goal, year_plan,
};
use crate::identity::{hash_password, token_hash};
use domain::AppError;
use domain::calendar::Date;
use domain::identity::{Password, Role};
use domain::planning::{GoalKind, Variant};
use domain::pupil_plan::{PlanTexts, PublishedGoal, PublishedPlan};
use domain::school::{Avatar, AvatarColor, AvatarShape, Subject};
use domain::school_year::SchoolYear;
use rand::rngs::StdRng;
use rand::{Rng, RngCore, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, Set, Statement, TransactionTrait,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

mod names;
mod sessions;
mod work;
mod writers;

use names::*;
pub use sessions::*;
use writers::*;

/// What to build. `Params::copenhagen()` is scale 1; tests use a few small schools.
#[derive(Clone, Debug)]
pub struct Params {
    pub seed: u64,
    pub schools: u32,
    /// Classes per grade (0. to 9. klasse).
    pub classes_per_grade: u32,
    pub pupils_per_class: u32,
    pub teachers_per_school: u32,
    /// Forløb per årsplan, spread over the school year.
    pub units_per_plan: u32,
    /// Sessions to mint per role for the load benchmark (`bench-sessions.json`).
    pub sessions_per_role: u32,
    /// The day the data is "as of": tasks before it are done, forløb before it evaluated.
    pub today: Date,
}

impl Params {
    /// A Copenhagen-size municipality, as of `today`.
    pub fn copenhagen(seed: u64, today: Date) -> Self {
        Self {
            seed,
            schools: 60,
            classes_per_grade: 3,
            pupils_per_class: 25,
            teachers_per_school: 58,
            units_per_plan: 6,
            sessions_per_role: 2_000,
            today,
        }
    }
}

/// What was built.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Rows per table, in insertion order.
    pub rows: Vec<(&'static str, u64)>,
    pub sessions: BenchSessions,
}

impl Report {
    pub fn total_rows(&self) -> u64 {
        self.rows.iter().map(|(_, n)| n).sum()
    }
}

/// Grades run 0 (børnehaveklasse) to 9.
const GRADES: std::ops::RangeInclusive<i16> = 0..=9;
/// Rows per INSERT: SQLite allows 32,766 bound values per statement; the widest row here has 16.
const BATCH_VALUES: usize = 30_000;
const YEAR_SECS: i64 = 365 * 24 * 3600;

/// The built-in scales (migration 11): (id, number of steps).
async fn scales(db: &impl ConnectionTrait) -> Result<Vec<(i32, Vec<String>)>, AppError> {
    let rows = scale::Entity::find()
        .filter(scale::Column::SchoolId.is_null())
        .all(db)
        .await
        .map_err(db_err)?;
    let scales: Vec<_> = rows
        .into_iter()
        .map(|s| {
            let steps: Vec<String> = serde_json::from_str(&s.steps).unwrap_or_default();
            (s.id, steps)
        })
        .filter(|(_, steps)| !steps.is_empty())
        .collect();
    if scales.is_empty() {
        return Err(AppError::internal());
    }
    Ok(scales)
}

/// Framework items a goal can be taken from, per subject (when a framework has been imported).
async fn framework_goals(
    db: &impl ConnectionTrait,
) -> Result<HashMap<String, Vec<(i32, String)>>, AppError> {
    let rows = framework_item::Entity::find()
        .filter(framework_item::Column::Kind.eq(domain::framework::ItemKind::SkillArea))
        .all(db)
        .await
        .map_err(db_err)?;
    let mut by_subject: HashMap<String, Vec<(i32, String)>> = HashMap::new();
    for r in rows {
        if let Some(subject) = r.subject {
            by_subject.entry(subject).or_default().push((r.id, r.text));
        }
    }
    Ok(by_subject)
}

/// Builds the municipality into an empty database (no schools yet). Runs in one transaction, so
/// a failure leaves nothing behind.
pub async fn generate(db: &DatabaseConnection, p: &Params) -> Result<Report, AppError> {
    if school::Entity::find().count(db).await.map_err(db_err)? > 0 {
        return Err(AppError::invalid(domain::Field::Database));
    }
    let scales = scales(db).await?;
    let framework = framework_goals(db).await?;
    // One hash for every generated account: hashing 140,000 passwords would take an hour and
    // measure nothing. Nobody signs in with them; the benchmark uses minted sessions.
    let password_hash = Password::parse("spire-bench-password").and_then(|p| hash_password(&p))?;
    let txn = db.begin().await.map_err(db_err)?;
    let mut g = Generator {
        p,
        rng: StdRng::seed_from_u64(p.seed),
        ids: Ids::default(),
        w: Writers::new(),
        scales,
        framework,
        password_hash,
        sessions: BenchSessions::default(),
        // Eight in the morning of the generated day, at the schools.
        now: crate::clock::start_of_day(p.today, domain::calendar::DEFAULT_TIME_ZONE) + 8 * 3600,
        start_year: if p.today.month() >= 8 {
            p.today.year()
        } else {
            p.today.year() - 1
        },
    };
    for s in 0..p.schools {
        g.school(&txn, s).await?;
    }
    g.w.flush(&txn).await?;
    if txn.get_database_backend() == DbBackend::Postgres {
        advance_sequences(&txn).await?;
    }
    txn.commit().await.map_err(db_err)?;
    Ok(Report {
        rows: g.w.rows(),
        sessions: g.sessions,
    })
}

struct Generator<'a> {
    p: &'a Params,
    rng: StdRng,
    ids: Ids,
    w: Writers,
    scales: Vec<(i32, Vec<String>)>,
    framework: HashMap<String, Vec<(i32, String)>>,
    password_hash: String,
    sessions: BenchSessions,
    now: i64,
    start_year: i32,
}

/// What a teacher's session is given to ask for: their årsplaner, forløb with evaluations, tasks
/// pupils have answered, (hold, pupil) for a pupil's year, and (goal, pupil) for a pupil's work
/// on a goal.
#[derive(Default)]
struct Teaching {
    plans: Vec<i64>,
    units: Vec<i64>,
    tasks: Vec<i64>,
    pupils: Vec<(i64, i64)>,
    goals: Vec<(i64, i64)>,
}

/// A class as it is being built: its pupils and their guardians' ids.
struct ClassRows {
    id: i32,
    grade: i16,
    name: String,
    pupils: Vec<(i32, String)>,
}

impl Generator<'_> {
    fn token(&mut self) -> String {
        let mut raw = [0u8; 32];
        self.rng.fill_bytes(&mut raw);
        hex::encode(raw)
    }

    fn pick<'s>(&mut self, list: &[&'s str]) -> &'s str {
        list[self.rng.random_range(0..list.len())]
    }

    fn person(
        &mut self,
        school_id: i32,
        role: Role,
        given: &str,
        family: &str,
        avatar: Option<String>,
    ) -> Result<i32, AppError> {
        let id = self.ids.next("person");
        self.w.person.push(person::ActiveModel {
            id: Set(id),
            school_id: Set(school_id),
            given_name: Set(given.to_owned()),
            family_name: Set(family.to_owned()),
            avatar: Set(avatar),
            created_at: Set(self.now - YEAR_SECS),
            left_at: Set(None),
            external_id: Set(None),
            anonymised_at: Set(None),
        });
        let role_id = self.ids.next("person_role");
        self.w.role.push(person_role::ActiveModel {
            id: Set(role_id),
            person_id: Set(id),
            role: Set(role),
        });
        if role != Role::Pupil {
            self.w.account.push(account::ActiveModel {
                person_id: Set(id),
                username: Set(format!("{}{id}", role.as_str())),
                password_hash: Set(self.password_hash.clone()),
            });
        }
        Ok(id)
    }

    fn session(&mut self, person_id: i32, role: Role) -> Result<String, AppError> {
        let token = self.token();
        let id = self.ids.next("session");
        self.w.session.push(session::ActiveModel {
            id: Set(id),
            token_hash: Set(token_hash(&token)),
            person_id: Set(person_id),
            role: Set(role),
            created_at: Set(self.now),
            // The benchmark may run weeks after the data was made.
            expires_at: Set(self.now + YEAR_SECS),
            assurance: Set(None),
            idle_secs: Set(None),
            device_id: Set(None),
        });
        Ok(token)
    }

    fn wants_session(&self, have: usize) -> bool {
        have < self.p.sessions_per_role as usize
    }

    async fn school(&mut self, db: &impl ConnectionTrait, index: u32) -> Result<(), AppError> {
        let school_id = self.ids.next("school");
        let base = SCHOOL_NAMES[index as usize % SCHOOL_NAMES.len()];
        let name = format!("{base} Skole {}", index / SCHOOL_NAMES.len() as u32 + 1);
        self.w.school.push(school::ActiveModel {
            id: Set(school_id),
            name: Set(name),
            created_at: Set(self.now - YEAR_SECS),
            time_zone: Set(domain::calendar::DEFAULT_TIME_ZONE.to_owned()),
            institution_number: Set(None),
        });
        let (first, last) =
            SchoolYear::default_dates(self.start_year).ok_or_else(AppError::internal)?;
        let year_id = self.ids.next("school_year");
        self.w.school_year.push(school_year::ActiveModel {
            id: Set(year_id),
            school_id: Set(school_id),
            start_year: Set(self.start_year),
            first_day: Set(first.to_string()),
            last_day: Set(last.to_string()),
            holidays: Set(None),
            version: Set(1),
        });
        let leader = self.person(school_id, Role::Leader, "Lene", "Dahl", None)?;
        if self.wants_session(self.sessions.leaders.len()) {
            let token = self.session(leader, Role::Leader)?;
            self.sessions.leaders.push(LeaderSession {
                token,
                person_id: i64::from(leader),
            });
        }
        self.person(school_id, Role::Administrator, "Ole", "Krogh", None)?;
        let mut teachers = Vec::new();
        for _ in 0..self.p.teachers_per_school {
            let given = self.pick(&ADULT_GIVEN);
            let family = self.pick(&FAMILY);
            teachers.push(self.person(school_id, Role::Teacher, given, family, None)?);
        }
        // Each teacher's year plans and evaluated forløb, for their minted session.
        let mut teaching: BTreeMap<i32, Teaching> = BTreeMap::new();
        let mut next_teacher = 0usize;
        for grade in GRADES {
            for c in 0..self.p.classes_per_grade {
                let letter = char::from(b'A' + (c % 26) as u8);
                let class = self.class(db, school_id, grade, letter).await?;
                for subject in subjects_of(grade) {
                    let teacher = teachers[next_teacher % teachers.len()];
                    next_teacher += 1;
                    self.team(db, school_id, &class, subject, teacher, &mut teaching)
                        .await?;
                }
            }
        }
        for (teacher, t) in teaching {
            if self.wants_session(self.sessions.teachers.len()) && !t.units.is_empty() {
                let token = self.session(teacher, Role::Teacher)?;
                self.sessions.teachers.push(TeacherSession {
                    token,
                    person_id: i64::from(teacher),
                    year_plans: t.plans,
                    units: t.units,
                    tasks: t.tasks,
                    pupils: t.pupils,
                    goals: t.goals,
                });
            }
        }
        self.sessions.teachers.sort_by_key(|t| t.person_id);
        Ok(())
    }

    async fn class(
        &mut self,
        db: &impl ConnectionTrait,
        school_id: i32,
        grade: i16,
        letter: char,
    ) -> Result<ClassRows, AppError> {
        let id = self.ids.next("school_class");
        let name = format!("{grade}.{letter}");
        self.w.class.push(school_class::ActiveModel {
            id: Set(id),
            school_id: Set(school_id),
            name: Set(name.clone()),
            grade: Set(grade),
            school_year: Set(self.start_year),
        });
        let mut pupils = Vec::new();
        for n in 0..self.p.pupils_per_class {
            let given = self.pick(&GIVEN);
            let family = self.pick(&FAMILY);
            let avatar = Avatar {
                shape: AvatarShape::ALL[n as usize % AvatarShape::ALL.len()],
                color: AvatarColor::ALL
                    [(n as usize / AvatarShape::ALL.len()) % AvatarColor::ALL.len()],
            };
            let pupil_id =
                self.person(school_id, Role::Pupil, given, family, Some(avatar.to_key()))?;
            self.w.pupil.push(pupil::ActiveModel {
                person_id: Set(pupil_id),
                class_id: Set(id),
            });
            let mut guardians = Vec::new();
            for _ in 0..2 {
                let adult_given = self.pick(&ADULT_GIVEN);
                let guardian = self.person(school_id, Role::Parent, adult_given, family, None)?;
                let gid = self.ids.next("guardianship");
                self.w.guardianship.push(guardianship::ActiveModel {
                    id: Set(gid),
                    guardian_id: Set(guardian),
                    pupil_id: Set(pupil_id),
                    has_access: Set(true),
                });
                guardians.push(guardian);
            }
            if self.wants_session(self.sessions.parents.len()) {
                let guardian = guardians[0];
                let token = self.session(guardian, Role::Parent)?;
                self.sessions.parents.push(ParentSession {
                    token,
                    person_id: i64::from(guardian),
                    children: vec![i64::from(pupil_id)],
                });
            }
            pupils.push((pupil_id, format!("{given} {family}")));
        }
        self.w.flush_when_full(db).await?;
        Ok(ClassRows {
            id,
            grade,
            name,
            pupils,
        })
    }

    /// A hold for one subject in one class, with its årsplan, forløb, goals, tasks and what the
    /// pupils did and were told.
    async fn team(
        &mut self,
        db: &impl ConnectionTrait,
        school_id: i32,
        class: &ClassRows,
        subject: Subject,
        teacher: i32,
        teaching: &mut BTreeMap<i32, Teaching>,
    ) -> Result<(), AppError> {
        let team_id = self.ids.next("team");
        self.w.team.push(team::ActiveModel {
            id: Set(team_id),
            school_id: Set(school_id),
            name: Set(format!("{} {}", subject.code(), class.name)),
            subject: Set(subject.code().into_owned()),
            school_year: Set(self.start_year),
            archived_at: Set(None),
            class_id: Set(Some(class.id)),
        });
        for (person_id, role) in std::iter::once((teacher, MemberRole::Teacher))
            .chain(class.pupils.iter().map(|(id, _)| (*id, MemberRole::Pupil)))
        {
            let id = self.ids.next("team_member");
            self.w.member.push(team_member::ActiveModel {
                id: Set(id),
                team_id: Set(team_id),
                person_id: Set(person_id),
                role: Set(role),
                joined_at: Set(Some(self.now - 120 * 86_400)),
                left_at: Set(None),
                left_reason: Set(None),
                changed_by: Set(None),
            });
        }
        let plan_id = self.ids.next("year_plan");
        self.w.year_plan.push(year_plan::ActiveModel {
            id: Set(plan_id),
            team_id: Set(team_id),
            school_year: Set(self.start_year),
            title: Set(format!("Årsplan {} {}", subject.code(), class.name)),
            version: Set(1),
            archived_at: Set(None),
            created_by: Set(teacher),
            created_at: Set(self.now - 120 * 86_400),
            updated_at: Set(self.now - 120 * 86_400),
        });
        let entry = teaching.entry(teacher).or_default();
        entry.plans.push(i64::from(plan_id));

        let (first_day, _) =
            SchoolYear::default_dates(self.start_year).ok_or_else(AppError::internal)?;
        let first_monday = first_day
            .add_days(7)
            .ok_or_else(AppError::internal)?
            .monday();
        let weeks_per_unit: i64 = 36 / i64::from(self.p.units_per_plan.max(1));
        let today = self.p.today;
        let subject_index = GENERATED_SUBJECTS
            .iter()
            .position(|s| *s == subject)
            .unwrap_or(0) as i64;
        for u in 0..i64::from(self.p.units_per_plan) {
            let first_week = first_monday
                .add_days(7 * weeks_per_unit * u)
                .ok_or_else(AppError::internal)?;
            let last_week = first_week
                .add_days(7 * (weeks_per_unit - 1))
                .ok_or_else(AppError::internal)?;
            let unit_id = self.ids.next("unit");
            self.w.unit.push(unit::ActiveModel {
                id: Set(unit_id),
                year_plan_id: Set(plan_id),
                title: Set(format!("Forløb {} i {}", u + 1, subject.code())),
                description: Set("Vi arbejder med fagets mål gennem opgaver hver uge.".into()),
                first_week: Set(first_week.to_string()),
                last_week: Set(last_week.to_string()),
                version: Set(1),
                archived_at: Set(None),
                shared_at: Set(None),
                copied_from: Set(None),
                created_by: Set(teacher),
                created_at: Set(self.now - 120 * 86_400),
                updated_at: Set(self.now - 120 * 86_400),
            });
            let unit_end = last_week.add_days(6).ok_or_else(AppError::internal)?;
            let finished = unit_end < today;
            let current = first_week <= today && today <= unit_end;
            let goals = self.goals(unit_id, subject)?;
            let tasks = self.tasks(unit_id, class, first_week, weeks_per_unit, subject_index)?;
            if finished {
                let entry = teaching.entry(teacher).or_default();
                entry.units.push(i64::from(unit_id));
                if let (Some((goal, ..)), Some((pupil, _))) = (goals.first(), class.pupils.first())
                {
                    entry.pupils.push((i64::from(team_id), i64::from(*pupil)));
                    entry.goals.push((i64::from(*goal), i64::from(*pupil)));
                }
                self.evaluations(class, &goals, teacher)?;
            }
            if current {
                for &(task_id, due) in &tasks {
                    // Every task of a running forløb has a screen, answered or not yet (on a
                    // Monday none is due before today).
                    teaching
                        .entry(teacher)
                        .or_default()
                        .tasks
                        .push(i64::from(task_id));
                    if due < today {
                        for &(pupil_id, _) in &class.pupils {
                            if self.rng.random_bool(0.8) {
                                self.w.task_done.push(task_done::ActiveModel {
                                    task_id: Set(task_id),
                                    pupil_id: Set(pupil_id),
                                    done_at: Set(self.now - 86_400),
                                });
                                self.handed_in(school_id, pupil_id, task_id, teacher);
                            }
                        }
                    }
                }
                if subject == Subject::Dansk {
                    self.pupil_sessions(class, &goals, &tasks);
                }
            }
        }
        if subject == Subject::Dansk {
            self.collected_plans(school_id, class, teacher)?;
        }
        self.w.flush_when_full(db).await
    }

    fn pupil_sessions(
        &mut self,
        class: &ClassRows,
        goals: &[(i32, usize, GoalKind, String)],
        tasks: &[(i32, Date)],
    ) {
        // Tokens are minted later, with the other sessions' rows; here the pupil's targets.
        for &(pupil_id, _) in &class.pupils {
            if !self.wants_session(self.sessions.pupils.len()) {
                return;
            }
            self.sessions.pupils.push(PupilSession {
                token: String::new(),
                person_id: i64::from(pupil_id),
                tasks: tasks.iter().map(|(id, _)| i64::from(*id)).collect(),
                goals: goals
                    .iter()
                    .filter(|(_, _, kind, _)| *kind == GoalKind::Refleksion)
                    .map(|(id, steps, _, _)| (i64::from(*id), *steps as u8))
                    .collect(),
            });
        }
    }

    /// Three goals per forløb: two from the framework where one is imported (else the teacher's
    /// own), and one reflection goal, each on one of the built-in scales.
    fn goals(
        &mut self,
        unit_id: i32,
        subject: Subject,
    ) -> Result<Vec<(i32, usize, GoalKind, String)>, AppError> {
        let mut out = Vec::new();
        for position in 0..3 {
            let id = self.ids.next("unit_goal");
            let (scale_id, steps) = {
                let s = &self.scales[self.rng.random_range(0..self.scales.len())];
                (s.0, s.1.len())
            };
            let kind = if position == 2 {
                GoalKind::Refleksion
            } else {
                GoalKind::Faglig
            };
            let from_framework = match self.framework.get(subject.code().as_ref()) {
                Some(items) if kind == GoalKind::Faglig && !items.is_empty() => {
                    Some(items[self.rng.random_range(0..items.len())].clone())
                }
                _ => None,
            };
            let (own_text, item, text) = match from_framework {
                Some((item, text)) => (None, Some(item), text),
                None => {
                    let text = format!("Eleven kan forklare, hvad vi har lært ({}).", position + 1);
                    (Some(text.clone()), None, text)
                }
            };
            self.w.goal.push(unit_goal::ActiveModel {
                id: Set(id),
                unit_id: Set(unit_id),
                kind: Set(kind),
                own_text: Set(own_text),
                framework_item_id: Set(item),
                scale_id: Set(scale_id),
                signs: Set("Eleven viser det i sit arbejde.".into()),
                position: Set(position),
                archived_at: Set(None),
            });
            out.push((id, steps, kind, text));
        }
        Ok(out)
    }

    /// Each week of a forløb: one week task for the hold (three pupils get an easier or harder
    /// variant) and one day task.
    fn tasks(
        &mut self,
        unit_id: i32,
        class: &ClassRows,
        first_week: Date,
        weeks: i64,
        subject_index: i64,
    ) -> Result<Vec<(i32, Date)>, AppError> {
        let mut out = Vec::new();
        for week in 0..weeks {
            let monday = first_week
                .add_days(7 * week)
                .ok_or_else(AppError::internal)?;
            let day = monday
                .add_days(subject_index % 5)
                .ok_or_else(AppError::internal)?;
            for (due_kind, due_on) in [(DueKind::Week, monday), (DueKind::Day, day)] {
                let id = self.ids.next("task");
                let icon = ICONS[self.rng.random_range(0..ICONS.len())];
                let differentiated = due_kind == DueKind::Week;
                self.w.task.push(task::ActiveModel {
                    id: Set(id),
                    unit_id: Set(unit_id),
                    title: Set(format!("Opgave uge {}", week + 1)),
                    instruction: Set("Læs opgaven, og gør den færdig.".into()),
                    icon: Set(icon),
                    due_kind: Set(due_kind),
                    due_on: Set(due_on.to_string()),
                    audience: Set(AudienceKind::Hold),
                    group_name: Set(None),
                    easier: Set(differentiated.then(|| "Gør den første halvdel.".into())),
                    harder: Set(differentiated.then(|| "Gør også ekstraopgaven.".into())),
                    version: Set(1),
                    archived_at: Set(None),
                    created_at: Set(self.now - 120 * 86_400),
                    updated_at: Set(self.now - 120 * 86_400),
                });
                if differentiated && !class.pupils.is_empty() {
                    let chosen: BTreeSet<usize> = (0..3usize)
                        .map(|k| (k * 7 + week as usize) % class.pupils.len())
                        .collect();
                    for (k, index) in chosen.into_iter().enumerate() {
                        let pupil_id = class.pupils[index].0;
                        let variant = if k == 0 {
                            Variant::Harder
                        } else {
                            Variant::Easier
                        };
                        self.w.task_pupil.push(task_pupil::ActiveModel {
                            task_id: Set(id),
                            pupil_id: Set(pupil_id),
                            variant: Set(variant),
                        });
                    }
                }
                out.push((id, due_on));
            }
        }
        Ok(out)
    }

    /// A finished forløb: the teacher evaluated every pupil on the subject goals, and nine in ten
    /// pupils evaluated themselves on the reflection goal.
    fn evaluations(
        &mut self,
        class: &ClassRows,
        goals: &[(i32, usize, GoalKind, String)],
        teacher: i32,
    ) -> Result<(), AppError> {
        for &(pupil_id, _) in &class.pupils {
            for (goal_id, steps, kind, _) in goals {
                // Teachers evaluate the subject goals; pupils evaluate themselves on the
                // reflection goal, as `evaluation::self_evaluate` allows.
                let rows = match kind {
                    GoalKind::Faglig => vec![(teacher, false)],
                    GoalKind::Refleksion if self.rng.random_bool(0.9) => vec![(pupil_id, true)],
                    GoalKind::Refleksion => Vec::new(),
                };
                for (author, by_pupil) in rows {
                    let id = self.ids.next("evaluation");
                    let step = self.rng.random_range(0..*steps) as i16;
                    self.w.evaluation.push(evaluation::ActiveModel {
                        id: Set(id),
                        goal_id: Set(*goal_id),
                        pupil_id: Set(pupil_id),
                        author_id: Set(author),
                        by_pupil: Set(by_pupil),
                        step: Set(Some(step)),
                        comment: Set(String::new()),
                        created_at: Set(self.now - 30 * 86_400),
                    });
                }
            }
        }
        Ok(())
    }

    /// Every pupil's samlet elevplan for the year, written and published once by the class's
    /// Danish teacher; pupils with a minted session get their token here.
    fn collected_plans(
        &mut self,
        school_id: i32,
        class: &ClassRows,
        teacher: i32,
    ) -> Result<(), AppError> {
        for (pupil_id, name) in &class.pupils {
            let texts = PlanTexts {
                status: format!("{name} er godt i gang i {}.", class.name),
                goals: "At læse længere tekster selv.".into(),
                follow_up: "Læs tyve minutter hver dag derhjemme.".into(),
                wellbeing: "Trives i klassen og har gode venner.".into(),
                all_round: "Deltager aktivt i fællesskabet.".into(),
                education: if class.grade >= 7 {
                    "Overvejer gymnasiet.".into()
                } else {
                    String::new()
                },
                support: String::new(),
            };
            let plan_id = self.ids.next("pupil_plan");
            self.w.plan.push(pupil_plan::ActiveModel {
                id: Set(plan_id),
                school_id: Set(school_id),
                pupil_id: Set(*pupil_id),
                school_year: Set(self.start_year),
                subject: Set(String::new()),
                status: Set(texts.status.clone()),
                goals: Set(texts.goals.clone()),
                follow_up: Set(texts.follow_up.clone()),
                wellbeing: Set(texts.wellbeing.clone()),
                all_round: Set(texts.all_round.clone()),
                education: Set(texts.education.clone()),
                support: Set(String::new()),
                receives_support: Set(false),
                pupil_reflection: Set(String::new()),
                version: Set(1),
                updated_at: Set(self.now - 14 * 86_400),
            });
            let published = PublishedPlan {
                subject: None,
                school_year: self.start_year,
                pupil_name: name.clone(),
                texts,
                goals: Vec::<PublishedGoal>::new(),
                pupil_reflection: String::new(),
                pupil_voice: None,
                published_by: format!("Lærer {teacher}"),
                published_at: self.now - 14 * 86_400,
                number: 1,
                imported_from: None,
            };
            let version_id = self.ids.next("pupil_plan_version");
            self.w.plan_version.push(pupil_plan_version::ActiveModel {
                id: Set(version_id),
                plan_id: Set(plan_id),
                pupil_id: Set(*pupil_id),
                number: Set(1),
                published_at: Set(published.published_at),
                content: Set(serde_json::to_string(&published).map_err(|_| AppError::internal())?),
            });
            // The pupil's session, if their targets were recorded in this class's Danish forløb.
            if let Some(i) = self
                .sessions
                .pupils
                .iter()
                .position(|s| s.person_id == i64::from(*pupil_id) && s.token.is_empty())
            {
                let token = self.session(*pupil_id, Role::Pupil)?;
                self.sessions.pupils[i].token = token;
            }
        }
        Ok(())
    }
}
