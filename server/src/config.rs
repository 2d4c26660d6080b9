//! Start-up configuration from command-line flags and environment variables (flags win).

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    /// `sqlite://…` or `postgres://…`; defaults to a SQLite file in `data_dir`.
    pub database_url: String,
    pub data_dir: PathBuf,
    /// The built client (Trunk's `dist/`).
    pub dist_dir: PathBuf,
    /// Demo mode, only when asked: seed the demo school into a database created empty at this
    /// start, and show the demo logins and their public password on the sign-in screen.
    pub demo: bool,
    /// Mark the session cookie `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// The address people reach Spire at (for the OpenID Connect redirect).
    pub public_url: String,
    /// OpenID Connect sign-in (UNI-Login), when an issuer is configured.
    pub oidc: Option<backend::identity::oidc::OidcConfig>,
    /// Import this goal-framework file into the database, then exit.
    pub import_framework: Option<PathBuf>,
    /// `spire init`: make the first school and its leader in an empty database, then exit.
    pub init: Option<backend::identity::setup::FirstSchool>,
    /// `spire backup FILE`: write a consistent copy of the database while it serves, then exit.
    pub backup: Option<PathBuf>,
    /// `spire restore FILE [--force]`: put a backup in place of the (stopped) database.
    pub restore: Option<Restore>,
    /// Server-function calls in flight before new ones get 503 + Retry-After.
    pub max_in_flight: usize,
    /// Reverse proxies whose `X-Forwarded-For`/`Forwarded` names the client's address.
    pub trusted_proxies: Vec<crate::client_addr::Cidr>,
    /// The server's secret (login-card codes), outside the database; made on first start.
    pub secret_file: PathBuf,
    /// The accessibility statement's contact and the official WAS statement's address.
    pub statement: crate::documents::StatementSettings,
    /// Minutes a pupil's session on a class iPad lasts without a call.
    pub pupil_idle_minutes: i64,
    /// Days the audit trail keeps a line (`backend::audit`).
    pub audit_retention_days: u32,
    /// Days after leaving a person is due to be anonymised (`backend::privacy`).
    pub erase_after_days: u32,
    /// Let each request name its own instant (`X-Spire-Now`), so end-to-end tests can live a
    /// school week in minutes. Development builds only: a release build refuses the flag.
    pub test_clock: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restore {
    pub from: PathBuf,
    /// Replace a database that holds a school.
    pub force: bool,
}

pub const USAGE: &str = "\
spire — the Spire learning platform server

USAGE: spire [--port N] [--host IP] [--data-dir DIR] [--dist DIR] [--demo] [--secure-cookies]
       spire --import-framework FILE [--data-dir DIR]
       spire init --school NAME --leader-name \"GIVEN FAMILY\" --leader-username NAME [--data-dir DIR]
       spire backup FILE [--data-dir DIR]
       spire restore FILE [--force] [--data-dir DIR]

  --port N           port to listen on (env SPIRE_PORT; default 3000)
  --host IP          address to listen on (env SPIRE_HOST; default 127.0.0.1)
  --data-dir DIR     where the SQLite database lives (env SPIRE_DATA_DIR; default ./data)
  --dist DIR         the built client (env SPIRE_DIST; default ./dist)
  --demo             demo mode: a new database gets the demo school, and the sign-in screen
                     shows its logins and their public password (env SPIRE_DEMO=1; default off)
  --secure-cookies   send the session cookie only over HTTPS (env SPIRE_SECURE_COOKIES=1); always
                     so, with HSTS on every answer, when the public URL is https://
  --public-url URL   the address people use, e.g. https://spire.skole.dk (env SPIRE_PUBLIC_URL;
                     default http://HOST:PORT)
  --trusted-proxy CIDRS
                     reverse proxies (comma-separated, e.g. 127.0.0.1,10.0.0.0/8) whose
                     X-Forwarded-For or Forwarded header names the client's address, which the
                     sign-in limits count by (env SPIRE_TRUSTED_PROXIES; default none)
  --secret-file FILE the server's secret for login-card codes, kept outside the database; made on
                     first start; every process of one installation needs the same file
                     (env SPIRE_SECRET_FILE; default DATA-DIR/secret.key)
  --max-in-flight N  server-function calls at once before new ones get 503 + Retry-After
                     (env SPIRE_MAX_IN_FLIGHT; default 128)
  --accessibility-contact TEXT
                     who to contact about content that is not accessible, e.g. \"Skolesekretariatet,
                     33 12 34 56, skole@kommune.dk\" (env SPIRE_ACCESSIBILITY_CONTACT)
  --was-url URL      the official accessibility statement made in the WAS tool, linked from
                     Spire's own (env SPIRE_WAS_URL)
  --pupil-idle-minutes N
                     a pupil signed in on a class iPad is signed out after N minutes without
                     using it (env SPIRE_PUPIL_IDLE_MINUTES; default 15)
  --audit-retention-days N
                     days the audit trail of who read or changed pupils' data keeps a line
                     (env SPIRE_AUDIT_RETENTION_DAYS; default 400)
  --erase-after-days N
                     days after leaving that a pupil, staff member or guardian is due to be
                     anonymised, in a batch the leader reviews (env SPIRE_ERASE_AFTER_DAYS;
                     0 to 7305, default 1826: five years)
  --test-clock       (development builds, for end-to-end tests) each request may name the
                     instant it happens at in an X-Spire-Now header (RFC 3339)
  --import-framework FILE
                     import a goal framework (docs/frameworks.md) into the database and exit
  init               make a new school and its first leader in an empty database (no demo data),
                     print the leader's first password, and exit; then start Spire (without --demo)
  backup FILE        write a consistent copy of the SQLite database to FILE (a new file) while
                     Spire serves, check it, and exit (PostgreSQL: pg_dump, docs/deploy.md)
  restore FILE       put the backup FILE in place of the SQLite database; stop Spire first. A
                     database that holds a school is replaced only with --force
  SPIRE_OIDC_ISSUER, SPIRE_OIDC_CLIENT_ID, SPIRE_OIDC_CLIENT_SECRET
                     sign-in through an OpenID Connect issuer such as UNI-Login
  SPIRE_OIDC_CLAIM   the ID token claim holding a person's UNI-ID (default uniid)
  DATABASE_URL       use this database instead (postgres://… or sqlite://…)
";

impl Config {
    /// Reads the configuration, or returns a message for the person starting the server.
    pub fn from_args_and_env(
        args: impl IntoIterator<Item = String>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, String> {
        let flag_env =
            |name: &str| env(name).is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
        let mut port: Option<String> = env("SPIRE_PORT");
        let mut host: Option<String> = env("SPIRE_HOST");
        let mut data_dir = env("SPIRE_DATA_DIR").map(PathBuf::from);
        let mut dist_dir = env("SPIRE_DIST").map(PathBuf::from);
        let mut demo = flag_env("SPIRE_DEMO") && !flag_env("SPIRE_NO_DEMO");
        let mut secure_cookies = flag_env("SPIRE_SECURE_COOKIES");
        let mut public_url = env("SPIRE_PUBLIC_URL");
        let mut import_framework = None;
        let mut max_in_flight: Option<String> = env("SPIRE_MAX_IN_FLIGHT");
        let mut trusted_proxies: Option<String> = env("SPIRE_TRUSTED_PROXIES");
        let mut secret_file = env("SPIRE_SECRET_FILE").map(PathBuf::from);
        let mut audit_retention_days: Option<String> = env("SPIRE_AUDIT_RETENTION_DAYS");
        let mut erase_after: Option<String> = env("SPIRE_ERASE_AFTER_DAYS");
        let mut contact = env("SPIRE_ACCESSIBILITY_CONTACT");
        let mut pupil_idle: Option<String> = env("SPIRE_PUPIL_IDLE_MINUTES");
        let mut was_url = env("SPIRE_WAS_URL");
        let mut test_clock = false;
        let mut init = false;
        let mut backup = None;
        let mut restore_from = None;
        let mut force = false;
        let (mut school, mut leader_name, mut leader_username) = (None, None, None);

        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
            };
            match arg.as_str() {
                "--port" => port = Some(value("--port")?),
                "--host" => host = Some(value("--host")?),
                "--data-dir" => data_dir = Some(PathBuf::from(value("--data-dir")?)),
                "--dist" => dist_dir = Some(PathBuf::from(value("--dist")?)),
                "--demo" => demo = true,
                // Off is the default; the flag is still understood.
                "--no-demo" => demo = false,
                "--secure-cookies" => secure_cookies = true,
                "--public-url" => public_url = Some(value("--public-url")?),
                "--max-in-flight" => max_in_flight = Some(value("--max-in-flight")?),
                "--trusted-proxy" => trusted_proxies = Some(value("--trusted-proxy")?),
                "--accessibility-contact" => contact = Some(value("--accessibility-contact")?),
                "--was-url" => was_url = Some(value("--was-url")?),
                "--pupil-idle-minutes" => pupil_idle = Some(value("--pupil-idle-minutes")?),
                "--audit-retention-days" => {
                    audit_retention_days = Some(value("--audit-retention-days")?);
                }
                "--erase-after-days" => erase_after = Some(value("--erase-after-days")?),
                "--secret-file" => secret_file = Some(PathBuf::from(value("--secret-file")?)),
                "--test-clock" if cfg!(debug_assertions) => test_clock = true,
                "--test-clock" => {
                    return Err("--test-clock is only for development builds".into());
                }
                "--import-framework" => {
                    import_framework = Some(PathBuf::from(value("--import-framework")?));
                }
                "init" => init = true,
                "backup" => backup = Some(PathBuf::from(value("backup")?)),
                "restore" => restore_from = Some(PathBuf::from(value("restore")?)),
                "--force" => force = true,
                "--school" => school = Some(value("--school")?),
                "--leader-name" => leader_name = Some(value("--leader-name")?),
                "--leader-username" => leader_username = Some(value("--leader-username")?),
                "-h" | "--help" => return Err(USAGE.to_owned()),
                other => return Err(format!("unknown argument: {other}\n\n{USAGE}")),
            }
        }
        let port: u16 = match port {
            Some(p) => p.parse().map_err(|_| format!("not a port number: {p}"))?,
            None => 3000,
        };
        let ip: IpAddr = match host {
            Some(h) => h.parse().map_err(|_| format!("not an IP address: {h}"))?,
            None => IpAddr::V4(Ipv4Addr::LOCALHOST),
        };
        let max_in_flight: usize = match max_in_flight {
            Some(n) => match n.parse() {
                Ok(n) if n > 0 => n,
                _ => return Err(format!("not a positive number of calls: {n}")),
            },
            None => crate::DEFAULT_MAX_IN_FLIGHT,
        };
        let audit_retention_days: u32 = match audit_retention_days {
            Some(n) => match n.parse() {
                Ok(n) if n > 0 => n,
                _ => return Err(format!("not a positive number of days: {n}")),
            },
            None => backend::audit::DEFAULT_RETENTION_DAYS,
        };
        let erase_after_days: u32 = match erase_after {
            Some(n) => match n.parse() {
                Ok(n) if n <= domain::privacy::MAX_ERASE_AFTER_DAYS => n,
                _ => return Err(format!("not a number of days from 0 to 7305: {n}")),
            },
            None => domain::privacy::DEFAULT_ERASE_AFTER_DAYS,
        };
        let pupil_idle_minutes: i64 = match pupil_idle {
            Some(n) => match n.parse() {
                // Longer than a school day would be no idle limit at all.
                Ok(n) if (1..=720).contains(&n) => n,
                _ => return Err(format!("not a number of minutes from 1 to 720: {n}")),
            },
            None => backend::request::DEFAULT_PUPIL_IDLE_SECS / 60,
        };
        let trusted_proxies = match trusted_proxies {
            Some(list) => crate::client_addr::Cidr::parse_list(&list)?,
            None => Vec::new(),
        };
        let data_dir = data_dir.unwrap_or_else(|| PathBuf::from("data"));
        let secret_file = secret_file.unwrap_or_else(|| data_dir.join("secret.key"));
        let database_url = env("DATABASE_URL")
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| {
                format!("sqlite://{}?mode=rwc", data_dir.join("spire.db").display())
            });
        let addr = SocketAddr::new(ip, port);
        let public_url = public_url
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_owned();
        let oidc = match (
            env("SPIRE_OIDC_ISSUER"),
            env("SPIRE_OIDC_CLIENT_ID"),
            env("SPIRE_OIDC_CLIENT_SECRET"),
        ) {
            (Some(issuer), Some(client_id), Some(client_secret)) => {
                Some(backend::identity::oidc::OidcConfig {
                    issuer,
                    client_id,
                    client_secret,
                    redirect_url: format!("{public_url}/auth/oidc/callback"),
                    link_claim: env("SPIRE_OIDC_CLAIM")
                        .filter(|c| !c.trim().is_empty())
                        .unwrap_or_else(|| {
                            backend::identity::uni_login::DEFAULT_LINK_CLAIM.to_owned()
                        }),
                })
            }
            (None, None, None) => None,
            _ => {
                return Err("OpenID Connect needs SPIRE_OIDC_ISSUER, SPIRE_OIDC_CLIENT_ID and SPIRE_OIDC_CLIENT_SECRET together".into());
            }
        };
        let init = match (init, school, leader_name, leader_username) {
            (true, Some(school_name), Some(leader), Some(leader_username)) => {
                // "Anne Marie Holm": the last word is the family name.
                let (given, family) = leader
                    .trim()
                    .rsplit_once(' ')
                    .ok_or("--leader-name needs a given and a family name, e.g. \"Anne Holm\"")?;
                Some(backend::identity::setup::FirstSchool {
                    school_name,
                    leader_given_name: given.trim().to_owned(),
                    leader_family_name: family.to_owned(),
                    leader_username,
                })
            }
            (true, ..) => {
                return Err(format!(
                    "init needs --school, --leader-name and --leader-username\n\n{USAGE}"
                ));
            }
            (false, None, None, None) => None,
            (false, ..) => {
                return Err(format!(
                    "--school, --leader-name and --leader-username belong to init\n\n{USAGE}"
                ));
            }
        };
        if force && restore_from.is_none() {
            return Err(format!("--force belongs to restore\n\n{USAGE}"));
        }
        let restore = restore_from.map(|from| Restore { from, force });
        Ok(Config {
            init,
            backup,
            restore,
            addr,
            public_url,
            oidc,
            database_url,
            data_dir,
            dist_dir: dist_dir.unwrap_or_else(|| PathBuf::from("dist")),
            demo,
            secure_cookies,
            import_framework,
            max_in_flight,
            trusted_proxies,
            secret_file,
            audit_retention_days,
            erase_after_days,
            pupil_idle_minutes,
            statement: crate::documents::StatementSettings {
                contact: contact.filter(|c| !c.trim().is_empty()),
                was_url: was_url.filter(|u| u.starts_with("https://")),
            },
            test_clock,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: &[(&str, &str)]) -> Result<Config, String> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_args_and_env(args.iter().map(|s| s.to_string()), move |k| {
            env.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn a_pupil_on_a_class_ipad_is_signed_out_after_15_idle_minutes_unless_told_otherwise() {
        assert_eq!(parse(&[], &[]).unwrap().pupil_idle_minutes, 15);
        let c = parse(&["--pupil-idle-minutes", "5"], &[]).unwrap();
        assert_eq!(c.pupil_idle_minutes, 5);
        assert!(parse(&["--pupil-idle-minutes", "0"], &[]).is_err());
        assert!(parse(&[], &[("SPIRE_PUPIL_IDLE_MINUTES", "1000")]).is_err());
    }

    #[test]
    fn people_who_left_are_due_for_anonymising_after_five_years_unless_told_otherwise() {
        assert_eq!(parse(&[], &[]).unwrap().erase_after_days, 1826);
        assert_eq!(
            parse(&["--erase-after-days", "0"], &[])
                .unwrap()
                .erase_after_days,
            0
        );
        let c = parse(&[], &[("SPIRE_ERASE_AFTER_DAYS", "1095")]).unwrap();
        assert_eq!(c.erase_after_days, 1095);
        assert!(parse(&["--erase-after-days", "7306"], &[]).is_err());
        assert!(parse(&["--erase-after-days", "-1"], &[]).is_err());
    }

    #[test]
    fn the_audit_trail_is_kept_400_days_unless_told_otherwise() {
        assert_eq!(parse(&[], &[]).unwrap().audit_retention_days, 400);
        let c = parse(&["--audit-retention-days", "180"], &[]).unwrap();
        assert_eq!(c.audit_retention_days, 180);
        let c = parse(&[], &[("SPIRE_AUDIT_RETENTION_DAYS", "730")]).unwrap();
        assert_eq!(c.audit_retention_days, 730);
        assert!(parse(&["--audit-retention-days", "0"], &[]).is_err());
        assert!(parse(&["--audit-retention-days", "ever"], &[]).is_err());
    }

    #[test]
    fn backup_and_restore_take_a_file_and_force_is_only_for_restore() {
        let c = parse(&["backup", "/srv/backup/spire.db"], &[]).unwrap();
        assert_eq!(c.backup, Some(PathBuf::from("/srv/backup/spire.db")));
        let c = parse(&["restore", "b.db", "--force"], &[]).unwrap();
        assert_eq!(
            c.restore,
            Some(Restore {
                from: PathBuf::from("b.db"),
                force: true
            })
        );
        assert!(
            !parse(&["restore", "b.db"], &[])
                .unwrap()
                .restore
                .unwrap()
                .force
        );
        assert!(parse(&["backup"], &[]).is_err());
        assert!(parse(&["--force"], &[]).is_err());
    }

    #[test]
    fn init_takes_the_school_and_its_first_leader() {
        let c = parse(
            &[
                "init",
                "--school",
                "Solbakken Skole",
                "--leader-name",
                "Anne Marie Holm",
                "--leader-username",
                "anne.holm",
            ],
            &[],
        )
        .unwrap();
        let init = c.init.unwrap();
        assert_eq!(init.school_name, "Solbakken Skole");
        assert_eq!(
            (
                init.leader_given_name.as_str(),
                init.leader_family_name.as_str()
            ),
            ("Anne Marie", "Holm")
        );
        assert_eq!(init.leader_username, "anne.holm");
        assert!(parse(&[], &[]).unwrap().init.is_none());
    }

    #[test]
    fn init_without_all_three_or_its_flags_without_init_are_refused() {
        assert!(parse(&["init", "--school", "Solbakken Skole"], &[]).is_err());
        assert!(
            parse(
                &[
                    "init",
                    "--school",
                    "S",
                    "--leader-name",
                    "Anne",
                    "--leader-username",
                    "anne"
                ],
                &[]
            )
            .is_err()
        );
        assert!(parse(&["--school", "Solbakken Skole"], &[]).is_err());
    }

    #[test]
    fn the_test_clock_is_off_by_default_and_only_for_development_builds() {
        assert!(!parse(&[], &[]).unwrap().test_clock);
        let asked = parse(&["--test-clock"], &[]);
        if cfg!(debug_assertions) {
            assert!(asked.unwrap().test_clock);
        } else {
            assert!(asked.is_err());
        }
    }

    #[test]
    fn by_default_spire_listens_on_localhost_3000_with_sqlite_and_no_demo() {
        let c = parse(&[], &[]).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(c.database_url, "sqlite://data/spire.db?mode=rwc");
        assert!(!c.demo, "a public password only when asked for");
        assert!(parse(&["--demo"], &[]).unwrap().demo);
        assert!(parse(&[], &[("SPIRE_DEMO", "1")]).unwrap().demo);
    }

    #[test]
    fn trusted_proxies_are_address_blocks_and_none_by_default() {
        assert!(parse(&[], &[]).unwrap().trusted_proxies.is_empty());
        let c = parse(&["--trusted-proxy", "127.0.0.1,10.0.0.0/8"], &[]).unwrap();
        assert_eq!(c.trusted_proxies.len(), 2);
        let c = parse(&[], &[("SPIRE_TRUSTED_PROXIES", "::1")]).unwrap();
        assert_eq!(c.trusted_proxies.len(), 1);
        assert!(parse(&["--trusted-proxy", "the proxy"], &[]).is_err());
    }

    #[test]
    fn flags_win_over_environment() {
        let c = parse(
            &["--port", "4000", "--no-demo"],
            &[("SPIRE_PORT", "5000"), ("SPIRE_DEMO", "1")],
        )
        .unwrap();
        assert_eq!(c.addr.port(), 4000);
        assert!(!c.demo);
    }

    #[test]
    fn database_url_selects_postgres() {
        let c = parse(&[], &[("DATABASE_URL", "postgres://u@127.0.0.1/spire")]).unwrap();
        assert_eq!(c.database_url, "postgres://u@127.0.0.1/spire");
    }

    #[test]
    fn a_bad_port_or_unknown_flag_is_explained() {
        assert!(
            parse(&["--port", "http"], &[])
                .unwrap_err()
                .contains("not a port")
        );
        assert!(
            parse(&["--frobnicate"], &[])
                .unwrap_err()
                .contains("unknown argument")
        );
        assert!(
            parse(&["--port"], &[])
                .unwrap_err()
                .contains("needs a value")
        );
        let partial = parse(&[], &[("SPIRE_OIDC_ISSUER", "https://login.example")]).unwrap_err();
        assert!(partial.contains("together"));
    }

    #[test]
    fn an_oidc_issuer_redirects_back_to_the_public_url() {
        let env = [
            ("SPIRE_OIDC_ISSUER", "https://login.example"),
            ("SPIRE_OIDC_CLIENT_ID", "spire"),
            ("SPIRE_OIDC_CLIENT_SECRET", "s3cret"),
            ("SPIRE_PUBLIC_URL", "https://spire.skole.dk/"),
        ];
        let oidc = parse(&[], &env).unwrap().oidc.unwrap();
        assert_eq!(
            oidc.redirect_url,
            "https://spire.skole.dk/auth/oidc/callback"
        );
    }
}
