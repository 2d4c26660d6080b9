//! `spire backup` and `spire restore` for the embedded SQLite database. A backup is taken while
//! Spire serves (`VACUUM INTO` reads one consistent snapshot while writers go on in the WAL) and
//! checked before it is reported; a restore refuses a file that is not a sound Spire database and,
//! without `force`, a place that already holds a school. PostgreSQL has its own tools
//! (`pg_dump`, `docs/deploy.md`).

use crate::db::is_sqlite;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use std::path::{Path, PathBuf};

/// The database file a `sqlite://…` URL names, if it names one.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:")).then(|| PathBuf::from(path))
}

/// A read-only look at a database file, setting nothing (not even its journal mode), so a
/// backup is left as it was written and a database another process serves is not disturbed.
async fn look_at(file: &Path) -> Result<DatabaseConnection, String> {
    let mut opts = ConnectOptions::new(format!("sqlite://{}?mode=ro", file.display()));
    opts.sqlx_logging(false).max_connections(1);
    Database::connect(opts)
        .await
        .map_err(|e| format!("{} cannot be opened as a database: {e}", file.display()))
}

async fn one_text(db: &DatabaseConnection, sql: &str) -> Result<Option<String>, String> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .map_err(|e| e.to_string())?;
    Ok(row.and_then(|r| r.try_get_by_index::<String>(0).ok()))
}

async fn count(db: &DatabaseConnection, sql: &str) -> Result<i64, String> {
    let row = db
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql))
        .await
        .map_err(|e| e.to_string())?;
    Ok(row
        .and_then(|r| r.try_get_by_index::<i64>(0).ok())
        .unwrap_or(0))
}

/// Whether the file is a sound SQLite database with Spire's schema in it.
async fn check_sound(file: &Path) -> Result<(), String> {
    let db = look_at(file).await?;
    let integrity = one_text(&db, "PRAGMA integrity_check").await?;
    if integrity.as_deref() != Some("ok") {
        return Err(format!(
            "{} is damaged (integrity check: {})",
            file.display(),
            integrity.unwrap_or_default()
        ));
    }
    let spire = count(
        &db,
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'seaql_migrations'",
    )
    .await?;
    db.close().await.map_err(|e| e.to_string())?;
    if spire == 0 {
        return Err(format!("{} is not a Spire database", file.display()));
    }
    Ok(())
}

/// Writes a consistent copy of the running database to `to`, a file that must not exist yet, and
/// checks it. Returns its size in bytes.
pub async fn backup(db: &DatabaseConnection, to: &Path) -> Result<u64, String> {
    if !is_sqlite(db) {
        return Err("PostgreSQL is backed up with pg_dump (docs/deploy.md)".into());
    }
    if to.exists() {
        return Err(format!(
            "{} exists already; a backup goes to a new file",
            to.display()
        ));
    }
    let target = to.to_str().ok_or("the backup's path is not valid text")?;
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [target.into()],
    ))
    .await
    .map_err(|e| format!("the backup failed: {e}"))?;
    // On disk before it is reported as taken.
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("{}: {e}", to.display()))?;
    check_sound(to).await?;
    std::fs::metadata(to)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", to.display()))
}

/// Puts the backup `from` in place of the database at `url` (Spire must be stopped). Refuses a
/// backup that is not a sound Spire database, and a database that holds a school unless `force`.
/// Pending migrations are applied at the next start, as for any older database.
pub async fn restore(url: &str, from: &Path, force: bool) -> Result<(), String> {
    let target = sqlite_file(url)
        .ok_or("restore is for the SQLite database; PostgreSQL restores with pg_restore or psql (docs/deploy.md)")?;
    check_sound(from).await?;
    if target.exists() && !force {
        let db = look_at(&target).await?;
        let has_school_table = count(
            &db,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'school'",
        )
        .await?
            > 0;
        let schools = if has_school_table {
            count(&db, "SELECT COUNT(*) FROM school").await?
        } else {
            0
        };
        db.close().await.map_err(|e| e.to_string())?;
        if schools > 0 {
            return Err(format!(
                "{} holds a school; restore over it only with --force (take a backup of it first)",
                target.display()
            ));
        }
    }
    let dir = target
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let staged = target.with_extension("db.restoring");
    std::fs::copy(from, &staged).map_err(|e| format!("{}: {e}", staged.display()))?;
    std::fs::File::open(&staged)
        .and_then(|f| f.sync_all())
        .map_err(|e| format!("{}: {e}", staged.display()))?;
    // The old database's log belongs to the old database: it must not be replayed onto this one.
    for suffix in ["-wal", "-shm"] {
        let mut log = target.clone().into_os_string();
        log.push(suffix);
        match std::fs::remove_file(&log) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", PathBuf::from(log).display())),
        }
    }
    std::fs::rename(&staged, &target).map_err(|e| format!("{}: {e}", target.display()))?;
    std::fs::File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_file_is_read_from_an_sqlite_url() {
        assert_eq!(
            sqlite_file("sqlite://data/spire.db?mode=rwc"),
            Some(PathBuf::from("data/spire.db"))
        );
        assert_eq!(
            sqlite_file("sqlite:///var/lib/spire/spire.db"),
            Some(PathBuf::from("/var/lib/spire/spire.db"))
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://u@h/spire"), None);
    }
}
