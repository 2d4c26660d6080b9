//! Malformed bodies to every server function, from every kind of caller: whatever arrives, the
//! answer is never a 5xx. Bodies are the matrix's valid ones with each value swapped for a wrong
//! type, an extreme number or garbage, plus bodies that are not JSON or not a form at all.
//! Deterministic: the same bodies every run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::rows::MATRIX;
use common::*;
use serde_json::Value;

/// Whole bodies that are wrong whatever the function.
fn garbage() -> Vec<String> {
    [
        "",
        "{",
        "}",
        "[]",
        "null",
        "\"x\"",
        "{}",
        "{\"a\":",
        "a=%ZZ&&==",
        "=&=",
        "\u{0}\u{1}\u{7f}",
        "{\"x\":1e999}",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect()
}

/// What a JSON value is swapped for.
fn json_replacements() -> Vec<Value> {
    vec![
        Value::Null,
        serde_json::json!("x"),
        serde_json::json!(i64::MAX),
        serde_json::json!(i64::MIN),
        serde_json::json!(-1),
        serde_json::json!(u64::MAX),
        serde_json::json!(1.5),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(true),
        Value::String("æ".repeat(20_000)),
    ]
}

/// Every leaf of `value`, each swapped in turn for each replacement.
fn json_mutations(value: &Value) -> Vec<Value> {
    fn leaves(v: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let mut p = path.clone();
                    p.push(k.clone());
                    leaves(child, p, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(i.to_string());
                    leaves(child, p, out);
                }
                out.push(path);
            }
            _ => out.push(path),
        }
    }
    let mut paths = Vec::new();
    leaves(value, Vec::new(), &mut paths);
    let mut out = Vec::new();
    for path in paths {
        if path.is_empty() {
            continue;
        }
        for replacement in json_replacements() {
            let mut copy = value.clone();
            let pointer = format!("/{}", path.join("/"));
            if let Some(slot) = copy.pointer_mut(&pointer) {
                *slot = replacement;
                out.push(copy);
            }
        }
        // And the field left out.
        let mut copy = value.clone();
        let (last, parent) = path.split_last().unwrap();
        let parent_pointer = format!("/{}", parent.join("/"));
        let parent_slot = if parent.is_empty() {
            Some(&mut copy)
        } else {
            copy.pointer_mut(&parent_pointer)
        };
        if let Some(Value::Object(map)) = parent_slot {
            map.remove(last);
            out.push(copy);
        }
    }
    out
}

/// A form's values swapped one at a time, and each left out.
fn form_mutations(body: &str) -> Vec<String> {
    let pairs: Vec<(&str, &str)> = body
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let mut out = Vec::new();
    for i in 0..pairs.len() {
        for value in [
            "",
            "x",
            "-1",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "%FF%FE",
            "true",
            &"a".repeat(20_000),
        ] {
            out.push(
                pairs
                    .iter()
                    .enumerate()
                    .map(|(j, (k, v))| format!("{k}={}", if i == j { value } else { v }))
                    .collect::<Vec<_>>()
                    .join("&"),
            );
        }
        out.push(
            pairs
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, (k, v))| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&"),
        );
    }
    out
}

#[tokio::test]
async fn no_malformed_body_to_any_server_function_gets_a_5xx_from_any_caller() {
    let (s, ids) = matrix_server().await;
    let callers = [None, Some("ida"), Some("anne"), Some("lene")];
    let mut cookies = Vec::new();
    for who in callers {
        cookies.push(match who {
            Some(u) => Some(s.sign_in(u).await),
            None => None,
        });
    }
    let mut calls = 0usize;
    let mut failures = Vec::new();
    for (path, body, _) in MATRIX {
        let name = path.trim_start_matches("/api/");
        // Signing in with fuzzed names would only hash passwords and lock the accounts above.
        if name == "sign_in" || name == "sign_in_with_code" {
            continue;
        }
        let mut valid = body.to_string();
        for (key, value) in &ids {
            valid = valid.replace(key, value);
        }
        let mut bodies = garbage();
        match serde_json::from_str::<Value>(&valid) {
            Ok(value) if valid.starts_with('{') => {
                bodies.extend(json_mutations(&value).iter().map(Value::to_string));
            }
            _ => bodies.extend(form_mutations(&valid)),
        }
        let garbage_count = garbage().len();
        for (i, body) in bodies.iter().enumerate() {
            for (who, cookie) in callers.iter().zip(&cookies) {
                // Garbage is sent claiming to be JSON and a form alike; mutations as what they are.
                let kinds: &[bool] = if i < garbage_count {
                    &[true, false]
                } else {
                    &[body.starts_with('{')]
                };
                for &json in kinds {
                    let res = s.call_as(name, body, cookie.as_deref(), json).await;
                    calls += 1;
                    if res.status().is_server_error() {
                        failures.push(format!(
                            "{path} as {who:?} ({}) → {}: {}",
                            if json { "json" } else { "form" },
                            res.status(),
                            body.chars().take(160).collect::<String>()
                        ));
                    }
                }
            }
        }
    }
    println!("fuzz: {calls} calls, {} answered 5xx", failures.len());
    assert!(
        failures.is_empty(),
        "{} of {calls} calls answered 5xx:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
