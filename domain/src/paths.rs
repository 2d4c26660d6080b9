//! Every address Spire answers, in one place, so the client's links, the server's routes and the
//! backend's URLs agree.

// Screens (the client's routes).
pub const HOME: &str = "/";
pub const SIGN_IN: &str = "/log-ind";
pub const CLASS_PICKER: &str = "/klasse";
pub const CODE_SIGN_IN: &str = "/kode";
pub const SCAN_CARD: &str = "/kort";
pub const PLANNING: &str = "/planlaegning";
/// Followed by `/{id}`.
pub const YEAR_PLAN: &str = "/aarsplan";
/// Followed by `/{id}`.
pub const UNIT: &str = "/forloeb";
pub const LIBRARY: &str = "/bibliotek";
/// Followed by `/{unit id}`.
pub const EVALUATION: &str = "/evaluering";
pub const MY_GOALS: &str = "/mine-maal";
/// Followed by `/{task id}` for one task.
pub const TODAY: &str = "/i-dag";
pub const HOW_DID_IT_GO: &str = "/hvordan-gik-det";
pub const MY_WORK: &str = "/mit-arbejde";
/// Followed by `/{subject code}`: one subject's tasks and goals, for the pupil.
pub const SUBJECT: &str = "/fag";
pub const READING: &str = "/laesning";
/// Followed by `/{pupil id}`: a child's week, for their guardian.
pub const CHILD: &str = "/barn";
pub const DIGEST: &str = "/ugebrev";
/// Followed by `/{pupil id}`: a pupil's elevplaner, for their teachers.
pub const PUPIL_PLANS: &str = "/elevplaner";
/// Followed by `/{plan id}`: one plan's editor.
pub const PUPIL_PLAN: &str = "/elevplan";
/// Followed by `/{pupil id}`: the published plans, for the family and the pupil.
pub const COLLECTED_PLAN: &str = "/samlet-elevplan";
pub const MY_PLAN: &str = "/min-elevplan";
/// Followed by `/{pupil id}`: the pupil's package as a JSON download (a server route).
pub const PUPIL_PACKAGE: &str = "/elevpakke";
pub const ADMINISTRATION: &str = "/administration";
/// What pupils did with a task: `/opgave/{id}`.
pub const TASK_RETURNS: &str = "/opgave";
/// Everything a pupil made in a hold this year: `/elevarbejde/{hold id}/{pupil id}`.
pub const PUPIL_WORK: &str = "/elevarbejde";
/// A hold's people: `/hold/{id}`.
pub const TEAM: &str = "/hold";
/// Setting a new password with a code from the school (signed out).
pub const RESET_PASSWORD: &str = "/ny-adgangskode";
/// Changing one's own password (signed in).
pub const CHANGE_PASSWORD: &str = "/skift-adgangskode";

// Server routes outside the server functions.
/// `GET`: whether the server and its database answer.
pub const HEALTH: &str = "/health";
/// `GET`: readiness: the database took a write within a second (a load balancer's check).
pub const READY: &str = "/ready";
/// `GET`: static JSON, the load benchmark's ceiling.
pub const VERSION: &str = "/version";
/// `GET /metrics`: the Prometheus text format, for the operator's monitoring.
pub const METRICS: &str = "/metrics";
pub const OIDC_START: &str = "/auth/oidc/start";
pub const OIDC_CALLBACK: &str = "/auth/oidc/callback";
/// Followed by `/{key}`: a forløb's file, as a download.
pub const FILES: &str = "/filer";
/// Followed by `/{item id}`: the file of a piece of a pupil's work, shown inline.
pub const WORK_FILES: &str = "/arbejde";
/// A teacher's recorded answer to a pupil, played inline: `/svar/{feedback id}`.
pub const FEEDBACK_FILES: &str = "/svar";
/// Work a pupil brought from an earlier school: `/tidligere-arbejde/{id}` its file,
/// `/tidligere-arbejde/{id}/svar/{n}` the n-th recorded answer on it.
pub const BROUGHT_WORK_FILES: &str = "/tidligere-arbejde";
/// A pupil's recorded elevplan reflection, played inline: `/refleksion/{recording id}`.
pub const REFLECTION_FILES: &str = "/refleksion";
/// `?tekst=…`: Danish speech as WAV, for devices without a voice.
pub const SPEECH: &str = "/tale";
/// Followed by `/{secret}.ics`: a child's calendar feed.
pub const CALENDAR: &str = "/kalender";
/// The weekly digest as a self-contained page, for print or e-mail.
pub const DIGEST_HTML: &str = "/ugebrev.html";
/// The prefix of every server function (`/api/{name}`).
/// `GET /adgangslog/{pupil}`: who read or changed a pupil's data, as a page the server writes.
pub const AUDIT_TRAIL: &str = "/adgangslog";
/// `GET /persondata`: the leader's page about people's data (archives, anonymising).
pub const PRIVACY: &str = "/persondata";
/// `GET /persondata/arkiv?person={id}`: everything about one person, as a page to keep.
pub const PRIVACY_ARCHIVE: &str = "/persondata/arkiv";
/// `POST /persondata/anonymiser`: the reviewed batch the leader confirms.
pub const PRIVACY_ERASE: &str = "/persondata/anonymiser";
/// `GET /tilgaengelighed`: the accessibility statement, linked from every screen's footer.
pub const ACCESSIBILITY_STATEMENT: &str = "/tilgaengelighed";
pub const API: &str = "/api";
