//! `spire-bench load`: the release server on 127.0.0.1 against the generated municipality, driven
//! by an open-loop generator.
//!
//! Open loop: call *i* is due at `start + i / rate` whether or not earlier calls have come back,
//! and its latency is counted from when it was due, so a slow server shows up as latency instead
//! of quietly lowering the offered rate (coordinated omission). The generator shares the machine's
//! cores with the server, so every figure here is a lower bound for the server alone.

use crate::Args;
use backend::demo::municipality::BenchSessions;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// Calls in the air at once before the generator itself gives up on a call (counted as "not
/// sent"): past this the machine is measuring the generator, not the server.
const MAX_OUTSTANDING: usize = 4_096;
/// Share of writes in the mix (issue 8: 10 %).
const WRITE_SHARE: f64 = 0.10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Call {
    Static,
    PupilToday,
    ParentWeek,
    ParentPlan,
    TeacherYearPlan,
    TeacherGrid,
    SelfEvaluate,
    TaskDone,
}

impl Call {
    fn is_write(self) -> bool {
        matches!(self, Call::SelfEvaluate | Call::TaskDone)
    }

    fn name(self) -> &'static str {
        match self {
            Call::Static => "GET /version (ceiling)",
            Call::PupilToday => "pupil: I dag",
            Call::ParentWeek => "parent: the child's week",
            Call::ParentPlan => "parent: samlet elevplan",
            Call::TeacherYearPlan => "teacher: årsplan",
            Call::TeacherGrid => "teacher: evaluation grid",
            Call::SelfEvaluate => "pupil: self-evaluation (write)",
            Call::TaskDone => "pupil: task done (write)",
        }
    }
}

/// One request, ready to send.
struct Prepared {
    call: Call,
    path: String,
    token: Option<String>,
    body: Option<(&'static str, String)>,
}

/// Picks calls in the read mix: the pupil's day, the parent's week and plan, the teacher's
/// årsplan and grid; and, with `write_share`, a pupil's self-evaluation or task done.
struct Mix {
    sessions: BenchSessions,
    rng: StdRng,
    write_share: f64,
}

impl Mix {
    fn next(&mut self) -> Prepared {
        if self.rng.random_bool(self.write_share) {
            return self.write();
        }
        let roll = self.rng.random_range(0..100);
        let s = &self.sessions;
        match roll {
            0..40 => {
                let p = &s.pupils[self.rng.random_range(0..s.pupils.len())];
                form(Call::PupilToday, "today", &p.token, String::new())
            }
            40..60 => {
                let p = &s.parents[self.rng.random_range(0..s.parents.len())];
                let child = p.children[0];
                form(
                    Call::ParentWeek,
                    "child_week",
                    &p.token,
                    format!("pupil_id={child}"),
                )
            }
            60..70 => {
                let p = &s.parents[self.rng.random_range(0..s.parents.len())];
                let child = p.children[0];
                form(
                    Call::ParentPlan,
                    "collected_plan",
                    &p.token,
                    format!("pupil_id={child}"),
                )
            }
            70..85 => {
                let t = &s.teachers[self.rng.random_range(0..s.teachers.len())];
                let plan = t.year_plans[self.rng.random_range(0..t.year_plans.len())];
                form(
                    Call::TeacherYearPlan,
                    "year_plan",
                    &t.token,
                    format!("year_plan_id={plan}"),
                )
            }
            _ => {
                let t = &s.teachers[self.rng.random_range(0..s.teachers.len())];
                let unit = t.units[self.rng.random_range(0..t.units.len())];
                form(
                    Call::TeacherGrid,
                    "evaluation_grid",
                    &t.token,
                    format!("unit_id={unit}"),
                )
            }
        }
    }

    fn write(&mut self) -> Prepared {
        let s = &self.sessions;
        let p = &s.pupils[self.rng.random_range(0..s.pupils.len())];
        if self.rng.random_bool(0.5) && !p.goals.is_empty() {
            let (goal, steps) = p.goals[self.rng.random_range(0..p.goals.len())];
            let step = self.rng.random_range(0..i64::from(steps.max(1)));
            json(
                Call::SelfEvaluate,
                "self_evaluate",
                &p.token,
                format!(r#"{{"goal_id":{goal},"step":{step},"comment":""}}"#),
            )
        } else {
            let task = p.tasks[self.rng.random_range(0..p.tasks.len())];
            let done = self.rng.random_bool(0.5);
            json(
                Call::TaskDone,
                "task_done",
                &p.token,
                format!(r#"{{"task_id":{task},"done":{done}}}"#),
            )
        }
    }
}

fn form(call: Call, endpoint: &str, token: &str, body: String) -> Prepared {
    Prepared {
        call,
        path: format!("/api/{endpoint}"),
        token: Some(token.to_owned()),
        body: Some(("application/x-www-form-urlencoded", body)),
    }
}

fn json(call: Call, endpoint: &str, token: &str, body: String) -> Prepared {
    Prepared {
        call,
        path: format!("/api/{endpoint}"),
        token: Some(token.to_owned()),
        body: Some(("application/json", body)),
    }
}

fn static_call() -> Prepared {
    Prepared {
        call: Call::Static,
        path: "/version".into(),
        token: None,
        body: None,
    }
}

/// What happened to one call.
struct Outcome {
    call: Call,
    status: u16,
    retry_after: bool,
    latency: Duration,
}

async fn send(client: &reqwest::Client, base: &str, p: Prepared, due: Instant) -> Outcome {
    let url = format!("{base}{}", p.path);
    let mut req = match &p.body {
        Some(_) => client.post(&url),
        None => client.get(&url),
    };
    // As a browser asks: the server compresses each answer (brotli, quality 1), and that work is
    // part of what is measured. The bytes are read, not decoded.
    req = req.header("accept-encoding", "br, gzip");
    if let Some(token) = &p.token {
        req = req.header("cookie", format!("spire_session={token}"));
    }
    if let Some((content_type, body)) = p.body {
        req = req.header("content-type", content_type).body(body);
    }
    let (status, retry_after) = match req.send().await {
        Ok(resp) => {
            let status = resp.status().as_u16();
            let retry_after = resp.headers().contains_key("retry-after");
            // Read the whole body: the call is not done for a browser until it is.
            let _ = resp.bytes().await;
            (status, retry_after)
        }
        Err(_) => (0, false),
    };
    Outcome {
        call: p.call,
        status,
        retry_after,
        latency: due.elapsed(),
    }
}

/// The servers calls go to, in turn: one, or several processes sharing one database.
#[derive(Clone)]
struct Targets {
    bases: Arc<Vec<String>>,
    turn: Arc<std::sync::atomic::AtomicUsize>,
}

impl Targets {
    fn new(bases: Vec<String>) -> Self {
        Self {
            bases: Arc::new(bases),
            turn: Arc::default(),
        }
    }

    /// The next server, round-robin.
    fn next(&self) -> String {
        let n = self.turn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.bases[n % self.bases.len()].clone()
    }
}

/// Offers `rate` calls per second for `seconds`, open loop.
async fn open_loop(
    client: &reqwest::Client,
    targets: &Targets,
    rate: u32,
    seconds: u64,
    mut next: impl FnMut() -> Prepared,
) -> Step {
    let total = u64::from(rate) * seconds;
    let (tx, mut rx) = mpsc::unbounded_channel::<Outcome>();
    let outstanding = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let start = Instant::now();
    let mut not_sent = 0u64;
    let mut i = 0u64;
    while i < total {
        // Everything due by now goes out; then sleep to the next due time. The timer's
        // millisecond grain sends calls in small bursts, as real clients do.
        let now = Instant::now();
        while i < total {
            let due = start + Duration::from_secs_f64(i as f64 / f64::from(rate));
            if due > now {
                break;
            }
            i += 1;
            if outstanding.load(std::sync::atomic::Ordering::Relaxed) >= MAX_OUTSTANDING {
                not_sent += 1;
                continue;
            }
            outstanding.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let (client, base, tx, outstanding) = (
                client.clone(),
                targets.next(),
                tx.clone(),
                outstanding.clone(),
            );
            let prepared = next();
            tokio::spawn(async move {
                let outcome = send(&client, &base, prepared, due).await;
                outstanding.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
                let _ = tx.send(outcome);
            });
        }
        if i < total {
            let due = start + Duration::from_secs_f64(i as f64 / f64::from(rate));
            tokio::time::sleep_until(due.into()).await;
        }
    }
    drop(tx);
    let mut outcomes = Vec::with_capacity(total as usize);
    while let Some(o) = rx.recv().await {
        outcomes.push(o);
    }
    Step {
        offered: rate,
        elapsed: start.elapsed(),
        seconds,
        outcomes,
        not_sent,
    }
}

/// Keeps `connections` calls in flight for `seconds`: the most the server can do (closed loop).
async fn saturate(
    client: &reqwest::Client,
    targets: &Targets,
    connections: usize,
    seconds: u64,
    next: impl FnMut() -> Prepared + Send + 'static,
) -> Step {
    let next = Arc::new(std::sync::Mutex::new(next));
    let (tx, mut rx) = mpsc::unbounded_channel::<Outcome>();
    let start = Instant::now();
    let end = start + Duration::from_secs(seconds);
    for _ in 0..connections {
        let (client, targets, tx, next) =
            (client.clone(), targets.clone(), tx.clone(), next.clone());
        tokio::spawn(async move {
            while Instant::now() < end {
                let prepared = match next.lock() {
                    Ok(mut n) => n(),
                    Err(_) => return,
                };
                let outcome = send(&client, &targets.next(), prepared, Instant::now()).await;
                if tx.send(outcome).is_err() {
                    return;
                }
            }
        });
    }
    drop(tx);
    let mut outcomes = Vec::new();
    while let Some(o) = rx.recv().await {
        outcomes.push(o);
    }
    Step {
        offered: 0,
        elapsed: start.elapsed(),
        seconds,
        outcomes,
        not_sent: 0,
    }
}

struct Step {
    offered: u32,
    elapsed: Duration,
    seconds: u64,
    outcomes: Vec<Outcome>,
    not_sent: u64,
}

#[derive(Default, Clone, Copy)]
struct Summary {
    ok: u64,
    shed: u64,
    shed_with_retry_after: u64,
    errors: u64,
    per_sec: f64,
    p50_ms: f64,
    p99_ms: f64,
}

impl Step {
    /// Successful calls per second, and latency of the successful ones, for calls `which` picks.
    fn summary(&self, which: impl Fn(Call) -> bool) -> Summary {
        let mut lat: Vec<Duration> = Vec::new();
        let mut s = Summary::default();
        for o in self.outcomes.iter().filter(|o| which(o.call)) {
            match o.status {
                200..=299 => {
                    s.ok += 1;
                    lat.push(o.latency);
                }
                503 => {
                    s.shed += 1;
                    if o.retry_after {
                        s.shed_with_retry_after += 1;
                    }
                }
                _ => s.errors += 1,
            }
        }
        lat.sort_unstable();
        let pct = |p: f64| {
            if lat.is_empty() {
                return 0.0;
            }
            let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
            lat[i].as_secs_f64() * 1000.0
        };
        // Throughput over the step's planned length: calls that finish late still count, but
        // the time they took is in the latency.
        let secs = self.elapsed.as_secs_f64().max(self.seconds as f64);
        s.per_sec = s.ok as f64 / secs;
        s.p50_ms = pct(0.50);
        s.p99_ms = pct(0.99);
        s
    }

    fn errors_by_call(&self) -> Vec<(Call, u16, u64)> {
        let mut counts: std::collections::BTreeMap<(Call, u16), u64> = Default::default();
        for o in &self.outcomes {
            if !(200..=299).contains(&o.status) && o.status != 503 {
                *counts.entry((o.call, o.status)).or_default() += 1;
            }
        }
        counts.into_iter().map(|((c, s), n)| (c, s, n)).collect()
    }
}

struct Server {
    child: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// A copy of the generated SQLite data for one run, next to it (`<data-dir>.run`), replaced each
/// time: every run writes (self-evaluations, *Jeg er færdig*, audit lines, some 135,000 of them in
/// a `--short` run), so measuring on the generated files themselves made each run start from a
/// larger database than the last (501 MB grew to 807 MB over a day's runs) and the figures drift.
/// On PostgreSQL (`DATABASE_URL`) the data is the server's, and `cargo xtask bench` generates it
/// afresh each time.
fn working_copy(args: &Args) -> Result<PathBuf, String> {
    if args.on_postgres() {
        return Ok(args.data_dir.clone());
    }
    let copy = args.data_dir.with_extension("run");
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    for name in ["spire.db", "spire.db-wal", "secret.key"] {
        let from = args.data_dir.join(name);
        if from.is_file() {
            std::fs::copy(&from, copy.join(name))
                .map_err(|e| format!("copying {}: {e}", from.display()))?;
        }
    }
    Ok(copy)
}

async fn start_server(
    args: &Args,
    data_dir: &Path,
    port: u16,
    env: &[(&str, &str)],
) -> Result<Server, String> {
    // Pinned to the given cores (`taskset` execs the server, so the child is the server itself),
    // so the read mix can be measured on one core and on two.
    let mut cmd = match &args.server_cpus {
        Some(cpus) => {
            let mut c = Command::new("taskset");
            c.args(["-c", cpus]).arg(&args.server);
            c
        }
        None => Command::new(&args.server),
    };
    cmd.envs(env.iter().copied());
    cmd.args([
        "--host",
        "127.0.0.1",
        "--port",
        &port.to_string(),
        "--no-demo",
    ])
    .arg("--data-dir")
    .arg(data_dir)
    .arg("--dist")
    .arg(&args.dist)
    .env("RUST_LOG", "warn")
    .stdout(Stdio::null());
    if let Some(n) = args.max_in_flight {
        cmd.args(["--max-in-flight", &n.to_string()]);
    }
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", args.server.display()))?;
    let server = Server { child };
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/health");
    for _ in 0..600 {
        if let Ok(r) = client.get(&url).send().await
            && r.status().is_success()
        {
            return Ok(server);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the server did not answer /health within 60 s".into())
}

/// What durability and the audit trail cost writes: the same server started three times on the
/// same data, with `synchronous=NORMAL` and no trail (as before issue 19), with `FULL` and no
/// trail, and as it ships (`FULL` and the trail). The knobs exist only in this benchmark's build
/// (`backend` with `municipality`). Writes only, then the 90/10 mix, each at capacity.
async fn durability<F, M>(
    args: &Args,
    client: &reqwest::Client,
    mix: &M,
    secs: u64,
) -> Result<(), String>
where
    F: FnMut() -> Prepared + Send + 'static,
    M: Fn(u64, f64) -> F,
{
    println!("\n## Durability and the audit trail: writes ({secs} s per step, server restarted)\n");
    println!(
        "| server | writes only, 64 in flight: ok/s | p99 ms | 90/10 mix: writes/s | reads/s | vs. as shipped (writes only) |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    let configs: [(&str, &[(&str, &str)]); 3] = [
        (
            "synchronous=NORMAL, no trail (before)",
            &[
                ("SPIRE_BENCH_SYNCHRONOUS", "normal"),
                ("SPIRE_BENCH_NO_AUDIT", "1"),
            ],
        ),
        (
            "synchronous=FULL, no trail",
            &[("SPIRE_BENCH_NO_AUDIT", "1")],
        ),
        ("synchronous=FULL with the trail (as shipped)", &[]),
    ];
    let mut measured = Vec::new();
    for (n, (label, env)) in configs.iter().enumerate() {
        let port = free_port()?;
        // Each configuration starts from the generated data, not from the last one's writes.
        let _server = start_server(args, &working_copy(args)?, port, env).await?;
        let base = Targets::new(vec![format!("http://127.0.0.1:{port}")]);
        saturate(client, &base, 32, 3, mix(200 + n as u64, 0.0)).await;
        let only = saturate(client, &base, 64, secs, mix(210 + n as u64, 1.0))
            .await
            .summary(|c| c.is_write());
        let mixed = saturate(client, &base, 64, secs, mix(220 + n as u64, WRITE_SHARE)).await;
        let (w, r) = (
            mixed.summary(|c| c.is_write()),
            mixed.summary(|c| c != Call::Static && !c.is_write()),
        );
        measured.push((label, only, w, r));
    }
    let shipped = measured.last().map_or(1.0, |m| m.1.per_sec.max(1.0));
    for (label, only, w, r) in measured {
        println!(
            "| {label} | {:.0} | {:.1} | {:.0} | {:.0} | {:.2}× |",
            only.per_sec,
            only.p99_ms,
            w.per_sec,
            r.per_sec,
            only.per_sec / shipped
        );
    }
    Ok(())
}

fn row(label: &str, offered: &str, s: &Summary, extra: &str) {
    println!(
        "| {label} | {offered} | {:.0} | {:.1} | {:.1} | {} | {} | {extra} |",
        s.per_sec, s.p50_ms, s.p99_ms, s.shed, s.errors
    );
}

pub async fn run(args: &Args) -> Result<(), String> {
    let sessions: BenchSessions =
        serde_json::from_str(&std::fs::read_to_string(args.sessions_file()).map_err(|e| {
            format!(
                "{}: {e} (run `generate` first)",
                args.sessions_file().display()
            )
        })?)
        .map_err(|e| e.to_string())?;
    if sessions.pupils.is_empty() || sessions.parents.is_empty() || sessions.teachers.is_empty() {
        return Err("the generated data has no sessions for pupils, parents or teachers".into());
    }
    let mut servers = Vec::new();
    let mut bases = Vec::new();
    let data_dir = working_copy(args)?;
    for _ in 0..args.servers {
        let port = free_port()?;
        servers.push(start_server(args, &data_dir, port, &[]).await?);
        bases.push(format!("http://127.0.0.1:{port}"));
    }
    let base = Targets::new(bases);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(MAX_OUTSTANDING)
        .tcp_nodelay(true)
        .build()
        .map_err(|e| e.to_string())?;
    let mix = |seed: u64, write_share: f64| {
        let mut m = Mix {
            sessions: sessions.clone(),
            rng: StdRng::seed_from_u64(seed),
            write_share,
        };
        move || m.next()
    };
    let secs = args.seconds;
    let reads = |c: Call| c != Call::Static && !c.is_write();
    let writes = |c: Call| c.is_write();
    let all = |_: Call| true;

    eprintln!("warming up (5 s of the read mix)…");
    saturate(&client, &base, 32, 5, mix(1, 0.0)).await;

    let postgres = args.on_postgres();
    let database = if postgres { "PostgreSQL" } else { "SQLite" };
    let pinned = args
        .server_cpus
        .as_deref()
        .map_or(String::new(), |c| format!(", pinned to CPU {c}"));
    println!(
        "\n## Load benchmark: {database}, {} server process(es){pinned} ({secs} s per step)\n",
        args.servers
    );
    println!("| step | offered/s | ok/s | p50 ms | p99 ms | 503 | errors | notes |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    let ceiling = saturate(&client, &base, 64, secs, static_call).await;
    let ceiling_s = ceiling.summary(all);
    row("ceiling: static JSON, 64 in flight", "max", &ceiling_s, "");

    let read_cap = saturate(&client, &base, 64, secs, mix(2, 0.0)).await;
    let read_cap_s = read_cap.summary(all);
    row(
        "read mix, 64 in flight (capacity)",
        "max",
        &read_cap_s,
        &format!(
            "{:.0} % of the ceiling",
            100.0 * read_cap_s.per_sec / ceiling_s.per_sec.max(1.0)
        ),
    );
    let mixed_cap = saturate(&client, &base, 64, secs, mix(3, WRITE_SHARE)).await;
    let mixed_cap_w = mixed_cap.summary(writes);
    row(
        "90/10 mix, 64 in flight: reads",
        "max",
        &mixed_cap.summary(reads),
        "",
    );
    row("90/10 mix, 64 in flight: writes", "max", &mixed_cap_w, "");

    let mut errors = Vec::new();
    for (n, &rate) in args.rates.iter().enumerate() {
        let step = open_loop(&client, &base, rate, secs, mix(10 + n as u64, WRITE_SHARE)).await;
        let r = step.summary(reads);
        let w = step.summary(writes);
        let note = if step.not_sent > 0 {
            format!("{} not sent (generator limit)", step.not_sent)
        } else {
            String::new()
        };
        row(
            &format!("open loop {rate}/s: reads"),
            &format!("{:.0}", f64::from(step.offered) * (1.0 - WRITE_SHARE)),
            &r,
            &note,
        );
        row(
            &format!("open loop {rate}/s: writes"),
            &format!("{:.0}", f64::from(step.offered) * WRITE_SHARE),
            &w,
            "",
        );
        errors.extend(step.errors_by_call());
    }

    if args.short {
        drop(servers);
    } else {
        // Above capacity: twice what the server managed closed-loop.
        let over = ((read_cap_s.per_sec * 2.0) as u32).max(1000);
        let step = open_loop(&client, &base, over, secs, mix(99, WRITE_SHARE)).await;
        let s = step.summary(all);
        row(
            &format!("overload {over}/s (2× capacity): all"),
            &over.to_string(),
            &s,
            &format!(
                "{} of {} shed with Retry-After; {} not sent",
                s.shed_with_retry_after, s.shed, step.not_sent
            ),
        );
        errors.extend(step.errors_by_call());
        // And after: the server is back to normal at once.
        let after = open_loop(&client, &base, 500, secs.min(5), mix(100, WRITE_SHARE)).await;
        row("after the overload, 500/s", "500", &after.summary(all), "");
        errors.extend(after.errors_by_call());

        drop(servers);
        // The durability knobs are SQLite's.
        if !postgres {
            durability(args, &client, &mix, secs).await?;
        }
    }

    println!(
        "\nCeiling (static JSON, same server, same run): {:.0} req/s.",
        ceiling_s.per_sec
    );
    println!(
        "Read-mix capacity: {:.0} req/s = {:.2}× the ceiling.",
        read_cap_s.per_sec,
        read_cap_s.per_sec / ceiling_s.per_sec.max(1.0)
    );
    if errors.is_empty() {
        println!("No call failed other than by shedding (503).");
    } else {
        println!("\nFailed calls (not 2xx, not 503):");
        for (call, status, n) in errors {
            println!("- {}: {n} × HTTP {status}", call.name());
        }
    }
    Ok(())
}
