//! The server's tests over its real router and process, one file per concern, linked into one test
//! binary (one link instead of one per file). `metrics.rs` stays a binary of its own: the metrics
//! registry is global to the process, and its counts must see only that file's requests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod documents;
mod durability;
mod family_http;
mod files;
mod fuzz;
mod http;
mod init;
mod matrix;
mod oidc;
mod privacy;
mod query_health;
mod refusals;
