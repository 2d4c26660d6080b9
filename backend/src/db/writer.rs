//! The one connection a pool writes to its SQLite file through.
//!
//! SQLite lets one transaction write at a time. With every pooled connection free to begin one,
//! the writers that lose the race for the lock wait in SQLite's busy handler, which sleeps (1, 2,
//! 5 … 100 ms) and tries again: the lock sits free while they sleep, and under load a write's p99
//! was dominated by those sleeps (BENCHMARKS.md §3). Here every `begin_write` on a file takes the
//! pool's one writing connection instead, so writers queue in the pool, in order, and the next
//! begins the moment the last commits. The writer's page cache also stays warm, since no other
//! connection's commit invalidates it between writes.
//!
//! This is an optimisation, never what keeps writes apart: `BEGIN IMMEDIATE` and the busy timeout
//! still do that, for the few writes that go through the main pool (a session's sign-in, the
//! audit trail's batch of reads) and for two pools on one file (another process, or a test's).

use super::read;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sea_orm::{DatabaseConnection, SqlxSqliteConnector};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Writers kept: a server has one pool; each test its own. Past this, the oldest is let go (its
/// open transactions keep their connection until they end; a later write on its pool makes a new
/// one, and `BEGIN IMMEDIATE` keeps the two apart).
const KEPT: usize = 16;

/// The pools' writers, oldest first. A writer belongs to its pool's options, not
/// to the file's name: a pool opened read-only on the same file must not write through another's
/// writer. Keeping the options' `Arc` keeps its address from being reused by a later pool.
type Writers = Vec<(Arc<SqliteConnectOptions>, DatabaseConnection)>;
static WRITERS: Mutex<Writers> = Mutex::new(Vec::new());

/// The writer of the pool whose options are `opts` (`read::Source::File`: PostgreSQL's writers do
/// not take turns, and an in-memory database exists only in its own pool).
pub(super) fn of(opts: &Arc<SqliteConnectOptions>) -> DatabaseConnection {
    // A poisoned lock only means another thread panicked while holding it: the list is whole.
    let mut writers = WRITERS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, writer)) = writers.iter().find(|(o, _)| Arc::ptr_eq(o, opts)) {
        return writer.clone();
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        // A writer waits its turn about as long as a call would have waited on the lock.
        .acquire_timeout(Duration::from_secs(10))
        .idle_timeout(Duration::from_secs(60))
        .test_before_acquire(false)
        .connect_lazy_with((**opts).clone());
    let mut writer = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
    // The statement log (`db::StatementLog`) sees the writes too, as it sees the hot reads.
    let file = opts.get_filename().to_path_buf();
    writer.set_metric_callback(move |info| read::log(&file, info.statement, info.elapsed));
    if writers.len() >= KEPT {
        writers.remove(0);
    }
    writers.push((opts.clone(), writer.clone()));
    writer
}

#[cfg(test)]
mod tests {
    use super::of;
    use crate::db::read::{Reads, Source};
    use crate::db::{begin_write, connect_and_migrate};
    use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
    use std::time::Duration;

    async fn file_database() -> (DatabaseConnection, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("w.db").display());
        let db = connect_and_migrate(&url).await.expect("opens");
        let sql = Statement::from_string(DbBackend::Sqlite, "CREATE TABLE t (n INTEGER)");
        db.execute_raw(sql).await.expect("table");
        (db, dir)
    }

    async fn rows(db: &DatabaseConnection) -> i64 {
        let count = Statement::from_string(DbBackend::Sqlite, "SELECT count(*) AS c FROM t");
        let row = db
            .query_one_raw(count)
            .await
            .expect("reads")
            .expect("a row");
        row.try_get("", "c").expect("count")
    }

    fn insert(n: i64) -> Statement {
        Statement::from_sql_and_values(DbBackend::Sqlite, "INSERT INTO t VALUES (?)", [n.into()])
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn every_write_on_a_file_goes_through_its_one_writing_connection() {
        let (db, _dir) = file_database().await;
        let writers: Vec<_> = (0..12)
            .map(|n| {
                let db = db.clone();
                tokio::spawn(async move {
                    let txn = begin_write(&db).await?;
                    txn.execute_raw(insert(n)).await?;
                    txn.commit().await
                })
            })
            .collect();
        for writer in writers {
            writer.await.expect("joins").expect("every write succeeds");
        }
        let Source::File(opts) = db.source() else {
            panic!("a file database reads from its file")
        };
        let writer = of(&opts);
        assert_eq!(writer.get_sqlite_connection_pool().size(), 1);
        assert_eq!(rows(&db).await, 12);
    }

    #[tokio::test]
    async fn a_write_inside_an_open_transaction_runs_on_it_and_does_not_wait_for_the_writer() {
        let (db, _dir) = file_database().await;
        let outer = begin_write(&db).await.expect("begins");
        // The writer's one connection is the outer transaction's: waiting for it would never end.
        let inner = tokio::time::timeout(Duration::from_secs(5), begin_write(&outer))
            .await
            .expect("does not wait")
            .expect("begins inside");
        inner.execute_raw(insert(1)).await.expect("writes");
        inner.commit().await.expect("commits inside");
        outer.commit().await.expect("commits");
        assert_eq!(rows(&db).await, 1);
    }
}
