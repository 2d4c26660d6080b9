//! Opening and migrating the database. SQLite is the embedded default; PostgreSQL is the same code
//! behind a different URL.

use crate::migration::Migrator;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr, Statement,
};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

/// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://…`) and applies pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url);
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    if let Some(size) = pool_size() {
        opts.max_connections(size);
    }
    if url.starts_with("sqlite:") {
        // An embedded file does not drop connections: testing each one before use only adds a
        // round trip to the connection's thread per statement (BENCHMARKS.md).
        opts.test_before_acquire(false);
        // WAL lets readers proceed while one writer commits; foreign keys are off by default in
        // SQLite and must be on for the RESTRICT rules that protect pupil records.
        opts.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                // Reads through the OS page cache instead of copying pages per connection.
                .pragma("mmap_size", "268435456")
        });
    }
    let db = Database::connect(opts).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// `SPIRE_DB_POOL`: connections in the pool (default: the driver's, 10).
fn pool_size() -> Option<u32> {
    std::env::var("SPIRE_DB_POOL")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
}

/// A cheap round trip, for the health endpoint.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(backend, "SELECT 1"))
        .await
        .map(|_| ())
}

pub fn is_sqlite(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Sqlite
}

/// Every statement run through a connection from the moment it is attached: query-health tests
/// count them per call, and `spire-bench plans` shows their query plans.
#[derive(Clone, Default)]
pub struct StatementLog(std::sync::Arc<std::sync::Mutex<Vec<(Statement, Duration)>>>);

impl StatementLog {
    /// Attach before cloning the connection: clones made afterwards share the log.
    pub fn attach(db: &mut DatabaseConnection) -> Self {
        let log = Self::default();
        let sink = log.0.clone();
        db.set_metric_callback(move |info| {
            if let Ok(mut v) = sink.lock() {
                v.push((info.statement.clone(), info.elapsed));
            }
        });
        log
    }

    /// The statements logged since the last call.
    pub fn take(&self) -> Vec<Statement> {
        self.take_timed().into_iter().map(|(s, _)| s).collect()
    }

    /// The statements logged since the last call, with how long each took.
    pub fn take_timed(&self) -> Vec<(Statement, Duration)> {
        self.0
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }
}

/// The database's plan for `stmt`, one line per step (SQLite's `EXPLAIN QUERY PLAN`,
/// PostgreSQL's `EXPLAIN`).
pub async fn explain(db: &DatabaseConnection, stmt: &Statement) -> Result<Vec<String>, DbErr> {
    let backend = db.get_database_backend();
    let (prefix, column) = match backend {
        DbBackend::Sqlite => ("EXPLAIN QUERY PLAN ", "detail"),
        _ => ("EXPLAIN ", "QUERY PLAN"),
    };
    let explained = Statement {
        sql: format!("{prefix}{}", stmt.sql),
        ..stmt.clone()
    };
    let rows = db.query_all_raw(explained).await?;
    rows.iter()
        .map(|r| r.try_get::<String>("", column))
        .collect()
}

/// The tables `stmt`'s SQLite plan reads whole: `SCAN t` without an index. (`SCAN t USING INDEX
/// …` walks an index in order and is not a full read of the table.) An empty `IN ()` is written
/// `WHERE ? = ?` (always false): SQLite answers it without reading a row, though its plan still
/// says SCAN, so it reads nothing.
pub fn full_scans(stmt: &Statement, plan: &[String]) -> Vec<String> {
    if is_always_false(stmt) {
        return Vec::new();
    }
    plan.iter()
        .filter_map(|line| line.trim().strip_prefix("SCAN "))
        .filter(|rest| !rest.contains(" USING ") && !rest.starts_with("CONSTANT ROW"))
        .map(|rest| rest.split_whitespace().next().unwrap_or(rest).to_owned())
        .collect()
}

/// A statement whose condition is an empty list (`WHERE ? = ?`, always false).
pub fn is_always_false(stmt: &Statement) -> bool {
    stmt.sql.ends_with("WHERE ? = ?")
}

#[cfg(test)]
mod tests {
    use super::full_scans;
    use sea_orm::{DbBackend, Statement};

    fn select(sql: &str) -> Statement {
        Statement::from_string(DbBackend::Sqlite, sql)
    }

    #[test]
    fn a_plan_that_reads_a_whole_table_is_a_full_scan_and_an_index_walk_is_not() {
        let plan = [
            "SCAN task".to_owned(),
            "SEARCH unit USING INTEGER PRIMARY KEY (rowid=?)".to_owned(),
            "SCAN evaluation USING INDEX ix_evaluation_pupil".to_owned(),
            "SCAN t2 AS alias".to_owned(),
        ];
        assert_eq!(full_scans(&select("SELECT 1"), &plan), vec!["task", "t2"]);
    }

    #[test]
    fn an_empty_list_reads_nothing_though_its_plan_says_scan() {
        let plan = ["SCAN task".to_owned()];
        assert!(full_scans(&select(r#"SELECT "id" FROM "task" WHERE ? = ?"#), &plan).is_empty());
    }
}
