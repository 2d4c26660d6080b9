//! What a probe tried as an attacker, refused over HTTP for every role: pupils' files through the
//! teaching-material route, walking file ids, administration making a leader, a forged elevplan
//! imported for one of the school's own pupils, and bodies that do not decode.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use axum::http::StatusCode;
use backend::entity::stored_file::{self, FileKind};
use common::*;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const STAFF: [&str; 6] = ["anne", "bo", "dorte", "pia", "lene", "ole"];

#[tokio::test]
async fn a_pupils_photo_is_never_served_as_teaching_material_to_anyone() {
    let s = TestServer::start().await;
    let ida = s.sign_in("ida").await;
    add_photo(&s, &ida).await;
    let file = stored_file::Entity::find()
        .filter(stored_file::Column::Kind.eq(FileKind::PupilWork))
        .one(&s.db)
        .await
        .unwrap()
        .expect("the photo is stored as the pupil's work");
    // Neither by its key (which only the database knows) nor by its sequential id.
    for path in [
        format!("/filer/{}", file.public_key),
        format!("/filer/{}", file.id),
    ] {
        for who in STAFF.iter().chain(&["ida", "mette"]) {
            let cookie = s.sign_in(who).await;
            let res = get_as(&s, &path, Some(&cookie)).await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path} as {who}");
        }
    }
}

#[tokio::test]
async fn file_addresses_cannot_be_walked() {
    let (s, ids) = matrix_server().await;
    let url = &ids.iter().find(|(k, _)| *k == "{file_url}").unwrap().1;
    let key = url.trim_start_matches("/filer/");
    assert_eq!(key.len(), 32, "{url}");
    assert!(key.bytes().all(|b| b.is_ascii_hexdigit()), "{url}");
    let anne = s.sign_in("anne").await;
    assert_eq!(get_as(&s, url, Some(&anne)).await.status(), StatusCode::OK);
    for guess in [
        "/filer/1",
        "/filer/2",
        "/filer/0",
        "/filer/-1",
        "/filer/..%2F1",
    ] {
        assert_eq!(
            get_as(&s, guess, Some(&anne)).await.status(),
            StatusCode::NOT_FOUND,
            "{guess}"
        );
    }
}

fn staff_body(role: &str, username: &str) -> String {
    format!(
        "given_name=Ny&family_name=Leder&role={role}&username={username}&password=lang-nok-kode"
    )
}

#[tokio::test]
async fn only_a_leader_makes_a_leader() {
    let s = TestServer::start().await;
    for who in ["ole", "anne", "pia", "ida", "mette"] {
        let cookie = s.sign_in(who).await;
        let res = s
            .call("add_staff", &staff_body("leader", "nyleder"), Some(&cookie))
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{who}");
    }
    // Nobody was made: the username is still free for the leader to use.
    let lene = s.sign_in("lene").await;
    let res = s
        .call("add_staff", &staff_body("leader", "nyleder"), Some(&lene))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Administration still adds teachers and pædagoger.
    let ole = s.sign_in("ole").await;
    for (role, user) in [("teacher", "nylaerer"), ("paedagog", "nypaedagog")] {
        let res = s
            .call("add_staff", &staff_body(role, user), Some(&ole))
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{role}");
    }
}

/// The body of `import_pupil` for a package from `school` naming `given` `family`, with one
/// published dansk plan by `author`.
fn import_body(pupil_id: &str, school: &str, given: &str, family: &str, author: &str) -> String {
    let package = serde_json::json!({
        "format": "spire-pupil/1",
        "exported_at": 0,
        "school": school,
        "pupil": {"given_name": given, "family_name": family},
        "plans": [{
            "subject": "dansk",
            "school_year": 2025,
            "versions": [{
                "subject": "dansk",
                "school_year": 2025,
                "pupil_name": format!("{given} {family}"),
                "texts": {"status": "Læser flydende", "goals": "", "follow_up": "", "wellbeing": "",
                          "all_round": "", "education": "", "support": ""},
                "goals": [],
                "pupil_reflection": "",
                "published_by": author,
                "published_at": 1_700_000_000,
                "number": 1
            }]
        }],
        "evaluations": [],
        "portfolio": []
    });
    serde_json::json!({"pupil_id": pupil_id.parse::<i64>().unwrap(), "text": package.to_string()})
        .to_string()
}

#[tokio::test]
async fn a_package_is_imported_only_for_a_pupil_arriving_from_another_school_and_shows_its_origin()
{
    let (s, ids) = matrix_server().await;
    let ida = ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1.clone();
    let noah = ids.iter().find(|(k, _)| *k == "{noah}").unwrap().1.clone();
    let ole = s.sign_in("ole").await;
    // A package "from" this school, naming its own teacher: a forged publication.
    let forged = import_body(&ida, "Solbakken Skole", "Ida", "Jensen", "Anne Holm");
    let res = s.call("import_pupil", &forged, Some(&ole)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(res).await["field"], "package_school");
    // Another pupil's package for Noah.
    let wrong = import_body(&noah, "Nabo Skole", "Ida", "Jensen", "Else Nabo");
    let res = s.call("import_pupil", &wrong, Some(&ole)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(res).await["field"], "package_pupil");
    // Ida's own package from the school she came from: imported, and shown as that school's.
    let real = import_body(&ida, "Nabo Skole", "Ida", "Jensen", "Else Nabo");
    let res = s.call("import_pupil", &real, Some(&ole)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let mette = s.sign_in("mette").await;
    let res = s
        .call("collected_plan", &format!("pupil_id={ida}"), Some(&mette))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let plans = json(res).await["plans"].clone();
    let imported: Vec<_> = plans
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["versions"].as_array().cloned().unwrap_or_default())
        .collect();
    let entries = plans.as_array().unwrap();
    let from_there = entries
        .iter()
        .find(|p| p["newest"]["school_year"] == 2025)
        .unwrap_or_else(|| panic!("the imported plan is listed: {plans} {imported:?}"));
    assert_eq!(from_there["newest"]["imported_from"], "Nabo Skole");
}

#[tokio::test]
async fn a_body_that_does_not_decode_is_400_naming_the_field_and_changes_nothing() {
    let (s, ids) = matrix_server().await;
    let unit = ids.iter().find(|(k, _)| *k == "{unit}").unwrap().1.clone();
    let anne = s.sign_in("anne").await;
    for (body, field) in [
        // A version that is text, not a number.
        (
            format!(r#"{{"unit_id":{unit},"version":"x","name":"a.txt","data_base64":"aGVq"}}"#),
            "version",
        ),
        // No version at all.
        (
            format!(r#"{{"unit_id":{unit},"name":"a.txt","data_base64":"aGVq"}}"#),
            "version",
        ),
        // Not JSON.
        ("{".to_owned(), "body"),
    ] {
        let res = s.call("upload_material", &body, Some(&anne)).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body}");
        let error = json(res).await;
        assert_eq!(error["code"], "invalid_input", "{body}");
        assert_eq!(error["field"], field, "{body}");
    }
    // A version at the end of the range is refused, not overflowed.
    let res = s
        .call(
            "upload_material",
            &format!(
                r#"{{"unit_id":{unit},"version":9223372036854775807,"name":"a.txt","data_base64":"aGVq"}}"#
            ),
            Some(&anne),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = s
        .call("unit", &format!("unit_id={unit}"), Some(&anne))
        .await;
    assert_eq!(
        json(res).await["materials"].as_array().unwrap().len(),
        1,
        "nothing was attached"
    );
}
