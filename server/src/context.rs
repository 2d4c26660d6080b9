//! What HTTP owns about a request, turned into what a use case sees: the one place a
//! `backend::RequestCtx` is built from a request (session and class-iPad cookies, the caller's
//! address, whether OpenID Connect is on), and the one error response every route answers with.

use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use backend::RequestCtx;
use domain::AppError;
use std::net::SocketAddr;

pub const SESSION_COOKIE: &str = "spire_session";
/// Marks a class iPad; lives beside whichever pupil's session is current.
pub const DEVICE_COOKIE: &str = "spire_device";
/// The instant a request happens at, when the server runs with `--test-clock`.
pub const TEST_CLOCK_HEADER: &str = "x-spire-now";

pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
        .filter(|v| !v.is_empty())
}

/// The context of a request as its use case sees it.
pub(crate) fn request_ctx(
    state: &AppState,
    headers: &HeaderMap,
    client: Option<&ConnectInfo<SocketAddr>>,
) -> RequestCtx {
    let ctx = RequestCtx::new(
        state.db.clone(),
        cookie(headers, SESSION_COOKIE),
        state.demo,
    )
    .with_device_token(cookie(headers, DEVICE_COOKIE))
    .with_client_addr(client.map(|ConnectInfo(addr)| {
        crate::client_addr::client_addr(addr.ip(), headers, &state.trusted_proxies).to_string()
    }))
    .with_oidc_enabled(state.oidc.is_some())
    .with_code_key(state.code_key.clone())
    .with_audit(state.audit.clone())
    .with_pupil_idle(state.pupil_idle_secs)
    .with_erase_after_days(state.erase_after_days);
    match state.test_clock.then(|| test_now(headers)).flatten() {
        Some(unix) => ctx.at_time(unix),
        None => ctx,
    }
}

/// The instant named in the test-clock header, in unix seconds.
fn test_now(headers: &HeaderMap) -> Option<i64> {
    headers
        .get(TEST_CLOCK_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<jiff::Timestamp>().ok())
        .map(jiff::Timestamp::as_second)
}

/// The extractor routes take their context by: `Ctx(ctx)`.
pub(crate) struct Ctx(pub RequestCtx);

impl FromRequestParts<AppState> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let client = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(Ctx(request_ctx(state, &parts.headers, client)))
    }
}

/// Every error a route answers: the status its code means, and the code (and field) as JSON —
/// the body a server function's client reads (`serverfnerror` marks it so), and all an HTTP
/// client needs. Nothing internal is ever in it.
pub(crate) struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self.0).unwrap_or_default();
        (
            status,
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                ),
                (
                    header::HeaderName::from_static("serverfnerror"),
                    HeaderValue::from_static("1"),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            body,
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Field;

    #[test]
    fn the_session_token_is_read_from_among_other_cookies() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("theme=dark; spire_session=abc123; other=1"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc123"));
        let mut empty = HeaderMap::new();
        empty.append(header::COOKIE, HeaderValue::from_static("spire_session="));
        assert_eq!(cookie(&empty, SESSION_COOKIE), None);
        assert_eq!(cookie(&HeaderMap::new(), SESSION_COOKIE), None);
    }

    #[test]
    fn the_test_clock_header_names_an_instant_in_rfc_3339() {
        let mut h = HeaderMap::new();
        h.insert(
            TEST_CLOCK_HEADER,
            HeaderValue::from_static("2026-09-16T10:00:00+02:00"),
        );
        assert_eq!(test_now(&h), Some(1_789_545_600));
        h.insert(TEST_CLOCK_HEADER, HeaderValue::from_static("onsdag"));
        assert_eq!(test_now(&h), None);
        assert_eq!(test_now(&HeaderMap::new()), None);
    }

    #[test]
    fn an_error_answers_its_status_with_its_code_and_nothing_else() {
        let res = ApiError(AppError::invalid(Field::Version)).into_response();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST);
        assert_eq!(res.headers()["serverfnerror"], "1");
        let res = ApiError(AppError::forbidden()).into_response();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
}
