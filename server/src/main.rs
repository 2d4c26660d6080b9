//! `spire`: starts the server. See `spire --help`.

use server::config::Config;
use std::process::ExitCode;

// glibc's allocator took a fifth of a read call's time under load (malloc, free and the
// consolidation and unmapping behind them); mimalloc's per-thread heaps were measured faster
// (BENCHMARKS.md §3, "What the profile found next").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm_migration=warn")
    });
    // JSON lines for a log collector (each with its request's id), unless a person is reading
    // the terminal; `SPIRE_LOG_FORMAT=json|text` decides otherwise.
    let json = match std::env::var("SPIRE_LOG_FORMAT").as_deref() {
        Ok("json") => true,
        Ok("text") => false,
        _ => !std::io::IsTerminal::is_terminal(&std::io::stdout()),
    };
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        logs.json()
            .with_current_span(true)
            .with_span_list(false)
            .init();
    } else {
        logs.init();
    }
    let config =
        match Config::from_args_and_env(std::env::args().skip(1), |k| std::env::var(k).ok()) {
            Ok(config) => config,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("spire: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), String> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir).map_err(|e| {
            format!(
                "cannot create data directory {}: {e}",
                config.data_dir.display()
            )
        })?;
    }
    if let Some(restore) = &config.restore {
        let started = std::time::Instant::now();
        backend::backup::restore(&config.database_url, &restore.from, restore.force).await?;
        println!(
            "Restored {} in {:.1} s. Start Spire to use it (pending migrations are applied then).",
            restore.from.display(),
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    if let Some(to) = &config.backup {
        let started = std::time::Instant::now();
        // The schema is the running server's: a backup never migrates.
        let db = backend::db::connect(&config.database_url)
            .await
            .map_err(|e| format!("cannot open the database: {e}"))?;
        let bytes = backend::backup::backup(&db, to).await?;
        println!(
            "Backed up to {} ({bytes} bytes) in {:.1} s; its integrity check is ok.",
            to.display(),
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let db = if config.demo && config.init.is_none() {
        open_with_demo(&config.database_url).await?
    } else {
        backend::db::connect_and_migrate(&config.database_url)
            .await
            .map_err(|e| format!("cannot open the database: {e}"))?
    };
    if let Some(path) = &config.import_framework {
        return import_framework(&db, path).await;
    }
    if let Some(first) = &config.init {
        return init_school(&db, first).await;
    }
    serve(config, db).await
}

/// `--demo`: the demo school goes into a database created empty at this start, in the same
/// transaction as its schema, and its logins are shown once.
async fn open_with_demo(url: &str) -> Result<backend::DatabaseConnection, String> {
    let (db, first) = backend::demo::open_with_demo(url)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    match first {
        backend::demo::FirstStart::Seeded(logins) => {
            println!(
                "Seeded the demo school \"{}\". Demo logins (password for all: {}):",
                backend::demo::SCHOOL_NAME,
                backend::demo::DEMO_PASSWORD
            );
            for login in logins {
                println!(
                    "  {:<8} {:<14} {}",
                    login.role.as_str(),
                    login.username,
                    login.name
                );
            }
        }
        backend::demo::FirstStart::Existing => {}
        backend::demo::FirstStart::ExistingWithoutSchool => eprintln!(
            "spire: this database existed before this start but holds no school; the demo school \
             goes only into a database created empty now (start with an empty --data-dir)"
        ),
    }
    Ok(db)
}

async fn serve(config: Config, db: backend::DatabaseConnection) -> Result<(), String> {
    let code_key = server::secret::load_or_create(&config.secret_file)?;
    let state = server::AppState::new(db, &config.dist_dir, config.demo, config.secure_cookies)
        .with_https(config.public_url.starts_with("https://"))
        .with_trusted_proxies(config.trusted_proxies.clone())
        .with_code_key(code_key)
        .with_oidc(config.oidc.clone())
        .with_max_in_flight(config.max_in_flight)
        .with_audit_retention(config.audit_retention_days)
        .with_erase_after_days(config.erase_after_days)
        .with_statement(config.statement.clone())
        .with_pupil_idle_minutes(config.pupil_idle_minutes)
        .with_test_clock(config.test_clock);
    let (db, audit) = (state.db.clone(), state.audit.clone());
    let (stop_upkeep, upkeep_stops) = tokio::sync::oneshot::channel();
    let upkeep = tokio::spawn(server::upkeep::run(db.clone(), audit.clone(), upkeep_stops));
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    println!("Spire is running at http://{}", config.addr);
    // Peer addresses feed the per-address sign-in limit.
    let app = server::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    // On SIGTERM or Ctrl-C new connections stop and calls in flight may finish, for at most
    // `DRAIN`: a client that never finishes its request cannot keep the process from stopping.
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        shutdown_signal().await;
        let _ = stopping.send(());
    });
    let deadline = async move {
        if stopped.await.is_ok() {
            tokio::time::sleep(DRAIN).await;
        } else {
            std::future::pending::<()>().await;
        }
    };
    let stopped = tokio::select! {
        result = server => result.map_err(|e| format!("server stopped: {e}")),
        () = deadline => {
            eprintln!("spire: calls still open {} s after the stop signal; stopping anyway", DRAIN.as_secs());
            Ok(())
        }
    };
    let _ = stop_upkeep.send(());
    let _ = upkeep.await;
    server::upkeep::finish(&db, &audit).await;
    stopped
}

/// How long calls in flight may take to finish after the stop signal.
const DRAIN: std::time::Duration = std::time::Duration::from_secs(10);

/// `spire --import-framework FILE`: national goal data is loaded by whoever runs the server.
async fn import_framework(
    db: &backend::DatabaseConnection,
    path: &std::path::Path,
) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let file = backend::planning::framework::parse_file(&text).map_err(|e| e.to_string())?;
    let report = backend::planning::framework::import(db, &file)
        .await
        .map_err(|e| e.to_string())?;
    if report.created {
        println!(
            "Imported {} {} ({} items, {} mapped from earlier versions).",
            file.framework.title, file.framework.version, report.items, report.crosswalked
        );
    } else {
        println!(
            "{} {} was already imported ({} items); nothing changed.",
            file.framework.title, file.framework.version, report.items
        );
    }
    Ok(())
}

/// `spire init`: the school and its first leader, in a database with no school yet.
async fn init_school(
    db: &backend::DatabaseConnection,
    first: &backend::identity::setup::FirstSchool,
) -> Result<(), String> {
    match backend::identity::setup::init_school(db, first).await {
        Ok(started) => {
            println!(
                "Made {} with its leader {} {}.\n\n  Username: {}\n  Password: {}\n\n\
                 The password is shown only now. Start Spire (without --demo), sign in, and add the \
                 school's people under Administration.",
                first.school_name,
                first.leader_given_name,
                first.leader_family_name,
                first.leader_username.trim().to_lowercase(),
                started.password.expose()
            );
            Ok(())
        }
        Err(e) if e.code == domain::ErrorCode::Conflict => {
            Err("this database already has a school; init only starts an empty one".into())
        }
        Err(e) => Err(format!("cannot make the school: {e}")),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut sig) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            sig.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
