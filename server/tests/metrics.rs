//! `/metrics` in the Prometheus text format, checked by Prometheus's own `promtool`: requests by
//! route and status with their latency, sign-in failures, the database pool and the audit trail's
//! unwritten lines; ids never become labels.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use axum::http::{StatusCode, header};
use common::*;
use std::io::Write;
use std::process::{Command, Stdio};

/// What `promtool check metrics` says of `text`: (passed, its report).
fn promtool_check(text: &str) -> (bool, String) {
    let mut child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("promtool (Debian package prometheus; cargo xtask test installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), report)
}

/// The value of the series `line` starts with, or 0 when it is not there yet.
fn value(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| {
            l.strip_prefix(series)
                .and_then(|rest| rest.strip_prefix(' '))
        })
        .map_or(0.0, |v| v.parse().unwrap())
}

#[tokio::test]
async fn metrics_count_requests_and_sign_in_failures_in_a_format_prometheus_accepts() {
    let s = TestServer::start().await;
    let before = text(s.get("/metrics").await).await;
    // A wrong password, a screen's call, a pupil's file by id, and the version.
    let res = s
        .call("sign_in", "username=anne&password=forkert", None)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let anne = s.sign_in("anne").await;
    assert_eq!(
        s.call("home", "", Some(&anne)).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get_as(&s, "/arbejde/123456", Some(&anne)).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(s.get("/version").await.status(), StatusCode::OK);

    let res = s.get("/metrics").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers().get(header::CONTENT_TYPE).unwrap(),
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let after = text(res).await;
    let (ok, report) = promtool_check(&after);
    assert!(ok, "promtool check metrics:\n{report}\n{after}");
    let grew = |series: &str| value(&after, series) - value(&before, series);
    assert!(grew(r#"spire_sign_in_failures_total{reason="wrong_credentials"}"#) >= 1.0);
    assert!(grew(r#"spire_http_requests_total{route="/api/home",status="200"}"#) >= 1.0);
    assert!(grew(r#"spire_http_requests_total{route="/version",status="200"}"#) >= 1.0);
    assert!(grew(r#"spire_http_request_duration_seconds_count{route="/api/home"}"#) >= 1.0);
    // The file's id is not a label: the route's pattern is.
    assert!(after.contains(r#"spire_http_requests_total{route="/arbejde/{id}",status="404"}"#));
    assert!(!after.contains("123456"));
    assert!(after.contains(r#"spire_db_pool_connections{state="idle"}"#));
    assert!(after.contains("spire_audit_unwritten_lines "));
    assert!(after.contains("spire_load_shed_total "));
    // A made-up server function is one series, not one per name.
    s.call("no_such_function_here", "", None).await;
    let later = text(s.get("/metrics").await).await;
    assert!(!later.contains("no_such_function_here"));
    assert!(later.contains(r#"route="/api/unknown""#));
}

#[tokio::test]
async fn promtool_refuses_what_is_not_the_text_format() {
    // The check above can fail: Prometheus's parser rejects a malformed exposition.
    let (ok, _) = promtool_check("spire_x{route=\"a} 1\n");
    assert!(!ok);
}
