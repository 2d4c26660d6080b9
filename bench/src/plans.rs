//! `spire-bench plans`: runs each hot screen's use case once, as a minted session of its role, and
//! prints every statement it ran with the database's plan for it. Full table scans are listed at
//! the end; on the generated municipality there should be none of the big tables.

use crate::Args;
use backend::RequestCtx;
use backend::db::{StatementLog, explain, full_scans, is_always_false};
use backend::demo::municipality::BenchSessions;
use std::collections::BTreeSet;

pub async fn run(args: &Args) -> Result<(), String> {
    let sessions: BenchSessions = serde_json::from_str(
        &std::fs::read_to_string(args.sessions_file())
            .map_err(|e| format!("{}: {e}", args.sessions_file().display()))?,
    )
    .map_err(|e| e.to_string())?;
    let mut db = backend::db::connect_and_migrate(&args.database_url())
        .await
        .map_err(|e| e.to_string())?;
    let log = StatementLog::attach(&mut db);
    let (Some(pupil), Some(parent), Some(teacher), Some(leader)) = (
        sessions.pupils.first(),
        sessions.parents.first(),
        sessions.teachers.first(),
        sessions.leaders.first(),
    ) else {
        return Err("the generated data has too few sessions".into());
    };
    let ctx = |token: &str| RequestCtx::new(db.clone(), Some(token.to_owned()), false);
    let child = parent.children[0];
    let plan = teacher.year_plans[0];
    let unit = teacher.units[0];
    let e = |e: domain::AppError| format!("{e:?}");

    let mut screens: Vec<(&str, Vec<(sea_orm::Statement, std::time::Duration)>)> = Vec::new();
    backend::pupil::today::today_for_pupil(&ctx(&pupil.token))
        .await
        .map_err(e)?;
    screens.push(("pupil: I dag (today)", log.take_timed()));
    backend::evaluation::my_goals(&ctx(&pupil.token))
        .await
        .map_err(e)?;
    screens.push(("pupil: Mine mål (my_goals)", log.take_timed()));
    backend::family::child_week(&ctx(&parent.token), child)
        .await
        .map_err(e)?;
    screens.push(("parent: the child's week (child_week)", log.take_timed()));
    backend::pupil_plan::collected_plan(&ctx(&parent.token), child)
        .await
        .map_err(e)?;
    screens.push(("parent: samlet elevplan (collected_plan)", log.take_timed()));
    backend::planning::plans::year_plan(&ctx(&teacher.token), plan)
        .await
        .map_err(e)?;
    screens.push(("teacher: årsplan (year_plan)", log.take_timed()));
    backend::evaluation::grid(&ctx(&teacher.token), unit)
        .await
        .map_err(e)?;
    screens.push((
        "teacher: evaluation grid (evaluation_grid)",
        log.take_timed(),
    ));
    backend::home::home(&ctx(&leader.token)).await.map_err(e)?;
    screens.push((
        "leader: home with the school overview (home)",
        log.take_timed(),
    ));

    let mut scanned = BTreeSet::new();
    println!("## Query plans ({})\n", args.database_url());
    for (screen, statements) in &screens {
        let total: std::time::Duration = statements.iter().map(|(_, d)| *d).sum();
        println!(
            "### {screen}: {} statements, {:.1} ms in the database\n",
            statements.len(),
            total.as_secs_f64() * 1000.0
        );
        let mut seen = BTreeSet::new();
        for (stmt, took) in statements {
            if !seen.insert(stmt.sql.clone()) {
                continue;
            }
            let plan = explain(&db, stmt).await.map_err(|e| e.to_string())?;
            println!(
                "```sql\n{}\n```\n    ({:.2} ms)",
                shorten_lists(&stmt.sql),
                took.as_secs_f64() * 1000.0
            );
            for line in &plan {
                println!("    {line}");
            }
            if is_always_false(stmt) {
                println!("    (always false: an empty list; no row is read)");
            }
            for table in full_scans(stmt, &plan) {
                scanned.insert((table, screen.to_string()));
            }
            println!();
        }
    }
    if db.get_database_backend() != sea_orm::DbBackend::Sqlite {
        println!("Full scans are listed for SQLite plans only; read PostgreSQL's plans above.");
    } else if scanned.is_empty() {
        println!("No statement reads a whole table.");
    } else {
        println!("Full table scans:");
        for (table, screen) in scanned {
            println!("- {table} ({screen})");
        }
    }
    Ok(())
}

/// `IN (?, ?, …)` with hundreds of placeholders, written as `IN (?…)`.
fn shorten_lists(sql: &str) -> String {
    let mut out = sql.to_owned();
    while let Some(start) = out.find("(?, ?, ") {
        let Some(len) = out[start..].find(')') else {
            break;
        };
        out.replace_range(start..start + len + 1, "(?…)");
    }
    out
}
