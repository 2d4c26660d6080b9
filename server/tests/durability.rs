//! The real server process and its SQLite file, as an operator meets them: killed with SIGKILL
//! while pupils' work arrives, during its first start and during an upgrade, and backed up while
//! it takes writes. Every write the server acknowledged is there afterwards, and the file passes
//! SQLite's integrity check.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SPIRE: &str = env!("CARGO_BIN_EXE_spire");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(data: &Path, demo: bool) -> Server {
        let port = free_port();
        let mut cmd = Command::new(SPIRE);
        cmd.args(["--port", &port.to_string(), "--data-dir"])
            .arg(data)
            .arg("--dist")
            .arg(data.join("no-client"))
            .env("RUST_LOG", "error")
            .env_remove("DATABASE_URL")
            .env_remove("SPIRE_DEMO")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if demo {
            cmd.arg("--demo");
        }
        Server {
            child: cmd.spawn().unwrap(),
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Waits until the server answers, or panics when it exits or takes too long.
    async fn ready(&mut self, http: &reqwest::Client) {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("the server exited at start: {status}");
            }
            if let Ok(res) = http.get(format!("{}/health", self.base)).send().await
                && res.status().is_success()
            {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not start"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGKILL: no shutdown, no flush, as a crash or a power cut would stop it.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

/// A test that fails halfway leaves no server behind.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn sign_in(http: &reqwest::Client, base: &str, user: &str) -> String {
    let res = http
        .post(format!("{base}/api/sign_in"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "username={user}&password={}",
            backend::demo::DEMO_PASSWORD
        ))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{user} signs in");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    cookie.split(';').next().unwrap().to_owned()
}

/// One of Ida's pieces of work, by its text: `Ok(true)` when the server acknowledged it.
async fn add_work(http: &reqwest::Client, base: &str, cookie: &str, text: &str) -> bool {
    let body = serde_json::json!({ "upload": {
        "client_key": text, "kind": "text", "task_id": null, "goal_id": null,
        "text": text, "content_type": null, "data_base64": null,
    }});
    match http
        .post(format!("{base}/api/add_work"))
        .header("content-type", "application/json")
        .header("cookie", cookie)
        .body(body.to_string())
        .send()
        .await
    {
        Ok(res) => res.status().is_success(),
        Err(_) => false,
    }
}

async fn stored_texts(http: &reqwest::Client, base: &str, cookie: &str) -> BTreeSet<String> {
    let res = http
        .post(format!("{base}/api/my_work"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    let items: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_owned())
        .collect()
}

/// Four devices sending work one piece after another until `stop`; what the server acknowledged
/// is added to `acknowledged` the moment it answers.
fn writers(
    http: &reqwest::Client,
    base: &str,
    cookie: &str,
    prefix: &str,
    acknowledged: &Arc<Mutex<BTreeSet<String>>>,
    stop: &Arc<std::sync::atomic::AtomicBool>,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..4)
        .map(|device| {
            let (http, base, cookie) = (http.clone(), base.to_owned(), cookie.to_owned());
            let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
            let prefix = format!("{prefix}-{device}");
            tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let text = format!("{prefix}-{n:05}");
                    if add_work(&http, &base, &cookie, &text).await {
                        acknowledged.lock().unwrap().insert(text);
                    } else {
                        tokio::time::sleep(Duration::from_millis(5)).await;
                    }
                    n += 1;
                }
            })
        })
        .collect()
}

async fn integrity(file: &Path) -> String {
    let db = backend::db::connect(&format!("sqlite://{}?mode=rw", file.display()))
        .await
        .unwrap();
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await
        .unwrap()
        .unwrap();
    let result: String = row.try_get_by_index(0).unwrap();
    db.close().await.unwrap();
    result
}

fn spire(args: &[&str], data: &Path) -> std::process::Output {
    Command::new(SPIRE)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_write_survives_sigkill_and_the_file_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let http = reqwest::Client::new();
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    for round in 0..8u64 {
        let mut server = Server::start(&data, true);
        server.ready(&http).await;
        let cookie = sign_in(&http, &server.base, "ida").await;
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let tasks = writers(
            &http,
            &server.base,
            &cookie,
            &format!("kill{round}"),
            &acknowledged,
            &stop,
        );
        // Killed at a different moment of the writes each round.
        tokio::time::sleep(Duration::from_millis(150 + round * 70)).await;
        server.kill();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for t in tasks {
            t.await.unwrap();
        }
    }
    let mut server = Server::start(&data, true);
    server.ready(&http).await;
    let cookie = sign_in(&http, &server.base, "ida").await;
    let stored = stored_texts(&http, &server.base, &cookie).await;
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() > 40,
        "writes were made: {}",
        acknowledged.len()
    );
    let lost: Vec<_> = acknowledged.difference(&stored).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    server.kill();
    assert_eq!(integrity(&data.join("spire.db")).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_first_start_or_an_upgrade_killed_halfway_starts_next_time_with_nothing_half_done() {
    let http = reqwest::Client::new();
    // First starts, killed at once and a little later: the next start has the whole demo school.
    for delay in [0u64, 20, 60, 120, 250] {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start(dir.path(), true);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        server.kill();
        let mut server = Server::start(dir.path(), true);
        server.ready(&http).await;
        sign_in(&http, &server.base, "ida").await;
        server.kill();
        assert_eq!(integrity(&dir.path().join("spire.db")).await, "ok");
    }
    // An upgrade from an older schema, killed at moments of its migrations.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spire.db");
    {
        use sea_orm_migration::MigratorTrait;
        let db = backend::db::connect(&format!("sqlite://{}?mode=rwc", file.display()))
            .await
            .unwrap();
        backend::migration::Migrator::up(&db, Some(20))
            .await
            .unwrap();
        db.close().await.unwrap();
    }
    for delay in [0u64, 10, 30, 60, 100] {
        let server = Server::start(dir.path(), false);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        server.kill();
        assert_eq!(integrity(&file).await, "ok");
    }
    let mut server = Server::start(dir.path(), false);
    server.ready(&http).await;
    server.kill();
    let db = backend::db::connect(&format!("sqlite://{}?mode=rw", file.display()))
        .await
        .unwrap();
    use sea_orm_migration::MigratorTrait;
    assert!(
        backend::migration::Migrator::get_pending_migrations(&db)
            .await
            .unwrap()
            .is_empty(),
        "the upgrade finished"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_work_arrives_restores_with_every_write_acknowledged_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("school");
    let http = reqwest::Client::new();
    let mut server = Server::start(&data, true);
    server.ready(&http).await;
    let cookie = sign_in(&http, &server.base, "ida").await;
    let acknowledged = Arc::new(Mutex::new(BTreeSet::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tasks = writers(&http, &server.base, &cookie, "backup", &acknowledged, &stop);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before: BTreeSet<String> = acknowledged.lock().unwrap().clone();
    let file = dir.path().join("spire-backup.db");
    let started = Instant::now();
    let out = spire(&["backup", file.to_str().unwrap()], &data);
    let took = started.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for t in tasks {
        t.await.unwrap();
    }
    let during = acknowledged.lock().unwrap().len() - before.len();
    println!(
        "backup of the demo school under {during} writes: {} ms, {} bytes",
        took.as_millis(),
        std::fs::metadata(&file).unwrap().len()
    );
    // A second backup to the same file is refused: a backup is never overwritten.
    assert!(
        !spire(&["backup", file.to_str().unwrap()], &data)
            .status
            .success()
    );
    // Restoring over the running school's database is refused without --force.
    let out = spire(&["restore", file.to_str().unwrap()], &data);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    server.kill();

    // Restored into a new place, the school has every piece acknowledged before the backup began.
    let elsewhere = dir.path().join("restored");
    let started = Instant::now();
    let out = spire(&["restore", file.to_str().unwrap()], &elsewhere);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("restore: {} ms", started.elapsed().as_millis());
    // Demo mode lets the demo school's people sign in; the restored database is not seeded again.
    let mut restored = Server::start(&elsewhere, true);
    restored.ready(&http).await;
    let cookie = sign_in(&http, &restored.base, "ida").await;
    let stored = stored_texts(&http, &restored.base, &cookie).await;
    assert!(before.len() > 10, "writes were made: {}", before.len());
    let lost: Vec<_> = before.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "acknowledged before the backup but lost: {lost:?}"
    );
    restored.kill();
    assert_eq!(integrity(&elsewhere.join("spire.db")).await, "ok");

    // Something that is not a Spire database is refused, and nothing is replaced.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database").unwrap();
    let out = spire(&["restore", junk.to_str().unwrap(), "--force"], &elsewhere);
    assert!(!out.status.success());
    assert_eq!(integrity(&elsewhere.join("spire.db")).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_finishes_its_call_cannot_keep_the_server_from_stopping() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let http = reqwest::Client::new();
    let mut server = Server::start(dir.path(), false);
    server.ready(&http).await;
    // A call whose body never comes, held open.
    let addr = server.base.trim_start_matches("http://").to_owned();
    let mut stalled = std::net::TcpStream::connect(&addr).unwrap();
    stalled
        .write_all(
            b"POST /api/sign_in HTTP/1.1\r\nHost: 127.0.0.1\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=",
        )
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let stopped_at = Instant::now();
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            stopped_at.elapsed() < Duration::from_secs(20),
            "still running 20 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let took = stopped_at.elapsed();
    assert!(status.success(), "{status}");
    // The drain deadline (10 s), not the stalled client (whose body may take 30 s), ended it.
    assert!(took < Duration::from_secs(15), "stopped after {took:?}");
    drop(stalled);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_answer_carries_a_request_id_that_its_json_log_line_names() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut child = Command::new(SPIRE)
        .args(["--port", &port.to_string(), "--data-dir"])
        .arg(dir.path())
        .arg("--dist")
        .arg(dir.path().join("no-client"))
        .env("RUST_LOG", "info")
        .env("SPIRE_LOG_FORMAT", "json")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    let started = Instant::now();
    let res = loop {
        if let Ok(res) = http.post(format!("{base}/api/home")).send().await {
            break res;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    // An error answer (nobody is signed in) names its request.
    assert_eq!(res.status(), reqwest::StatusCode::UNAUTHORIZED);
    let id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 16);
    tokio::time::sleep(Duration::from_millis(300)).await;
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let logs = String::from_utf8_lossy(&out.stdout);
    let line = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|l| l["span"]["request_id"] == id.as_str())
        .unwrap_or_else(|| panic!("no JSON log line names {id}:\n{logs}"));
    assert_eq!(line["fields"]["status"], 401);
    assert_eq!(line["span"]["path"], "/api/home");
}
