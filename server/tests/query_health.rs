//! Query health: every screen's server function runs the same number of statements however much
//! data there is (no N+1), and none of those statements reads a whole table that grows with the
//! municipality. Two generated municipalities of different size, the real router, real SQLite.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use backend::db::{StatementLog, explain, full_scans};
use backend::demo::municipality::{self, BenchSessions, Params};
use server::{AppState, router};
use std::collections::{BTreeMap, BTreeSet};
use tower::ServiceExt;

/// Each screen's call runs at most this many statements. The bound is a ratchet: a change that
/// adds a statement fails here, and one that saves statements must lower its bound in the same
/// commit, so the saving is kept. (Issue 21 sets out to cut the hot screens to a handful.)
const BOUNDS: &[(&str, usize)] = &[
    ("leader home", 15),
    ("leader pupil_plans", 9),
    ("parent child_week", 33),
    ("parent collected_plan", 7),
    ("parent digest", 22),
    ("parent home", 8),
    ("pupil home", 6),
    ("pupil me", 2),
    ("pupil my_goals", 7),
    ("pupil my_plans", 8),
    ("pupil my_work", 6),
    ("pupil reading_settings", 2),
    ("pupil today", 11),
    ("teacher evaluation_grid", 11),
    ("teacher goal_work", 15),
    ("teacher home", 16),
    ("teacher planning_overview", 9),
    ("teacher pupil_plans", 9),
    ("teacher pupil_work", 18),
    ("teacher task_returns", 12),
    ("teacher unit", 15),
    ("teacher year_plan", 10),
];

/// Tables whose size does not grow with schools or pupils: reading them whole is fine.
const REFERENCE_TABLES: [&str; 5] = ["scale", "school_year", "framework", "setting", "school"];

struct Town {
    app: axum::Router,
    db: backend::DatabaseConnection,
    log: StatementLog,
    sessions: BenchSessions,
    _dir: tempfile::TempDir,
}

async fn town(params: Params) -> Town {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("spire.db").display()
    );
    let mut db = backend::db::connect_and_migrate(&url).await.unwrap();
    let log = StatementLog::attach(&mut db);
    let report = municipality::generate(&db, &params).await.unwrap();
    let app = router(AppState::new(
        db.clone(),
        &dir.path().join("no-client"),
        false,
        false,
    ));
    log.take();
    Town {
        app,
        db,
        log,
        sessions: report.sessions,
        _dir: dir,
    }
}

fn params(schools: u32, classes: u32, pupils: u32, units: u32) -> Params {
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    Params {
        schools,
        classes_per_grade: classes,
        pupils_per_class: pupils,
        teachers_per_school: 4,
        units_per_plan: units,
        sessions_per_role: 3,
        ..Params::copenhagen(7, today)
    }
}

/// The screens' read calls, as (label, token, function, form body).
fn calls(s: &BenchSessions) -> Vec<(String, String, &'static str, String)> {
    let pupil = &s.pupils[0];
    let parent = &s.parents[0];
    let teacher = &s.teachers[0];
    let leader = &s.leaders[0];
    let child = parent.children[0];
    let plan = teacher.year_plans[0];
    let unit = teacher.units[0];
    let mut out = Vec::new();
    let mut add = |role: &str, token: &str, f: &'static str, body: String| {
        out.push((format!("{role} {f}"), token.to_owned(), f, body));
    };
    for f in [
        "me",
        "home",
        "reading_settings",
        "today",
        "my_goals",
        "my_work",
        "my_plans",
    ] {
        add("pupil", &pupil.token, f, String::new());
    }
    add("parent", &parent.token, "home", String::new());
    add("parent", &parent.token, "digest", String::new());
    add(
        "parent",
        &parent.token,
        "child_week",
        format!("pupil_id={child}"),
    );
    add(
        "parent",
        &parent.token,
        "collected_plan",
        format!("pupil_id={child}"),
    );
    add("teacher", &teacher.token, "home", String::new());
    add(
        "teacher",
        &teacher.token,
        "planning_overview",
        String::new(),
    );
    add(
        "teacher",
        &teacher.token,
        "year_plan",
        format!("year_plan_id={plan}"),
    );
    add("teacher", &teacher.token, "unit", format!("unit_id={unit}"));
    add(
        "teacher",
        &teacher.token,
        "evaluation_grid",
        format!("unit_id={unit}"),
    );
    add(
        "teacher",
        &teacher.token,
        "pupil_plans",
        format!("pupil_id={}", pupil.person_id),
    );
    // The task's screen, for a task of a running forløb (answered, unless it is early in the week).
    let follower = s
        .teachers
        .iter()
        .find(|t| !t.tasks.is_empty())
        .expect("a teacher with a task in a running forløb");
    add(
        "teacher",
        &follower.token,
        "task_returns",
        format!("task_id={}", follower.tasks[0]),
    );
    // A pupil's year in a hold, and their work for a goal (the grid's evidence section).
    let (team, pupil_in_team) = teacher.pupils[0];
    add(
        "teacher",
        &teacher.token,
        "pupil_work",
        format!("team_id={team}&pupil_id={pupil_in_team}"),
    );
    let (goal, pupil_on_goal) = teacher.goals[0];
    add(
        "teacher",
        &teacher.token,
        "goal_work",
        format!("goal_id={goal}&pupil_id={pupil_on_goal}"),
    );
    add("leader", &leader.token, "home", String::new());
    add(
        "leader",
        &leader.token,
        "pupil_plans",
        format!("pupil_id={}", pupil.person_id),
    );
    out
}

/// Runs every call once; the statements each ran.
async fn statements_per_call(t: &Town) -> BTreeMap<String, Vec<sea_orm::Statement>> {
    let mut out = BTreeMap::new();
    for (label, token, f, body) in calls(&t.sessions) {
        t.log.take();
        let req = Request::post(format!("/api/{f}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("spire_session={token}"))
            .body(Body::from(body))
            .unwrap();
        let res = t.app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{label} answers");
        out.insert(label, t.log.take());
    }
    out
}

#[tokio::test]
async fn each_screens_call_runs_as_many_statements_for_a_big_school_as_for_a_small_one() {
    let small = town(params(1, 1, 5, 3)).await;
    let big = town(params(2, 2, 12, 6)).await;
    let small_counts = statements_per_call(&small).await;
    let big_counts = statements_per_call(&big).await;
    let mut grew = Vec::new();
    for (label, statements) in &big_counts {
        let before = small_counts[label].len();
        if statements.len() != before {
            grew.push(format!("{label}: {before} → {}", statements.len()));
        }
    }
    assert!(
        grew.is_empty(),
        "statements grew with the data (N+1):\n{}",
        grew.join("\n")
    );
    // And each count stays at its bound: more fails, fewer asks for the bound to come down.
    let bounds: BTreeMap<&str, usize> = BOUNDS.iter().copied().collect();
    let mut off = Vec::new();
    for (label, statements) in &big_counts {
        let n = statements.len();
        match bounds.get(label.as_str()) {
            None => off.push(format!("{label}: {n} statements, and no bound in BOUNDS")),
            Some(&bound) if n > bound => off.push(format!(
                "{label}: {n} statements, more than its bound of {bound}"
            )),
            Some(&bound) if n < bound => off.push(format!(
                "{label}: {n} statements, fewer than its bound of {bound}: lower the bound"
            )),
            Some(_) => {}
        }
    }
    for label in bounds.keys() {
        if !big_counts.contains_key(*label) {
            off.push(format!("{label}: in BOUNDS but no longer called"));
        }
    }
    assert!(off.is_empty(), "statement bounds:\n{}", off.join("\n"));
}

#[tokio::test]
async fn no_screens_statement_reads_a_whole_growing_table() {
    let big = town(params(2, 2, 12, 6)).await;
    let mut scans = BTreeSet::new();
    for (label, statements) in statements_per_call(&big).await {
        for stmt in statements {
            let plan = explain(&big.db, &stmt).await.unwrap();
            for table in full_scans(&stmt, &plan) {
                if !REFERENCE_TABLES.contains(&table.as_str()) {
                    scans.insert(format!("{label}: {table} in {}", stmt.sql));
                }
            }
        }
    }
    assert!(
        scans.is_empty(),
        "full scans:\n{}",
        scans.into_iter().collect::<Vec<_>>().join("\n")
    );
}
