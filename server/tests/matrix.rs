//! The authorization matrix: every server function × every role, and the homes each role gets.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::rows::MATRIX;
use common::*;
use server::server_function_paths;

#[tokio::test]
async fn every_server_function_has_a_row_in_the_matrix() {
    let mut rows: Vec<&str> = MATRIX.iter().map(|(path, _, _)| *path).collect();
    rows.sort_unstable();
    assert_eq!(server_function_paths(), rows);
}

/// Calls whose success changes what the next caller would get: each cell gets a fresh school.
const CHANGES_STATE: [&str; 10] = [
    "/api/deactivate_staff",
    "/api/remove_team_member",
    "/api/archive_team",
    "/api/remove_role",
    "/api/mark_pupil_left",
    "/api/remove_material",
    "/api/create_class",
    "/api/add_staff",
    // Both save from the version read: a second success would be a conflict.
    "/api/save_school_year",
    "/api/schedule_unit",
];

#[tokio::test]
async fn every_role_gets_exactly_what_the_matrix_says() {
    for (path, body, expected) in MATRIX {
        let mut shared = matrix_server().await;
        for (user, want) in MATRIX_USERS.iter().zip(expected) {
            if CHANGES_STATE.contains(path) {
                shared = matrix_server().await;
            }
            let (s, ids) = &shared;
            let mut body = body.to_string();
            for (key, value) in ids {
                body = body.replace(key, value);
            }
            let cookie = match user {
                Some(u) => Some(s.sign_in(u).await),
                None => None,
            };
            let name = path.trim_start_matches("/api/");
            let res = s.call(name, &body, cookie.as_deref()).await;
            assert_eq!(res.status(), *want, "{path} ({body}) as {user:?}");
        }
    }
}

#[tokio::test]
async fn each_role_home_holds_only_that_roles_view() {
    let s = TestServer::start().await;
    for (user, variant) in [
        ("ida", "Pupil"),
        ("mette", "Parent"),
        ("anne", "Teacher"),
        ("lene", "Leader"),
    ] {
        let cookie = s.sign_in(user).await;
        let home = json(s.call("home", "", Some(&cookie)).await).await;
        let keys: Vec<_> = home.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, [variant], "{user}");
    }
}

#[tokio::test]
async fn a_parent_never_sees_another_familys_child() {
    let s = TestServer::start().await;
    let cookie = s.sign_in("maria").await; // Sofia Kristensen's mother
    let home = json(s.call("home", "", Some(&cookie)).await).await;
    let names: Vec<_> = home["Parent"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].clone())
        .collect();
    assert_eq!(names, [serde_json::json!("Sofia Kristensen")]);
}
