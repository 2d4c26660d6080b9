//! `GET /filer/{id}`: a file attached to a forløb, for whoever the policy lets read it. Always a
//! download, never rendered in Spire's own origin, so an uploaded file cannot act as a page.

use crate::AppState;
use crate::server_fns::{SESSION_COOKIE, cookie};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use backend::RequestCtx;

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

pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let ctx = RequestCtx::new(
        state.db.clone(),
        cookie(&headers, SESSION_COOKIE),
        state.demo,
    );
    match backend::planning::files::read_file(&ctx, id).await {
        Ok((name, content_type, bytes)) => {
            let disposition = format!("attachment; filename*=UTF-8''{}", encoded_name(&name));
            let mut response = bytes.into_response();
            let h = response.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
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
        Err(e) => StatusCode::from_u16(e.code.http_status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response(),
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
