//! Who someone is: roles, sign-in input and what the client may know about the signed-in person.

use crate::Field;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// An open class iPad as the school's leader sees it, to close it from anywhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenClassDevice {
    pub id: i64,
    pub class_name: String,
    pub opened_by: String,
    /// The school's date and minute it was opened, e.g. "2026-12-07 08:05".
    pub opened_at: String,
    pub pupils_signed_in: u32,
}

/// The role a person acts in. A person may hold several (a teacher who is also a parent); a session
/// acts in exactly one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "db", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(
    feature = "db",
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::None)"
    )
)]
pub enum Role {
    #[cfg_attr(feature = "db", sea_orm(string_value = "pupil"))]
    Pupil,
    #[cfg_attr(feature = "db", sea_orm(string_value = "parent"))]
    Parent,
    #[cfg_attr(feature = "db", sea_orm(string_value = "teacher"))]
    Teacher,
    /// Pædagog: works with hold and pupils like a teacher.
    #[cfg_attr(feature = "db", sea_orm(string_value = "paedagog"))]
    Paedagog,
    #[cfg_attr(feature = "db", sea_orm(string_value = "leader"))]
    Leader,
    /// School administration: manages people and classes.
    #[cfg_attr(feature = "db", sea_orm(string_value = "administrator"))]
    Administrator,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Pupil,
        Role::Parent,
        Role::Teacher,
        Role::Paedagog,
        Role::Leader,
        Role::Administrator,
    ];

    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Pupil => "pupil",
            Role::Parent => "parent",
            Role::Teacher => "teacher",
            Role::Paedagog => "paedagog",
            Role::Leader => "leader",
            Role::Administrator => "administrator",
        }
    }

    /// Staff work with hold and pupils (teachers and pædagoger).
    pub fn is_teaching_staff(self) -> bool {
        matches!(self, Role::Teacher | Role::Paedagog)
    }

    /// Which client build this role is served.
    pub fn audience(self) -> Audience {
        match self {
            Role::Pupil => Audience::Pupil,
            Role::Parent => Audience::Family,
            Role::Teacher | Role::Paedagog | Role::Leader | Role::Administrator => Audience::Staff,
        }
    }

    pub fn parse(s: &str) -> Result<Self, AppError> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| AppError::invalid(Field::Role))
    }
}

/// The client builds. Everyone signs in on a build that holds only the sign-in screens, so the
/// first download on a class iPad or a parent's phone is the smallest; pupils then get a build with
/// only their screens, and parents one with only theirs. Staff screens are four builds, each within the staff budget
/// (300 kB brotli, issue 21): the homes with the forløb, following the pupils (evaluation, what
/// came back, elevplaner), administration, and a hold (its people, its årsplan) with the shared
/// library. The
/// server picks the build per page load (by path for the sign-in screens and among the staff
/// builds, otherwise by the session's role), so no audience downloads another's screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Nobody signed in yet: the sign-in screens.
    SignIn,
    /// Pupils: the class iPad's screens after signing in, and the card scanner.
    Pupil,
    /// Parents: each child's week, the digest, the published plans.
    Family,
    /// Teachers, pædagoger, leaders and administrators: the homes, the planning overview and the
    /// forløb (and any path no other staff build claims).
    Staff,
    /// Staff following the pupils: the evaluation grid, what pupils handed in, elevplaner.
    FollowUp,
    /// Staff running the school: administration.
    School,
    /// A hold's people, its årsplan, and the shared library of forløb.
    Hold,
}

impl Audience {
    /// Screens where nobody is signed in yet: always the sign-in build. Signing in moves everyone
    /// to their own build by a page load.
    pub const SIGN_IN_PATHS: [&'static str; 4] = [
        crate::paths::SIGN_IN,
        crate::paths::CLASS_PICKER,
        crate::paths::CODE_SIGN_IN,
        crate::paths::RESET_PASSWORD,
    ];
    /// The class iPad's card scanner: a child signs in there too, but it is the pupil build's
    /// (its camera code would weigh down the first screen, and the child needs that build next).
    pub const SCANNER_PATH: &'static str = crate::paths::SCAN_CARD;
    /// The pupil build's screens (by their first path segment), with the two it shares with the
    /// family build (reading settings, the published plans). Opened signed out — a pupil's
    /// session that ended on a shared iPad — they load that build, whose screen sends the pupil
    /// to sign in, rather than a staff build that does not know them.
    pub const PUPIL_PATHS: [&'static str; 8] = [
        crate::paths::TODAY,
        crate::paths::SUBJECT,
        crate::paths::MY_GOALS,
        crate::paths::HOW_DID_IT_GO,
        crate::paths::MY_WORK,
        crate::paths::MY_PLAN,
        crate::paths::READING,
        crate::paths::COLLECTED_PLAN,
    ];
    /// The family build's own screens (by their first path segment): a parent's bookmark opened
    /// signed out loads it, and it sends the parent to sign in.
    pub const FAMILY_PATHS: [&'static str; 2] = [crate::paths::CHILD, crate::paths::DIGEST];

    /// The follow-up build's screens (by their first path segment).
    pub const FOLLOW_UP_PATHS: [&'static str; 5] = [
        crate::paths::EVALUATION,
        crate::paths::TASK_RETURNS,
        crate::paths::PUPIL_WORK,
        crate::paths::PUPIL_PLANS,
        crate::paths::PUPIL_PLAN,
    ];
    /// The school build's screens (by their first path segment).
    pub const SCHOOL_PATHS: [&'static str; 1] = [crate::paths::ADMINISTRATION];
    /// The hold build's screens (by their first path segment).
    pub const HOLD_PATHS: [&'static str; 2] = [crate::paths::YEAR_PLAN, crate::paths::UNIT];

    /// The staff build that holds a page. A staff build's router hands every other staff path
    /// over with a page load, and the server serves exactly this build for it, so a hand-over
    /// cannot loop.
    pub fn staff_build_for(path: &str) -> Audience {
        let segment = first_segment(path.trim_end_matches('/'));
        if Self::FOLLOW_UP_PATHS.contains(&segment) {
            Audience::FollowUp
        } else if Self::SCHOOL_PATHS.contains(&segment) {
            Audience::School
        } else if Self::HOLD_PATHS.contains(&segment) {
            Audience::Hold
        } else {
            Audience::Staff
        }
    }

    /// One of the four staff builds.
    pub fn is_staff(self) -> bool {
        matches!(
            self,
            Audience::Staff | Audience::FollowUp | Audience::School | Audience::Hold
        )
    }

    /// Every build.
    pub const ALL: [Audience; 7] = [
        Audience::SignIn,
        Audience::Pupil,
        Audience::Family,
        Audience::Staff,
        Audience::FollowUp,
        Audience::School,
        Audience::Hold,
    ];

    /// The build's page in the built client (`dist/`): Trunk builds each from the file of the
    /// same name at the repository's root, and xtask puts them side by side.
    pub fn page(self) -> &'static str {
        match self {
            Audience::SignIn => "signin.html",
            Audience::Pupil => "pupil.html",
            Audience::Family => "family.html",
            Audience::Staff => "index.html",
            Audience::FollowUp => "followup.html",
            Audience::School => "school.html",
            Audience::Hold => "hold.html",
        }
    }

    /// The build for a page: `role` is the session's, if anyone is signed in.
    pub fn for_page(path: &str, role: Option<Role>) -> Audience {
        let path = path.trim_end_matches('/');
        if Self::SIGN_IN_PATHS.contains(&path) {
            return Audience::SignIn;
        }
        if path == Self::SCANNER_PATH {
            return Audience::Pupil;
        }
        match role {
            Some(role) if role.audience().is_staff() => Self::staff_build_for(path),
            Some(role) => role.audience(),
            // Signed out at home: the sign-in build sends them on to their sign-in screen.
            None if path.is_empty() => Audience::SignIn,
            None if Self::PUPIL_PATHS.contains(&first_segment(path)) => Audience::Pupil,
            None if Self::FAMILY_PATHS.contains(&first_segment(path)) => Audience::Family,
            // A staff screen's link opened signed out (a bookmark): that screen sends them to sign in.
            None => Self::staff_build_for(path),
        }
    }
}

/// `/barn/3` → `/barn`.
fn first_segment(path: &str) -> &str {
    let rest = path.strip_prefix('/').unwrap_or(path);
    let end = rest.find('/').map_or(path.len(), |i| i + 1);
    &path[..end]
}

/// A sign-in name: trimmed, lower-cased, 2–64 characters of letters, digits, `.`, `-` and `_`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let name = raw.trim().to_lowercase();
        let len = name.chars().count();
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_');
        if !(2..=64).contains(&len) || !name.chars().all(allowed) {
            return Err(AppError::invalid(Field::Username));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's UNI-ID, the identifier STIL's UNI-Login sends as `uniid` and rosters key on: trimmed
/// and lower-cased, 4–40 ASCII letters and digits (the new ones are 10 characters).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UniId(String);

impl UniId {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let id = raw.trim().to_ascii_lowercase();
        if !(4..=40).contains(&id.len()) || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(AppError::invalid(Field::UniId));
        }
        Ok(Self(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A school's institution number (institutionsnummer), as UNI-Login tokens list them: trimmed and
/// upper-cased, 3–12 ASCII letters and digits (e.g. `280123`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct InstitutionNumber(String);

impl InstitutionNumber {
    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let number = raw.trim().to_ascii_uppercase();
        if !(3..=12).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(AppError::invalid(Field::InstitutionNumber));
        }
        Ok(Self(number))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password as typed. Never trimmed (spaces may be part of it), never logged (`Debug` hides it).
/// The length cap keeps a hostile caller from making us hash megabytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MAX_LEN: usize = 256;

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        if raw.is_empty() || raw.len() > Self::MAX_LEN {
            return Err(AppError::invalid(Field::Password));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// What the client knows about the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// The person's id: what a shared device files their unsent work under.
    pub id: i64,
    pub name: String,
    /// The role this session acts in.
    pub role: Role,
    /// Every role the person holds, to switch between.
    pub roles: Vec<Role>,
    pub school_name: String,
}

/// A class iPad: the class it serves and the pupils who may sign in on it by tapping their picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassDevice {
    pub class_name: String,
    pub pupils: Vec<PupilTile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilTile {
    pub id: i64,
    pub first_name: String,
    pub avatar: crate::school::Avatar,
}

/// A pupil's personal sign-in code, printed on their login card (as text and as a QR code):
/// eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as `ABCD-EFGH`.
/// Typed codes are forgiving: case, spaces and dashes are ignored.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PupilCode(String);

impl PupilCode {
    pub const ALPHABET: &'static [u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    pub const LEN: usize = 8;

    pub fn parse(raw: &str) -> Result<Self, AppError> {
        let code: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let valid = code.len() == Self::LEN && code.bytes().all(|b| Self::ALPHABET.contains(&b));
        if valid {
            Ok(Self(code))
        } else {
            Err(AppError::invalid(Field::Code))
        }
    }

    /// The normalised code, without the dash.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as printed: `ABCD-EFGH`.
    pub fn display(&self) -> String {
        let (a, b) = self.0.split_at(Self::LEN / 2);
        format!("{a}-{b}")
    }
}

impl std::fmt::Debug for PupilCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PupilCode(***)")
    }
}

/// One pupil's printable login card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginCard {
    pub pupil_id: i64,
    pub name: String,
    pub avatar: crate::school::Avatar,
    /// The code as printed, `ABCD-EFGH`.
    pub code: String,
    /// The code as a QR symbol, an SVG document.
    pub qr_svg: String,
}

/// How one may sign in here: the demo accounts (demo mode only) and whether UNI-Login is set up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    pub demo_logins: Vec<DemoLogin>,
    pub uni_login: bool,
}

/// A demo account shown on the sign-in page while demo mode is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoLogin {
    pub role: Role,
    pub name: String,
    pub username: String,
    pub password: String,
}

/// How someone likes text: personal settings that follow them to any device (DESIGN.md §5:
/// size and spacing help dyslexic readers; a special font is a preference, offered but not the fix).
/// The defaults are the design's: large text, line height 1.5, an off-white background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingSettings {
    pub text_size: Step,
    pub letter_spacing: Step,
    pub word_spacing: Step,
    pub line_height: Step,
    pub tint: Tint,
    pub font: ReadingFont,
}

/// One of three levels of a setting: as designed, more, most.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    #[default]
    Normal,
    More,
    Most,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Normal, Step::More, Step::Most];
}

/// The background behind text. Every tint keeps body text above 7:1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tint {
    #[default]
    OffWhite,
    Cream,
    Blue,
    Green,
    Grey,
}

impl Tint {
    pub const ALL: [Tint; 5] = [
        Tint::OffWhite,
        Tint::Cream,
        Tint::Blue,
        Tint::Green,
        Tint::Grey,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadingFont {
    #[default]
    Standard,
    /// OpenDyslexic, shipped with Spire under the SIL Open Font License.
    Dyslexic,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_screens_are_always_the_sign_in_build_whoever_is_signed_in() {
        for path in ["/log-ind", "/klasse", "/kode/"] {
            assert_eq!(Audience::for_page(path, None), Audience::SignIn);
            assert_eq!(
                Audience::for_page(path, Some(Role::Teacher)),
                Audience::SignIn
            );
        }
        // The card scanner is the pupil build's, which the child needs next.
        assert_eq!(Audience::for_page("/kort", None), Audience::Pupil);
    }

    #[test]
    fn other_pages_follow_the_sessions_role() {
        assert_eq!(Audience::for_page("/", Some(Role::Pupil)), Audience::Pupil);
        assert_eq!(
            Audience::for_page("/", Some(Role::Parent)),
            Audience::Family
        );
        // Screens both draw follow the role.
        assert_eq!(
            Audience::for_page("/samlet-elevplan/4", Some(Role::Parent)),
            Audience::Family
        );
        assert_eq!(
            Audience::for_page("/samlet-elevplan/4", Some(Role::Pupil)),
            Audience::Pupil
        );
        assert_eq!(
            Audience::for_page("/mine-maal", Some(Role::Parent)),
            Audience::Family
        );
        assert_eq!(Audience::for_page("/", Some(Role::Leader)), Audience::Staff);
        assert_eq!(
            Audience::for_page("/planlaegning", Some(Role::Administrator)),
            Audience::Staff
        );
        assert_eq!(
            Audience::for_page("/forloeb/3", Some(Role::Paedagog)),
            Audience::Hold
        );
    }

    #[test]
    fn signed_out_home_is_the_sign_in_build_and_a_bookmarked_staff_page_the_staff_build() {
        assert_eq!(Audience::for_page("/", None), Audience::SignIn);
        assert_eq!(Audience::for_page("/planlaegning", None), Audience::Staff);
    }

    #[test]
    fn a_pupil_or_parent_screen_opened_signed_out_is_that_build_which_sends_to_sign_in() {
        for path in ["/i-dag", "/i-dag/12", "/samlet-elevplan/4/", "/laesning"] {
            assert_eq!(Audience::for_page(path, None), Audience::Pupil, "{path}");
        }
        for path in ["/barn/3", "/ugebrev"] {
            assert_eq!(Audience::for_page(path, None), Audience::Family, "{path}");
        }
        // Only whole segments count: the staff build's elevplaner are not the family's elevplan.
        assert_eq!(
            Audience::for_page("/elevplaner/4", None),
            Audience::FollowUp
        );
        assert_eq!(Audience::for_page("/i-dagbog", None), Audience::Staff);
    }

    #[test]
    fn every_build_has_a_page_of_its_own() {
        let mut pages: Vec<&str> = Audience::ALL.iter().map(|b| b.page()).collect();
        pages.sort_unstable();
        pages.dedup();
        assert_eq!(pages.len(), Audience::ALL.len());
    }

    #[test]
    fn staff_pages_are_split_over_four_builds_by_their_first_segment() {
        let cases = [
            ("/", Audience::Staff),
            ("/planlaegning", Audience::Staff),
            ("/aarsplan/2", Audience::Hold),
            ("/forloeb/3/", Audience::Hold),
            ("/skift-adgangskode", Audience::Staff),
            ("/evaluering/3", Audience::FollowUp),
            ("/opgave/9", Audience::FollowUp),
            ("/elevarbejde/1/4", Audience::FollowUp),
            ("/elevplaner/4/udskrift", Audience::FollowUp),
            ("/elevplan/7", Audience::FollowUp),
            ("/administration", Audience::School),
            ("/hold/5", Audience::Staff),
            ("/bibliotek", Audience::Staff),
            ("/forloeb/3", Audience::Hold),
            ("/holdning", Audience::Staff),
        ];
        for (path, build) in cases {
            for role in [Role::Teacher, Role::Leader, Role::Administrator] {
                assert_eq!(
                    Audience::for_page(path, Some(role)),
                    build,
                    "{path} {role:?}"
                );
            }
            assert!(build.is_staff());
        }
        // Signed out, a bookmarked staff page loads the build that holds it, which sends to sign in.
        assert_eq!(Audience::for_page("/aarsplan/5", None), Audience::Hold);
        // Pupils and parents never get a staff build, whatever the path.
        assert_eq!(
            Audience::for_page("/administration", Some(Role::Parent)),
            Audience::Family
        );
        assert!(!Audience::Family.is_staff() && !Audience::SignIn.is_staff());
        assert!(!Audience::Pupil.is_staff());
    }

    #[test]
    fn a_uni_id_is_trimmed_lower_cased_letters_and_digits() {
        assert_eq!(UniId::parse(" AbCd1234ef ").unwrap().as_str(), "abcd1234ef");
        for bad in [
            "",
            "abc",
            "ab cd1234",
            "abcd-1234",
            "æøå12345",
            &"a".repeat(41),
        ] {
            assert_eq!(
                UniId::parse(bad).unwrap_err().field.as_deref(),
                Some("uni_id"),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_institution_number_is_trimmed_upper_cased_letters_and_digits() {
        assert_eq!(
            InstitutionNumber::parse(" a03202 ").unwrap().as_str(),
            "A03202"
        );
        assert!(InstitutionNumber::parse("28 0123").is_err());
        assert!(InstitutionNumber::parse("12").is_err());
    }

    #[test]
    fn a_username_is_trimmed_and_lower_cased() {
        assert_eq!(
            Username::parse("  Anne.Larsen ").unwrap().as_str(),
            "anne.larsen"
        );
    }

    #[test]
    fn a_username_may_contain_danish_letters() {
        assert_eq!(Username::parse("søren-ærø").unwrap().as_str(), "søren-ærø");
    }

    #[test]
    fn a_username_with_spaces_or_symbols_is_refused_with_its_field_named() {
        for bad in ["", "a", "anne larsen", "anne@skole", &"x".repeat(65)] {
            let err = Username::parse(bad).unwrap_err();
            assert_eq!(err, AppError::invalid(Field::Username), "{bad:?}");
        }
    }

    #[test]
    fn a_password_keeps_its_spaces_and_is_never_printed() {
        let p = Password::parse(" hemmelig ").unwrap();
        assert_eq!(p.expose(), " hemmelig ");
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn an_empty_or_huge_password_is_refused() {
        assert!(Password::parse("").is_err());
        assert!(Password::parse(&"x".repeat(Password::MAX_LEN + 1)).is_err());
        assert!(Password::parse(&"x".repeat(Password::MAX_LEN)).is_ok());
    }

    #[test]
    fn a_typed_code_ignores_case_spaces_and_the_dash() {
        let code = PupilCode::parse(" abcd-efgh ").unwrap();
        assert_eq!(code.as_str(), "ABCDEFGH");
        assert_eq!(code.display(), "ABCD-EFGH");
        assert_eq!(PupilCode::parse("ab cd ef gh").unwrap(), code);
    }

    #[test]
    fn a_code_with_look_alike_characters_or_the_wrong_length_is_refused() {
        for bad in [
            "",
            "ABCDEFG",
            "ABCDEFGHJ",
            "ABCD-EFG0",
            "ABCDEFGI",
            "ABCDÆFGH",
        ] {
            assert_eq!(
                PupilCode::parse(bad).unwrap_err(),
                AppError::invalid(Field::Code),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_code_is_never_printed_in_logs() {
        assert_eq!(
            format!("{:?}", PupilCode::parse("ABCDEFGH").unwrap()),
            "PupilCode(***)"
        );
    }

    #[test]
    fn every_role_round_trips_through_its_stored_name() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()).unwrap(), role);
        }
        assert!(Role::parse("admin").is_err());
        assert!(Role::Paedagog.is_teaching_staff() && !Role::Leader.is_teaching_staff());
    }

    #[test]
    fn reading_settings_are_the_designed_defaults_until_changed() {
        let s = ReadingSettings::default();
        assert_eq!(
            (s.text_size, s.line_height, s.tint, s.font),
            (
                Step::Normal,
                Step::Normal,
                Tint::OffWhite,
                ReadingFont::Standard
            )
        );
        let json = r#"{"text_size":"most","letter_spacing":"more","word_spacing":"normal","line_height":"most","tint":"cream","font":"dyslexic"}"#;
        let parsed: ReadingSettings = serde_json::from_str(json).expect("valid settings");
        assert_eq!(parsed.tint, Tint::Cream);
        assert!(serde_json::from_str::<ReadingSettings>(&json.replace("cream", "pink")).is_err());
    }
}
