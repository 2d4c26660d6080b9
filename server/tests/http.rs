//! HTTP tests of the real router against a real (temporary) SQLite database with the demo school.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use server::{AppState, router, server_function_paths};
use tower::ServiceExt;

struct TestServer {
    app: axum::Router,
    db: backend::DatabaseConnection,
    _dir: tempfile::TempDir,
}

const INDEX: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">start()</script>\
<link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\"></head><body></body></html>";
const FAMILY_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">family()</script>\
</head><body></body></html>";
const SIGN_IN_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">signin()</script>\
</head><body></body></html>";

impl TestServer {
    async fn start() -> Self {
        Self::start_with_demo(true).await
    }

    async fn start_with_demo(demo: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), INDEX).unwrap();
        std::fs::write(dist.join("family.html"), FAMILY_PAGE).unwrap();
        std::fs::write(dist.join("signin.html"), SIGN_IN_PAGE).unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css"), "body{}").unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css.br"), "compressed").unwrap();
        std::fs::write(dist.join("favicon.svg"), "<svg/>").unwrap();
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("spire.db").display()
        );
        let db = backend::db::connect_and_migrate(&url).await.unwrap();
        backend::demo::seed_if_empty(&db).await.unwrap();
        let app = router(AppState::new(db.clone(), &dist, demo, false));
        Self { app, db, _dir: dir }
    }

    async fn send(&self, req: Request<Body>) -> Response<Body> {
        self.app.clone().oneshot(req).await.unwrap()
    }

    async fn call(&self, name: &str, body: &str, cookie: Option<&str>) -> Response<Body> {
        // Functions with structured input take JSON; the rest take a form.
        let content_type = if body.starts_with('{') {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        let mut req = Request::post(format!("/api/{name}"))
            .header(header::CONTENT_TYPE, content_type)
            .header(header::HOST, "127.0.0.1:3000");
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        self.send(req.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    async fn get(&self, path: &str) -> Response<Body> {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// Signs in and returns the `name=value` cookie to send back.
    async fn sign_in(&self, username: &str) -> String {
        let res = self
            .call(
                "sign_in",
                &format!("username={username}&password=spire-demo"),
                None,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "{username} signs in");
        let set_cookie = res
            .headers()
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        set_cookie.split(';').next().unwrap().to_owned()
    }
}

async fn json(res: Response<Body>) -> serde_json::Value {
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)))
}

async fn text(res: Response<Body>) -> String {
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

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

impl TestServer {
    async fn page(&self, path: &str, cookie: Option<&str>) -> String {
        let mut req = Request::get(path);
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        text(self.send(req.body(Body::empty()).unwrap()).await).await
    }
}

#[tokio::test]
async fn the_signed_out_get_the_sign_in_build_pupils_and_parents_the_family_build_and_staff_theirs()
{
    let s = TestServer::start().await;
    let is_family = |html: &str| html.contains("family()");
    let is_sign_in = |html: &str| html.contains("signin()");
    for path in ["/", "/log-ind", "/klasse", "/kode"] {
        assert!(is_sign_in(&s.page(path, None).await), "{path} signed out");
    }
    // The card scanner is the family build's: the child who scans needs it next.
    assert!(is_family(&s.page("/kort", None).await));
    let bookmarked = s.page("/planlaegning", None).await;
    assert!(!is_family(&bookmarked) && !is_sign_in(&bookmarked));
    let parent = s.sign_in("mette").await;
    assert!(is_family(&s.page("/", Some(&parent)).await));
    assert!(is_family(&s.page("/mine-maal", Some(&parent)).await));
    let teacher = s.sign_in("anne").await;
    let staff_home = s.page("/", Some(&teacher)).await;
    assert!(!is_family(&staff_home) && !is_sign_in(&staff_home));
    assert!(!is_family(&s.page("/evaluering/1", Some(&teacher)).await));
    // Everyone signs in on the sign-in build, staff too.
    assert!(is_sign_in(&s.page("/log-ind", Some(&teacher)).await));
    // A session that has ended counts as signed out.
    s.call("sign_out", "", Some(&teacher)).await;
    assert!(is_sign_in(&s.page("/", Some(&teacher)).await));
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

/// A GET with an optional session cookie.
async fn get_as(s: &TestServer, path: &str, cookie: Option<&str>) -> Response<Body> {
    let mut req = Request::get(path);
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    s.send(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn a_pupils_photo_is_shown_inline_to_them_and_their_teacher_and_inert_as_a_page() {
    let s = TestServer::start().await;
    let ida = s.sign_in("ida").await;
    let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    let res = s
        .call(
            "add_work",
            &format!(
                r#"{{"upload":{{"client_key":"photo-0001","kind":"photo","task_id":null,"goal_id":null,"text":"","content_type":"image/png","data_base64":"{png}"}}}}"#
            ),
            Some(&ida),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let id = json(res).await.to_string();
    let path = format!("/arbejde/{id}");
    let res = get_as(&s, &path, Some(&ida)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "image/png"
    );
    assert_eq!(
        res.headers().get(header::CONTENT_SECURITY_POLICY).unwrap(),
        "sandbox; default-src 'none'"
    );
    assert_eq!(
        res.headers().get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );
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
async fn a_calendar_link_is_an_icalendar_feed_until_revoked_and_a_guess_gets_nothing() {
    let s = TestServer::start().await;
    let ids = placeholders(&s).await;
    let ida = &ids.iter().find(|(k, _)| *k == "{ida}").unwrap().1;
    let mette = s.sign_in("mette").await;
    let res = s
        .call(
            "make_calendar_link",
            &format!("pupil_id={ida}"),
            Some(&mette),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let path = json(res).await.as_str().unwrap().to_owned();
    let res = get_as(&s, &path, None).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "text/calendar; charset=utf-8"
    );
    let ics = text(res).await;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("SUMMARY:Tegn 10 ting"));
    let guessed = format!("/kalender/{}.ics", "a".repeat(64));
    assert_eq!(
        get_as(&s, &guessed, None).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get_as(&s, "/kalender/abc", None).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = s
        .call(
            "revoke_calendar_link",
            &format!("pupil_id={ida}"),
            Some(&mette),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        get_as(&s, &path, None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_weekly_digest_is_a_self_contained_page_for_the_guardian() {
    let s = TestServer::start().await;
    let mette = s.sign_in("mette").await;
    let res = get_as(&s, "/ugebrev.html", Some(&mette)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "text/html; charset=utf-8"
    );
    let html = text(res).await;
    assert!(html.contains("<html lang=\"da\">"));
    assert!(html.contains("Ida Jensen (1.A)") && html.contains("Lucas Jensen (5.B)"));
    assert!(html.contains("Tegn 10 ting"));
    assert!(!html.contains("<script"), "nothing runs in a mail");
    assert_eq!(
        get_as(&s, "/ugebrev.html", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let anne = s.sign_in("anne").await;
    assert_eq!(
        get_as(&s, "/ugebrev.html", Some(&anne)).await.status(),
        StatusCode::FORBIDDEN
    );
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
    assert_eq!(csp.matches("'sha256-").count(), 3, "{csp}");
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

/// Who may call what. One row per server function; a new server function without a row fails
/// `every_server_function_has_a_row_in_the_matrix`. Bodies name Ida and 1.A through placeholders
/// (`{ida}`, `{noah}`, `{lucas}`, `{class_1a}`) resolved against the demo school.
///
/// Columns, in `MATRIX_USERS` order: signed out; pupil (Ida, 1.A); another pupil (Sofia, 5.B);
/// Ida's parent (Mette); another parent (Maria); a teacher of Ida's hold (Anne); another teacher
/// (Dorte, 5.B only); the school's leader (Lene); the leader of another school (Niels);
/// the school's administrator (Ole).
const MATRIX: &[(&str, &str, [StatusCode; 10])] = {
    const OK: StatusCode = StatusCode::OK;
    const NO: StatusCode = StatusCode::UNAUTHORIZED;
    const DENY: StatusCode = StatusCode::FORBIDDEN;
    const GONE: StatusCode = StatusCode::NOT_FOUND;
    const BAD: StatusCode = StatusCode::BAD_REQUEST;
    &[
        // Public by design: the demo list, signing out (idempotent), asking whether this device
        // is a class iPad (without its cookie the answer is "no").
        ("/api/sign_in_options", "", [OK; 10]),
        ("/api/sign_out", "", [OK; 10]),
        ("/api/class_device_status", "", [OK; 10]),
        // Called with a wrong password or an unknown code: refused whoever asks.
        ("/api/sign_in", "username=anne&password=wrong", [NO; 10]),
        ("/api/sign_in_with_code", "code=AAAA-AAAA", [NO; 10]),
        // Without a class iPad no one signs in by tapping.
        ("/api/sign_in_pupil", "pupil_id={ida}", [DENY; 10]),
        // Everyone signed in has a home, their own.
        ("/api/me", "", [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
        ("/api/home", "", [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK]),
        (
            "/api/sign_out_everywhere",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        // Without a class iPad there is nothing to close.
        (
            "/api/close_class_device",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        // Only parents hold the parent role.
        (
            "/api/switch_role",
            "role=parent",
            [NO, DENY, DENY, OK, OK, DENY, DENY, DENY, DENY, DENY],
        ),
        // 1.A's sign-in (class iPad, login cards): its teachers and its own school's leader.
        (
            "/api/open_class_device",
            "class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, DENY],
        ),
        (
            "/api/make_login_cards",
            "class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, DENY, DENY],
        ),
        // Administration: leaders and administration, each of their own school only (Niels's
        // roster is his own, empty school's; Ida is not his to move).
        (
            "/api/roster",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/import_roster",
            "text=x&apply=true",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/move_pupil",
            "pupil_id={lucas}&class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/mark_pupil_left",
            "pupil_id={noah}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // Creating: leaders and administration of their own school. Niels may create in his own
        // school, but 1.A and Ida are not his (an invalid class, an unknown pupil).
        (
            "/api/create_class",
            "name=9.Z&grade=9",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/add_pupil",
            "given_name=Ny&family_name=Elev&class_id={class_1a}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, BAD, OK],
        ),
        (
            "/api/add_staff",
            "given_name=Ny&family_name=Lærer&role=teacher&username=nyansat&password=lang-nok-kode",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/link_guardian",
            "pupil_id={ida}&given_name=Ny&family_name=Forælder&has_access=true&username=&password=",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/create_team",
            "name=Musik%201.A&subject=musik&class_id={class_1a}&teacher_id={anne}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, BAD, OK],
        ),
        // Planning: the hold's teachers (Anne) write; the school's leader reads and restores;
        // another school's leader learns nothing (404); everyone else is refused.
        (
            "/api/planning_overview",
            "",
            [NO, DENY, DENY, DENY, DENY, OK, OK, DENY, DENY, DENY],
        ),
        (
            "/api/create_year_plan",
            "team_id={team_5b_dansk}&title=Dansk%205.B",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/year_plan",
            "year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/rename_year_plan",
            "year_plan_id={plan}&version=1&title=Ny",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_year_plan",
            "year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/restore_year_plan",
            "year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/create_unit",
            r#"{"year_plan_id":{plan},"input":{unit_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/unit",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/save_unit",
            r#"{"unit_id":{unit},"version":{unit_version},"input":{unit_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_unit",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/restore_unit",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/share_unit",
            "unit_id={unit}&shared=false",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/add_goal",
            r#"{"unit_id":{unit},"version":{unit_version},"input":{"kind":"refleksion","own_text":"Jeg kan rime","framework_item_id":null,"scale_id":{scale},"signs":""}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_goal",
            "goal_id={goal}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/create_task",
            r#"{"unit_id":{unit},"input":{task_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/save_task",
            r#"{"task_id":{task},"version":1,"input":{task_input}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/archive_task",
            "task_id={task}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/upload_material",
            r#"{"unit_id":{unit},"version":{unit_version},"name":"mere.txt","data_base64":"aGVq"}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/remove_material",
            "material_id={material}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/restore_task",
            "task_id={task}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        // Evaluations: the hold's teachers write; they and the leader read; only the pupil
        // evaluates themselves, on a goal of a hold they are in.
        (
            "/api/evaluation_grid",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/evaluate",
            r#"{"goal_id":{goal},"pupil_id":{ida},"step":1,"comment":""}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/self_evaluate",
            r#"{"goal_id":{reflection_goal},"step":2,"comment":""}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/my_goals",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        // The pupil's day and work: pupils only, each their own.
        (
            "/api/today",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/task_done",
            r#"{"task_id":{task},"done":true}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/add_work",
            r#"{"upload":{"client_key":"matrix-0001","kind":"text","task_id":null,"goal_id":null,"text":"Hej","content_type":null,"data_base64":null}}"#,
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/my_work",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/share_work",
            "item_id=999999&shared=true",
            [NO, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE],
        ),
        // The family view: guardians with access to the child, and nobody else.
        (
            "/api/child_week",
            "pupil_id={ida}",
            [NO, DENY, DENY, OK, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/make_calendar_link",
            "pupil_id={ida}",
            [NO, DENY, DENY, OK, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/revoke_calendar_link",
            "pupil_id={ida}",
            [NO, DENY, DENY, OK, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/digest",
            "",
            [NO, DENY, DENY, OK, OK, DENY, DENY, DENY, DENY, DENY],
        ),
        // Everyone signed in keeps their own reading settings.
        (
            "/api/reading_settings",
            "",
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        (
            "/api/save_reading_settings",
            r#"{"settings":{"text_size":"more","letter_spacing":"normal","word_spacing":"normal","line_height":"more","tint":"cream","font":"standard"}}"#,
            [NO, OK, OK, OK, OK, OK, OK, OK, OK, OK],
        ),
        (
            "/api/evaluation_history",
            "goal_id={goal}&pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        // The elevplan: the pupil's teachers write and publish; they and the leader read
        // drafts; the pupil and guardians with access read what is published; only the pupil
        // writes their reflection.
        (
            "/api/pupil_plans",
            "pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/start_pupil_plan",
            r#"{"pupil_id":{ida},"subject":"dansk"}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/plan_draft",
            "plan_id={pupil_plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/save_pupil_plan",
            r#"{"edit":{"plan_id":{pupil_plan},"version":1,"texts":{"status":"Læser","goals":"","follow_up":"","wellbeing":"","all_round":"","education":"","support":""},"receives_support":false,"goal_ids":[]}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/preview_pupil_plan",
            "plan_id={pupil_plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/publish_pupil_plan",
            "plan_id={pupil_plan}&version=1",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        (
            "/api/collected_plan",
            "pupil_id={ida}",
            [NO, OK, DENY, OK, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/plan_version",
            "version_id={pupil_plan_published}",
            [NO, OK, DENY, OK, DENY, OK, DENY, OK, GONE, DENY],
        ),
        (
            "/api/my_plans",
            "",
            [NO, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY],
        ),
        (
            "/api/reflect_on_plan",
            r#"{"plan_id":{pupil_plan},"text":"Jeg læser godt"}"#,
            [NO, OK, DENY, DENY, DENY, DENY, DENY, DENY, GONE, DENY],
        ),
        // A pupil's package leaves and arrives through the school's leader or administration.
        (
            "/api/export_pupil",
            "pupil_id={ida}",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        (
            "/api/import_pupil",
            r#"{"pupil_id":{ida},"text":"{\"format\":\"spire-pupil/1\",\"exported_at\":0,\"school\":\"X\",\"pupil\":{\"given_name\":\"A\",\"family_name\":\"B\"},\"plans\":[],\"evaluations\":[],\"portfolio\":[]}"}"#,
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, GONE, OK],
        ),
        // Scales, framework goals and the library: everyone who plans, at their own school.
        (
            "/api/scales",
            "",
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, OK, DENY],
        ),
        (
            "/api/create_scale",
            r#"{"name":"Smil","steps":["Svært","Let"]}"#,
            [NO, DENY, DENY, DENY, DENY, OK, OK, DENY, DENY, DENY],
        ),
        (
            "/api/search_goals",
            r#"{"search":{"subject":"dansk","grade":1,"words":""}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, OK, DENY],
        ),
        (
            "/api/library_search",
            r#"{"filter":{"subject":null,"grade":null,"goal":"","author_id":null,"words":""}}"#,
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, OK, DENY],
        ),
        (
            "/api/library_preview",
            "unit_id={unit}",
            [NO, DENY, DENY, DENY, DENY, OK, OK, OK, GONE, DENY],
        ),
        (
            "/api/library_copy",
            "unit_id={unit}&year_plan_id={plan}",
            [NO, DENY, DENY, DENY, DENY, OK, DENY, DENY, GONE, DENY],
        ),
        // The school's years: leaders and administration, each of their own school.
        (
            "/api/school_years",
            "",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
        (
            "/api/save_school_year",
            "start_year={next_year}&first_day={next_year}-08-12&last_day={year_after}-06-23",
            [NO, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK, OK],
        ),
    ]
};

const MATRIX_USERS: [Option<&str>; 10] = [
    None,
    Some("ida"),
    Some("sofia"),
    Some("mette"),
    Some("maria"),
    Some("anne"),
    Some("dorte"),
    Some("lene"),
    Some("niels"),
    Some("ole"),
];

/// Adds a second school with its own leader, Niels.
async fn add_neighbour_school(db: &backend::DatabaseConnection) {
    use backend::entity::{account, person, person_role, school};
    use sea_orm::{ActiveModelTrait, Set};
    let school = school::ActiveModel {
        name: Set("Nabo Skole".into()),
        created_at: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let niels = person::ActiveModel {
        school_id: Set(school.id),
        given_name: Set("Niels".into()),
        family_name: Set("Nabo".into()),
        created_at: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    person_role::ActiveModel {
        person_id: Set(niels.id),
        role: Set("leader".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let password = domain::identity::Password::parse("spire-demo").unwrap();
    account::ActiveModel {
        person_id: Set(niels.id),
        username: Set("niels".into()),
        password_hash: Set(backend::identity::hash_password(&password).unwrap()),
    }
    .insert(db)
    .await
    .unwrap();
}

/// Ids of the demo pupils and class the matrix names, looked up as the leader sees them.
async fn placeholders(s: &TestServer) -> Vec<(&'static str, String)> {
    let lene = s.sign_in("lene").await;
    let roster = json(s.call("roster", "", Some(&lene)).await).await;
    let (_, roster) = (&roster[0], &roster[1]);
    let classes = roster["classes"].as_array().unwrap();
    let pupil = |name: &str| {
        classes
            .iter()
            .flat_map(|c| c["pupils"].as_array().unwrap())
            .find(|p| p["name"] == name)
            .unwrap()["id"]
            .to_string()
    };
    // The demo school's years start on 1 August, so the calendar says which year it is in.
    let today = domain::calendar::Date::from_unix(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64,
    )
    .unwrap();
    let current = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let monday = domain::calendar::Date::monday_of_iso_week(current, 38)
        .unwrap()
        .to_string();
    let plan = plan_fixture(s, &monday).await;
    let mut ids = vec![
        ("{monday}", monday),
        ("{next_year}", (current + 1).to_string()),
        ("{year_after}", (current + 2).to_string()),
        ("{ida}", pupil("Ida Jensen")),
        ("{noah}", pupil("Noah Hansen")),
        ("{lucas}", pupil("Lucas Jensen")),
        ("{class_1a}", classes[0]["id"].to_string()),
        (
            "{anne}",
            roster["staff"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["name"] == "Anne Holm")
                .unwrap()["id"]
                .to_string(),
        ),
    ];
    ids.extend(plan);
    // Ida's dansk elevplan, started and published once by Anne.
    let anne = s.sign_in("anne").await;
    let ida = pupil("Ida Jensen");
    let res = s
        .call(
            "start_pupil_plan",
            &format!(r#"{{"pupil_id":{ida},"subject":"dansk"}}"#),
            Some(&anne),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "elevplan fixture");
    let pupil_plan = json(res).await.to_string();
    let res = s
        .call(
            "publish_pupil_plan",
            &format!("plan_id={pupil_plan}&version=1"),
            Some(&anne),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "elevplan fixture");
    let published = json(res).await["id"].to_string();
    ids.push(("{pupil_plan_published}", published));
    ids.push(("{pupil_plan}", pupil_plan));
    ids
}

/// Anne's årsplan for dansk in 1.A with one shared forløb holding a goal and a task, and the
/// id of her dansk hold in 5.B, which has no årsplan yet.
async fn plan_fixture(s: &TestServer, monday: &str) -> Vec<(&'static str, String)> {
    let anne = s.sign_in("anne").await;
    let overview = json(s.call("planning_overview", "", Some(&anne)).await).await;
    let team = |name: &str| {
        overview["teams"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["subject"] == "dansk" && t["team_name"].as_str().unwrap().contains(name))
            .unwrap()["team_id"]
            .to_string()
    };
    let (team_1a, team_5b) = (team("1.A"), team("5.B"));
    let ok = |res: Response<Body>| {
        assert_eq!(res.status(), StatusCode::OK, "plan fixture");
        res
    };
    let plan = json(ok(s
        .call(
            "create_year_plan",
            &format!("team_id={team_1a}&title=Dansk"),
            Some(&anne),
        )
        .await))
    .await
    .to_string();
    let unit_input = format!(
        r#"{{"title":"Eventyr","description":"","first_week":"{monday}","last_week":"{monday}","materials":[]}}"#
    );
    let unit = json(ok(s
        .call(
            "create_unit",
            &format!(r#"{{"year_plan_id":{plan},"input":{unit_input}}}"#),
            Some(&anne),
        )
        .await))
    .await
    .to_string();
    let scales = json(ok(s.call("scales", "", Some(&anne)).await)).await;
    let scale = scales[0]["id"].to_string();
    let goal = json(ok(s
        .call(
            "add_goal",
            &format!(
                r#"{{"unit_id":{unit},"version":1,"input":{{"kind":"faglig","own_text":"Jeg kan læse","framework_item_id":null,"scale_id":{scale},"signs":""}}}}"#
            ),
            Some(&anne),
        )
        .await))
    .await
    .to_string();
    let task = json(ok(s
        .call(
            "create_task",
            &format!(r#"{{"unit_id":{unit},"input":{}}}"#, task_input(monday)),
            Some(&anne),
        )
        .await))
    .await
    .to_string();
    ok(s.call(
        "upload_material",
        &format!(r#"{{"unit_id":{unit},"version":2,"name":"noter.txt","data_base64":"aGVq"}}"#),
        Some(&anne),
    )
    .await);
    let reflection = json(ok(s
        .call(
            "add_goal",
            &format!(
                r#"{{"unit_id":{unit},"version":3,"input":{{"kind":"refleksion","own_text":"Jeg kan genfortælle","framework_item_id":null,"scale_id":{scale},"signs":""}}}}"#
            ),
            Some(&anne),
        )
        .await))
    .await
    .to_string();
    ok(s.call(
        "share_unit",
        &format!("unit_id={unit}&shared=true"),
        Some(&anne),
    )
    .await);
    let unit_json = json(ok(s
        .call("unit", &format!("unit_id={unit}"), Some(&anne))
        .await))
    .await;
    let unit_version = unit_json["version"].to_string();
    let material = unit_json["materials"][0]["id"].to_string();
    let file = unit_json["materials"][0]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    vec![
        ("{team_5b_dansk}", team_5b),
        ("{plan}", plan),
        ("{unit}", unit),
        ("{unit_version}", unit_version),
        ("{unit_input}", unit_input),
        ("{goal}", goal),
        ("{task}", task),
        ("{task_input}", task_input(monday)),
        ("{scale}", scale),
        ("{material}", material),
        ("{reflection_goal}", reflection),
        ("{file_url}", file),
    ]
}

fn task_input(monday: &str) -> String {
    format!(
        r#"{{"title":"Læs","instruction":"Læs side 3.","icon":"read","when":{{"day":"{monday}"}},"audience":"hold","pupils":[],"easier":null,"harder":null}}"#
    )
}

#[tokio::test]
async fn every_server_function_has_a_row_in_the_matrix() {
    let mut rows: Vec<&str> = MATRIX.iter().map(|(path, _, _)| *path).collect();
    rows.sort_unstable();
    assert_eq!(server_function_paths(), rows);
}

/// Calls whose success changes what the next caller would get: each cell gets a fresh school.
const CHANGES_STATE: [&str; 4] = [
    "/api/mark_pupil_left",
    "/api/remove_material",
    "/api/create_class",
    "/api/add_staff",
];

async fn matrix_server() -> (TestServer, Vec<(&'static str, String)>) {
    let s = TestServer::start().await;
    add_neighbour_school(&s.db).await;
    let ids = placeholders(&s).await;
    (s, ids)
}

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

/// The `name=value` pairs a response sets, in order.
fn set_cookies(res: &Response<Body>) -> Vec<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect()
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
