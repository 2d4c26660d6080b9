//! Spire's HTTP server: the server-function endpoint, the built client with caching and
//! compression, a health endpoint and security headers on everything.

pub mod client_addr;
pub mod config;
mod context;
pub mod documents;
mod family;
mod files;
mod load_shed;
mod metrics;
mod oidc;
mod privacy;
pub mod request_id;
pub mod secret;
mod server_fns;
mod static_files;
pub mod upkeep;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json};
use axum::routing::{get, post};
use backend::DatabaseConnection;
use domain::paths;
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use server_fns::{SESSION_COOKIE, server_function_paths};

/// Everything a request handler needs; cheap to clone. No per-user state lives here: sessions are
/// in the database, so any number of server processes can serve the same users.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub demo: bool,
    pub secure_cookies: bool,
    /// People reach Spire over HTTPS: browsers are told to use nothing else (HSTS).
    pub hsts: bool,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub(crate) trusted_proxies: Arc<Vec<client_addr::Cidr>>,
    /// The server's secret for login-card codes (`secret`).
    pub(crate) code_key: Arc<[u8; 32]>,
    pub oidc: Option<backend::identity::oidc::OidcConfig>,
    pub(crate) client: Arc<static_files::Client>,
    /// Server-function calls allowed in flight at once; the rest are shed (503 + Retry-After).
    pub(crate) admission: Arc<tokio::sync::Semaphore>,
    /// Requests may name their own instant (`--test-clock`, development builds only).
    pub(crate) test_clock: bool,
    /// How long a call's body may take to arrive (`BODY_TIMEOUT`).
    pub(crate) body_timeout: std::time::Duration,
    /// Reads of pupils' data wait here to be written in batches (`upkeep`), with the trail's
    /// retention period.
    pub audit: backend::audit::AuditSettings,
    /// How long a pupil's session on a class iPad lasts without a call.
    pub(crate) pupil_idle_secs: i64,
    /// Days after leaving a person is due to be anonymised.
    pub(crate) erase_after_days: u32,
    /// The installation's contact and official statement for `/tilgaengelighed`.
    pub(crate) statement: Arc<documents::StatementSettings>,
}

/// How long a call's body may take to arrive: a 14 MB upload on a slow school line fits, and a
/// client that stops sending gives back its admission slot instead of holding it.
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

impl AppState {
    /// Loads the built client from `dist_dir`. A missing client is not fatal: the API still works,
    /// and the page says how to build it.
    pub fn new(db: DatabaseConnection, dist_dir: &Path, demo: bool, secure_cookies: bool) -> Self {
        Self {
            db,
            demo,
            secure_cookies,
            hsts: false,
            trusted_proxies: Arc::new(Vec::new()),
            // A fresh one until `with_code_key` gives the installation's own.
            code_key: Arc::new(rand::random()),
            oidc: None,
            client: Arc::new(static_files::Client::load(dist_dir)),
            admission: Arc::new(tokio::sync::Semaphore::new(DEFAULT_MAX_IN_FLIGHT)),
            test_clock: false,
            body_timeout: BODY_TIMEOUT,
            audit: backend::audit::AuditSettings {
                buffer: Some(backend::audit::AuditBuffer::new()),
                retention_days: backend::audit::DEFAULT_RETENTION_DAYS,
            },
            statement: Arc::default(),
            pupil_idle_secs: backend::request::DEFAULT_PUPIL_IDLE_SECS,
            erase_after_days: domain::privacy::DEFAULT_ERASE_AFTER_DAYS,
        }
    }

    /// Signs a pupil on a class iPad out after `minutes` without a call.
    pub fn with_pupil_idle_minutes(mut self, minutes: i64) -> Self {
        self.pupil_idle_secs = minutes * 60;
        self
    }

    /// What the accessibility statement says about this installation.
    pub fn with_statement(mut self, statement: documents::StatementSettings) -> Self {
        self.statement = Arc::new(statement);
        self
    }

    /// Makes people who left more than `days` ago due to be anonymised.
    pub fn with_erase_after_days(mut self, days: u32) -> Self {
        self.erase_after_days = days;
        self
    }

    /// Keeps the audit trail `days` days.
    pub fn with_audit_retention(mut self, days: u32) -> Self {
        self.audit.retention_days = days;
        self
    }

    /// Sets how long a call's body may take to arrive (tests shorten it).
    pub fn with_body_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.body_timeout = timeout;
        self
    }

    /// Lets each request name the instant it happens at in an `X-Spire-Now` header, so a test
    /// can walk a school week. Ignored in a release build, whatever the caller asks.
    pub fn with_test_clock(mut self, on: bool) -> Self {
        self.test_clock = on && cfg!(debug_assertions);
        self
    }

    /// Sets how many server-function calls may be in flight before the server sheds load.
    pub fn with_max_in_flight(mut self, calls: usize) -> Self {
        self.admission = Arc::new(tokio::sync::Semaphore::new(calls));
        self
    }

    /// Spire is reached over HTTPS (its public URL is `https://…`): the session cookie is
    /// `Secure` and every response carries HSTS, whatever `--secure-cookies` says.
    pub fn with_https(mut self, on: bool) -> Self {
        self.secure_cookies |= on;
        self.hsts = on;
        self
    }

    /// The installation's secret for login-card codes (`secret::load_or_create`).
    pub fn with_code_key(mut self, key: [u8; 32]) -> Self {
        self.code_key = Arc::new(key);
        self
    }

    /// Takes the client's address from these reverse proxies' `X-Forwarded-For`.
    pub fn with_trusted_proxies(mut self, proxies: Vec<client_addr::Cidr>) -> Self {
        self.trusted_proxies = Arc::new(proxies);
        self
    }

    /// Enables sign-in through an OpenID Connect issuer.
    pub fn with_oidc(mut self, oidc: Option<backend::identity::oidc::OidcConfig>) -> Self {
        self.oidc = oidc;
        self
    }
}

/// Calls in flight before new ones are refused with 503. Past this the database pool is the
/// queue, and each waiting call adds latency for all of them: refusing quickly lets a client retry
/// later instead of every user waiting seconds (BENCHMARKS.md has the figures it was chosen from).
pub const DEFAULT_MAX_IN_FLIGHT: usize = 128;

/// Largest body of an ordinary server-function call (a roster file is at most 1 MB).
const CALL_BODY_LIMIT: usize = 2 * 1024 * 1024;
/// Largest pupil's package to import: it carries the pupil's work, files and all, in base64.
const PACKAGE_BODY_LIMIT: usize = 64 * 1024 * 1024;
/// Largest upload call: a 10 MB file grows by a third in base64 (a pupil's 5 MB piece of work and
/// a teacher's 3 MB recorded answer fit too).
const UPLOAD_BODY_LIMIT: usize = 14 * 1024 * 1024;

pub fn router(state: AppState) -> Router {
    app::register_server_functions();
    // Calls are small; only a file upload may be big (10 MB, base64 in JSON).
    let api = Router::new()
        .route(
            &format!("{}/upload_material", paths::API),
            post(server_fns::handle).layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT)),
        )
        .route(
            &format!("{}/add_work", paths::API),
            post(server_fns::handle).layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT)),
        )
        .route(
            &format!("{}/import_pupil", paths::API),
            post(server_fns::handle).layer(RequestBodyLimitLayer::new(PACKAGE_BODY_LIMIT)),
        )
        .route(
            &format!("{}/give_feedback", paths::API),
            post(server_fns::handle).layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT)),
        )
        .route(
            &format!("{}/record_reflection", paths::API),
            post(server_fns::handle).layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT)),
        )
        .route(
            &format!("{}/{{*fn_name}}", paths::API),
            post(server_fns::handle).layer(RequestBodyLimitLayer::new(CALL_BODY_LIMIT)),
        )
        // Each route's limit above is the one that counts: axum's own 2 MB default for extracted
        // bodies would otherwise refuse every upload over 2 MB as a body that does not decode.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            state.body_timeout,
        ))
        // Brotli at quality 1, not tower-http's 4: a screen's answer is 1-10 kB of JSON, which
        // quality 1 still shrinks 4-7 times (the grid's 9.2 kB to 1.3 kB instead of 1.0 kB), and
        // at 4 the encoder's setup was a tenth of a read call's time (BENCHMARKS.md).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.admission.clone(),
            load_shed::admit,
        ));
    let csp = state.client.content_security_policy();
    let app = Router::new()
        .route(paths::HEALTH, get(health))
        .route(paths::READY, get(ready))
        .route(paths::VERSION, get(version))
        .route(paths::METRICS, get(metrics::metrics))
        .route(paths::OIDC_START, get(oidc::start))
        .route(paths::OIDC_CALLBACK, get(oidc::callback))
        .route(&format!("{}/{{key}}", paths::FILES), get(files::download))
        .route(
            &format!("{}/{{id}}", paths::PUPIL_PACKAGE),
            get(files::pupil_package),
        )
        .route(
            &format!("{}/{{id}}", paths::WORK_FILES),
            get(files::work_file),
        )
        .route(
            &format!("{}/{{id}}", paths::FEEDBACK_FILES),
            get(files::feedback_file),
        )
        .route(
            &format!("{}/{{id}}", paths::REFLECTION_FILES),
            get(files::reflection_file),
        )
        .route(
            &format!("{}/{{id}}", paths::BROUGHT_WORK_FILES),
            get(files::brought_file),
        )
        .route(
            &format!("{}/{{id}}/svar/{{n}}", paths::BROUGHT_WORK_FILES),
            get(files::brought_answer_file),
        )
        // Speech starts a process: it takes its turn with the calls (503 + Retry-After past the
        // admission limit), besides the speech's own bound on processes.
        .route(
            paths::SPEECH,
            get(files::speech).layer(axum::middleware::from_fn_with_state(
                state.admission.clone(),
                load_shed::admit,
            )),
        )
        .route(
            &format!("{}/{{file}}", paths::CALENDAR),
            get(family::calendar),
        )
        .route(paths::DIGEST_HTML, get(family::digest))
        .route(
            &format!("{}/{{pupil}}", paths::AUDIT_TRAIL),
            get(documents::audit_trail),
        )
        .route(paths::PRIVACY, get(privacy::overview))
        .route(paths::PRIVACY_ARCHIVE, get(privacy::archive))
        .route(paths::PRIVACY_ERASE, axum::routing::post(privacy::erase))
        .route(
            paths::ACCESSIBILITY_STATEMENT,
            get(documents::accessibility_statement),
        )
        .merge(api)
        .fallback(static_files::serve)
        .layer(security_header(header::CONTENT_SECURITY_POLICY, csp))
        .layer(security_header(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(security_header(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(security_header(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(security_header(
            HeaderName::from_static("permissions-policy"),
            // Camera and microphone for pupils' photos and voice notes; nothing else.
            HeaderValue::from_static(
                "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()",
            ),
        ))
        .layer(security_header(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ));
    // Every answer is counted, shed calls included; outermost, every answer carries its id.
    let app = app
        .layer(axum::middleware::from_fn(metrics::record))
        .layer(axum::middleware::from_fn(request_id::assign));
    let app = if state.hsts {
        app.layer(security_header(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ))
    } else {
        app
    };
    app.with_state(state)
}

fn security_header(name: HeaderName, value: HeaderValue) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, value)
}

/// What is running: a static answer, also the load benchmark's ceiling (the same server answering
/// without touching the database).
async fn version() -> impl IntoResponse {
    Json(serde_json::json!({ "name": "spire", "version": env!("CARGO_PKG_VERSION") }))
}

/// How long the health and readiness checks wait for the database: a check that hangs as long as
/// the pool's acquire timeout (10 s) tells a load balancer nothing in time.
const CHECK_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(1);

/// `GET /ready`: 200 when the database took a write within a second, else 503. A load balancer
/// sends calls only to a ready process; `/health` says only that the process and a read answer.
async fn ready(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(CHECK_TIMEOUT, backend::db::ready(&state.db)).await {
        Ok(Ok(())) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ready", "database": "writes" })),
        ),
        Ok(Err(err)) => {
            tracing::error!(error = %err, "readiness: the database refuses a write");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "database": "refuses writes" })),
            )
        }
        Err(_) => {
            tracing::error!("readiness: the database took no write within a second");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "database": "too slow" })),
            )
        }
    }
}

async fn health(State(state): State<AppState>) -> impl IntoResponse {
    let answered = match tokio::time::timeout(CHECK_TIMEOUT, backend::db::ping(&state.db)).await {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(_) => Err("no answer within a second".to_owned()),
    };
    match answered {
        Ok(()) => (
            StatusCode::OK,
            Json(serde_json::json!({ "status": "ok", "database": "ok" })),
        ),
        Err(err) => {
            tracing::error!(error = %err, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable", "database": "unreachable" })),
            )
        }
    }
}
