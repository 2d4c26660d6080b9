//! OpenID Connect sign-in against the development issuer (`dev-issuer`) started on 127.0.0.1:
//! discovery, JWKS, and a token endpoint that checks the client, the code and the PKCE verifier
//! and signs an RS256 ID token with the claims STIL's UNI-Login broker sends (`uniid`,
//! `institution_ids`, `aktoer_gruppe`, `loa`; a pairwise `sub` that is not the UNI-ID). The tests
//! play the browser's part at its authorization page; the year-long end-to-end test uses the page
//! itself. People are provisioned through the administration's use cases, never by SQL.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use base64::Engine;
use dev_issuer::{CLIENT_ID, CLIENT_SECRET};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use tower::ServiceExt;

/// The school the tests provision, by its institution number.
const INSTITUTION: &str = "280123";

/// The development issuer, whose authorization page the tests play the browser's part at.
struct Issuer(dev_issuer::Issuer);

impl Issuer {
    /// Hands out `code` for the authorization request Spire started, for the person with
    /// `uni_id`; the ID token will carry `nonce` (the request's own, unless a test forges another).
    fn grant(
        &self,
        code: &str,
        request: &HashMap<String, String>,
        nonce: Option<&str>,
        uni_id: &str,
    ) {
        self.grant_at(
            code,
            request,
            nonce,
            uni_id,
            &format!("{INSTITUTION},A03202"),
        );
    }

    fn grant_at(
        &self,
        code: &str,
        request: &HashMap<String, String>,
        nonce: Option<&str>,
        uni_id: &str,
        institutions: &str,
    ) {
        let nonce = nonce.unwrap_or(&request["nonce"]);
        self.0.grant(
            code,
            &request["code_challenge"],
            nonce,
            uni_id,
            institutions,
        );
    }
}

async fn start_issuer() -> Issuer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (issuer, serve) = dev_issuer::start(listener, INSTITUTION).await.unwrap();
    tokio::spawn(serve);
    Issuer(issuer)
}

struct Spire {
    app: Router,
    db: backend::DatabaseConnection,
    _dir: tempfile::TempDir,
}

async fn start_spire(issuer: &Issuer) -> Spire {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("spire.db").display()
    );
    let db = backend::db::connect_and_migrate(&url).await.unwrap();
    backend::demo::seed_if_empty(&db).await.unwrap();
    let oidc = backend::identity::oidc::OidcConfig {
        issuer: issuer.0.url.clone(),
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        redirect_url: "http://127.0.0.1:3000/auth/oidc/callback".into(),
        link_claim: backend::identity::uni_login::DEFAULT_LINK_CLAIM.into(),
    };
    let state = server::AppState::new(db.clone(), &dir.path().join("dist"), true, false)
        .with_oidc(Some(oidc));
    Spire {
        app: server::router(state),
        db,
        _dir: dir,
    }
}

impl Spire {
    /// The issuer sends the browser back with `code` for the sign-in `request` started.
    async fn callback(
        &self,
        code: &str,
        request: &HashMap<String, String>,
    ) -> axum::response::Response {
        // The browser that started the sign-in comes back with its flow cookie.
        self.get(
            &format!("/auth/oidc/callback?code={code}&state={}", request["state"]),
            request.get(BROWSER).map(String::as_str),
        )
        .await
    }

    async fn get(&self, uri: &str, cookie: Option<&str>) -> axum::response::Response {
        let mut req = Request::get(uri);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        self.app
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    /// The school's leader provisions UNI-Login as the administration screen does: the school's
    /// institution number, and a demo person's UNI-ID.
    async fn link(&self, given_name: &str, uni_id: &str) {
        use backend::entity::person;
        let lene = backend::RequestCtx::new(self.db.clone(), None, true);
        backend::identity::sign_in(&lene, "lene", backend::demo::DEMO_PASSWORD)
            .await
            .unwrap();
        let token = match lene.take_session_change() {
            Some(backend::SessionChange::Started { token, .. }) => token,
            other => panic!("expected a session, got {other:?}"),
        };
        let lene = backend::RequestCtx::new(self.db.clone(), Some(token), true);
        backend::identity::uni_login::set_institution_number(&lene, INSTITUTION)
            .await
            .unwrap();
        let person = person::Entity::find()
            .filter(person::Column::GivenName.eq(given_name))
            .one(&self.db)
            .await
            .unwrap()
            .unwrap();
        backend::identity::uni_login::set_uni_id(&lene, i64::from(person.id), uni_id)
            .await
            .unwrap();
    }

    /// A call to a server function as the browser makes it, with a session cookie.
    async fn call(
        &self,
        name: &str,
        body: String,
        json: bool,
        cookie: &str,
    ) -> axum::response::Response {
        let content_type = if json {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        self.app
            .clone()
            .oneshot(
                Request::post(format!("/api/{name}"))
                    .header(header::CONTENT_TYPE, content_type)
                    .header(header::HOST, "127.0.0.1:3000")
                    .header(header::COOKIE, cookie)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await
            .unwrap()
    }

    /// The leader switches UNI-Login on and imports a file, as the administration screen does:
    /// the dry run, then the import.
    async fn import_as_leader(&self, file: &[u8]) -> serde_json::Value {
        let res = self
            .call(
                "sign_in",
                format!("username=lene&password={}", backend::demo::DEMO_PASSWORD),
                false,
                "",
            )
            .await;
        let lene = session_cookie(&res).expect("Lene signs in");
        let res = self
            .call(
                "set_institution_number",
                format!("number={INSTITUTION}"),
                false,
                &lene,
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let data = base64::engine::general_purpose::STANDARD.encode(file);
        let mut report = serde_json::Value::Null;
        for apply in [false, true] {
            let res = self
                .call(
                    "import_roster",
                    serde_json::json!({ "data_base64": data, "apply": apply }).to_string(),
                    true,
                    &lene,
                )
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            let body = axum::body::to_bytes(res.into_body(), 1 << 20)
                .await
                .unwrap();
            report = serde_json::from_slice(&body).unwrap();
            assert_eq!(report["problems"], serde_json::json!([]), "{report}");
        }
        assert_eq!(report["applied"], true);
        report
    }

    /// Starts a sign-in and returns the authorization request's query parameters.
    async fn start(&self) -> HashMap<String, String> {
        let res = self.get("/auth/oidc/start", None).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
        let url = url::Url::parse(&location).unwrap();
        let mut request: HashMap<String, String> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let flow = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .find(|c| c.starts_with("spire_oidc="))
            .expect("the sign-in is bound to this browser");
        assert!(
            flow.contains("HttpOnly") && flow.contains("SameSite=Lax"),
            "{flow}"
        );
        request.insert(BROWSER.into(), flow.split(';').next().unwrap().to_owned());
        request
    }
}

/// Where `Spire::start` keeps the starting browser's flow cookie among the request's parameters.
const BROWSER: &str = "browser cookie";

fn location(res: &axum::response::Response) -> &str {
    res.headers()[header::LOCATION].to_str().unwrap()
}

fn session_cookie(res: &axum::response::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("spire_session=") && c.len() > "spire_session=".len())
}

#[tokio::test]
async fn a_linked_person_signs_in_through_the_issuer_with_pkce_and_a_nonce() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    spire.link("Anne", "anneuni001").await;

    let request = spire.start().await;
    assert_eq!(request["response_type"], "code");
    assert_eq!(request["client_id"], CLIENT_ID);
    assert_eq!(request["code_challenge_method"], "S256");
    assert!(request["scope"].split(' ').any(|s| s == "openid"));
    issuer.grant("code-1", &request, None, "anneuni001");
    let res = spire.callback("code-1", &request).await;
    assert_eq!(location(&res), "/");
    let cookie = session_cookie(&res).expect("a session cookie");

    let home = spire.app.clone().oneshot(
        Request::post("/api/home")
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap(),
    );
    let home = home.await.unwrap();
    assert_eq!(home.status(), StatusCode::OK);
    let body = axum::body::to_bytes(home.into_body(), 1 << 20)
        .await
        .unwrap();
    let home: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(home["Teacher"]["me"]["name"], "Anne Holm");
}

#[tokio::test]
async fn a_teacher_the_staff_list_provisioned_signs_in_through_the_issuer() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    let report = spire
        .import_as_leader(
            "fornavn;efternavn;rolle;uni_id\r\nNanna;Krog;lærer;NANNA12345".as_bytes(),
        )
        .await;
    assert_eq!(report["staff_to_add"], 1);

    let request = spire.start().await;
    issuer.grant("code-1", &request, None, "nanna12345");
    let res = spire.callback("code-1", &request).await;
    assert_eq!(location(&res), "/");
    let cookie = session_cookie(&res).expect("a session cookie");
    let home = spire.call("home", String::new(), false, &cookie).await;
    assert_eq!(home.status(), StatusCode::OK);
    let body = axum::body::to_bytes(home.into_body(), 1 << 20)
        .await
        .unwrap();
    let home: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(home["Teacher"]["me"]["name"], "Nanna Krog");
}

#[tokio::test]
async fn a_pupil_the_pupil_list_provisioned_signs_in_through_the_issuer() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    let file = "klasse;klassetrin;fornavn;efternavn;uni_id\r\n1.A;1;Asta;Bøg;asta123456";
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(file);
    spire.import_as_leader(&latin).await;
    let request = spire.start().await;
    issuer.grant("code-1", &request, None, "asta123456");
    let res = spire.callback("code-1", &request).await;
    let cookie = session_cookie(&res).expect("a session cookie");
    let home = spire.call("home", String::new(), false, &cookie).await;
    let body = axum::body::to_bytes(home.into_body(), 1 << 20)
        .await
        .unwrap();
    let home: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(home["Pupil"]["first_name"], "Asta", "{home}");
    assert_eq!(home["Pupil"]["class_name"], "1.A");
}

#[tokio::test]
async fn the_level_of_assurance_is_kept_with_the_session() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    spire.link("Anne", "anneuni001").await;
    let request = spire.start().await;
    issuer.grant("code-1", &request, None, "AnneUni001");
    let res = spire.callback("code-1", &request).await;
    assert!(session_cookie(&res).is_some());
    let sessions = backend::entity::session::Entity::find()
        .filter(backend::entity::session::Column::Assurance.is_not_null())
        .all(&spire.db)
        .await
        .unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].assurance.as_deref(), Some("2"));
}

#[tokio::test]
async fn a_token_that_does_not_name_the_schools_institution_is_refused() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    spire.link("Anne", "anneuni001").await;
    let request = spire.start().await;
    issuer.grant_at("code-1", &request, None, "anneuni001", "999999");
    let res = spire.callback("code-1", &request).await;
    assert_eq!(location(&res), "/log-ind?fejl=uni-login");
    assert!(session_cookie(&res).is_none());
}

#[tokio::test]
async fn a_state_is_used_once() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    spire.link("Anne", "anneuni001").await;
    let request = spire.start().await;
    for code in ["code-1", "code-2"] {
        issuer.grant(code, &request, None, "anneuni001");
    }
    let first = spire.callback("code-1", &request).await;
    assert!(session_cookie(&first).is_some());
    let replay = spire.callback("code-2", &request).await;
    assert_eq!(location(&replay), "/log-ind?fejl=uni-login");
    assert!(session_cookie(&replay).is_none());
}

#[tokio::test]
async fn a_sign_in_finishes_only_in_the_browser_that_started_it() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    spire.link("Anne", "anneuni001").await;
    // Someone starts a sign-in as themselves and hands the callback to another browser (login
    // CSRF): without the starting browser's cookie, or with another one's, it signs nobody in.
    let theirs = spire.start().await;
    let mine = spire.start().await;
    issuer.grant("code-1", &theirs, None, "anneuni001");
    for cookie in [None, Some(mine[BROWSER].as_str())] {
        let res = spire
            .get(
                &format!("/auth/oidc/callback?code=code-1&state={}", theirs["state"]),
                cookie,
            )
            .await;
        assert_eq!(location(&res), "/log-ind?fejl=uni-login");
        assert!(session_cookie(&res).is_none());
    }
}

#[tokio::test]
async fn an_id_token_for_another_nonce_is_refused() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    spire.link("Anne", "anneuni001").await;
    let request = spire.start().await;
    issuer.grant("code-1", &request, Some("someone-elses"), "anneuni001");
    let res = spire.callback("code-1", &request).await;
    assert_eq!(location(&res), "/log-ind?fejl=uni-login");
    assert!(session_cookie(&res).is_none());
}

#[tokio::test]
async fn a_subject_linked_to_nobody_is_refused() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    let request = spire.start().await;
    issuer.grant("code-1", &request, None, "stranger01");
    let res = spire.callback("code-1", &request).await;
    assert_eq!(location(&res), "/log-ind?fejl=uni-login");
    assert!(session_cookie(&res).is_none());
}

#[tokio::test]
async fn a_callback_without_a_started_sign_in_is_refused() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    let res = spire
        .get("/auth/oidc/callback?code=x&state=forged", None)
        .await;
    assert_eq!(location(&res), "/log-ind?fejl=uni-login");
    let res = spire.get("/auth/oidc/callback", None).await;
    assert_eq!(location(&res), "/log-ind?fejl=uni-login");
}

#[tokio::test]
async fn without_an_issuer_configured_the_endpoints_do_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("spire.db").display()
    );
    let db = backend::db::connect_and_migrate(&url).await.unwrap();
    let app = server::router(server::AppState::new(
        db,
        &dir.path().join("dist"),
        true,
        false,
    ));
    let res = app
        .oneshot(
            Request::get("/auth/oidc/start")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_sign_in_page_is_told_that_uni_login_is_available() {
    let issuer = start_issuer().await;
    let spire = start_spire(&issuer).await;
    let req = Request::post("/api/sign_in_options")
        .body(Body::empty())
        .unwrap();
    let res = spire.app.clone().oneshot(req).await.unwrap();
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    let options: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(options["uni_login"], true);
}
