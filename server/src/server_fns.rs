//! The server-function endpoint: wraps `leptos_axum`'s handler with what HTTP owns — the session
//! cookie in both directions, a same-origin check, and status codes that match the error.

use crate::AppState;
use crate::context::{ApiError, request_ctx};
pub use crate::context::{DEVICE_COOKIE, SESSION_COOKIE};
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use backend::SessionChange;
use domain::Field;
use domain::{AppError, ErrorCode};
use leptos::prelude::provide_context;
use std::net::SocketAddr;

/// Error bodies are a code and a field name; anything bigger is not one of ours.
const MAX_ERROR_BODY: usize = 16 * 1024;

/// Every registered server function's path, e.g. `/api/home`.
pub fn server_function_paths() -> Vec<&'static str> {
    let mut paths: Vec<_> = server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
}

pub(crate) fn error_response(error: AppError) -> Response {
    ApiError(error).into_response()
}

/// Refuses calls a browser made from another site. The session cookie is `SameSite=Lax`, which
/// already keeps it off cross-site POSTs; this closes the gap for browsers that ignore that. Uses
/// `Sec-Fetch-Site` where the browser sends it, else compares `Origin` with the host asked for
/// (the `Host` header, or the URI's authority under HTTP/2).
pub(crate) fn from_another_origin(headers: &HeaderMap, uri_authority: Option<&str>) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or(uri_authority);
    let Some(host) = host else {
        return false;
    };
    let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    !origin_host.eq_ignore_ascii_case(host)
}

pub(crate) fn set_cookie(name: &str, change: &SessionChange, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    let cookie = match change {
        SessionChange::Started {
            token,
            max_age_secs,
        } => format!(
            "{name}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}"
        ),
        SessionChange::Ended => {
            format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}")
        }
    };
    HeaderValue::from_str(&cookie).ok()
}

pub async fn handle(State(state): State<AppState>, req: Request<Body>) -> Response {
    if req.method() != Method::POST {
        return error_response(AppError::invalid(Field::Method));
    }
    let path = req.uri().path().to_owned();
    if !server_fn::axum::server_fn_paths().any(|(p, _)| p == path) {
        return error_response(AppError::new(ErrorCode::NotFound));
    }
    if from_another_origin(req.headers(), req.uri().authority().map(|a| a.as_str())) {
        return error_response(AppError::forbidden());
    }
    let ctx = request_ctx(
        &state,
        req.headers(),
        req.extensions().get::<ConnectInfo<SocketAddr>>(),
    );
    // The body is kept so that a decoding error can name the field it stopped at. The size was
    // already capped by the body-limit layer in front of this handler.
    let (parts, body) = req.into_parts();
    let Ok(body) = to_bytes(body, usize::MAX).await else {
        return error_response(AppError::invalid(Field::Body));
    };
    let req = Request::from_parts(parts, Body::from(body.clone()));
    let provided = ctx.clone();
    let response =
        leptos_axum::handle_server_fns_with_context(move || provide_context(provided.clone()), req)
            .await
            .into_response();
    let mut response = with_error_status(response, &path, &body).await;
    let changes = [
        (SESSION_COOKIE, ctx.take_session_change()),
        (DEVICE_COOKIE, ctx.take_device_change()),
    ];
    for (name, change) in changes {
        if let Some(value) = change.and_then(|c| set_cookie(name, &c, state.secure_cookies)) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Server functions answer every error with 500; give each the status its code means, so a wrong
/// password is a 401 and malformed input a 400 to any HTTP client, not only ours. A decoding
/// error known only by its place in the body gets the name of the key at that place.
async fn with_error_status(response: Response, path: &str, request_body: &[u8]) -> Response {
    if !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_ERROR_BODY).await {
        Ok(bytes) => bytes,
        Err(_) => return error_response(AppError::internal()),
    };
    let mut error: AppError = match serde_json::from_slice(&bytes) {
        Ok(error) => error,
        Err(_) => {
            tracing::error!(path, body = %String::from_utf8_lossy(&bytes), "server function error was not an AppError");
            return error_response(AppError::internal());
        }
    };
    if error.code == ErrorCode::Internal {
        tracing::warn!(path, "server function failed");
    }
    if let Some(place) = error
        .field
        .as_deref()
        .and_then(|f| f.strip_prefix(domain::error::POSITION_FIELD_PREFIX))
    {
        let key = place.split_once(':').and_then(|(line, column)| {
            domain::error::json_key_at(
                &String::from_utf8_lossy(request_body),
                line.parse().ok()?,
                column.parse().ok()?,
            )
        });
        error = AppError::invalid_named(key.as_deref().unwrap_or("body"));
        return error_response(error);
    }
    parts.status =
        StatusCode::from_u16(error.code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn a_call_from_another_site_is_recognised() {
        let same = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
        ]);
        let other = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "https://evil.example"),
        ]);
        assert!(!from_another_origin(&same, None));
        assert!(from_another_origin(&other, None));
        assert!(
            !from_another_origin(&headers(&[("host", "x")]), None),
            "no Origin: not a browser cross-site call"
        );
    }

    #[test]
    fn fetch_metadata_decides_when_the_browser_sends_it() {
        assert!(from_another_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(from_another_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            None
        ));
        assert!(!from_another_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            None
        ));
    }

    #[test]
    fn under_http2_the_uri_authority_stands_in_for_the_host_header() {
        let h = headers(&[("origin", "https://Spire.Skole.dk")]);
        assert!(!from_another_origin(&h, Some("spire.skole.dk")));
        assert!(from_another_origin(&h, Some("other.dk")));
    }

    #[test]
    fn the_session_cookie_is_http_only_and_same_site() {
        let started = SessionChange::Started {
            token: "t".into(),
            max_age_secs: 60,
        };
        let cookie = set_cookie(SESSION_COOKIE, &started, false).unwrap();
        assert_eq!(
            cookie,
            "spire_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
        );
        let ended = set_cookie(SESSION_COOKIE, &SessionChange::Ended, true).unwrap();
        assert_eq!(
            ended,
            "spire_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure"
        );
    }
}
