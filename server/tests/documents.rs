//! The pages the server writes: a pupil's audit trail, for the school's leader and the pupil's
//! guardians only, showing a read the moment after it happened; and the accessibility statement,
//! for everyone, signed in or not.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use axum::http::{StatusCode, header};
use common::*;

#[tokio::test]
async fn a_pupils_trail_is_a_page_for_the_leader_and_the_guardians_and_refused_to_everyone_else() {
    let (s, ids) = matrix_server().await;
    let ida = &ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1;
    let path = format!("/adgangslog/{ida}");
    // Anne opens Ida's collected plan; the read waits in the server's buffer, and the trail shows
    // it at once.
    let anne = s.sign_in("anne").await;
    let res = s
        .call("collected_plan", &format!("pupil_id={ida}"), Some(&anne))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    for (user, want) in MATRIX_USERS.iter().zip([
        StatusCode::UNAUTHORIZED,
        StatusCode::FORBIDDEN,
        StatusCode::FORBIDDEN,
        StatusCode::OK,
        StatusCode::FORBIDDEN,
        StatusCode::FORBIDDEN,
        StatusCode::FORBIDDEN,
        StatusCode::OK,
        StatusCode::NOT_FOUND,
        StatusCode::FORBIDDEN,
    ]) {
        let cookie = match user {
            Some(u) => Some(s.sign_in(u).await),
            None => None,
        };
        let res = get_as(&s, &path, cookie.as_deref()).await;
        assert_eq!(res.status(), want, "{path} as {user:?}");
        assert_eq!(
            res.headers().get(header::CONTENT_TYPE).unwrap(),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            res.headers().get(header::CACHE_CONTROL).unwrap(),
            "private, no-store"
        );
        let page = text(res).await;
        if want == StatusCode::OK {
            assert!(page.contains("<h1>Hvem har set og ændret Ida Jensens oplysninger</h1>"));
            assert!(page.contains("<td>Anne Holm</td><td>lærer</td><td>så</td><td>Elevplan</td>"));
        } else {
            assert!(
                !page.contains("Anne Holm"),
                "a refusal says nothing of the trail"
            );
        }
    }
    assert_eq!(
        get_as(&s, "/adgangslog/nogen", Some(&anne)).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_accessibility_statement_is_for_everyone_in_the_was_templates_order() {
    let s = TestServer::start().await;
    let res = s.get("/tilgaengelighed").await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = text(res).await;
    let order = [
        "<h1>Tilgængelighedserklæring for Spire</h1>",
        "<h2>Overholdelsesstatus</h2>",
        "<h2>Ikke-tilgængeligt indhold</h2>",
        "<h2>Udarbejdelse af denne erklæring</h2>",
        "<h2>Feedback og kontaktoplysninger</h2>",
        "<h2>Håndhævelsesprocedure</h2>",
    ];
    let places: Vec<usize> = order.iter().map(|h| page.find(h).expect(h)).collect();
    assert!(
        places.windows(2).all(|w| w[0] < w[1]),
        "sections in the template's order"
    );
    assert!(page.contains("lang=\"da\""));
}
