//! `GET /metrics` in the Prometheus text format (version 0.0.4): requests by route and status,
//! their latency as histograms, calls shed under load, sign-in failures, the database pool and
//! the audit trail's unwritten lines. The counters are the process's own, as a Prometheus client
//! library's default registry is: each server process of an installation is scraped on its own.

use crate::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};
use std::time::Instant;

/// Upper bounds of the latency buckets, in seconds: from a cached page to a slow upload.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
struct Histogram {
    /// Count per bucket (not cumulative; made cumulative when written).
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
struct Registry {
    requests: BTreeMap<(String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
    sign_in_failures: BTreeMap<&'static str, u64>,
}

static REGISTRY: LazyLock<Mutex<Registry>> = LazyLock::new(Mutex::default);
static SHED: AtomicU64 = AtomicU64::new(0);
static SERVER_FUNCTIONS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| crate::server_function_paths().into_iter().collect());

/// A call refused by load shedding (`load_shed::admit`).
pub(crate) fn count_shed() {
    SHED.fetch_add(1, Ordering::Relaxed);
}

/// The route a request took, as its label: the router's pattern (never the raw path, which
/// holds ids and would make a series per pupil), each server function by name, and "static" for
/// the built client and anything unknown.
fn route_of(request: &Request) -> String {
    let path = request.uri().path();
    if path.starts_with(domain::paths::API) {
        // Only names of real server functions become labels.
        return if SERVER_FUNCTIONS.contains(path) {
            path.to_owned()
        } else {
            format!("{}/unknown", domain::paths::API)
        };
    }
    match request.extensions().get::<MatchedPath>() {
        Some(matched) => matched.as_str().to_owned(),
        None => "static".to_owned(),
    }
}

/// What a failed sign-in call's status means, for `spire_sign_in_failures_total`.
fn sign_in_failure(route: &str, status: StatusCode) -> Option<&'static str> {
    let signing_in = ["sign_in", "sign_in_with_code", "sign_in_pupil"]
        .iter()
        .any(|name| route == format!("{}/{name}", domain::paths::API));
    match (signing_in, status) {
        (true, StatusCode::UNAUTHORIZED) => Some("wrong_credentials"),
        (true, StatusCode::TOO_MANY_REQUESTS) => Some("rate_limited"),
        (true, StatusCode::BAD_REQUEST) => Some("invalid"),
        (true, StatusCode::FORBIDDEN) => Some("forbidden"),
        _ => None,
    }
}

/// Counts every request with its route, status and time taken.
pub(crate) async fn record(request: Request, next: Next) -> Response {
    let route = route_of(&request);
    let started = Instant::now();
    let response = next.run(request).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = response.status();
    if let Ok(mut r) = REGISTRY.lock() {
        *r.requests
            .entry((route.clone(), status.as_u16()))
            .or_default() += 1;
        if let Some(kind) = sign_in_failure(&route, status) {
            *r.sign_in_failures.entry(kind).or_default() += 1;
        }
        let h = r.latency.entry(route).or_default();
        if let Some(i) = BUCKETS.iter().position(|b| seconds <= *b) {
            h.buckets[i] += 1;
        }
        h.count += 1;
        h.sum += seconds;
    }
    response
}

/// A label value as the text format wants it: backslash, quote and newline escaped.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// `GET /metrics`.
pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    let mut out = String::new();
    if let Ok(r) = REGISTRY.lock() {
        write_registry(&mut out, &r);
    }
    let _ = writeln!(
        out,
        "# HELP spire_load_shed_total Calls refused with 503 because too many were in flight.\n\
         # TYPE spire_load_shed_total counter\nspire_load_shed_total {}",
        SHED.load(Ordering::Relaxed)
    );
    if let Some((open, idle)) = backend::db::pool_connections(&state.db) {
        let _ = writeln!(
            out,
            "# HELP spire_db_pool_connections Database connections in the pool, by state.\n\
             # TYPE spire_db_pool_connections gauge\n\
             spire_db_pool_connections{{state=\"idle\"}} {idle}\n\
             spire_db_pool_connections{{state=\"in_use\"}} {}",
            (open as usize).saturating_sub(idle)
        );
    }
    let _ = writeln!(
        out,
        "# HELP spire_audit_unwritten_lines Reads of pupils' data waiting to be written to the audit trail.\n\
         # TYPE spire_audit_unwritten_lines gauge\nspire_audit_unwritten_lines {}",
        state.audit.buffer.as_ref().map_or(0, |b| b.len())
    );
    let mut response = out.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    response
}

fn write_registry(out: &mut String, r: &Registry) {
    let _ = writeln!(
        out,
        "# HELP spire_http_requests_total HTTP requests answered, by route and status.\n\
         # TYPE spire_http_requests_total counter"
    );
    for ((route, status), n) in &r.requests {
        let _ = writeln!(
            out,
            "spire_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
            label(route)
        );
    }
    let _ = writeln!(
        out,
        "# HELP spire_http_request_duration_seconds Time to answer an HTTP request, by route.\n\
         # TYPE spire_http_request_duration_seconds histogram"
    );
    for (route, h) in &r.latency {
        let route = label(route);
        let mut cumulative = 0;
        for (bound, n) in BUCKETS.iter().zip(h.buckets) {
            cumulative += n;
            let _ = writeln!(
                out,
                "spire_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
            );
        }
        let _ = writeln!(
            out,
            "spire_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\n\
             spire_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\n\
             spire_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
            h.count, h.sum, h.count
        );
    }
    let _ = writeln!(
        out,
        "# HELP spire_sign_in_failures_total Sign-in calls refused, by why.\n\
         # TYPE spire_sign_in_failures_total counter"
    );
    for (kind, n) in &r.sign_in_failures {
        let _ = writeln!(out, "spire_sign_in_failures_total{{reason=\"{kind}\"}} {n}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_are_escaped_as_the_text_format_says() {
        assert_eq!(label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }

    #[test]
    fn only_sign_in_calls_count_as_sign_in_failures() {
        assert_eq!(
            sign_in_failure("/api/sign_in", StatusCode::UNAUTHORIZED),
            Some("wrong_credentials")
        );
        assert_eq!(
            sign_in_failure("/api/sign_in_with_code", StatusCode::TOO_MANY_REQUESTS),
            Some("rate_limited")
        );
        assert_eq!(sign_in_failure("/api/home", StatusCode::UNAUTHORIZED), None);
        assert_eq!(sign_in_failure("/api/sign_in", StatusCode::OK), None);
    }
}
