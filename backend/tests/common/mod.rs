//! Test databases: a fresh SQLite file per test, and a fresh database per test in the PostgreSQL
//! cluster that `cargo xtask test` starts (its URL in `SPIRE_TEST_POSTGRES_URL`).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use backend::entity::session;
use backend::planning::plans;
use backend::{DatabaseConnection, RequestCtx};
use backend::{SessionChange, demo, home, identity};
use domain::calendar::Date;
use domain::home::Home;
use domain::planning::{GoalInput, GoalKind, UnitInput};
use domain::school::Subject;
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

/// Signs in with a password as a browser would, and answers that browser's context, or the code
/// of the refusal.
pub async fn sign_in_as(
    t: &TestDb,
    username: &str,
    password: &str,
) -> Result<RequestCtx, domain::ErrorCode> {
    let ctx = t.ctx(None);
    match identity::sign_in(&ctx, username, password).await {
        Ok(_) => match ctx.take_session_change() {
            Some(SessionChange::Started { token, .. }) => Ok(t.ctx(Some(token))),
            other => panic!("expected a started session, got {other:?}"),
        },
        Err(e) => Err(e.code),
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

/// Acts as a demo user: signs them in and carries their session.
pub async fn as_user(t: &TestDb, username: &str) -> RequestCtx {
    t.ctx(Some(token_for(t, username).await))
}

/// Anne's dansk hold in 1.A and a new årsplan for it: (Anne, the hold, the årsplan).
pub async fn anne_dansk_plan(t: &TestDb) -> (RequestCtx, i64, i64) {
    let anne = as_user(t, "anne").await;
    let team_id = anne_dansk_hold(&anne).await;
    let plan = plans::create_year_plan(&anne, team_id, "Dansk i 1.A")
        .await
        .unwrap();
    (anne, team_id, plan)
}

/// The id of Anne's dansk hold in 1.A.
pub async fn anne_dansk_hold(anne: &RequestCtx) -> i64 {
    plans::overview(anne)
        .await
        .unwrap()
        .teams
        .iter()
        .find(|team| team.subject == Subject::Dansk && team.team_name.contains("1.A"))
        .expect("anne teaches dansk in 1.A")
        .team_id
}

pub struct DanskForloeb {
    pub anne: RequestCtx,
    pub year_plan: i64,
    pub unit: i64,
    pub faglig: i64,
    pub refleksion: i64,
    pub ida: i64,
}

/// A one-week forløb in `year_plan`, in week `week` of the school year the caller is in.
pub async fn forloeb_in(ctx: &RequestCtx, year_plan: i64, title: &str, week: u8) -> i64 {
    let start: i32 = plans::overview(ctx).await.unwrap().school_year[..4]
        .parse()
        .unwrap();
    let monday = Date::monday_of_iso_week(start, week).unwrap();
    plans::create_unit(
        ctx,
        year_plan,
        &UnitInput {
            title: title.into(),
            description: String::new(),
            first_week: monday,
            last_week: monday,
            materials: vec![],
        },
    )
    .await
    .unwrap()
}

/// A one-week forløb in `year_plan` for this week, whatever day the tests run.
pub async fn forloeb_this_week(ctx: &RequestCtx, year_plan: i64, title: &str) -> i64 {
    let monday = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE)
        .unwrap()
        .monday();
    plans::create_unit(
        ctx,
        year_plan,
        &UnitInput {
            title: title.into(),
            description: String::new(),
            first_week: monday,
            last_week: monday,
            materials: vec![],
        },
    )
    .await
    .unwrap()
}

/// The school's faces scale (the pupils' smileys).
pub async fn faces_scale(ctx: &RequestCtx) -> i64 {
    plans::scales(ctx)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.faces)
        .unwrap()
        .id
}

/// Anne's forløb in dansk 1.A with a teacher-only goal and a goal pupils evaluate too.
pub async fn dansk_forloeb(t: &TestDb) -> DanskForloeb {
    seeded(t).await;
    let anne = as_user(t, "anne").await;
    let team_id = anne_dansk_hold(&anne).await;
    let year_plan = plans::create_year_plan(&anne, team_id, "Dansk")
        .await
        .unwrap();
    let unit = forloeb_in(&anne, year_plan, "Eventyr", 38).await;
    let faces = faces_scale(&anne).await;
    let goal = |kind, text: &str| GoalInput {
        kind,
        own_text: Some(text.into()),
        framework_item_id: None,
        scale_id: faces,
        signs: String::new(),
    };
    let faglig = plans::add_goal(&anne, unit, 1, &goal(GoalKind::Faglig, "Jeg kan læse rim"))
        .await
        .unwrap();
    let refleksion = plans::add_goal(
        &anne,
        unit,
        2,
        &goal(GoalKind::Refleksion, "Jeg kan genfortælle"),
    )
    .await
    .unwrap();
    let ida = plans::unit(&anne, unit)
        .await
        .unwrap()
        .pupils
        .into_iter()
        .find(|p| p.name == "Ida Jensen")
        .unwrap()
        .id;
    DanskForloeb {
        anne,
        year_plan,
        unit,
        faglig,
        refleksion,
        ida,
    }
}

/// Signs `username` in at `unix` (seconds) and acts then: for tests that live days or years.
pub async fn as_user_at(t: &TestDb, username: &str, unix: i64) -> RequestCtx {
    let ctx = t.ctx(None).at_time(unix);
    identity::sign_in(&ctx, username, demo::DEMO_PASSWORD)
        .await
        .unwrap();
    let Some(SessionChange::Started { token, .. }) = ctx.take_session_change() else {
        panic!("{username} signs in");
    };
    t.ctx(Some(token)).at_time(unix)
}

/// A pupil of this year's roster, by full name, as the leader's administration screen lists them.
pub async fn roster_pupil_id(t: &TestDb, name: &str) -> i64 {
    let roster = identity::roster::roster(&as_user(t, "lene").await)
        .await
        .unwrap();
    roster
        .classes
        .iter()
        .flat_map(|c| &c.pupils)
        .find(|p| p.name == name)
        .unwrap()
        .id
}

/// A class of this year, by name, as the leader's administration screen lists it.
pub async fn roster_class_id(t: &TestDb, name: &str) -> i64 {
    let roster = identity::roster::roster(&as_user(t, "lene").await)
        .await
        .unwrap();
    roster.classes.iter().find(|c| c.name == name).unwrap().id
}

/// The names of a class's pupils this year, as the leader's administration screen lists them.
pub async fn roster_pupil_names(t: &TestDb, class: &str) -> Vec<String> {
    identity::roster::roster(&as_user(t, "lene").await)
        .await
        .unwrap()
        .classes
        .into_iter()
        .find(|c| c.name == class)
        .map(|c| c.pupils.into_iter().map(|p| p.name).collect())
        .unwrap_or_default()
}

/// The one person with this first name, as stored.
pub async fn person_by_given_name(t: &TestDb, given: &str) -> backend::entity::person::Model {
    use sea_orm::{ColumnTrait, QueryFilter};
    backend::entity::person::Entity::find()
        .filter(backend::entity::person::Column::GivenName.eq(given))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

pub async fn person_by_id(t: &TestDb, id: i64) -> backend::entity::person::Model {
    backend::entity::person::Entity::find_by_id(i32::try_from(id).unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

/// A second school with its leader Niels and a new pupil, Ida Jensen, who has just moved there.
/// Returns the new pupil's id.
pub async fn neighbour_school_with_ida(t: &TestDb) -> i64 {
    use backend::entity::{account, person, person_role, pupil, school, school_class};
    use sea_orm::{ActiveModelTrait, Set};
    let db = &t.db;
    let school = school::ActiveModel {
        name: Set("Nabo Skole".into()),
        created_at: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let person = |given: &str, family: &str| person::ActiveModel {
        school_id: Set(school.id),
        given_name: Set(given.into()),
        family_name: Set(family.into()),
        created_at: Set(0),
        ..Default::default()
    };
    let niels = person("Niels", "Nabo").insert(db).await.unwrap();
    person_role::ActiveModel {
        person_id: Set(niels.id),
        role: Set(domain::identity::Role::Leader),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let password = domain::identity::Password::parse(backend::demo::DEMO_PASSWORD).unwrap();
    account::ActiveModel {
        person_id: Set(niels.id),
        username: Set("niels".into()),
        password_hash: Set(backend::identity::hash_password(&password).unwrap()),
    }
    .insert(db)
    .await
    .unwrap();
    let class = school_class::ActiveModel {
        school_id: Set(school.id),
        name: Set("1.N".into()),
        grade: Set(1),
        school_year: Set(2026),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let ida = person("Ida", "Jensen").insert(db).await.unwrap();
    person_role::ActiveModel {
        person_id: Set(ida.id),
        role: Set(domain::identity::Role::Pupil),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    pupil::ActiveModel {
        person_id: Set(ida.id),
        class_id: Set(class.id),
    }
    .insert(db)
    .await
    .unwrap();
    i64::from(ida.id)
}

/// A small real PNG, for pupils' photos.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR rest of a picture";

/// "Tegn et eventyr" this week for Anne's whole dansk hold in `f`'s forløb, and Ida's photo for
/// it: (task, photo).
pub async fn task_with_idas_photo(t: &TestDb, f: &DanskForloeb) -> (i64, i64) {
    use base64::Engine;
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    let task = plans::create_task(
        &f.anne,
        f.unit,
        &domain::planning::TaskInput {
            title: "Tegn et eventyr".into(),
            instruction: "Tegn dit yndlingseventyr.".into(),
            icon: domain::planning::TaskIcon::Draw,
            when: domain::planning::TaskWhen::Week(today),
            audience: domain::planning::Audience::Hold,
            pupils: vec![],
            easier: None,
            harder: None,
        },
    )
    .await
    .unwrap();
    let photo = backend::pupil::work::add_work(
        &as_user(t, "ida").await,
        &domain::pupil::WorkUpload {
            client_key: "photo-0001-abcd".into(),
            kind: domain::pupil::WorkKind::Photo,
            task_id: Some(task),
            goal_id: None,
            text: String::new(),
            content_type: Some("image/png".into()),
            data_base64: Some(base64::engine::general_purpose::STANDARD.encode(PNG)),
        },
    )
    .await
    .unwrap();
    (task, photo)
}
