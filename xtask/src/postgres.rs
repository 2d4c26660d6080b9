//! A throwaway PostgreSQL cluster for the tests: private data directory, 127.0.0.1 only, a free
//! port, no fsync; stopped and removed when dropped. No systemd needed.

use crate::Result;
use crate::tools::{is_root, postgres_bin_dir};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Throwaway {
    pub url: String,
    dir: PathBuf,
    bin: PathBuf,
}

fn as_postgres_user(bin: &Path, tool: &str) -> Command {
    if is_root() {
        // PostgreSQL refuses to run as root.
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(bin.join(tool));
        cmd
    } else {
        Command::new(bin.join(tool))
    }
}

impl Throwaway {
    /// For the tests: no fsync, since a test's data need not survive the machine.
    pub fn start() -> Result<Self> {
        Self::start_with("-c fsync=off")
    }

    /// For the benchmarks: commits reach the disk, as SQLite's `synchronous=FULL` does, so the
    /// two are compared on the same terms.
    pub fn start_durable() -> Result<Self> {
        Self::start_with("-c fsync=on -c shared_buffers=1GB")
    }

    fn start_with(settings: &str) -> Result<Self> {
        let bin =
            postgres_bin_dir().ok_or("PostgreSQL is not installed (apt-get install postgresql)")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| e.to_string())?;
        // As root the cluster runs as `postgres`, which must be able to reach the directory: /tmp
        // is world-traversable where $TMPDIR may not be.
        let base = if is_root() {
            PathBuf::from("/tmp")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("spire-pg-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        if is_root() {
            crate::run_cmd(
                Command::new("chown")
                    .args(["-R", "postgres:postgres"])
                    .arg(&dir),
            )?;
        }
        let data = dir.join("data");
        crate::run_cmd(
            as_postgres_user(&bin, "initdb")
                .arg("-D")
                .arg(&data)
                .args(["-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"])
                .current_dir(&dir)
                .stdout(Stdio::null()),
        )?;
        let opts = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} {settings} -c max_connections=200",
            dir.display()
        );
        crate::run_cmd(
            as_postgres_user(&bin, "pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(dir.join("log"))
                .args(["-w", "-o", &opts, "start"])
                .current_dir(&dir)
                .stdout(Stdio::null()),
        )?;
        println!(
            "    PostgreSQL ({}) ready on 127.0.0.1:{port}",
            bin.display()
        );
        Ok(Self {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            dir,
            bin,
        })
    }
}

impl Drop for Throwaway {
    fn drop(&mut self) {
        let _ = as_postgres_user(&self.bin, "pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "fast", "-w", "stop"])
            .stdout(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
