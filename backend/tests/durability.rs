//! The SQLite file's promises, tested on the file itself: a commit is on disk before the call
//! answers, and the demo school never goes into a database that existed before this start.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use backend::demo::{FirstStart, open_with_demo};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait, Statement};

fn url(dir: &tempfile::TempDir) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("spire.db").display()
    )
}

#[tokio::test]
async fn every_connection_commits_to_disk_before_answering() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db::connect_and_migrate(&url(&dir)).await.unwrap();
    // Inside transactions held open at once, so each is a connection of its own.
    let mut held = Vec::new();
    for _ in 0..backend::db::SQLITE_POOL {
        let txn = sea_orm::TransactionTrait::begin(&db).await.unwrap();
        let row = txn
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA synchronous",
            ))
            .await
            .unwrap()
            .unwrap();
        let level: i64 = row.try_get_by_index(0).unwrap();
        assert_eq!(level, 2, "synchronous=FULL");
        held.push(txn);
    }
}

#[tokio::test]
async fn the_demo_school_goes_only_into_a_database_created_empty_at_this_start() {
    let dir = tempfile::tempdir().unwrap();
    let (db, first) = open_with_demo(&url(&dir)).await.unwrap();
    assert!(matches!(first, FirstStart::Seeded(ref logins) if !logins.is_empty()));
    db.close().await.unwrap();
    let (db, first) = open_with_demo(&url(&dir)).await.unwrap();
    assert!(matches!(first, FirstStart::Existing));
    assert_eq!(
        backend::entity::school::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        1,
        "not seeded twice"
    );
    db.close().await.unwrap();

    // A database that exists without a school (its data lost, say) is left as it is.
    let other = tempfile::tempdir().unwrap();
    backend::db::connect_and_migrate(&url(&other))
        .await
        .unwrap()
        .close()
        .await
        .unwrap();
    let (db, first) = open_with_demo(&url(&other)).await.unwrap();
    assert!(matches!(first, FirstStart::ExistingWithoutSchool));
    assert_eq!(
        backend::entity::school::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        0
    );
}
