//! `spire-bench generate`: the municipality, and a report of what it cost.

use crate::Args;
use backend::demo::municipality::{self, Params};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::time::Instant;

pub async fn run(args: &Args) -> Result<(), String> {
    std::fs::create_dir_all(&args.data_dir)
        .map_err(|e| format!("{}: {e}", args.data_dir.display()))?;
    let url = args.database_url();
    let db = backend::db::connect_and_migrate(&url)
        .await
        .map_err(|e| format!("cannot open {url}: {e}"))?;
    if let Some(path) = &args.framework {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = backend::planning::framework::parse_file(&text).map_err(|e| e.to_string())?;
        backend::planning::framework::import(&db, &file)
            .await
            .map_err(|e| e.to_string())?;
    }
    let today =
        backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).map_err(|e| e.to_string())?;
    let mut params = Params::copenhagen(args.seed, today);
    params.schools = ((f64::from(params.schools) * args.scale).round() as u32).max(1);
    println!(
        "Generating {} schools (seed {}, as of {today}) into {url}",
        params.schools, args.seed
    );
    let started = Instant::now();
    let report = municipality::generate(&db, &params)
        .await
        .map_err(|e| format!("generation failed: {e:?}"))?;
    let generated = started.elapsed();
    if db.get_database_backend() == DbBackend::Postgres {
        // As after any bulk load: without statistics the planner guesses, and a load run on
        // fresh tables measured a third of what it did once autovacuum had analysed them.
        let started = Instant::now();
        db.execute_raw(Statement::from_string(
            DbBackend::Postgres,
            "VACUUM (ANALYZE)",
        ))
        .await
        .map_err(|e| format!("VACUUM (ANALYZE): {e}"))?;
        println!(
            "VACUUM (ANALYZE) after the load: {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    let size = database_size(&db, args).await?;

    println!("\n| table | rows |\n|---|---:|");
    for (table, rows) in &report.rows {
        println!("| {table} | {rows} |");
    }
    println!("| **total** | **{}** |", report.total_rows());
    println!(
        "\nGenerated {} rows in {:.1} s ({:.0} rows/s); database size {:.1} MB.",
        report.total_rows(),
        generated.as_secs_f64(),
        report.total_rows() as f64 / generated.as_secs_f64(),
        size as f64 / 1e6
    );
    let sessions = serde_json::to_string(&report.sessions).map_err(|e| e.to_string())?;
    std::fs::write(args.sessions_file(), sessions)
        .map_err(|e| format!("{}: {e}", args.sessions_file().display()))?;
    println!(
        "Minted sessions: {} pupils, {} parents, {} teachers, {} leaders ({}).",
        report.sessions.pupils.len(),
        report.sessions.parents.len(),
        report.sessions.teachers.len(),
        report.sessions.leaders.len(),
        args.sessions_file().display()
    );
    Ok(())
}

/// Bytes on disk: the SQLite file after folding the write-ahead log in, or PostgreSQL's own count.
async fn database_size(db: &backend::DatabaseConnection, args: &Args) -> Result<u64, String> {
    let backend = db.get_database_backend();
    if backend == DbBackend::Postgres {
        let row = db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT pg_database_size(current_database()) AS size",
            ))
            .await
            .map_err(|e| e.to_string())?
            .ok_or("no size")?;
        let size: i64 = row.try_get("", "size").map_err(|e| e.to_string())?;
        return Ok(size as u64);
    }
    db.execute_raw(Statement::from_string(
        backend,
        "PRAGMA wal_checkpoint(TRUNCATE)",
    ))
    .await
    .map_err(|e| e.to_string())?;
    let path = args.data_dir.join("spire.db");
    std::fs::metadata(&path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}
