//! Opening and migrating the database. SQLite is the embedded default; PostgreSQL is the same code
//! behind a different URL.

use crate::migration::Migrator;
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

pub mod read;
mod writer;

/// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://…`) and applies pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DbErr> {
    let db = connect(url).await?;
    let txn = begin_write(&db).await?;
    migrate(&txn).await?;
    txn.commit().await?;
    Ok(db)
}

/// Applies every pending migration inside the caller's write transaction, so an upgrade (or a
/// first start) that is killed halfway leaves the old schema, never half of the new one; SQLite
/// changes its schema transactionally like PostgreSQL does. On PostgreSQL, several server
/// processes starting at once take turns: the second finds nothing left to do. Returns whether
/// the database was empty before (no migration had ever been applied): only such a database may
/// receive the demo school.
pub async fn migrate(txn: &sea_orm::DatabaseTransaction) -> Result<bool, DbErr> {
    if txn.get_database_backend() == DbBackend::Postgres {
        // The lock's key: a constant naming Spire's migrations.
        txn.execute_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(1397771597)",
        ))
        .await?;
    }
    let fresh = Migrator::get_applied_migrations(txn).await?.is_empty();
    Migrator::up(txn, None).await?;
    Ok(fresh)
}

/// Connects to `url` without touching the schema (`migrate` does that).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opts = ConnectOptions::new(url);
    opts.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10));
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    match pool_size() {
        Some(size) => {
            opts.max_connections(size);
        }
        // SeaORM gives SQLite one connection, and every call then waits for that connection's
        // thread. Writers take the lock at BEGIN (`begin_write`), so several connections are
        // safe; each in-memory connection would be a database of its own, so that keeps one.
        None if url.starts_with("sqlite:") && !in_memory => {
            opts.max_connections(SQLITE_POOL);
        }
        None => {}
    }
    if url.starts_with("sqlite:") {
        // An embedded file does not drop connections: testing each one before use only adds a
        // round trip to the connection's thread per statement (BENCHMARKS.md).
        opts.test_before_acquire(false);
        // WAL lets readers proceed while one writer commits; foreign keys are off by default in
        // SQLite and must be on for the RESTRICT rules that protect pupil records.
        opts.map_sqlx_sqlite_opts(|o| {
            // FULL: a commit is on disk before the call that made it answers. In WAL mode NORMAL
            // may lose the last commits on power failure, after a class iPad deleted its copy of
            // the pupil's work on the strength of the answer (cost in BENCHMARKS.md).
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(synchronous())
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                // Reads through the OS page cache instead of copying pages per connection.
                .pragma("mmap_size", "268435456")
                // Checkpoints every 10,000 pages (40 MB of WAL) rather than SQLite's 1,000: the
                // audit trail's inserts rewrite the same few pages, and each checkpoint copied
                // them again (BENCHMARKS.md §3, "Writes take turns").
                .pragma("wal_autocheckpoint", "10000")
        });
    }
    Database::connect(opts).await
}

/// FULL, except that a build with the benchmarks' `municipality` feature (never the server as
/// shipped, `cargo build -p server`) takes `SPIRE_BENCH_SYNCHRONOUS=normal`, so the load
/// benchmark measures what FULL costs against the same server (BENCHMARKS.md).
fn synchronous() -> SqliteSynchronous {
    #[cfg(feature = "municipality")]
    if std::env::var("SPIRE_BENCH_SYNCHRONOUS").is_ok_and(|v| v == "normal") {
        return SqliteSynchronous::Normal;
    }
    SqliteSynchronous::Full
}

/// Connections to an SQLite file by default: measured best on two cores (BENCHMARKS.md).
pub const SQLITE_POOL: u32 = 4;

/// `SPIRE_DB_POOL`: connections in the pool (default: `SQLITE_POOL` for SQLite, the driver's 10
/// for PostgreSQL).
fn pool_size() -> Option<u32> {
    std::env::var("SPIRE_DB_POOL")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
}

/// Begins a transaction that writes. On SQLite it takes the write lock at `BEGIN IMMEDIATE`: a
/// deferred transaction that reads and then writes fails at once with `SQLITE_BUSY` when another
/// connection wrote in between (the busy timeout cannot help it), while an immediate one waits
/// its turn. This is what lets SQLite have more than one connection. PostgreSQL ignores the mode.
/// On a SQLite file the transaction runs on the pool's one writing connection (`writer`), so
/// writers queue in order rather than sleep in SQLite's busy handler.
/// Inside a transaction already open it begins a nested one (a savepoint) on that transaction.
pub async fn begin_write<C: Writes>(db: &C) -> Result<DatabaseTransaction, DbErr> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    };
    match db.source() {
        read::Source::File(file) => writer::of(&file).begin_with_options(options).await,
        read::Source::Orm(_) => db.begin_with_options(options).await,
    }
}

/// A connection a use case writes through: the pool, or a transaction already open.
pub trait Writes: read::Reads + TransactionTrait<Transaction = DatabaseTransaction> {}

impl<C: read::Reads + TransactionTrait<Transaction = DatabaseTransaction>> Writes for C {}

/// Makes the school's roster changes that read the whole roster and then write (a roster import,
/// opening a year) wait for each other inside their transactions. SQLite's `BEGIN IMMEDIATE`
/// already lets one writer in at a time; PostgreSQL reads each statement's committed snapshot, so
/// two such transactions at once would each decide from a roster without the other's pupils and
/// both add them. A transaction-scoped advisory lock per school makes the second wait and then
/// read what the first committed.
pub async fn lock_roster<C: ConnectionTrait>(txn: &C, school_id: i32) -> Result<(), DbErr> {
    if txn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    // The lock's two keys: a constant naming the roster, and the school.
    const ROSTER: i32 = 0x5250_4952;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_advisory_xact_lock($1, $2)",
        [ROSTER.into(), school_id.into()],
    ))
    .await
    .map(|_| ())
}

/// Readiness: the database takes and keeps a write, as the calls that save pupils' work need. A
/// read-only or full disk, a lock held too long, or PostgreSQL gone all fail it (a read alone,
/// as in `ping`, passes with a read-only file).
pub async fn ready(db: &DatabaseConnection) -> Result<(), DbErr> {
    use crate::entity::setting;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let txn = begin_write(db).await?;
    let row = setting::ActiveModel {
        key: Set(READY_KEY.to_owned()),
        value: Set(crate::clock::now().to_string()),
    };
    if setting::Entity::find_by_id(READY_KEY.to_owned())
        .one(&txn)
        .await?
        .is_some()
    {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    txn.commit().await
}

/// The setting readiness writes: when the database last took a write for it.
const READY_KEY: &str = "ready_at";

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

/// The pool's connections now: (open, idle), for the server's metrics. `None` for a backend
/// Spire does not run on.
pub fn pool_connections(db: &DatabaseConnection) -> Option<(u32, usize)> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            Some((pool.size(), pool.num_idle()))
        }
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            Some((pool.size(), pool.num_idle()))
        }
        _ => None,
    }
}

/// Every statement run through a connection from the moment it is attached: query-health tests
/// count them per call, and `spire-bench plans` shows their query plans.
#[derive(Clone, Default)]
pub struct StatementLog(std::sync::Arc<std::sync::Mutex<Vec<(Statement, Duration)>>>);

impl StatementLog {
    /// Attach before cloning the connection: clones made afterwards share the log.
    pub fn attach(db: &mut DatabaseConnection) -> Self {
        let log = Self::default();
        // Reads on the hot path (`read`) bypass the pool's callback and log here themselves.
        if let read::Source::File(opts) = read::Reads::source(&*db) {
            read::attach_log(opts.get_filename().to_path_buf(), log.0.clone());
        }
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

/// A statement whose condition starts with an empty list: SeaORM writes `x IN ()` as
/// `? = ?` with two different values, which is always false, whatever follows it with `AND`.
pub fn is_always_false(stmt: &Statement) -> bool {
    const EMPTY: &str = "WHERE ? = ?";
    let Some(at) = stmt.sql.find(EMPTY) else {
        return false;
    };
    let rest = &stmt.sql[at + EMPTY.len()..];
    let ends_there = rest.is_empty()
        || rest.starts_with(" AND ")
        || rest.starts_with(" ORDER BY ")
        || rest.starts_with(" LIMIT ");
    let before = stmt.sql[..at].matches('?').count();
    let values = stmt
        .values
        .as_ref()
        .map(|v| v.0.as_slice())
        .unwrap_or_default();
    ends_there
        && matches!(
            (values.get(before), values.get(before + 1)),
            (Some(a), Some(b)) if a != b
        )
}

#[cfg(test)]
mod tests {
    use super::{begin_write, connect_and_migrate, full_scans};
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

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
        let empty = |sql: &str, a: i32, b: i32| {
            Statement::from_sql_and_values(DbBackend::Sqlite, sql, [a.into(), b.into()])
        };
        let sql = r#"SELECT "id" FROM "task" WHERE ? = ?"#;
        assert!(full_scans(&empty(sql, 1, 2), &plan).is_empty());
        let and = r#"SELECT "id" FROM "task" WHERE ? = ? AND "archived_at" IS NULL ORDER BY "id""#;
        assert!(full_scans(&empty(and, 1, 2), &plan).is_empty());
        // Two equal values are not an empty list: that condition reads the whole table.
        assert_eq!(full_scans(&empty(and, 1, 1), &plan), ["task"]);
        assert_eq!(full_scans(&select(sql), &plan), ["task"]);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn writers_that_read_first_wait_for_each_other_instead_of_failing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("w.db").display());
        let db = connect_and_migrate(&url).await.expect("opens");
        let sql = |s: &str| Statement::from_string(DbBackend::Sqlite, s);
        db.execute_raw(sql("CREATE TABLE counter (n INTEGER NOT NULL)"))
            .await
            .expect("table");
        db.execute_raw(sql("INSERT INTO counter VALUES (0)"))
            .await
            .expect("row");
        // Read, then write, in one transaction, from many tasks at once: a deferred transaction
        // would fail with SQLITE_BUSY when another connection committed between its two steps.
        let writers: Vec<_> = (0..16)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    for _ in 0..10 {
                        let txn = begin_write(&db).await?;
                        let row = txn
                            .query_one_raw(sql("SELECT n FROM counter"))
                            .await?
                            .ok_or_else(|| sea_orm::DbErr::Custom("no row".into()))?;
                        let n: i64 = row.try_get("", "n")?;
                        txn.execute_raw(Statement::from_sql_and_values(
                            DbBackend::Sqlite,
                            "UPDATE counter SET n = ?",
                            [(n + 1).into()],
                        ))
                        .await?;
                        txn.commit().await?;
                    }
                    Ok::<(), sea_orm::DbErr>(())
                })
            })
            .collect();
        for writer in writers {
            writer.await.expect("joins").expect("every write succeeds");
        }
        let row = db
            .query_one_raw(sql("SELECT n FROM counter"))
            .await
            .expect("reads")
            .expect("row");
        assert_eq!(row.try_get::<i64>("", "n").expect("n"), 160);
    }
}
