//! `spire-bench`: Spire's benchmarks. Run through `cargo xtask bench` (BENCHMARKS.md).
//!
//! - `generate` fills a database with a generated municipality and writes the minted sessions;
//! - `load` starts the release server against it and drives it with an open-loop load generator;
//! - `plans` shows the query plan of every statement the hot screens run.

mod generate;
mod load;
mod plans;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
spire-bench — Spire's benchmarks (see BENCHMARKS.md)

USAGE: spire-bench generate --data-dir DIR [--scale F] [--seed N] [--framework FILE]
       spire-bench load --data-dir DIR [--server PATH] [--dist DIR] [--seconds N] [--rates R,R,…]
                        [--max-in-flight N] [--servers N] [--server-cpus LIST] [--short]
       spire-bench plans --data-dir DIR

  --data-dir DIR   the SQLite database (DIR/spire.db) and the minted sessions
                   (DIR/bench-sessions.json); with DATABASE_URL set, the database is that one
  --scale F        fraction of a Copenhagen-size municipality (default 1: 60 schools)
  --seed N         the generator's seed (default 2026)
  --framework FILE import this goal framework first, so goals refer to it
  --server PATH    the server binary (default target/release/spire)
  --seconds N      length of each open-loop step (default 10)
  --rates R,R,…    offered calls per second, one step each (default 500,1000,2000,3000,5000)
  --servers N      start N server processes on the same database and send calls to each in
                   turn (default 1; several suit PostgreSQL)
  --server-cpus L  pin the servers to these CPUs with taskset (e.g. 0, or 0,1)
  --short          capacity and the open-loop steps only: no overload, no durability runs
";

pub(crate) struct Args {
    pub data_dir: PathBuf,
    pub scale: f64,
    pub seed: u64,
    pub framework: Option<PathBuf>,
    pub server: PathBuf,
    pub dist: PathBuf,
    pub seconds: u64,
    pub rates: Vec<u32>,
    pub max_in_flight: Option<usize>,
    pub servers: usize,
    pub server_cpus: Option<String>,
    pub short: bool,
}

impl Args {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut a = Args {
            data_dir: PathBuf::from("target/bench/municipality"),
            scale: 1.0,
            seed: 2026,
            framework: None,
            server: PathBuf::from("target/release/spire"),
            dist: PathBuf::from("dist"),
            seconds: 10,
            rates: vec![500, 1000, 2000, 3000, 5000],
            max_in_flight: None,
            servers: 1,
            server_cpus: None,
            short: false,
        };
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let mut value = || {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            let bad = |v: &str| format!("{flag}: not a valid value: {v}");
            match flag.as_str() {
                "--data-dir" => a.data_dir = PathBuf::from(value()?),
                "--scale" => {
                    let v = value()?;
                    a.scale = v.parse().ok().filter(|s| *s > 0.0).ok_or_else(|| bad(&v))?;
                }
                "--seed" => {
                    let v = value()?;
                    a.seed = v.parse().map_err(|_| bad(&v))?;
                }
                "--framework" => a.framework = Some(PathBuf::from(value()?)),
                "--server" => a.server = PathBuf::from(value()?),
                "--dist" => a.dist = PathBuf::from(value()?),
                "--seconds" => {
                    let v = value()?;
                    a.seconds = v.parse().ok().filter(|s| *s > 0).ok_or_else(|| bad(&v))?;
                }
                "--rates" => {
                    let v = value()?;
                    a.rates = v
                        .split(',')
                        .map(|r| r.trim().parse().ok().filter(|r| *r > 0))
                        .collect::<Option<Vec<u32>>>()
                        .ok_or_else(|| bad(&v))?;
                }
                "--max-in-flight" => {
                    let v = value()?;
                    a.max_in_flight = Some(v.parse().map_err(|_| bad(&v))?);
                }
                "--servers" => {
                    let v = value()?;
                    a.servers = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| bad(&v))?;
                }
                "--server-cpus" => a.server_cpus = Some(value()?),
                "--short" => a.short = true,
                other => return Err(format!("unknown argument: {other}")),
            }
        }
        Ok(a)
    }

    /// `DATABASE_URL` when set, else the SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        std::env::var("DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| {
                format!(
                    "sqlite://{}?mode=rwc",
                    self.data_dir.join("spire.db").display()
                )
            })
    }

    /// Whether `DATABASE_URL` names PostgreSQL rather than the data directory's SQLite file.
    pub fn on_postgres(&self) -> bool {
        self.database_url().starts_with("postgres")
    }

    pub fn sessions_file(&self) -> PathBuf {
        self.data_dir.join("bench-sessions.json")
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let parsed = match Args::parse(rest) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command.as_str() {
        "generate" => generate::run(&parsed).await,
        "load" => load::run(&parsed).await,
        "plans" => plans::run(&parsed).await,
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("spire-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
