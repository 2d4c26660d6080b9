//! HTTP tests of the real router: sessions, errors, pages, headers, assets, load shedding.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use server::{AppState, router};

#[tokio::test]
async fn health_reports_the_database_reachable() {
    let s = TestServer::start().await;
    let res = s.get("/health").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(json(res).await["database"], "ok");
}

#[tokio::test]
async fn the_version_is_static_json() {
    let s = TestServer::start().await;
    let res = s.get("/version").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(json(res).await["name"], "spire");
}

#[tokio::test]
async fn above_its_limit_of_calls_in_flight_the_server_sheds_with_503_and_retry_after() {
    let mut s = TestServer::start().await;
    // No room at all: every call is over the limit. Pages and health still answer.
    s.app = router(
        AppState::new(s.db.clone(), &s._dir.path().join("dist"), true, false).with_max_in_flight(0),
    );
    let res = s.call("home", "", None).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.headers()[header::RETRY_AFTER], "1");
    assert_eq!(json(res).await["code"], "unavailable");
    // Speech starts a process, so it waits its turn with the calls.
    assert_eq!(
        s.get("/tale?tekst=Hej").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(s.get("/health").await.status(), StatusCode::OK);
    assert_eq!(s.get("/version").await.status(), StatusCode::OK);
    // With room, the same call is answered (401: nobody is signed in).
    s.app = router(
        AppState::new(s.db.clone(), &s._dir.path().join("dist"), true, false).with_max_in_flight(1),
    );
    assert_eq!(
        s.call("home", "", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn signing_in_sets_an_http_only_session_cookie_that_opens_the_home() {
    let s = TestServer::start().await;
    let res = s
        .call("sign_in", "username=anne&password=spire-demo", None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("spire_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let me = json(res).await;
    assert_eq!(me["role"], "teacher");
    assert_eq!(me["name"], "Anne Holm");

    let session = cookie.split(';').next().unwrap();
    let home = json(s.call("home", "", Some(session)).await).await;
    let teams = home["Teacher"]["teams"].as_array().unwrap();
    assert_eq!(teams.len(), 2);
}

#[tokio::test]
async fn a_wrong_password_is_401_with_a_code_and_no_cookie() {
    let s = TestServer::start().await;
    let res = s
        .call("sign_in", "username=anne&password=wrong", None)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.headers().get(header::SET_COOKIE).is_none());
    assert_eq!(json(res).await["code"], "wrong_credentials");
}

#[tokio::test]
async fn without_a_session_the_home_is_401_not_signed_in() {
    let s = TestServer::start().await;
    let res = s.call("home", "", None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(json(res).await["code"], "not_signed_in");
    let res = s.call("home", "", Some("spire_session=guessed")).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_request_missing_an_argument_is_400_invalid_input() {
    let s = TestServer::start().await;
    let res = s.call("sign_in", "username=anne", None).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(res).await["code"], "invalid_input");
}

#[tokio::test]
async fn a_malformed_username_is_400_naming_the_field() {
    let s = TestServer::start().await;
    let res = s
        .call("sign_in", "username=%3Cscript%3E&password=x", None)
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body = json(res).await;
    assert_eq!(body["code"], "invalid_input");
    assert_eq!(body["field"], "username");
}

#[tokio::test]
async fn an_unknown_call_is_404_and_a_get_is_refused() {
    let s = TestServer::start().await;
    let res = s.call("drop_all_tables", "", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(json(res).await["code"], "not_found");
    let res = s.get("/api/home").await;
    assert!(
        res.status().is_client_error(),
        "GET of a server function: {}",
        res.status()
    );
}

#[tokio::test]
async fn a_call_from_another_site_is_refused() {
    let s = TestServer::start().await;
    let cookie = s.sign_in("anne").await;
    let req = Request::post("/api/home")
        .header(header::HOST, "127.0.0.1:3000")
        .header(header::ORIGIN, "https://evil.example")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let res = s.send(req).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn signing_out_clears_the_cookie_and_ends_the_session() {
    let s = TestServer::start().await;
    let cookie = s.sign_in("mette").await;
    let res = s.call("sign_out", "", Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cleared = res
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cleared.contains("Max-Age=0"), "{cleared}");
    assert_eq!(
        s.call("home", "", Some(&cookie)).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn demo_logins_are_offered_only_in_demo_mode() {
    let s = TestServer::start().await;
    let options = json(s.call("sign_in_options", "", None).await).await;
    let logins = options["demo_logins"].as_array().unwrap();
    assert!(logins.iter().any(|l| l["username"] == "anne"));
    assert_eq!(options["uni_login"], false, "no issuer configured");
    let s = TestServer::start_with_demo(false).await;
    let options = json(s.call("sign_in_options", "", None).await).await;
    assert_eq!(options["demo_logins"], serde_json::json!([]));
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_csp_that_allows_only_the_loader_inline() {
    let s = TestServer::start().await;
    let res = s.get("/").await;
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    let csp = h
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        csp.contains("'sha256-"),
        "the loader's hash is allowed: {csp}"
    );
    assert_eq!(h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(), "nosniff");
    assert_eq!(h.get(header::X_FRAME_OPTIONS).unwrap(), "DENY");
    assert_eq!(h.get(header::REFERRER_POLICY).unwrap(), "no-referrer");
    assert_eq!(h.get(header::CACHE_CONTROL).unwrap(), "no-cache");
    let api = s.call("home", "", None).await;
    assert_eq!(
        api.headers().get(header::CACHE_CONTROL).unwrap(),
        "no-store"
    );
    assert!(api.headers().get(header::CONTENT_SECURITY_POLICY).is_some());
}

#[tokio::test]
async fn client_routes_fall_back_to_the_page_but_missing_files_are_404() {
    let s = TestServer::start().await;
    let res = s.get("/planlaegning").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res).await.contains("start()"));
    assert_eq!(
        s.get("/missing-0123456789abcdef.js").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_signed_out_get_the_sign_in_build_pupils_theirs_parents_the_family_build_and_staff_theirs()
 {
    let s = TestServer::start().await;
    let is_family = |html: &str| html.contains("family()");
    let is_sign_in = |html: &str| html.contains("signin()");
    for path in ["/", "/log-ind", "/klasse", "/kode"] {
        assert!(is_sign_in(&s.page(path, None).await), "{path} signed out");
    }
    let is_pupil = |html: &str| html.contains("pupil()");
    // The card scanner is the pupil build's: the child who scans needs it next.
    assert!(is_pupil(&s.page("/kort", None).await));
    // A pupil's screen opened signed out (a shared iPad handed on) loads the pupil build.
    assert!(is_pupil(&s.page("/i-dag", None).await));
    assert!(is_family(&s.page("/ugebrev", None).await));
    let pupil = s.sign_in("ida").await;
    assert!(is_pupil(&s.page("/", Some(&pupil)).await));
    assert!(is_pupil(&s.page("/samlet-elevplan/1", Some(&pupil)).await));
    let bookmarked = s.page("/planlaegning", None).await;
    assert!(!is_family(&bookmarked) && !is_sign_in(&bookmarked));
    let parent = s.sign_in("mette").await;
    assert!(is_family(&s.page("/", Some(&parent)).await));
    assert!(is_family(
        &s.page("/samlet-elevplan/1", Some(&parent)).await
    ));
    let teacher = s.sign_in("anne").await;
    let staff_home = s.page("/", Some(&teacher)).await;
    assert!(!is_family(&staff_home) && !is_sign_in(&staff_home));
    assert!(staff_home.contains("start()"));
    // Everyone signs in on the sign-in build, staff too.
    assert!(is_sign_in(&s.page("/log-ind", Some(&teacher)).await));
    // A session that has ended counts as signed out.
    s.call("sign_out", "", Some(&teacher)).await;
    assert!(is_sign_in(&s.page("/", Some(&teacher)).await));
}

#[tokio::test]
async fn every_builds_loader_is_allowed_by_the_content_security_policy() {
    let s = TestServer::start().await;
    let res = s.get("/").await;
    let csp = res
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(csp.matches("'sha256-").count(), 7, "{csp}");
}

#[tokio::test]
async fn staff_screens_come_from_the_staff_build_that_draws_them_for_every_staff_role() {
    let s = TestServer::start().await;
    let cases = [
        ("/", "start()"),
        ("/planlaegning", "start()"),
        ("/forloeb/1", "hold()"),
        ("/evaluering/1", "followup()"),
        ("/opgave/3", "followup()"),
        ("/elevplaner/4/udskrift", "followup()"),
        ("/administration", "school()"),
        ("/hold/2", "start()"),
        ("/aarsplan/1", "hold()"),
        ("/bibliotek", "start()"),
    ];
    for user in ["anne", "lene", "ole"] {
        let session = s.sign_in(user).await;
        for (path, loader) in cases {
            assert!(
                s.page(path, Some(&session)).await.contains(loader),
                "{user} at {path} should get {loader}"
            );
        }
    }
    // Signed out, a bookmarked screen loads the build that draws it, which sends to sign in.
    assert!(s.page("/aarsplan/1", None).await.contains("hold()"));
    // A parent is never given a staff build, whatever the path.
    let parent = s.sign_in("mette").await;
    assert!(
        s.page("/administration", Some(&parent))
            .await
            .contains("family()")
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_served_precompressed() {
    let s = TestServer::start().await;
    let req = Request::get("/main-0123456789abcdef.css")
        .header(header::ACCEPT_ENCODING, "br")
        .body(Body::empty())
        .unwrap();
    let res = s.send(req).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CACHE_CONTROL).unwrap(),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(res.headers().get(header::CONTENT_ENCODING).unwrap(), "br");
    assert_eq!(res.headers().get(header::VARY).unwrap(), "accept-encoding");
    assert_eq!(text(res).await, "compressed");
    let res = s.get("/favicon.svg").await;
    assert_eq!(
        res.headers().get(header::CACHE_CONTROL).unwrap(),
        "no-cache"
    );
}

#[tokio::test]
async fn a_class_ipad_lets_its_pupils_sign_in_by_tapping_through_cookies_alone() {
    let s = TestServer::start().await;
    let teacher = s.sign_in("anne").await;
    let res = s
        .call("open_class_device", "class_id=1", Some(&teacher))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookies = set_cookies(&res);
    assert!(
        cookies.contains(&"spire_session=".to_owned()),
        "the teacher is signed out: {cookies:?}"
    );
    let device = cookies
        .iter()
        .find(|c| c.starts_with("spire_device="))
        .unwrap()
        .clone();
    assert_eq!(
        s.call("home", "", Some(&teacher)).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let class = json(s.call("class_device_status", "", Some(&device)).await).await;
    assert_eq!(class["class_name"], "1.A");
    let ida = class["pupils"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["first_name"] == "Ida")
        .unwrap()["id"]
        .clone();

    let res = s
        .call("sign_in_pupil", &format!("pupil_id={ida}"), Some(&device))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let session = set_cookies(&res)
        .into_iter()
        .find(|c| c.starts_with("spire_session="))
        .unwrap();
    let both = format!("{session}; {device}");
    let home = json(s.call("home", "", Some(&both)).await).await;
    assert_eq!(home["Pupil"]["first_name"], "Ida");
}

#[tokio::test]
async fn after_ten_wrong_passwords_the_account_answers_429() {
    let s = TestServer::start().await;
    for _ in 0..10 {
        let res = s.call("sign_in", "username=bo&password=wrong", None).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = s
        .call("sign_in", "username=bo&password=spire-demo", None)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(json(res).await["code"], "rate_limited");
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_counted_by_its_own_address() {
    let s = TestServer::start_behind_proxy().await;
    for _ in 0..10 {
        let status = s
            .sign_in_from("127.0.0.1", Some("203.0.113.1"), "bo", "wrong")
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        s.sign_in_from("127.0.0.1", Some("203.0.113.1"), "bo", "spire-demo")
            .await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Bo at school, behind the same proxy, is not locked out by the guesser.
    assert_eq!(
        s.sign_in_from("127.0.0.1", Some("198.51.100.9"), "bo", "spire-demo")
            .await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_forwarded_address_from_anyone_but_a_trusted_proxy_is_ignored() {
    // No proxy is trusted: a guesser who writes a new address into each request is still one.
    let s = TestServer::start().await;
    for n in 0..10 {
        let status = s
            .sign_in_from("192.0.2.44", Some(&format!("203.0.113.{n}")), "bo", "wrong")
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        s.sign_in_from("192.0.2.44", Some("203.0.113.200"), "bo", "spire-demo")
            .await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn an_oversized_call_is_refused_before_it_is_read() {
    let s = TestServer::start().await;
    let anne = s.sign_in("anne").await;
    let big = format!("text={}&apply=false", "a".repeat(3 * 1024 * 1024));
    let res = s
        .send(
            Request::post("/api/import_roster")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::CONTENT_LENGTH, big.len())
                .header(header::HOST, "127.0.0.1:3000")
                .header(header::COOKIE, anne)
                .body(Body::from(big))
                .unwrap(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn behind_https_every_answer_asks_for_https_and_the_session_cookie_is_secure() {
    let s = TestServer::start_https().await;
    let page = get_as(&s, "/", None).await;
    assert_eq!(
        page.headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .unwrap(),
        "max-age=31536000"
    );
    let res = s
        .call("sign_in", "username=anne&password=spire-demo", None)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.contains("; Secure"), "{cookie}");
    // Over plain HTTP on a developer's machine, neither.
    let plain = TestServer::start().await;
    assert!(
        get_as(&plain, "/", None)
            .await
            .headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_none()
    );
}

#[tokio::test]
async fn readiness_proves_the_database_takes_a_write_where_health_proves_only_a_read() {
    let s = TestServer::start().await;
    assert_eq!(s.get("/ready").await.status(), StatusCode::OK);
    // The same database, opened read-only (a disk remounted read-only, a full disk): reads still
    // answer, so health says 200; readiness says 503, and a load balancer sends no calls there.
    let file = s._dir.path().join("spire.db");
    let read_only = backend::db::connect(&format!("sqlite://{}?mode=ro", file.display()))
        .await
        .unwrap();
    let mut ro = TestServer::start().await;
    ro.app = router(AppState::new(
        read_only,
        &ro._dir.path().join("dist"),
        true,
        false,
    ));
    assert_eq!(ro.get("/health").await.status(), StatusCode::OK);
    let res = ro.get("/ready").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(json(res).await["status"], "unavailable");
}

#[tokio::test]
async fn a_client_that_stops_sending_its_body_gives_back_its_call_slot() {
    let mut s = TestServer::start().await;
    s.app = router(
        AppState::new(s.db.clone(), &s._dir.path().join("dist"), true, false)
            .with_max_in_flight(1)
            .with_body_timeout(std::time::Duration::from_millis(200)),
    );
    // The only slot, taken by a call whose body never comes.
    let never = futures_util::stream::pending::<Result<axum::body::Bytes, std::io::Error>>();
    let stalled = Request::post("/api/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000")
        .body(Body::from_stream(never))
        .unwrap();
    let res = tokio::time::timeout(std::time::Duration::from_secs(5), s.send(stalled))
        .await
        .expect("the stalled call is answered, not held");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // The slot is free again for everyone else.
    assert_eq!(
        s.call("home", "", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}
