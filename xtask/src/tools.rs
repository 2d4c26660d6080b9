//! Finding and installing the tools, and running the test suites.
//!
//! Versions come from the repository, never from "latest": Trunk is pinned (newer needs a newer
//! rustc than we have), wasm-bindgen-cli must equal the `wasm-bindgen` crate in Cargo.lock, and
//! wasm-opt comes from npm `binaryen` (Debian's build corrupts the module).

use crate::{Result, root, run_cmd, step};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TRUNK_VERSION: &str = "0.21.14";

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn cargo_bin(name: &str) -> PathBuf {
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin").join(name)
}

/// PATH with npm's wasm-opt and cargo's bin directory first, so Trunk never picks up Debian's.
pub fn path_with_tools() -> String {
    let npm_bin = root().join("tools/node_modules/.bin");
    let cargo_bin = cargo_bin("");
    let rest = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{rest}", npm_bin.display(), cargo_bin.display())
}

/// The `wasm-bindgen` version Cargo.lock pins; the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn installed_version(bin: &str) -> Option<String> {
    let text = output(
        Command::new(bin)
            .arg("--version")
            .env("PATH", path_with_tools()),
    )?;
    text.split_whitespace().nth(1).map(str::to_owned)
}

/// A quick `cargo install` for tools: their release profiles use fat LTO, which takes 4× longer on
/// two cores and buys nothing for a build tool.
fn cargo_install(args: &[&str]) -> Result {
    run_cmd(
        Command::new("cargo")
            .arg("install")
            .args(args)
            .env("CARGO_PROFILE_RELEASE_LTO", "off")
            .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
    )
}

fn npm_ci(dir: &str) -> Result {
    let dir = root().join(dir);
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    step(&format!("Installing npm packages in {}", dir.display()));
    run_cmd(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

pub fn ensure_client_tools() -> Result {
    let targets =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        step("Adding the wasm32-unknown-unknown target");
        run_cmd(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if installed_version("trunk").as_deref() != Some(TRUNK_VERSION) {
        step(&format!(
            "Installing Trunk {TRUNK_VERSION} (about 6 minutes)"
        ));
        cargo_install(&["--locked", "trunk", "--version", TRUNK_VERSION])?;
    }
    let wanted = locked_wasm_bindgen()?;
    check_trunk_toml(&wanted)?;
    if installed_version("wasm-bindgen").as_deref() != Some(wanted.as_str()) {
        step(&format!(
            "Installing wasm-bindgen-cli {wanted} (about 6 minutes)"
        ));
        // Not --locked: the CLI's own lockfile pins a crate the registry no longer has.
        cargo_install(&["wasm-bindgen-cli", "--version", &wanted])?;
    }
    npm_ci("tools")?;
    // The server's spoken Danish for devices without a voice (see backend::speech).
    if !have("/usr/bin/espeak-ng") {
        apt_install(&["espeak-ng"])?;
    }
    // Trunk runs offline (it must never download tools), which makes cargo offline too.
    run_cmd(
        Command::new("cargo")
            .args(["fetch", "--locked"])
            .current_dir(root()),
    )
}

/// Trunk.toml names the wasm-bindgen version Trunk demands; it must agree with Cargo.lock.
fn check_trunk_toml(wanted: &str) -> Result {
    let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml"))
        .map_err(|e| format!("Trunk.toml: {e}"))?;
    if trunk_toml.contains(&format!("wasm_bindgen = \"{wanted}\"")) {
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml's [tools] wasm_bindgen must be \"{wanted}\", the version in Cargo.lock"
        ))
    }
}

/// Installs Debian packages (through sudo unless root), if any are missing.
fn apt_install(missing: &[&str]) -> Result {
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!(
        "Installing Debian packages: {}",
        missing.join(" ")
    ));
    let sudo = if is_root() { vec![] } else { vec!["sudo"] };
    let apt = |args: &[&str]| {
        let mut full: Vec<&str> = sudo.clone();
        full.push("apt-get");
        full.extend_from_slice(args);
        run_cmd(
            Command::new(full[0])
                .args(&full[1..])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    };
    apt(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(missing.iter());
    apt(&install)
}

fn have(path: &str) -> bool {
    std::path::Path::new(path).exists()
}

pub fn postgres_bin_dir() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    dirs.sort();
    dirs.pop()
}

pub fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

pub fn ensure_test_tools() -> Result {
    for (component, probe) in [("clippy", "clippy"), ("rustfmt", "fmt")] {
        if output(Command::new("cargo").args([probe, "--version"])).is_none() {
            step(&format!("Adding the {component} component"));
            run_cmd(Command::new("rustup").args(["component", "add", component]))?;
        }
    }
    let missing: Vec<&str> = [
        ("/usr/bin/chromium", "chromium"),
        ("/usr/bin/chromedriver", "chromium-driver"),
        // promtool: Prometheus's own check of the server's /metrics (server/tests/metrics.rs).
        ("/usr/bin/promtool", "prometheus"),
        // The WebKit pass (end2end/webkit): iPads run WebKit, driven through WebDriver in Xvfb.
        ("/usr/bin/WebKitWebDriver", "webkit2gtk-driver"),
        ("/usr/bin/Xvfb", "xvfb"),
    ]
    .into_iter()
    .filter(|(path, _)| !have(path))
    .map(|(_, pkg)| pkg)
    .chain(postgres_bin_dir().is_none().then_some("postgresql"))
    .collect();
    apt_install(&missing)?;
    npm_ci("end2end")
}

#[derive(Default)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub sqlite: u64,
    pub postgres: u64,
}

/// Runs `cargo test` for the workspace, echoing its output and counting results as it goes.
pub fn run_cargo_tests(postgres_url: &str) -> Result<Counts> {
    let mut child = Command::new("cargo")
        .args([
            "test",
            "--workspace",
            "--locked",
            "--no-fail-fast",
            "--color",
            "never",
        ])
        .current_dir(root())
        .env("SPIRE_TEST_POSTGRES_URL", postgres_url)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start cargo test: {e}"))?;
    let mut counts = Counts::default();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                counts.passed += number_before(rest, " passed");
                counts.failed += number_before(rest, " failed");
            }
            if line.starts_with("test ") && line.ends_with("... ok") {
                if line.contains("sqlite::") {
                    counts.sqlite += 1;
                } else if line.contains("postgres::") {
                    counts.postgres += 1;
                }
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() && counts.failed == 0 {
        return Err(format!(
            "cargo test failed ({status}) before running all tests"
        ));
    }
    Ok(counts)
}

fn number_before(text: &str, marker: &str) -> u64 {
    text.split(';')
        .find_map(|part| part.trim().strip_suffix(marker.trim_start()))
        .and_then(|n| n.trim().rsplit(' ').next().map(str::to_owned))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

pub fn free_port() -> Result<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

pub fn wait_until_ready(port: u16, child: &mut Child, what: &str) -> Result {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("{what} exited early ({status})"));
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Err(format!(
        "{what} did not start listening on port {port} within 60 s"
    ))
}

/// The shared Fælles Mål transcription beside the repository (`../shared/data`), or where
/// `SPIRE_SHARED_DATA` points.
pub fn faelles_maal_file() -> Result<std::path::PathBuf> {
    let candidates = [
        std::env::var("SPIRE_SHARED_DATA")
            .ok()
            .map(std::path::PathBuf::from),
        Some(root().join("../shared/data")),
        Some(std::path::PathBuf::from("/work/shared/data")),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|dir| dir.join("faelles-maal/faelles-maal.json"))
        .find(|path| path.is_file())
        .ok_or_else(|| {
            "faelles-maal.json not found: set SPIRE_SHARED_DATA to the shared data directory".into()
        })
}

/// The school the year-long test starts from nothing: made by `spire init` in an empty database,
/// served without demo data by a second server. Returns the leader's username and the password
/// `init` printed.
fn init_new_school(data: &std::path::Path) -> Result<(String, String)> {
    let output = Command::new(root().join("target/debug/spire"))
        .args([
            "init",
            "--school",
            "Nyskolen",
            "--leader-name",
            "Karen Nielsen",
            "--leader-username",
            "karen",
            "--data-dir",
        ])
        .arg(data)
        .env_remove("DATABASE_URL")
        .output()
        .map_err(|e| format!("cannot run spire init: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let password = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Password: "))
        .filter(|_| output.status.success())
        .ok_or_else(|| format!("spire init printed no password: {text}"))?;
    Ok(("karen".into(), password.trim().to_owned()))
}

/// The institution number the development issuer's sign-ins name, which the year-long test's
/// leader gives her school on the administration screen.
const DEV_INSTITUTION: &str = "280123";

/// The development OpenID Connect issuer (`dev-issuer`), which the new school's server signs
/// people in through, as it would through STIL's UNI-Login broker.
fn start_issuer(port: u16) -> Result<Child> {
    run_cmd(
        crate::cargo()
            .args(["build", "--locked", "-p", "dev-issuer"])
            .current_dir(root()),
    )?;
    Command::new(root().join("target/debug/dev-issuer"))
        .args([
            "--port",
            &port.to_string(),
            "--institutions",
            DEV_INSTITUTION,
        ])
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the development issuer: {e}"))
}

fn start_server(
    port: u16,
    data: &std::path::Path,
    demo: bool,
    issuer_port: Option<u16>,
) -> Result<Child> {
    let mut cmd = Command::new(root().join("target/debug/spire"));
    cmd.args(["--port", &port.to_string(), "--data-dir"])
        .arg(data)
        .arg("--dist")
        .arg(root().join("dist"))
        // The week-task and school-year tests live days and years by naming each request's instant.
        .arg("--test-clock")
        // The people-data test anonymises someone two (named) days after they left.
        .args(["--erase-after-days", "1"])
        .env("RUST_LOG", "warn")
        // A fresh database every run, whatever the developer's shell has set.
        .env_remove("DATABASE_URL")
        .env_remove("SPIRE_NO_DEMO")
        .env_remove("SPIRE_DEMO")
        .env_remove("SPIRE_PORT")
        .env_remove("SPIRE_DATA_DIR")
        .env_remove("SPIRE_DIST")
        .stdout(Stdio::null());
    if demo {
        cmd.arg("--demo");
    }
    if let Some(issuer_port) = issuer_port {
        cmd.env(
            "SPIRE_OIDC_ISSUER",
            format!("http://127.0.0.1:{issuer_port}"),
        )
        .env("SPIRE_OIDC_CLIENT_ID", "spire-test")
        .env("SPIRE_OIDC_CLIENT_SECRET", "test-secret");
    }
    cmd.spawn()
        .map_err(|e| format!("cannot start the server: {e}"))
}

/// Starts the (already built, debug) server on a free port with a fresh demo database, and a
/// second one for a school made from nothing, and runs Playwright against them.
/// The Chromium suite, then the WebKit pass, against one server: their counts in that order.
pub fn run_end_to_end() -> Result<(Counts, Counts)> {
    let port = free_port()?;
    let data = std::env::temp_dir().join(format!("spire-e2e-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    // Teachers choose Fælles Mål goals in the planning tests: import the real transcription.
    run_cmd(
        // The demo school goes in with the database's first start, so the server's start below
        // finds an existing school (it never seeds a database that existed before it started).
        Command::new(root().join("target/debug/spire"))
            .arg("--demo")
            .arg("--import-framework")
            .arg(faelles_maal_file()?)
            .arg("--data-dir")
            .arg(&data)
            .env_remove("DATABASE_URL")
            .stdout(Stdio::null()),
    )?;
    let issuer_port = free_port()?;
    let mut issuer = start_issuer(issuer_port)?;
    if let Err(e) = wait_until_ready(issuer_port, &mut issuer, "the development issuer") {
        let _ = issuer.kill();
        return Err(e);
    }
    let mut server = start_server(port, &data, true, None)?;
    let new_port = free_port()?;
    let new_data = data.with_extension("new-school");
    let _ = std::fs::remove_dir_all(&new_data);
    let (leader, password) = init_new_school(&new_data)?;
    let mut new_server = start_server(new_port, &new_data, false, Some(issuer_port))?;
    let result = wait_until_ready(port, &mut server, "the server")
        .and_then(|()| wait_until_ready(new_port, &mut new_server, "the new school's server"))
        .and_then(|()| {
            let report = root().join("end2end/test-results/results.json");
            let _ = std::fs::remove_file(&report);
            let status = Command::new("npx")
                .args(["playwright", "test"])
                .current_dir(root().join("end2end"))
                .env("BASE_URL", format!("http://127.0.0.1:{port}"))
                .env("NEW_SCHOOL_URL", format!("http://127.0.0.1:{new_port}"))
                .env("NEW_SCHOOL_LEADER", &leader)
                .env("NEW_SCHOOL_PASSWORD", &password)
                .env("NEW_SCHOOL_INSTITUTION", DEV_INSTITUTION)
                .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report)
                .status()
                .map_err(|e| format!("cannot start playwright: {e}"))?;
            let counts = playwright_counts(&report)?;
            if !status.success() && counts.failed == 0 {
                return Err(format!(
                    "playwright failed ({status}) without reporting a failed test"
                ));
            }
            let webkit = run_webkit_pass(port)?;
            Ok((counts, webkit))
        });
    for child in [&mut server, &mut new_server, &mut issuer] {
        let _ = child.kill();
        let _ = child.wait();
    }
    let _ = std::fs::remove_dir_all(&data);
    let _ = std::fs::remove_dir_all(&new_data);
    result
}

/// The pupils' flows and a parent's week in WebKit (end2end/webkit/run.mjs), on the same server.
fn run_webkit_pass(port: u16) -> Result<Counts> {
    let report = root().join("end2end/test-results/webkit.json");
    let _ = std::fs::remove_file(&report);
    let status = Command::new("node")
        .arg("webkit/run.mjs")
        .current_dir(root().join("end2end"))
        .env("BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("WEBKIT_REPORT", &report)
        .status()
        .map_err(|e| format!("cannot start the WebKit pass: {e}"))?;
    let text = std::fs::read_to_string(&report)
        .map_err(|e| format!("the WebKit pass ({status}) left no report: {e}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("WebKit report: {e}"))?;
    Ok(Counts {
        passed: json["passed"].as_u64().unwrap_or(0),
        failed: json["failed"].as_u64().unwrap_or(0),
        ..Counts::default()
    })
}

fn playwright_counts(report: &std::path::Path) -> Result<Counts> {
    let text = std::fs::read_to_string(report)
        .map_err(|e| format!("no Playwright report at {}: {e}", report.display()))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("Playwright report: {e}"))?;
    let stat = |k: &str| json["stats"][k].as_u64().unwrap_or(0);
    Ok(Counts {
        passed: stat("expected") + stat("flaky"),
        failed: stat("unexpected"),
        ..Counts::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_test_summaries_are_counted() {
        let line =
            "ok. 12 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.52s";
        assert_eq!(number_before(line, " passed"), 12);
        assert_eq!(number_before(line, " failed"), 1);
    }
}
