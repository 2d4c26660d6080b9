//! The built client: hashed assets cached for a year, `index.html` never cached, precompressed
//! Brotli/gzip siblings served when the browser accepts them, and every unknown page path answered
//! with the page of the build for its audience (`domain::identity::Audience`) so that build's
//! router can take over.

use crate::AppState;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use domain::identity::{Audience, Role};
use sha2::{Digest, Sha256};
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::ServeDir;

pub(crate) struct Client {
    /// Each build's page (`Audience::page`), in `Audience::ALL`'s order; the staff build's where a
    /// build was not built.
    pages: Vec<(Audience, String)>,
    files: ServeDir,
    csp: HeaderValue,
}

const NOT_BUILT: &str = "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Spire</title></head>\
<body><main><h1>Spire</h1><p>Klienten er ikke bygget. Kør <code>cargo xtask run</code>.</p></main></body></html>";

impl Client {
    pub(crate) fn load(dist: &Path) -> Self {
        let read = |page: &str| std::fs::read_to_string(dist.join(page)).ok();
        let staff_page = read(Audience::Staff.page()).unwrap_or_else(|| {
            tracing::warn!(dist = %dist.display(), "no built client found; serving a placeholder page");
            NOT_BUILT.to_owned()
        });
        let pages: Vec<(Audience, String)> = Audience::ALL
            .into_iter()
            .map(|build| {
                let page = read(build.page()).unwrap_or_else(|| staff_page.clone());
                (build, page)
            })
            .collect();
        let csp = content_security_policy(pages.iter().map(|(_, page)| page.as_str()));
        Self {
            files: ServeDir::new(dist)
                .precompressed_br()
                .precompressed_gzip()
                .append_index_html_on_directories(false),
            csp: HeaderValue::from_str(&csp)
                .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'")),
            pages,
        }
    }

    fn page(&self, build: Audience) -> &str {
        self.pages
            .iter()
            .find(|(b, _)| *b == build)
            .map_or(NOT_BUILT, |(_, page)| page.as_str())
    }

    pub(crate) fn content_security_policy(&self) -> HeaderValue {
        self.csp.clone()
    }
}

/// A strict policy: only our own origin, no inline script except Trunk's loader, whose exact text
/// is allowed by hash. `wasm-unsafe-eval` lets the page compile its own WebAssembly and nothing more.
fn content_security_policy<'a>(pages: impl Iterator<Item = &'a str>) -> String {
    let mut hashes: Vec<String> = pages
        .flat_map(inline_scripts)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    hashes.sort();
    hashes.dedup();
    let hashes = hashes.concat();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attrs, after) = rest.split_once('>')?;
        if attrs.contains("src=") {
            return None;
        }
        after.split_once("</script>").map(|(body, _)| body)
    })
}

/// Trunk names built assets `name-<hex hash>[_bg].ext` (the hash printed without leading zeros, so
/// its length varies); those never change, so they may be cached for good.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let Some((_, tail)) = stem.rsplit_once('-') else {
        return false;
    };
    let hash = tail.split('_').next().unwrap_or_default();
    hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit())
}

fn looks_like_a_file(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

pub(crate) async fn serve(State(state): State<AppState>, req: Request<Body>) -> Response {
    let client = &state.client;
    let path = req.uri().path().to_owned();
    let headers = req.headers().clone();
    if path.starts_with("/api/") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let Ok(mut response) = client
        .files
        .clone()
        .oneshot(req)
        .await
        .map(IntoResponse::into_response);
    if response.status() == StatusCode::NOT_FOUND && !looks_like_a_file(&path) {
        let role = principal_role(&state, &headers).await;
        return page(client.page(Audience::for_page(&path, role)));
    }
    let cache = if is_hashed_asset(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    // The same URL answers brotli, gzip or plain by Accept-Encoding; shared caches must know.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// The role of whoever the request's session belongs to, if it is a live one.
async fn principal_role(state: &AppState, headers: &HeaderMap) -> Option<Role> {
    let ctx = crate::context::request_ctx(state, headers, None);
    backend::identity::current_principal(&ctx)
        .await
        .ok()
        .map(|p| p.role)
}

fn page(html: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        html.to_owned(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_output_names_are_recognised_as_hashed() {
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7a8b.js"));
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/main-0123456789abcdef.css"));
        assert!(is_hashed_asset("/main-d042f6cbb8582b.css"));
        assert!(!is_hashed_asset("/log-ind.json"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/log-ind"));
    }

    #[test]
    fn the_inline_loader_is_allowed_by_its_hash_and_nothing_else_inline() {
        let html =
            "<head><script type=\"module\">boot()</script><script src=\"/x.js\"></script></head>";
        let scripts: Vec<_> = inline_scripts(html).collect();
        assert_eq!(scripts, ["boot()"]);
        let csp = content_security_policy([html, html].into_iter());
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        let script_src = csp
            .split(';')
            .find(|d| d.trim_start().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{script_src}");
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    }
}
