//! The real router against a real (temporary) SQLite database with the demo school, and the
//! fixtures several HTTP test files share.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use server::{AppState, router};
use tower::ServiceExt;

pub mod rows;

pub struct TestServer {
    pub app: axum::Router,
    pub db: backend::DatabaseConnection,
    pub _dir: tempfile::TempDir,
}

const INDEX: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">start()</script>\
<link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\"></head><body></body></html>";
const FAMILY_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">family()</script>\
</head><body></body></html>";
const FOLLOW_UP_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">followup()</script>\
</head><body></body></html>";
const SCHOOL_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">school()</script>\
</head><body></body></html>";
const HOLD_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">hold()</script>\
</head><body></body></html>";
const PUPIL_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">pupil()</script>\
</head><body></body></html>";
const SIGN_IN_PAGE: &str = "<!doctype html><html lang=\"da\"><head><script type=\"module\">signin()</script>\
</head><body></body></html>";

impl TestServer {
    pub async fn start() -> Self {
        Self::start_with_demo(true).await
    }

    pub async fn start_with_demo(demo: bool) -> Self {
        Self::build(demo, false).await
    }

    /// As a municipality runs it: its public URL is `https://…`.
    pub async fn start_https() -> Self {
        Self::build(true, true).await
    }

    /// Behind a reverse proxy on this machine (127.0.0.1), which names each client.
    pub async fn start_behind_proxy() -> Self {
        let mut s = Self::build(true, false).await;
        let proxy = server::client_addr::Cidr::parse("127.0.0.1").unwrap();
        s.app = router(
            AppState::new(s.db.clone(), &s._dir.path().join("dist"), true, false)
                .with_trusted_proxies(vec![proxy]),
        );
        s
    }

    /// People who left are due to be anonymised `days` after they left.
    pub async fn start_erasing_after(days: u32) -> Self {
        let mut s = Self::build(true, false).await;
        s.app = router(
            AppState::new(s.db.clone(), &s._dir.path().join("dist"), true, false)
                .with_erase_after_days(days),
        );
        s
    }

    /// A sign-in as it arrives from `peer`, with `forwarded_for` in `X-Forwarded-For`.
    pub async fn sign_in_from(
        &self,
        peer: &str,
        forwarded_for: Option<&str>,
        user: &str,
        password: &str,
    ) -> StatusCode {
        let mut req = Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::HOST, "127.0.0.1:3000");
        if let Some(f) = forwarded_for {
            req = req.header("x-forwarded-for", f);
        }
        let mut req = req
            .body(Body::from(format!("username={user}&password={password}")))
            .unwrap();
        let addr: std::net::SocketAddr = format!("{peer}:50000").parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        self.send(req).await.status()
    }

    async fn build(demo: bool, https: bool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), INDEX).unwrap();
        std::fs::write(dist.join("family.html"), FAMILY_PAGE).unwrap();
        std::fs::write(dist.join("signin.html"), SIGN_IN_PAGE).unwrap();
        std::fs::write(dist.join("followup.html"), FOLLOW_UP_PAGE).unwrap();
        std::fs::write(dist.join("school.html"), SCHOOL_PAGE).unwrap();
        std::fs::write(dist.join("hold.html"), HOLD_PAGE).unwrap();
        std::fs::write(dist.join("pupil.html"), PUPIL_PAGE).unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css"), "body{}").unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css.br"), "compressed").unwrap();
        std::fs::write(dist.join("favicon.svg"), "<svg/>").unwrap();
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("spire.db").display()
        );
        let db = backend::db::connect_and_migrate(&url).await.unwrap();
        backend::demo::seed_if_empty(&db).await.unwrap();
        let app = router(AppState::new(db.clone(), &dist, demo, false).with_https(https));
        Self { app, db, _dir: dir }
    }

    pub async fn send(&self, req: Request<Body>) -> Response<Body> {
        self.app.clone().oneshot(req).await.unwrap()
    }

    pub async fn call(&self, name: &str, body: &str, cookie: Option<&str>) -> Response<Body> {
        // Functions with structured input take JSON; the rest take a form.
        self.call_as(name, body, cookie, body.starts_with('{'))
            .await
    }

    /// A call whose body claims to be JSON (`json`) or a form, whatever it holds.
    pub async fn call_as(
        &self,
        name: &str,
        body: &str,
        cookie: Option<&str>,
        json: bool,
    ) -> Response<Body> {
        let content_type = if json {
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

    pub async fn get(&self, path: &str) -> Response<Body> {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// Signs in and returns the `name=value` cookie to send back.
    pub async fn sign_in(&self, username: &str) -> String {
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

pub async fn json(res: Response<Body>) -> serde_json::Value {
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)))
}

pub async fn text(res: Response<Body>) -> String {
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

impl TestServer {
    pub async fn page(&self, path: &str, cookie: Option<&str>) -> String {
        let mut req = Request::get(path);
        if let Some(cookie) = cookie {
            req = req.header(header::COOKIE, cookie);
        }
        text(self.send(req.body(Body::empty()).unwrap()).await).await
    }
}

/// A GET with an optional session cookie.
pub async fn get_as(s: &TestServer, path: &str, cookie: Option<&str>) -> Response<Body> {
    let mut req = Request::get(path);
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    s.send(req.body(Body::empty()).unwrap()).await
}

pub const MATRIX_USERS: [Option<&str>; 10] = [
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
pub async fn add_neighbour_school(db: &backend::DatabaseConnection) {
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
        role: Set(domain::identity::Role::Leader),
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
pub async fn placeholders(s: &TestServer) -> Vec<(&'static str, String)> {
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
    let today = backend::clock::today(domain::calendar::DEFAULT_TIME_ZONE).unwrap();
    let current = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let monday = domain::calendar::Date::monday_of_iso_week(current, 38)
        .unwrap()
        .to_string();
    let plan = plan_fixture(s, &monday).await;
    let staff = |name: &str| {
        roster["staff"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()["id"]
            .to_string()
    };
    let guardian_of_ida = |name: &str| {
        classes
            .iter()
            .flat_map(|c| c["pupils"].as_array().unwrap())
            .find(|p| p["name"] == "Ida Jensen")
            .unwrap()["guardians"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == name)
            .unwrap()["id"]
            .to_string()
    };
    let mut ids = vec![
        ("{bo}", staff("Bo Nielsen")),
        ("{camilla}", staff("Camilla Berg")),
        ("{mette}", guardian_of_ida("Mette Jensen")),
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
pub async fn plan_fixture(s: &TestServer, monday: &str) -> Vec<(&'static str, String)> {
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
        ("{team_1a_dansk}", team_1a.clone()),
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

pub fn task_input(monday: &str) -> String {
    format!(
        r#"{{"title":"Læs","instruction":"Læs side 3.","icon":"read","when":{{"day":"{monday}"}},"audience":"hold","pupils":[],"easier":null,"harder":null}}"#
    )
}

pub async fn matrix_server() -> (TestServer, Vec<(&'static str, String)>) {
    let s = TestServer::start().await;
    add_neighbour_school(&s.db).await;
    let ids = placeholders(&s).await;
    (s, ids)
}

/// The `name=value` pairs a response sets, in order.
pub fn set_cookies(res: &Response<Body>) -> Vec<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect()
}

/// A 1 × 1 PNG, as a pupil's photo travels (base64).
pub const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/// The signed-in pupil keeps a photo in "Mit arbejde"; returns the piece's id.
pub async fn add_photo(s: &TestServer, pupil_cookie: &str) -> String {
    let res = s
        .call(
            "add_work",
            &format!(
                r#"{{"upload":{{"client_key":"photo-0001","kind":"photo","task_id":null,"goal_id":null,"text":"","content_type":"image/png","data_base64":"{PNG}"}}}}"#
            ),
            Some(pupil_cookie),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "the photo is kept");
    json(res).await.to_string()
}
