//! Test databases: a fresh SQLite file per test, and a fresh database per test in the PostgreSQL
//! cluster that `cargo xtask test` starts (its URL in `SPIRE_TEST_POSTGRES_URL`).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use backend::entity::session;
use backend::{DatabaseConnection, RequestCtx};
use backend::{SessionChange, demo, home, identity};
use domain::home::Home;
use sea_orm::{ConnectionTrait, Database, EntityTrait, PaginatorTrait};

pub struct TestDb {
    pub db: DatabaseConnection,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("spire.db").display()
        );
        let db = backend::db::connect_and_migrate(&url)
            .await
            .expect("sqlite opens and migrates");
        Self {
            db,
            _dir: Some(dir),
        }
    }

    pub async fn postgres() -> Self {
        let admin_url = std::env::var("SPIRE_TEST_POSTGRES_URL").expect(
            "SPIRE_TEST_POSTGRES_URL is not set: run the tests with `cargo xtask test`, which starts \
             a throwaway PostgreSQL, or point it at one you started",
        );
        let name = format!("spire_test_{}", rand_suffix());
        let admin = Database::connect(&admin_url)
            .await
            .expect("postgres reachable");
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await
            .expect("create test database");
        admin.close().await.ok();
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b);
        let db = backend::db::connect_and_migrate(&format!("{base}/{name}"))
            .await
            .expect("postgres migrates");
        Self { db, _dir: None }
    }

    pub fn ctx(&self, token: Option<String>) -> RequestCtx {
        RequestCtx::new(self.db.clone(), token, true)
    }
}

pub async fn seeded(t: &TestDb) {
    demo::seed_if_empty(&t.db)
        .await
        .unwrap()
        .expect("an empty database is seeded");
}

/// Signs in and returns the session token the browser would get.
pub async fn token_for(t: &TestDb, username: &str) -> String {
    let ctx = t.ctx(None);
    identity::sign_in(&ctx, username, demo::DEMO_PASSWORD)
        .await
        .unwrap();
    match ctx.take_session_change() {
        Some(SessionChange::Started { token, .. }) => token,
        other => panic!("expected a started session, got {other:?}"),
    }
}

pub async fn home_of(t: &TestDb, username: &str) -> Home {
    let token = token_for(t, username).await;
    home::home(&t.ctx(Some(token))).await.unwrap()
}

pub async fn session_count(t: &TestDb) -> u64 {
    session::Entity::find().count(&t.db).await.unwrap()
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}_{}", std::process::id(), nanos)
}

/// Declares each listed `async fn name(db: TestDb)` as two tests, `sqlite::name` and
/// `postgres::name`, so every use-case test runs against both databases.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::TestDb::sqlite().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::common::TestDb::postgres().await).await;
                }
            )*
        }
    };
}

/// The shared Fælles Mål transcription that sits beside the repository (`../shared/data`), or
/// where `SPIRE_SHARED_DATA` points. Its absence fails the test rather than skipping it.
pub fn faelles_maal_file() -> String {
    let candidates = [
        std::env::var("SPIRE_SHARED_DATA")
            .ok()
            .map(std::path::PathBuf::from),
        Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data")),
        Some(std::path::PathBuf::from("/work/shared/data")),
    ];
    for dir in candidates.into_iter().flatten() {
        let path = dir.join("faelles-maal/faelles-maal.json");
        if let Ok(text) = std::fs::read_to_string(&path) {
            return text;
        }
    }
    panic!("faelles-maal.json not found: set SPIRE_SHARED_DATA to the shared data directory");
}
