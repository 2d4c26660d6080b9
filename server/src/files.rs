//! Downloads: `GET /filer/{id}`, a file attached to a forløb, and `GET /elevpakke/{id}`, a pupil's
//! package, each for whoever the policy lets read it. Always a download, never rendered in
//! Spire's own origin, so an uploaded file cannot act as a page.

use crate::AppState;
use crate::server_fns::{SESSION_COOKIE, cookie};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use backend::RequestCtx;
use domain::AppError;

/// RFC 5987 encoding of a file name for `Content-Disposition`.
fn encoded_name(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn ctx(state: &AppState, headers: &HeaderMap) -> RequestCtx {
    RequestCtx::new(
        state.db.clone(),
        cookie(headers, SESSION_COOKIE),
        state.demo,
    )
}

/// A download: `Content-Disposition: attachment`, never cached.
fn attachment(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename*=UTF-8''{}", encoded_name(name));
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

fn refused(e: &AppError) -> Response {
    StatusCode::from_u16(e.code.http_status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    match backend::planning::files::read_file(&ctx(&state, &headers), id).await {
        Ok((name, content_type, bytes)) => attachment(&name, &content_type, bytes),
        Err(e) => refused(&e),
    }
}

/// `GET /elevpakke/{pupil id}`: the pupil's package (`docs/pupil-package.md`) as a JSON file, for
/// the school's leader or administration.
pub async fn pupil_package(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    match backend::pupil_plan::package::export_pupil(&ctx(&state, &headers), id).await {
        Ok(package) => match serde_json::to_vec_pretty(&package) {
            Ok(bytes) => {
                let name = format!(
                    "elevpakke-{}-{}.json",
                    package.pupil.given_name, package.pupil.family_name
                );
                attachment(&name, "application/json", bytes)
            }
            Err(_) => refused(&AppError::internal()),
        },
        Err(e) => refused(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_percent_encoded_for_the_download_header() {
        assert_eq!(encoded_name("Eventyr 1.pdf"), "Eventyr%201.pdf");
        assert_eq!(encoded_name("æ\"x"), "%C3%A6%22x");
    }
}
