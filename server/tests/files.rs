//! Files over HTTP: a forløb's attachments, pupils' work, pupil packages and spoken text, each
//! only for whoever the policy lets read it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;

/// Shown inline as what it is, and inert if a browser were asked to treat it as a page.
fn assert_shown_inert(res: &axum::http::Response<Body>, content_type: &str) {
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        content_type
    );
    assert_eq!(
        res.headers().get(header::CONTENT_SECURITY_POLICY).unwrap(),
        "sandbox; default-src 'none'"
    );
    assert_eq!(
        res.headers().get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );
    assert_eq!(
        res.headers().get(header::CACHE_CONTROL).unwrap(),
        "no-store",
        "not kept on a shared iPad"
    );
}

#[tokio::test]
async fn a_pupils_package_downloads_as_json_for_the_leader_and_nobody_else() {
    let s = TestServer::start().await;
    let ids = placeholders(&s).await;
    let ida = &ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1;
    let path = format!("/elevpakke/{ida}");
    let get = |cookie: Option<String>| {
        let mut req = Request::get(path.as_str());
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        s.send(req.body(Body::empty()).unwrap())
    };
    let res = get(Some(s.sign_in("lene").await)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "application/json"
    );
    assert!(
        res.headers()
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment; filename*=UTF-8''elevpakke-Ida-Jensen.json")
    );
    let package = json(res).await;
    assert_eq!(package["format"], "spire-pupil/1");
    assert_eq!(package["plans"].as_array().unwrap().len(), 1);
    assert_eq!(get(None).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        get(Some(s.sign_in("anne").await)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(Some(s.sign_in("mette").await)).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_pupils_photo_is_shown_inline_to_them_and_their_teacher_and_inert_as_a_page() {
    let s = TestServer::start().await;
    let ida = s.sign_in("ida").await;
    let id = add_photo(&s, &ida).await;
    let path = format!("/arbejde/{id}");
    let res = get_as(&s, &path, Some(&ida)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_shown_inert(&res, "image/png");
    let anne = s.sign_in("anne").await;
    assert_eq!(
        get_as(&s, &path, Some(&anne)).await.status(),
        StatusCode::OK
    );
    let mette = s.sign_in("mette").await;
    assert_eq!(
        get_as(&s, &path, Some(&mette)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get_as(&s, &path, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get_as(&s, "/arbejde/999999", Some(&ida)).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_big_photo_within_the_upload_limit_is_kept_and_one_over_it_refused() {
    use base64::Engine;
    let s = TestServer::start().await;
    let ida = s.sign_in("ida").await;
    let upload = |key: &str, size: usize| {
        let mut photo = b"\x89PNG\r\n\x1a\n".to_vec();
        photo.resize(size, 0);
        let data = base64::engine::general_purpose::STANDARD.encode(&photo);
        format!(
            r#"{{"upload":{{"client_key":"{key}","kind":"photo","task_id":null,"goal_id":null,"text":"","content_type":"image/png","data_base64":"{data}"}}}}"#
        )
    };
    // 4 MB is 5.3 MB in base64: over an ordinary call's 2 MB, within the upload calls' 14 MB.
    let res = s
        .call("add_work", &upload("big-00001", 4_000_000), Some(&ida))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Past the limit the body is cut off and the call is refused as one that does not decode.
    let res = s
        .call("add_work", &upload("big-00002", 11_000_000), Some(&ida))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_teachers_recorded_answer_plays_inline_for_the_pupil_and_inert_as_a_page() {
    use base64::Engine;
    let s = TestServer::start().await;
    let ida = s.sign_in("ida").await;
    let photo = add_photo(&s, &ida).await;
    let anne = s.sign_in("anne").await;
    // A long answer: more than an ordinary call's 2 MB once in base64, within the 3 MB allowed.
    let mut recording = b"\x1a\x45\xdf\xa3".to_vec();
    recording.resize(2_500_000, 0);
    let webm = base64::engine::general_purpose::STANDARD.encode(&recording);
    let res = s
        .call(
            "give_feedback",
            &format!(
                r#"{{"input":{{"on":{{"work":{{"item_id":{photo}}}}},"body":{{"voice":{{"content_type":"audio/webm","data_base64":"{webm}"}}}},"for_family":true}}}}"#
            ),
            Some(&anne),
        )
        .await;
    let status = res.status();
    let answer = json(res).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let path = answer["body"]["voice"]["url"].as_str().unwrap().to_owned();
    assert!(path.starts_with("/svar/"), "{path}");
    let res = get_as(&s, &path, Some(&ida)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let played = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    assert_eq!(played.len(), 2_500_000);
    let res = get_as(&s, &path, Some(&ida)).await;
    assert_shown_inert(&res, "audio/webm");
    // Meant for the family, but Ida has not shared the photo.
    let mette = s.sign_in("mette").await;
    assert_eq!(
        get_as(&s, &path, Some(&mette)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get_as(&s, &path, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_pupils_spoken_reflection_is_uploaded_whole_and_plays_only_for_its_readers() {
    use base64::Engine;
    let s = TestServer::start().await;
    let anne = s.sign_in("anne").await;
    let ida = s.sign_in("ida").await;
    let me = json(s.call("me", "", Some(&ida)).await).await;
    let res = s
        .call(
            "start_pupil_plan",
            &format!(r#"{{"pupil_id":{},"subject":"dansk"}}"#, me["id"]),
            Some(&anne),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let plan = json(res).await;
    // Three minutes of speech: more than an ordinary call's 2 MB once in base64.
    let mut recording = b"\x1a\x45\xdf\xa3".to_vec();
    recording.resize(2_500_000, 0);
    let webm = base64::engine::general_purpose::STANDARD.encode(&recording);
    let res = s
        .call(
            "record_reflection",
            &format!(r#"{{"plan_id":{plan},"content_type":"audio/webm","data_base64":"{webm}"}}"#),
            Some(&ida),
        )
        .await;
    let status = res.status();
    let said = json(res).await;
    assert_eq!(status, StatusCode::OK, "{said}");
    let path = format!("/refleksion/{}", said["id"]);
    let res = get_as(&s, &path, Some(&anne)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let played = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    assert_eq!(played.len(), 2_500_000, "the teacher hears all of it");
    assert_shown_inert(&get_as(&s, &path, Some(&ida)).await, "audio/webm");
    // Not the family's before a published version plays it; nobody's signed out.
    let mette = s.sign_in("mette").await;
    assert_eq!(
        get_as(&s, &path, Some(&mette)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get_as(&s, &path, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get_as(&s, "/refleksion/999999", Some(&anne)).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn work_brought_from_an_earlier_school_is_served_only_to_someone_signed_in() {
    let s = TestServer::start().await;
    let anne = s.sign_in("anne").await;
    for path in [
        "/tidligere-arbejde/999999",
        "/tidligere-arbejde/999999/svar/0",
    ] {
        assert_eq!(
            get_as(&s, path, None).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
        assert_eq!(
            get_as(&s, path, Some(&anne)).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_server_reads_danish_aloud_for_devices_without_a_voice() {
    let s = TestServer::start().await;
    let ida = s.sign_in("ida").await;
    let res = get_as(&s, "/tale?tekst=T%C3%A6l%20til%2020", Some(&ida)).await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "eSpeak NG is installed by the test command"
    );
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "audio/wav"
    );
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    assert!(body.starts_with(b"RIFF") && body.len() > 1000);
    let declared = u32::from_le_bytes(body[4..8].try_into().unwrap()) as usize;
    assert_eq!(declared, body.len() - 8, "the header gives the real length");
    assert_eq!(
        get_as(&s, "/tale?tekst=Hej", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let long = "a".repeat(backend::speech::MAX_SPOKEN_CHARS + 1);
    assert_eq!(
        get_as(&s, &format!("/tale?tekst={long}"), Some(&ida))
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn an_attached_file_downloads_only_for_the_schools_planners_and_the_holds_pupils_and_never_renders_inline()
 {
    let (s, ids) = matrix_server().await;
    let url = ids
        .iter()
        .find(|(k, _)| *k == "{file_url}")
        .unwrap()
        .1
        .clone();
    let get = |cookie: Option<String>| {
        let mut req = Request::get(url.clone());
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.body(Body::empty()).unwrap()
    };
    let res = s.send(get(None)).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = s.send(get(Some(s.sign_in("dorte").await))).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    assert_eq!(
        res.headers()[header::CONTENT_DISPOSITION],
        "attachment; filename*=UTF-8''noter.txt"
    );
    assert_eq!(res.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(text(res).await, "hej");
    for (user, status) in [
        // Ida is in the hold whose forløb holds it: a task's materials open in one tap.
        ("ida", StatusCode::OK),
        ("sofia", StatusCode::FORBIDDEN),
        ("mette", StatusCode::FORBIDDEN),
        ("niels", StatusCode::NOT_FOUND),
    ] {
        let res = s.send(get(Some(s.sign_in(user).await))).await;
        assert_eq!(res.status(), status, "{user}");
    }
    let missing = s
        .send(
            Request::get("/filer/999999")
                .header(header::COOKIE, s.sign_in("anne").await)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
