//! Rows gathered per table and written as multi-row INSERTs: minutes, not hours, for millions.

use super::*;
use crate::entity::{portfolio_item, work_feedback};

/// Collects ActiveModels and writes them in multi-row INSERTs.
pub(super) struct Batch<A: ActiveModelTrait> {
    rows: Vec<A>,
    per_statement: usize,
    written: u64,
}

impl<A> Batch<A>
where
    A: ActiveModelTrait + Send,
{
    pub(super) fn new(columns: usize) -> Self {
        Self {
            rows: Vec::new(),
            per_statement: (BATCH_VALUES / columns.max(1)).max(1),
            written: 0,
        }
    }

    pub(super) fn push(&mut self, row: A) {
        self.rows.push(row);
    }

    pub(super) fn is_full(&self) -> bool {
        self.rows.len() >= self.per_statement
    }

    pub(super) async fn flush(&mut self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut rows = std::mem::take(&mut self.rows);
        while !rows.is_empty() {
            let rest = rows.split_off(rows.len().min(self.per_statement));
            self.written += rows.len() as u64;
            A::Entity::insert_many(rows)
                .exec_without_returning(db)
                .await
                .map_err(db_err)?;
            rows = rest;
        }
        Ok(())
    }
}

/// PostgreSQL's serial columns do not see ids chosen by the inserter: move each sequence past them
/// so the next ordinary insert does not collide.
pub(super) async fn advance_sequences(db: &impl ConnectionTrait) -> Result<(), AppError> {
    for table in [
        "school",
        "school_year",
        "school_class",
        "person",
        "person_role",
        "guardianship",
        "team",
        "team_member",
        "portfolio_item",
        "work_feedback",
        "year_plan",
        "unit",
        "unit_goal",
        "task",
        "evaluation",
        "pupil_plan",
        "pupil_plan_version",
        "session",
    ] {
        let sql = format!(
            "SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), COALESCE((SELECT MAX(id) FROM \"{table}\"), 1))"
        );
        db.execute_raw(Statement::from_string(DbBackend::Postgres, sql))
            .await
            .map_err(db_err)?;
    }
    Ok(())
}

/// Ids handed out here, per table, so rows can refer to each other without reading them back.
#[derive(Default)]
pub(super) struct Ids(HashMap<&'static str, i32>);

impl Ids {
    pub(super) fn next(&mut self, table: &'static str) -> i32 {
        let id = self.0.entry(table).or_insert(0);
        *id += 1;
        *id
    }
}

pub(super) struct Writers {
    pub(super) school: Batch<school::ActiveModel>,
    pub(super) school_year: Batch<school_year::ActiveModel>,
    pub(super) class: Batch<school_class::ActiveModel>,
    pub(super) person: Batch<person::ActiveModel>,
    pub(super) role: Batch<person_role::ActiveModel>,
    pub(super) account: Batch<account::ActiveModel>,
    pub(super) pupil: Batch<pupil::ActiveModel>,
    pub(super) guardianship: Batch<guardianship::ActiveModel>,
    pub(super) team: Batch<team::ActiveModel>,
    pub(super) member: Batch<team_member::ActiveModel>,
    pub(super) year_plan: Batch<year_plan::ActiveModel>,
    pub(super) unit: Batch<unit::ActiveModel>,
    pub(super) goal: Batch<unit_goal::ActiveModel>,
    pub(super) task: Batch<task::ActiveModel>,
    pub(super) task_pupil: Batch<task_pupil::ActiveModel>,
    pub(super) task_done: Batch<task_done::ActiveModel>,
    pub(super) work: Batch<portfolio_item::ActiveModel>,
    pub(super) feedback: Batch<work_feedback::ActiveModel>,
    pub(super) evaluation: Batch<evaluation::ActiveModel>,
    pub(super) plan: Batch<pupil_plan::ActiveModel>,
    pub(super) plan_version: Batch<pupil_plan_version::ActiveModel>,
    pub(super) session: Batch<session::ActiveModel>,
}

impl Writers {
    pub(super) fn new() -> Self {
        Self {
            school: Batch::new(3),
            school_year: Batch::new(5),
            class: Batch::new(5),
            person: Batch::new(9),
            role: Batch::new(3),
            account: Batch::new(3),
            pupil: Batch::new(2),
            guardianship: Batch::new(4),
            team: Batch::new(6),
            member: Batch::new(4),
            year_plan: Batch::new(9),
            unit: Batch::new(13),
            goal: Batch::new(9),
            task: Batch::new(16),
            task_pupil: Batch::new(3),
            task_done: Batch::new(3),
            work: Batch::new(13),
            feedback: Batch::new(15),
            evaluation: Batch::new(8),
            plan: Batch::new(16),
            plan_version: Batch::new(6),
            session: Batch::new(6),
        }
    }

    /// Writes everything once some table has a statement's worth: all tables, parents before
    /// children, so foreign keys hold at every statement.
    pub(super) async fn flush_when_full(
        &mut self,
        db: &impl ConnectionTrait,
    ) -> Result<(), AppError> {
        let full = self.person.is_full()
            || self.role.is_full()
            || self.account.is_full()
            || self.guardianship.is_full()
            || self.member.is_full()
            || self.task.is_full()
            || self.task_pupil.is_full()
            || self.task_done.is_full()
            || self.work.is_full()
            || self.feedback.is_full()
            || self.evaluation.is_full()
            || self.plan.is_full()
            || self.plan_version.is_full();
        if full { self.flush(db).await } else { Ok(()) }
    }

    /// Flushes parents before children, so foreign keys hold at every statement.
    pub(super) async fn flush(&mut self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        self.school.flush(db).await?;
        self.school_year.flush(db).await?;
        self.class.flush(db).await?;
        self.person.flush(db).await?;
        self.role.flush(db).await?;
        self.account.flush(db).await?;
        self.pupil.flush(db).await?;
        self.guardianship.flush(db).await?;
        self.team.flush(db).await?;
        self.member.flush(db).await?;
        self.year_plan.flush(db).await?;
        self.unit.flush(db).await?;
        self.goal.flush(db).await?;
        self.task.flush(db).await?;
        self.task_pupil.flush(db).await?;
        self.task_done.flush(db).await?;
        self.work.flush(db).await?;
        self.feedback.flush(db).await?;
        self.evaluation.flush(db).await?;
        self.plan.flush(db).await?;
        self.plan_version.flush(db).await?;
        self.session.flush(db).await
    }

    pub(super) fn rows(&self) -> Vec<(&'static str, u64)> {
        vec![
            ("school", self.school.written),
            ("school_year", self.school_year.written),
            ("school_class", self.class.written),
            ("person", self.person.written),
            ("person_role", self.role.written),
            ("account", self.account.written),
            ("pupil", self.pupil.written),
            ("guardianship", self.guardianship.written),
            ("team", self.team.written),
            ("team_member", self.member.written),
            ("year_plan", self.year_plan.written),
            ("unit", self.unit.written),
            ("unit_goal", self.goal.written),
            ("task", self.task.written),
            ("task_pupil", self.task_pupil.written),
            ("task_done", self.task_done.written),
            ("portfolio_item", self.work.written),
            ("work_feedback", self.feedback.written),
            ("evaluation", self.evaluation.written),
            ("pupil_plan", self.plan.written),
            ("pupil_plan_version", self.plan_version.written),
            ("session", self.session.written),
        ]
    }
}
