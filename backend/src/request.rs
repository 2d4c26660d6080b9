//! What a server function knows about the request it serves. The server builds one per request and
//! hands it to the server function; use cases never see HTTP.

use sea_orm::DatabaseConnection;
use std::sync::{Arc, Mutex};

/// A pupil's session on a class iPad ends after 15 minutes without a call: the next child who
/// picks up the iPad does not find the last one still signed in.
pub const DEFAULT_PUPIL_IDLE_SECS: i64 = 15 * 60;

#[derive(Clone)]
pub struct RequestCtx {
    pub db: DatabaseConnection,
    /// The raw session token from the request's cookie, if any.
    pub session_token: Option<String>,
    /// The raw class-iPad token from the request's cookie, if the device is a class iPad.
    pub device_token: Option<String>,
    /// The caller's network address, for rate limiting.
    pub client_addr: Option<String>,
    /// Whether the server runs in demo mode (demo logins may be shown).
    pub demo_enabled: bool,
    /// Whether sign-in through an OpenID Connect issuer (UNI-Login) is configured.
    pub oidc_enabled: bool,
    /// The server's secret for keyed hashes of login-card codes, kept outside the database
    /// (`server::secret`), so a copy of the database alone cannot test guesses offline.
    pub(crate) code_key: Arc<[u8; 32]>,
    /// The instant this request happens at (unix seconds); `None` reads the system clock. Tests
    /// fix it to walk a school week through the same use cases the screens call.
    fixed_now: Option<i64>,
    /// Where reads of pupils' data are recorded (`audit`): the server's buffer, written in
    /// batches; none (tests, tools) writes each entry at once.
    pub(crate) audit: crate::audit::AuditSettings,
    /// How long a pupil's session on a class iPad lasts without a call.
    pub(crate) pupil_idle_secs: i64,
    /// Days after leaving a person is due to be anonymised (`privacy`).
    pub(crate) erase_after_days: u32,
    changes: Arc<Mutex<Changes>>,
}

#[derive(Default)]
struct Changes {
    session: Option<SessionChange>,
    device: Option<SessionChange>,
}

/// A session (or class-iPad) token started or ended during the request; the server turns it into
/// a cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionChange {
    Started { token: String, max_age_secs: i64 },
    Ended,
}

impl RequestCtx {
    pub fn new(db: DatabaseConnection, session_token: Option<String>, demo_enabled: bool) -> Self {
        Self {
            db,
            session_token,
            device_token: None,
            client_addr: None,
            demo_enabled,
            oidc_enabled: false,
            // Development and tests; the server always sets its own (`with_code_key`).
            code_key: Arc::new([0; 32]),
            fixed_now: None,
            audit: crate::audit::AuditSettings::default(),
            pupil_idle_secs: DEFAULT_PUPIL_IDLE_SECS,
            erase_after_days: domain::privacy::DEFAULT_ERASE_AFTER_DAYS,
            changes: Arc::default(),
        }
    }

    pub fn with_device_token(mut self, token: Option<String>) -> Self {
        self.device_token = token;
        self
    }

    pub fn with_code_key(mut self, key: Arc<[u8; 32]>) -> Self {
        self.code_key = key;
        self
    }

    pub fn with_oidc_enabled(mut self, enabled: bool) -> Self {
        self.oidc_enabled = enabled;
        self
    }

    /// Makes the request happen at `unix` seconds, whatever the system clock says.
    pub fn at_time(mut self, unix: i64) -> Self {
        self.fixed_now = Some(unix);
        self
    }

    /// Now, for this request: the one instant its "today", session expiry and stamps are read from.
    pub fn now(&self) -> i64 {
        self.fixed_now.unwrap_or_else(crate::clock::now)
    }

    /// Ends a pupil's session on a class iPad after `secs` without a call.
    pub fn with_pupil_idle(mut self, secs: i64) -> Self {
        self.pupil_idle_secs = secs;
        self
    }

    /// Records reads of pupils' data in `buffer` (flushed by the server) and keeps the trail
    /// `retention_days`.
    pub fn with_audit(mut self, settings: crate::audit::AuditSettings) -> Self {
        self.audit = settings;
        self
    }

    /// Makes people who left more than `days` ago due to be anonymised.
    pub fn with_erase_after_days(mut self, days: u32) -> Self {
        self.erase_after_days = days;
        self
    }

    pub fn with_client_addr(mut self, addr: Option<String>) -> Self {
        self.client_addr = addr;
        self
    }

    pub fn record_session_change(&self, change: SessionChange) {
        if let Ok(mut c) = self.changes.lock() {
            c.session = Some(change);
        }
    }

    pub fn take_session_change(&self) -> Option<SessionChange> {
        self.changes.lock().ok().and_then(|mut c| c.session.take())
    }

    pub fn record_device_change(&self, change: SessionChange) {
        if let Ok(mut c) = self.changes.lock() {
            c.device = Some(change);
        }
    }

    pub fn take_device_change(&self) -> Option<SessionChange> {
        self.changes.lock().ok().and_then(|mut c| c.device.take())
    }
}
