//! `cargo xtask <command>`: Spire's two README commands and their helpers.
//!
//! Each command installs what it needs and skips what is already there, so a fresh Debian machine
//! with rustup and Node gets from clone to running (or tested) Spire in one step.

mod bench;
mod bundle;
#[cfg(test)]
mod house;
mod postgres;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
cargo xtask <command>

  run [-- ARGS]     build the client and server (release) and run Spire at http://127.0.0.1:3000
                    (ARGS go to the server, e.g. -- --port 8080 --no-demo; --demo unless --no-demo)
  test              run every test: formatting and lints, unit, backend on SQLite and
                    PostgreSQL, HTTP, end-to-end in Chromium with axe, and the bundle budget
  build-client      build the Wasm client into dist/ (release, size profile, precompressed)
  bundle-report     print the brotli size of the first screen from dist/
  bench [ARGS]      the benchmarks (BENCHMARKS.md): generate a municipality, query plans, the
                    load benchmark, bundle sizes and first-screen load time in Chromium
                    (ARGS go to `spire-bench load`, e.g. --seconds 5 --rates 1000,3000;
                    --scale F makes a smaller municipality, --fresh regenerates it)
  install-tools     install every tool the commands above need
";

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(),
        Some("build-client") => tools::ensure_client_tools().and_then(|()| build_client()),
        Some("bundle-report") => bundle::report(&root().join("dist")).map(|_| ()),
        Some("bench") => bench::run(&args[1..]),
        Some("install-tools") => {
            tools::ensure_client_tools().and_then(|()| tools::ensure_test_tools())
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Runs a command to completion, failing with its name if it fails.
pub fn run_cmd(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn step(title: &str) {
    println!("\n==> {title}");
}

pub(crate) fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// Builds the seven client builds (see `domain::identity::Audience`): the staff build into
/// `dist/`, then the family, sign-in, follow-up, school, hold and pupil builds each into its own folder under
/// `target/`, whose files join `dist/` with the build's page renamed (`family.html`, …). Trunk names
/// assets by content hash, so the builds' files cannot clash; the shared ones (style, public
/// files) are the same bytes.
pub(crate) fn build_client() -> Result {
    let root = root();
    let dist = root.join("dist");
    let others = [
        (
            "family",
            bundle::FAMILY_PAGE,
            root.join("target/dist-family"),
        ),
        (
            "sign-in",
            bundle::SIGN_IN_PAGE,
            root.join("target/dist-signin"),
        ),
        (
            "follow-up",
            bundle::FOLLOW_UP_PAGE,
            root.join("target/dist-followup"),
        ),
        (
            "school",
            bundle::SCHOOL_PAGE,
            root.join("target/dist-school"),
        ),
        ("hold", bundle::HOLD_PAGE, root.join("target/dist-hold")),
        ("pupil", bundle::PUPIL_PAGE, root.join("target/dist-pupil")),
    ];
    let all = std::iter::once(("staff", "index.html", dist.clone())).chain(others.clone());
    for (title, page, out) in all {
        step(&format!(
            "Building the Wasm client, {title} build (release, size profile)"
        ));
        run_cmd(
            Command::new("trunk")
                .arg("build")
                .arg("--release")
                .arg("--dist")
                .arg(&out)
                .arg(page)
                .current_dir(&root)
                .env("PATH", tools::path_with_tools())
                .env("NO_COLOR", "true"),
        )?;
    }
    for (title, page, out) in others {
        for entry in std::fs::read_dir(&out).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let target = if name == "index.html" {
                dist.join(page)
            } else {
                dist.join(name)
            };
            if path.is_file() {
                std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", target.display()))?;
            } else if !target.exists() {
                return Err(format!(
                    "{}: a folder only the {title} build has",
                    path.display()
                ));
            }
        }
    }
    bundle::precompress(&dist)
}

fn run(args: &[String]) -> Result {
    tools::ensure_client_tools()?;
    build_client()?;
    step("Building the server (release)");
    run_cmd(
        cargo()
            .args(["build", "--release", "--locked", "-p", "server"])
            .current_dir(root()),
    )?;
    let mut server_args: Vec<&str> = args
        .iter()
        .skip_while(|a| *a == "--")
        .map(String::as_str)
        .collect();
    // The quick start runs the demo school unless told otherwise.
    if !server_args
        .iter()
        .any(|a| matches!(*a, "--demo" | "--no-demo"))
    {
        server_args.insert(0, "--demo");
    }
    step("Starting Spire");
    run_cmd(
        Command::new(root().join("target/release/spire"))
            .args(server_args)
            .current_dir(root()),
    )
}

fn test() -> Result {
    let started = std::time::Instant::now();
    tools::ensure_client_tools()?;
    tools::ensure_test_tools()?;
    build_client()?;
    let sizes = bundle::report(&root().join("dist"))?;

    step("Formatting and lints (rustfmt, clippy with warnings denied)");
    run_cmd(
        cargo()
            .args(["fmt", "--all", "--check"])
            .current_dir(root()),
    )?;
    run_cmd(
        cargo()
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ])
            .current_dir(root()),
    )?;

    step("Starting a throwaway PostgreSQL on 127.0.0.1");
    let pg = postgres::Throwaway::start()?;

    step(
        "Building and running the Rust tests (domain, backend on SQLite + PostgreSQL, server HTTP)",
    );
    let rust = tools::run_cargo_tests(&pg.url)?;
    drop(pg);

    step("End-to-end tests in Chromium with axe, then the WebKit pass");
    let (e2e, webkit) = tools::run_end_to_end()?;

    let secs = started.elapsed().as_secs();
    println!("\n==> Summary ({}m{:02}s)", secs / 60, secs % 60);
    println!(
        "    Rust tests: {} passed, {} failed",
        rust.passed, rust.failed
    );
    println!(
        "      of which backend use cases on SQLite: {} passed; on PostgreSQL: {} passed",
        rust.sqlite, rust.postgres
    );
    println!(
        "    End-to-end (Chromium, axe): {} passed, {} failed",
        e2e.passed, e2e.failed
    );
    println!(
        "    WebKit pass (pupils on a class iPad, a parent's week; axe): {} passed, {} failed",
        webkit.passed, webkit.failed
    );
    println!(
        "    First screen, brotli: pupil's (sign-in build) {:.1} kB ({:.2}× its {:.0} kB ceiling), largest staff build {:.1} kB ({:.2}× its {:.0} kB ceiling); after signing in, pupil build {:.1} kB, family build {:.1} kB",
        sizes.sign_in_kb,
        sizes.sign_in_kb / bundle::PUPIL_BUDGET_KB,
        bundle::PUPIL_BUDGET_KB,
        sizes.staff_kb,
        sizes.staff_kb / bundle::STAFF_BUDGET_KB,
        bundle::STAFF_BUDGET_KB,
        sizes.pupil_kb,
        sizes.family_kb,
    );
    let passed = rust.passed + e2e.passed + webkit.passed;
    let failed = rust.failed + e2e.failed + webkit.failed;
    // The plain line CI reads.
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        Err(format!("{failed} test(s) failed"))
    } else {
        Ok(())
    }
}
