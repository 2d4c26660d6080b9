//! `spire init` as an operator runs it: the real binary on a fresh data directory; then that
//! database as the server opens it, where the printed password signs the leader in.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

fn spire(args: &[&str], data: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spire"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("spire runs")
}

const INIT: [&str; 7] = [
    "init",
    "--school",
    "Nørre Skole",
    "--leader-name",
    "Karen Nielsen",
    "--leader-username",
    "karen.nielsen",
];

fn printed_password(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.trim().strip_prefix("Password: "))
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no password in {text}"))
}

#[tokio::test]
async fn init_makes_a_school_whose_leader_signs_in_with_the_printed_password_and_only_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = spire(&INIT, dir.path());
    assert!(first.status.success(), "{first:?}");
    let password = printed_password(&first);
    assert_eq!(password.len(), 16);

    let again = spire(&INIT, dir.path());
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already has a school"),
        "{again:?}"
    );

    // That database as the server opens it: Karen signs in with the printed password; no demo school.
    let db = backend::db::connect_and_migrate(&format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("spire.db").display()
    ))
    .await
    .unwrap();
    assert!(backend::demo::seed_if_empty(&db).await.unwrap().is_none());
    let ctx = backend::RequestCtx::new(db, None, false);
    let me = backend::identity::sign_in(&ctx, "karen.nielsen", &password)
        .await
        .unwrap();
    assert_eq!(me.name, "Karen Nielsen");
    assert!(
        backend::identity::sign_in(
            &backend::RequestCtx::new(ctx.db.clone(), None, false),
            "anne",
            "spire-demo"
        )
        .await
        .is_err()
    );
}
