//! Planning as it crosses the wire: årsplaner, forløb with materials and goals, tasks with
//! differentiation, scales, and the school's shared library. Inputs are checked by the newtypes
//! at the bottom, each with its `parse`.

use crate::AppError;
use crate::Field;
use crate::calendar::Date;
use crate::framework::FrameworkItem;
use crate::school::Subject;
use serde::{Deserialize, Serialize};

/// Who evaluates a goal: the teacher alone ("faglige mål"), or the pupil beside the teacher
/// ("mål og refleksion").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum GoalKind {
    #[cfg_attr(feature = "db", sea_orm(string_value = "faglig"))]
    Faglig,
    #[cfg_attr(feature = "db", sea_orm(string_value = "refleksion"))]
    Refleksion,
}

impl GoalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GoalKind::Faglig => "faglig",
            GoalKind::Refleksion => "refleksion",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [GoalKind::Faglig, GoalKind::Refleksion]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// A målestok: the named steps a goal is evaluated on, lowest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub id: i64,
    pub name: String,
    pub steps: Vec<String>,
    /// Shown to pupils as faces (the built-in three-face scale).
    pub faces: bool,
    /// Made by a teacher at this school, rather than built in.
    pub own: bool,
}

/// A hold the teacher plans for, with its årsplan for the school year if it has one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningTeam {
    pub team_id: i64,
    pub team_name: String,
    pub subject: Subject,
    pub year_plan: Option<YearPlanSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearPlanSummary {
    pub id: i64,
    pub title: String,
    pub unit_count: u32,
}

/// What the planning screen opens with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningOverview {
    pub school_year: String,
    pub teams: Vec<PlanningTeam>,
    /// Årsplaner that were archived, for their teachers to restore.
    pub archived: Vec<ArchivedYearPlan>,
    /// Årsplaner of earlier school years in hold the person taught ("Tidligere år"), newest
    /// first: to read, and to copy into this year's hold.
    pub earlier: Vec<EarlierYearPlan>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierYearPlan {
    pub id: i64,
    pub title: String,
    pub team_name: String,
    pub subject: Subject,
    /// "2025/26".
    pub school_year: String,
    pub unit_count: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchivedYearPlan {
    pub id: i64,
    pub title: String,
    pub team_name: String,
}

/// One ISO week of the school year, and the forløb that run in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanWeek {
    pub week: u8,
    pub monday: Date,
    pub unit_ids: Vec<i64>,
    /// Weekdays inside the school year and outside its holidays (0 for a week off).
    pub school_days: u8,
    /// The holiday that takes any of its weekdays.
    pub holiday: Option<crate::school_year::HolidayKind>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitSummary {
    pub id: i64,
    pub title: String,
    pub first_week: Date,
    pub last_week: Date,
    pub goal_count: u32,
    pub task_count: u32,
    pub shared: bool,
    /// The forløb's version, so moving it on the timeline conflicts with a colleague's save.
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearPlan {
    pub id: i64,
    pub team_id: i64,
    pub team_name: String,
    pub subject: Subject,
    pub school_year: String,
    pub title: String,
    pub version: i64,
    pub units: Vec<UnitSummary>,
    pub archived_units: Vec<UnitSummary>,
    /// Every week from the year's first to its last day.
    pub weeks: Vec<PlanWeek>,
    /// The year's last school day: the summer holiday begins the day after.
    pub last_day: Date,
    /// The Monday of this week in the school's time zone: new forløb are proposed from here on.
    pub this_week: Date,
    /// Each kompetenceområde of the hold's subject with the forløb whose goals lie in it; empty
    /// where the subject has no framework goals.
    #[serde(default)]
    pub coverage: Vec<AreaCoverage>,
}

/// A kompetenceområde and the forløb of an årsplan with goals in it (none: not covered yet).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaCoverage {
    pub name: String,
    /// The forløb, by id, in the plan's order.
    pub units: Vec<i64>,
}

/// Where a material lives, read from its address so teachers only paste a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum MaterialKind {
    #[cfg_attr(feature = "db", sea_orm(string_value = "office365"))]
    Office365,
    #[cfg_attr(feature = "db", sea_orm(string_value = "google_docs"))]
    GoogleDocs,
    /// A publisher's digital læremiddel, or any other page.
    #[cfg_attr(feature = "db", sea_orm(string_value = "link"))]
    Link,
    /// A file uploaded to Spire.
    #[cfg_attr(feature = "db", sea_orm(string_value = "file"))]
    File,
}

impl MaterialKind {
    pub fn of_url(url: &str) -> Self {
        let host = url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split(['/', '?', '#']).next())
            .unwrap_or_default()
            .to_lowercase();
        let under = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
        if under("sharepoint.com") || under("office.com") || under("live.com") || under("1drv.ms") {
            MaterialKind::Office365
        } else if under("docs.google.com") || under("drive.google.com") {
            MaterialKind::GoogleDocs
        } else {
            MaterialKind::Link
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub id: i64,
    pub title: String,
    pub url: String,
    pub kind: MaterialKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialInput {
    pub title: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitGoal {
    pub id: i64,
    pub kind: GoalKind,
    /// The teacher's own words, or the framework item's text.
    pub text: String,
    pub framework_item: Option<FrameworkItem>,
    pub scale: Scale,
    /// Tegn på læring: what the teacher will look for.
    pub signs: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalInput {
    pub kind: GoalKind,
    /// Either own words or a framework item, not both.
    pub own_text: Option<String>,
    pub framework_item_id: Option<i64>,
    pub scale_id: i64,
    pub signs: String,
}

/// The picture beside a task's instruction, so a pupil who cannot read yet knows what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum TaskIcon {
    #[cfg_attr(feature = "db", sea_orm(string_value = "read"))]
    Read,
    #[cfg_attr(feature = "db", sea_orm(string_value = "write"))]
    Write,
    #[cfg_attr(feature = "db", sea_orm(string_value = "count"))]
    Count,
    #[cfg_attr(feature = "db", sea_orm(string_value = "draw"))]
    Draw,
    #[cfg_attr(feature = "db", sea_orm(string_value = "listen"))]
    Listen,
    #[cfg_attr(feature = "db", sea_orm(string_value = "talk"))]
    Talk,
    #[cfg_attr(feature = "db", sea_orm(string_value = "build"))]
    Build,
    #[cfg_attr(feature = "db", sea_orm(string_value = "move"))]
    Move,
    #[cfg_attr(feature = "db", sea_orm(string_value = "photo"))]
    Photo,
}

impl TaskIcon {
    pub const ALL: [TaskIcon; 9] = [
        TaskIcon::Read,
        TaskIcon::Write,
        TaskIcon::Count,
        TaskIcon::Draw,
        TaskIcon::Listen,
        TaskIcon::Talk,
        TaskIcon::Build,
        TaskIcon::Move,
        TaskIcon::Photo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskIcon::Read => "read",
            TaskIcon::Write => "write",
            TaskIcon::Count => "count",
            TaskIcon::Draw => "draw",
            TaskIcon::Listen => "listen",
            TaskIcon::Talk => "talk",
            TaskIcon::Build => "build",
            TaskIcon::Move => "move",
            TaskIcon::Photo => "photo",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == text)
    }
}

/// When a task is for: a day, or sometime in a week (given by its Monday).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskWhen {
    Day(Date),
    Week(Date),
}

/// Which version of a task a pupil gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum Variant {
    #[cfg_attr(feature = "db", sea_orm(string_value = "standard"))]
    Standard,
    #[cfg_attr(feature = "db", sea_orm(string_value = "easier"))]
    Easier,
    #[cfg_attr(feature = "db", sea_orm(string_value = "harder"))]
    Harder,
}

impl Variant {
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Standard => "standard",
            Variant::Easier => "easier",
            Variant::Harder => "harder",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Variant::Standard, Variant::Easier, Variant::Harder]
            .into_iter()
            .find(|v| v.as_str() == text)
    }
}

/// Who a task is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Every pupil of the hold (some may be given another variant).
    Hold,
    /// A named group of the hold's pupils.
    Group(String),
    /// Only the pupils listed.
    Pupils,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskPupil {
    pub pupil_id: i64,
    pub name: String,
    pub variant: Variant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: i64,
    pub title: String,
    pub instruction: String,
    pub icon: TaskIcon,
    pub when: TaskWhen,
    pub audience: Audience,
    /// For `Group` and `Pupils`, everyone it is for; for `Hold`, those given another variant.
    pub pupils: Vec<TaskPupil>,
    pub easier: Option<String>,
    pub harder: Option<String>,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskInput {
    pub title: String,
    pub instruction: String,
    pub icon: TaskIcon,
    pub when: TaskWhen,
    pub audience: Audience,
    pub pupils: Vec<(i64, Variant)>,
    pub easier: Option<String>,
    pub harder: Option<String>,
}

/// A pupil of the hold, for choosing who a task is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldPupil {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: i64,
    pub year_plan_id: i64,
    pub team_name: String,
    pub subject: Subject,
    pub title: String,
    pub description: String,
    pub first_week: Date,
    pub last_week: Date,
    pub version: i64,
    pub materials: Vec<Material>,
    pub goals: Vec<UnitGoal>,
    /// Goals taken out of the forløb; their evaluations are kept, and they can be restored.
    pub archived_goals: Vec<UnitGoal>,
    pub tasks: Vec<Task>,
    pub archived_tasks: Vec<Task>,
    pub pupils: Vec<HoldPupil>,
    pub shared: bool,
    pub archived: bool,
    pub author: String,
    /// The title of the forløb this one was copied from, if it was.
    pub copied_from: Option<String>,
    /// The school year's weeks, to choose the forløb's weeks from (empty in a library copy).
    #[serde(default)]
    pub weeks: Vec<PlanWeek>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitInput {
    pub title: String,
    pub description: String,
    pub first_week: Date,
    pub last_week: Date,
    pub materials: Vec<MaterialInput>,
}

/// How a teacher searches the school's library; empty fields do not narrow.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryFilter {
    pub subject: Option<Subject>,
    pub grade: Option<u8>,
    /// Words in a goal's text (own or framework), or a framework item id.
    pub goal: String,
    pub author_id: Option<i64>,
    pub words: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryEntry {
    pub unit_id: i64,
    pub title: String,
    pub subject: Subject,
    pub grades: Option<(u8, u8)>,
    pub author_id: i64,
    pub author: String,
    pub goals: Vec<String>,
    pub weeks: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryAuthor {
    pub id: i64,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryPage {
    pub entries: Vec<LibraryEntry>,
    pub authors: Vec<LibraryAuthor>,
}

/// Text with a length limit, required or not. `field` names the input for the error.
fn bounded(text: &str, field: Field, min: usize, max: usize) -> Result<String, AppError> {
    let trimmed = text.trim();
    let n = trimmed.chars().count();
    if n < min
        || n > max
        || trimmed
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(AppError::invalid(field));
    }
    Ok(trimmed.to_owned())
}

/// A title of an årsplan, forløb, task or scale: 1–120 characters on one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title(String);

impl Title {
    pub const MAX: usize = 120;

    pub fn parse(text: &str, field: Field) -> Result<Self, AppError> {
        let t = bounded(text, field, 1, Self::MAX)?;
        if t.contains('\n') {
            return Err(AppError::invalid(field));
        }
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Free text (a description, tegn på læring): up to 10,000 characters, may be empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongText(String);

impl LongText {
    pub const MAX: usize = 10_000;

    pub fn parse(text: &str, field: Field) -> Result<Self, AppError> {
        bounded(text, field, 0, Self::MAX).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A task's instruction: short, because it is read aloud to six-year-olds. 1–300 characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction(String);

impl Instruction {
    pub const MAX: usize = 300;

    pub fn parse(text: &str, field: Field) -> Result<Self, AppError> {
        bounded(text, field, 1, Self::MAX).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A material's address: http or https only, so a link can never run script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link(String);

impl Link {
    pub const MAX: usize = 2000;

    pub fn parse(text: &str, field: Field) -> Result<Self, AppError> {
        let t = bounded(text, field, 1, Self::MAX)?;
        let lower = t.to_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .ok_or_else(|| AppError::invalid(field))?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if host.is_empty() || t.chars().any(char::is_whitespace) {
            return Err(AppError::invalid(field));
        }
        Ok(Self(t))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The largest file a teacher can attach to a forløb.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The kinds of file a forløb can hold, by extension, with the type they are served as. Anything
/// else is refused: a file a school cannot open, or one a browser would run, has no place here.
pub const FILE_TYPES: [(&str, &str); 12] = [
    ("pdf", "application/pdf"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("txt", "text/plain; charset=utf-8"),
    ("mp3", "audio/mpeg"),
];

/// The type a file is served as, from its name, if it is a kind Spire accepts.
pub fn file_type_of(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_lowercase();
    FILE_TYPES.iter().find(|(e, _)| *e == ext).map(|(_, t)| *t)
}

/// A scale's steps: 2–7, each 1–40 characters.
pub fn parse_scale_steps(steps: &[String]) -> Result<Vec<String>, AppError> {
    if !(2..=7).contains(&steps.len()) {
        return Err(AppError::invalid(Field::Steps));
    }
    steps
        .iter()
        .map(|s| bounded(s, Field::Steps, 1, 40))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_one_line_of_at_most_120_characters() {
        assert_eq!(
            Title::parse("  Eventyr  ", Field::Title).unwrap().as_str(),
            "Eventyr"
        );
        assert!(Title::parse("", Field::Title).is_err());
        assert!(Title::parse("To\nlinjer", Field::Title).is_err());
        assert!(Title::parse(&"å".repeat(120), Field::Title).is_ok());
        assert_eq!(
            Title::parse(&"å".repeat(121), Field::Title)
                .unwrap_err()
                .field
                .as_deref(),
            Some("title")
        );
    }

    #[test]
    fn long_text_may_be_empty_but_not_endless() {
        assert_eq!(
            LongText::parse("", Field::Description).unwrap().as_str(),
            ""
        );
        assert!(LongText::parse(&"x".repeat(10_001), Field::Description).is_err());
        assert!(LongText::parse("linje\nlinje", Field::Description).is_ok());
    }

    #[test]
    fn instructions_are_short_enough_to_read_aloud() {
        assert!(Instruction::parse("Læs side 4.", Field::Instruction).is_ok());
        assert!(Instruction::parse(" ", Field::Instruction).is_err());
        assert!(Instruction::parse(&"a".repeat(301), Field::Instruction).is_err());
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(Link::parse("https://www.gyldendal.dk/dansk", Field::MaterialUrl).is_ok());
        assert!(Link::parse("http://skole.dk", Field::MaterialUrl).is_ok());
        for bad in [
            "javascript:alert(1)",
            "ftp://x.dk",
            "https://",
            "www.dr.dk",
            "https://a b.dk",
        ] {
            assert!(Link::parse(bad, Field::MaterialUrl).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_materials_kind_is_read_from_its_address() {
        assert_eq!(
            MaterialKind::of_url("https://skolen-my.sharepoint.com/x"),
            MaterialKind::Office365
        );
        assert_eq!(
            MaterialKind::of_url("https://docs.google.com/document/d/1"),
            MaterialKind::GoogleDocs
        );
        assert_eq!(
            MaterialKind::of_url("https://alinea.dk/dansk"),
            MaterialKind::Link
        );
        // A look-alike host is not Google's.
        assert_eq!(
            MaterialKind::of_url("https://docs.google.com.evil.dk/x"),
            MaterialKind::Link
        );
    }

    #[test]
    fn files_are_accepted_by_kind_and_served_as_their_type() {
        assert_eq!(file_type_of("Eventyr.PDF"), Some("application/pdf"));
        assert_eq!(file_type_of("billede.jpeg"), Some("image/jpeg"));
        for refused in [
            "side.html",
            "script.js",
            "billede.svg",
            "uden-endelse",
            "program.exe",
        ] {
            assert_eq!(file_type_of(refused), None, "{refused}");
        }
    }

    #[test]
    fn a_scale_has_two_to_seven_named_steps() {
        let steps = |n: usize| (0..n).map(|i| format!("Trin {i}")).collect::<Vec<_>>();
        assert!(parse_scale_steps(&steps(2)).is_ok());
        assert!(parse_scale_steps(&steps(7)).is_ok());
        assert!(parse_scale_steps(&steps(1)).is_err());
        assert!(parse_scale_steps(&steps(8)).is_err());
        assert!(parse_scale_steps(&["Godt".into(), " ".into()]).is_err());
    }

    #[test]
    fn kinds_icons_and_variants_round_trip_through_their_names() {
        for icon in TaskIcon::ALL {
            assert_eq!(TaskIcon::parse(icon.as_str()), Some(icon));
        }
        for kind in [GoalKind::Faglig, GoalKind::Refleksion] {
            assert_eq!(GoalKind::parse(kind.as_str()), Some(kind));
        }
        for v in [Variant::Standard, Variant::Easier, Variant::Harder] {
            assert_eq!(Variant::parse(v.as_str()), Some(v));
        }
    }
}
