//! The two browser-facing ends of OpenID Connect sign-in. Errors never show the issuer's details:
//! the browser lands on the sign-in page with a code the page explains in Danish.

use crate::AppState;
use crate::context::Ctx;
use crate::server_fns::{SESSION_COOKIE, set_cookie};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// Where a failed sign-in lands: the sign-in page shows what `fejl=uni-login` means.
const FAILED: &str = "/log-ind?fejl=uni-login";

/// The cookie binding a sign-in to the browser that started it, sent only to these two ends.
pub const FLOW_COOKIE: &str = "spire_oidc";

fn flow_cookie(value: &str, max_age: i64, secure: bool) -> Option<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{FLOW_COOKIE}={value}; Path=/auth/oidc; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .ok()
}

pub async fn start(State(state): State<AppState>, Ctx(ctx): Ctx) -> Response {
    let Some(config) = &state.oidc else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match backend::identity::oidc::start(&ctx, config).await {
        Ok(started) => {
            let mut response = Redirect::to(&started.url).into_response();
            // Lax: the issuer's redirect back is a top-level navigation, which carries it.
            if let Some(cookie) = flow_cookie(
                &started.browser_secret,
                backend::identity::oidc::FLOW_SECS,
                state.secure_cookies,
            ) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(_) => Redirect::to(FAILED).into_response(),
    }
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
}

pub async fn callback(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Query(query): Query<Callback>,
) -> Response {
    let Some(config) = &state.oidc else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (Some(code), Some(flow_state)) = (query.code, query.state) else {
        return Redirect::to(FAILED).into_response();
    };
    let browser = crate::context::cookie(&headers, FLOW_COOKIE);
    let finished =
        backend::identity::oidc::finish(&ctx, config, &code, &flow_state, browser.as_deref()).await;
    let mut response = match finished {
        Ok(_) => {
            let mut response = Redirect::to("/").into_response();
            if let Some(cookie) = ctx
                .take_session_change()
                .and_then(|c| set_cookie(SESSION_COOKIE, &c, state.secure_cookies))
            {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(_) => Redirect::to(FAILED).into_response(),
    };
    // The flow is over either way.
    if let Some(cookie) = flow_cookie("", 0, state.secure_cookies) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}
