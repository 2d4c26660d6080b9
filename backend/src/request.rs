//! What a server function knows about the request it serves. The server builds one per request and
//! hands it to the server function; use cases never see HTTP.

use sea_orm::DatabaseConnection;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct RequestCtx {
    pub db: DatabaseConnection,
    /// The raw session token from the request's cookie, if any.
    pub session_token: Option<String>,
    /// Whether the server runs in demo mode (demo logins may be shown).
    pub demo_enabled: bool,
    session_change: Arc<Mutex<Option<SessionChange>>>,
}

/// A session started or ended during the request; the server turns it into a cookie.
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
            demo_enabled,
            session_change: Arc::default(),
        }
    }

    pub fn record_session_change(&self, change: SessionChange) {
        if let Ok(mut slot) = self.session_change.lock() {
            *slot = Some(change);
        }
    }

    pub fn take_session_change(&self) -> Option<SessionChange> {
        self.session_change
            .lock()
            .ok()
            .and_then(|mut slot| slot.take())
    }
}
