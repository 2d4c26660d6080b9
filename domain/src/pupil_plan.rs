//! The elevplan (meddelelsesbog): a pupil's plan per subject, built from that subject's forløb, and
//! one collected plan per year written by the team. Teachers write drafts; publishing freezes a
//! version that the pupil and the family read, and earlier versions stay readable.

use crate::AppError;
use crate::Field;
use crate::feedback::{MAX_FEEDBACK_TEXT, Sticker};
use crate::planning::GoalKind;
use crate::pupil::{WorkKind, WorkUpload};
use crate::school::Subject;
use serde::{Deserialize, Serialize};

/// The written sections of a plan. A subject plan uses the first three; the collected plan may use
/// all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTexts {
    /// Status: where the pupil is now.
    pub status: String,
    /// Mål: what the pupil works towards.
    pub goals: String,
    /// Opfølgning: the next steps, at school and at home.
    pub follow_up: String,
    /// Trivsel.
    pub wellbeing: String,
    /// Alsidig udvikling.
    pub all_round: String,
    /// Overvejelser om uddannelse (7.–9. klasse).
    pub education: String,
    /// Indsatser og opfølgning for a pupil who receives support.
    pub support: String,
}

impl PlanTexts {
    /// Each section: at most 10,000 characters, no control characters but line breaks.
    pub const MAX: usize = 10_000;

    /// Trims every section and checks its length; the error names the section.
    pub fn parse(raw: &PlanTexts) -> Result<PlanTexts, AppError> {
        let one = |text: &str, field: Field| -> Result<String, AppError> {
            let t = text.trim();
            let bad_char = t.chars().any(|c| c.is_control() && c != '\n' && c != '\r');
            if t.chars().count() > Self::MAX || bad_char {
                return Err(AppError::invalid(field));
            }
            Ok(t.to_owned())
        };
        Ok(PlanTexts {
            status: one(&raw.status, Field::Status)?,
            goals: one(&raw.goals, Field::Goals)?,
            follow_up: one(&raw.follow_up, Field::FollowUp)?,
            wellbeing: one(&raw.wellbeing, Field::Wellbeing)?,
            all_round: one(&raw.all_round, Field::AllRound)?,
            education: one(&raw.education, Field::Education)?,
            support: one(&raw.support, Field::Support)?,
        })
    }

    /// Whether a subject plan says anything about the subject.
    pub fn has_subject_content(&self) -> bool {
        !(self.status.is_empty() && self.goals.is_empty() && self.follow_up.is_empty())
    }
}

/// The pupil's own reflection, added before publication: at most 2,000 characters.
pub fn parse_reflection(text: &str) -> Result<String, AppError> {
    let t = text.trim();
    if t.chars().count() > 2000 || t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::invalid(Field::Reflection));
    }
    Ok(t.to_owned())
}

/// What the teacher writes down of a pupil's recorded reflection: at most 2,000 characters.
pub fn parse_transcript(text: &str) -> Result<String, AppError> {
    parse_reflection(text).map_err(|_| AppError::invalid(Field::Transcript))
}

/// A recorded reflection is as long as a teacher's recorded answer may be (about three minutes).
pub const MAX_REFLECTION_VOICE_BYTES: usize = crate::feedback::MAX_FEEDBACK_VOICE_BYTES;

/// The pupil's reflection said aloud instead of typed, as the pupil and the plan's writers see it
/// before publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilVoice {
    /// Played at `paths::REFLECTION_FILES/{id}`.
    pub id: i64,
    /// Unix seconds.
    pub recorded_at: i64,
    /// Whether the teacher includes the recording in the next published version.
    pub in_plan: bool,
    /// What the teacher wrote down of it, published with the next version when not empty.
    pub transcript: String,
}

/// The teacher's choice about the pupil's current recording, saved with the draft. `voice_id`
/// names the recording the teacher heard: a newer one since is a conflict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceChoice {
    pub voice_id: i64,
    pub in_plan: bool,
    pub transcript: String,
}

/// The pupil's recorded reflection in a published version: the recording if the teacher included
/// it, and what the teacher wrote down of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedVoice {
    /// Played at `paths::REFLECTION_FILES/{id}` at the school that keeps the version.
    pub recording: Option<i64>,
    pub transcript: String,
    /// In a package only: the recording itself, since `recording` names the exporting school's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<VoiceFile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceFile {
    pub content_type: String,
    pub data_base64: String,
}

/// The parts the law requires of a pupil's elevplan (folkeskolelovens § 13 b), by grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequiredPart {
    /// 0. klasse: sprog.
    Language,
    /// 0. klasse: matematisk opmærksomhed.
    MathAwareness,
    /// 1.–9. klasse: dansk.
    Danish,
    /// 1.–9. klasse: matematik.
    Maths,
    /// 7.–9. klasse: overvejelser om uddannelse.
    Education,
    /// A pupil who receives support: indsatser og opfølgning.
    Support,
}

/// What the required parts are for a pupil in `grade` (0 = børnehaveklassen).
pub fn required_parts(grade: i16, receives_support: bool) -> Vec<RequiredPart> {
    let mut parts = if grade <= 0 {
        vec![RequiredPart::Language, RequiredPart::MathAwareness]
    } else {
        vec![RequiredPart::Danish, RequiredPart::Maths]
    };
    if (7..=9).contains(&grade) {
        parts.push(RequiredPart::Education);
    }
    if receives_support {
        parts.push(RequiredPart::Support);
    }
    parts
}

/// What a pupil's plans for the year say, as far as the required parts go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanContent {
    /// Subjects whose plan has written content or chosen goals.
    pub subjects_written: Vec<Subject>,
    /// The collected plan's sections.
    pub collected: PlanTexts,
}

/// Each required part and whether the pupil's plans cover it. Sprog and matematisk opmærksomhed
/// are written in the dansk and matematik plans (or the collected plan's status) in 0. klasse.
pub fn coverage(grade: i16, receives_support: bool, content: &PlanContent) -> Vec<PartCoverage> {
    let subject = |s: Subject| content.subjects_written.contains(&s);
    required_parts(grade, receives_support)
        .into_iter()
        .map(|part| {
            let covered = match part {
                RequiredPart::Language | RequiredPart::Danish => subject(Subject::Dansk),
                RequiredPart::MathAwareness | RequiredPart::Maths => subject(Subject::Matematik),
                RequiredPart::Education => !content.collected.education.is_empty(),
                RequiredPart::Support => !content.collected.support.is_empty(),
            };
            PartCoverage { part, covered }
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartCoverage {
    pub part: RequiredPart,
    pub covered: bool,
}

/// One plan of a pupil's year, as a teacher's list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanSummary {
    pub id: i64,
    /// None for the collected plan.
    pub subject: Option<Subject>,
    /// The number of the newest published version; none before the first publication.
    pub published_version: Option<i32>,
    /// Whether the teacher may write it.
    pub can_edit: bool,
}

/// A pupil's plans for the school year, for their teachers and the leader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilPlans {
    pub pupil_id: i64,
    pub pupil_name: String,
    pub class_name: String,
    pub grade: i16,
    pub school_year: i32,
    pub plans: Vec<PlanSummary>,
    /// Subjects the signed-in teacher may start a plan in (they teach the pupil a hold of it).
    pub can_start: Vec<Subject>,
    /// Whether the signed-in teacher may start the collected plan.
    pub can_start_collected: bool,
    pub coverage: Vec<PartCoverage>,
    /// Whether the signed-in person may export and import the pupil's package.
    pub can_move_records: bool,
    /// The caller may read who read or changed the pupil's data (the school's leader).
    pub can_read_audit_trail: bool,
}

/// A goal the teacher may show in a subject plan, with its current evaluations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanGoalChoice {
    pub goal_id: i64,
    pub unit_title: String,
    pub text: String,
    pub kind: GoalKind,
    pub chosen: bool,
    /// The current evaluations in words ("På vej – læser med støtte").
    pub teacher: Option<String>,
    pub pupil: Option<String>,
}

/// A draft, for its writers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub id: i64,
    pub pupil_id: i64,
    pub pupil_name: String,
    pub subject: Option<Subject>,
    pub school_year: i32,
    pub texts: PlanTexts,
    pub receives_support: bool,
    pub pupil_reflection: String,
    /// The pupil's current recorded reflection, if they said it aloud.
    #[serde(default)]
    pub voice: Option<PupilVoice>,
    pub version: i32,
    pub goals: Vec<PlanGoalChoice>,
    /// Published versions, newest first.
    pub versions: Vec<PlanVersionRef>,
    pub coverage: Vec<PartCoverage>,
    pub can_edit: bool,
}

/// What a teacher saves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEdit {
    pub plan_id: i64,
    /// The version the edit was made on; a newer stored one is a conflict.
    pub version: i32,
    pub texts: PlanTexts,
    pub receives_support: bool,
    pub goal_ids: Vec<i64>,
    /// What to do with the pupil's recorded reflection, when there is one.
    #[serde(default)]
    pub voice: Option<VoiceChoice>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersionRef {
    pub id: i64,
    pub number: i32,
    /// Unix seconds.
    pub published_at: i64,
}

/// A goal and its evaluations as published: words only, frozen at publication, with the goal's
/// origin so the plan can follow the pupil to another school.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedGoal {
    pub goal_id: i64,
    pub text: String,
    pub kind: GoalKind,
    /// `framework id@version:item id` when the goal is from a framework such as Fælles Mål.
    pub framework_item: Option<String>,
    pub teacher: Option<String>,
    pub pupil: Option<String>,
    /// The teacher's and the pupil's evaluation in words in the plan's previous version, if the
    /// goal was in it: progress since then.
    #[serde(default)]
    pub teacher_before: Option<String>,
    #[serde(default)]
    pub pupil_before: Option<String>,
    /// The pupil's work the teachers chose as evidence for the goal, as it was when published:
    /// only pieces the pupil shared with the family, with the answers meant for the family.
    #[serde(default)]
    pub evidence: Vec<crate::pupil::WorkItem>,
}

/// One published version of a plan: everything the family reads, frozen. It does not refer to
/// forløb, hold or teachers that may later be archived or leave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedPlan {
    pub subject: Option<Subject>,
    pub school_year: i32,
    pub pupil_name: String,
    pub texts: PlanTexts,
    pub goals: Vec<PublishedGoal>,
    pub pupil_reflection: String,
    /// The pupil's recorded reflection, as far as the teacher included it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupil_voice: Option<PublishedVoice>,
    pub published_by: String,
    /// Unix seconds; 0 in a preview.
    pub published_at: i64,
    /// 0 in a preview.
    pub number: i32,
    /// The school a version was published at when it came with the pupil from there; `None` for
    /// this school's own. Screens name that school instead of presenting it as this school's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_from: Option<String>,
}

/// The family's samlet elevplan for one child: the newest published version of each plan, and
/// every earlier version's reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectedPlan {
    pub pupil_id: i64,
    pub pupil_name: String,
    /// The school year now: plans of earlier years are shown under "Tidligere år".
    pub current_year: i32,
    pub plans: Vec<PublishedPlanEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedPlanEntry {
    pub newest: PublishedPlan,
    /// Every version, newest first (the first is `newest`).
    pub versions: Vec<PlanVersionRef>,
}

/// One of the pupil's own plans, as the pupil sees it before publication: which subject, and
/// their reflection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPlan {
    pub plan_id: i64,
    pub subject: Option<Subject>,
    pub reflection: String,
    /// Their recorded reflection, if they said it aloud.
    #[serde(default)]
    pub voice: Option<PupilVoice>,
}

/// The format name of a pupil's package (`docs/pupil-package.md`).
pub const PACKAGE_FORMAT: &str = "spire-pupil/1";

/// Everything of a pupil's that follows them to another school: every published version of every
/// plan, every evaluation with its history (teacher's and pupil's own apart), each goal with its
/// framework id and version, and the pupil's work with the teachers' answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilPackage {
    /// Always `PACKAGE_FORMAT`.
    pub format: String,
    /// Unix seconds.
    pub exported_at: i64,
    /// The school that exported it.
    pub school: String,
    pub pupil: PackagePupil,
    pub plans: Vec<PackagePlan>,
    pub evaluations: Vec<PackageEvaluation>,
    /// The pupil's work with the teachers' answers, from this school and the ones before.
    #[serde(default)]
    pub portfolio: Vec<PackageWork>,
    /// The exporting school's own subjects that its plans and evaluations name (`egen-<id>` is
    /// that school's id): the receiving school takes each as its own subject of the same name.
    #[serde(default)]
    pub own_subjects: Vec<crate::subjects::OwnSubject>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackagePupil {
    pub given_name: String,
    pub family_name: String,
}

/// One plan: its subject (none for the collected plan), year, and published versions, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackagePlan {
    pub subject: Option<Subject>,
    pub school_year: i32,
    pub versions: Vec<PublishedPlan>,
}

/// One evaluation as it was given, with what it was given on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageEvaluation {
    /// The school where it was given.
    pub school: String,
    pub subject: Option<Subject>,
    pub unit_title: String,
    /// The goal's id at that school.
    pub goal_id: i64,
    pub goal_text: String,
    pub goal_kind: GoalKind,
    /// `framework id@version:item id` when the goal is from a framework.
    pub framework_item: Option<String>,
    /// The scale's steps, lowest first.
    pub scale: Vec<String>,
    /// The pupil's own evaluation rather than the teacher's.
    pub by_pupil: bool,
    pub step: Option<u8>,
    pub comment: String,
    /// Unix seconds.
    pub at: i64,
}

/// A piece of the pupil's work, whole, with the teachers' answers on it: the file travels as
/// base64. Tasks, goals and teachers stay at the school, so they travel as words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageWork {
    /// The school where it was made.
    pub school: String,
    pub kind: WorkKind,
    pub text: String,
    /// Unix seconds.
    pub made_at: i64,
    /// The task's title or the goal's words it was made for.
    pub made_for: Option<String>,
    pub shared_with_family: bool,
    pub content_type: Option<String>,
    pub data_base64: Option<String>,
    pub feedback: Vec<PackageFeedback>,
    /// The goals, in words, the teachers chose it as evidence for.
    pub evidence_for: Vec<String>,
}

/// A teacher's answer on a piece of work, as the package carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageFeedback {
    pub author: String,
    /// Unix seconds.
    pub at: i64,
    pub for_family: bool,
    pub body: PackageFeedbackBody,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackageFeedbackBody {
    Text(String),
    Sticker(Sticker),
    Voice {
        content_type: String,
        data_base64: String,
    },
}

impl PublishedVoice {
    /// Bounds a recorded reflection from elsewhere must keep: a transcript a teacher here could
    /// write, and a recording of a kind and size a pupil here could make.
    fn check(&self) -> bool {
        let file_ok = self.file.as_ref().is_none_or(|f| {
            crate::media::is_voice(&f.content_type)
                && f.data_base64.len() <= MAX_REFLECTION_VOICE_BYTES.div_ceil(3) * 4
        });
        parse_transcript(&self.transcript).is_ok_and(|t| t == self.transcript) && file_ok
    }
}

impl PackageWork {
    /// Whether it is the same piece as `other`: where and when it was made, and what it is.
    pub fn same_piece(&self, other: &PackageWork) -> bool {
        self.school == other.school
            && self.made_at == other.made_at
            && self.kind == other.kind
            && self.text == other.text
            && self.data_base64 == other.data_base64
    }

    /// Bounds a piece from elsewhere must keep: words and a file of its kind, as a pupil here
    /// could have made it.
    fn check(&self) -> bool {
        let upload = WorkUpload {
            client_key: "package-piece".into(),
            kind: self.kind,
            task_id: None,
            goal_id: None,
            text: self.text.clone(),
            content_type: self.content_type.clone(),
            data_base64: self.data_base64.clone(),
        };
        let answers_ok = self.feedback.iter().all(|f| match &f.body {
            PackageFeedbackBody::Text(t) => t.chars().count() <= MAX_FEEDBACK_TEXT,
            PackageFeedbackBody::Sticker(_) => true,
            PackageFeedbackBody::Voice { content_type, .. } => crate::media::is_voice(content_type),
        });
        let words_ok = self.school.chars().count() <= 200
            && self
                .made_for
                .as_ref()
                .is_none_or(|m| m.chars().count() <= 10_000)
            && self
                .evidence_for
                .iter()
                .all(|g| g.chars().count() <= 10_000);
        upload.check().is_ok() && answers_ok && words_ok
    }
}

/// What an import added; importing the same package again adds nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub plans: u32,
    pub versions: u32,
    pub evaluations: u32,
    /// Pieces of work.
    #[serde(default)]
    pub work: u32,
}

impl PupilPackage {
    /// Checks a package from elsewhere before anything of it is stored: the format, the texts'
    /// bounds and each evaluation's step on its own scale. The error names the part.
    pub fn check(&self) -> Result<(), AppError> {
        if self.format != PACKAGE_FORMAT {
            return Err(AppError::invalid(Field::PackageFormat));
        }
        for plan in &self.plans {
            for version in &plan.versions {
                let texts = PlanTexts::parse(&version.texts)
                    .map_err(|_| AppError::invalid(Field::PackagePlans))?;
                if texts != version.texts || parse_reflection(&version.pupil_reflection).is_err() {
                    return Err(AppError::invalid(Field::PackagePlans));
                }
                if !version
                    .pupil_voice
                    .as_ref()
                    .is_none_or(PublishedVoice::check)
                {
                    return Err(AppError::invalid(Field::PackagePlans));
                }
            }
        }
        // Every own subject named must be described, so the receiving school can take it as its own.
        let described = |s: Option<Subject>| {
            s.and_then(Subject::own)
                .is_none_or(|id| self.own_subjects.iter().any(|o| o.id == id))
        };
        if !self.plans.iter().all(|p| described(p.subject)) {
            return Err(AppError::invalid(Field::PackagePlans));
        }
        if !self.evaluations.iter().all(|e| described(e.subject)) {
            return Err(AppError::invalid(Field::PackageEvaluations));
        }
        for own in &self.own_subjects {
            let input = crate::subjects::OwnSubjectInput {
                id: None,
                name: own.name.clone(),
                icon: own.icon,
                first_grade: own.first_grade,
                last_grade: own.last_grade,
                spans: own.spans.clone(),
            };
            input
                .parse()
                .map_err(|_| AppError::invalid(Field::PackagePlans))?;
        }
        if !self.portfolio.iter().all(PackageWork::check) {
            return Err(AppError::invalid(Field::PackagePortfolio));
        }
        for e in &self.evaluations {
            let step_ok = e.step.is_none_or(|s| usize::from(s) < e.scale.len());
            let bounded = e.goal_text.chars().count() <= 10_000
                && e.comment.chars().count() <= 2_000
                && e.scale.len() <= 10;
            if !step_ok || !bounded {
                return Err(AppError::invalid(Field::PackageEvaluations));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_required_parts_follow_the_grade() {
        use RequiredPart::*;
        assert_eq!(required_parts(0, false), [Language, MathAwareness]);
        assert_eq!(required_parts(1, false), [Danish, Maths]);
        assert_eq!(required_parts(6, false), [Danish, Maths]);
        assert_eq!(required_parts(7, false), [Danish, Maths, Education]);
        assert_eq!(required_parts(9, true), [Danish, Maths, Education, Support]);
        assert_eq!(required_parts(3, true), [Danish, Maths, Support]);
    }

    #[test]
    fn a_part_is_covered_by_the_plan_that_writes_about_it() {
        let mut content = PlanContent::default();
        let missing: Vec<_> = coverage(8, true, &content)
            .into_iter()
            .filter(|c| !c.covered)
            .map(|c| c.part)
            .collect();
        assert_eq!(missing.len(), 4);
        content.subjects_written.push(Subject::Dansk);
        content.collected.education = "Vil gerne på teknisk skole".into();
        let covered: Vec<_> = coverage(8, true, &content)
            .into_iter()
            .filter(|c| c.covered)
            .map(|c| c.part)
            .collect();
        assert_eq!(covered, [RequiredPart::Danish, RequiredPart::Education]);
        assert!(
            coverage(0, false, &content)[0].covered,
            "sprog by the dansk plan"
        );
    }

    #[test]
    fn sections_are_trimmed_and_bounded_and_the_error_names_the_section() {
        let raw = PlanTexts {
            status: "  Læser sikkert  ".into(),
            follow_up: "x".repeat(PlanTexts::MAX + 1),
            ..Default::default()
        };
        assert_eq!(
            PlanTexts::parse(&raw).unwrap_err().field.as_deref(),
            Some("follow_up")
        );
        let ok = PlanTexts::parse(&PlanTexts {
            follow_up: String::new(),
            ..raw
        })
        .unwrap();
        assert_eq!(ok.status, "Læser sikkert");
        assert!(ok.has_subject_content());
        assert!(!PlanTexts::default().has_subject_content());
    }

    #[test]
    fn a_reflection_is_short_and_plain() {
        assert_eq!(
            parse_reflection(" Jeg er god til at læse ").unwrap(),
            "Jeg er god til at læse"
        );
        assert!(parse_reflection(&"a".repeat(2001)).is_err());
    }

    #[test]
    fn a_package_from_elsewhere_is_checked_before_it_is_stored() {
        let plan = PublishedPlan {
            subject: Some(Subject::Dansk),
            school_year: 2025,
            pupil_name: "Ida Jensen".into(),
            texts: PlanTexts {
                status: "Læser".into(),
                ..Default::default()
            },
            goals: vec![],
            pupil_reflection: String::new(),
            pupil_voice: None,
            published_by: "Anne Holm".into(),
            published_at: 1,
            number: 1,
            imported_from: None,
        };
        let evaluation = PackageEvaluation {
            school: "Solbakken Skole".into(),
            subject: Some(Subject::Dansk),
            unit_title: "Eventyr".into(),
            goal_id: 1,
            goal_text: "Jeg kan læse rim".into(),
            goal_kind: GoalKind::Faglig,
            framework_item: None,
            scale: vec!["Ikke endnu".into(), "Det kan jeg".into()],
            by_pupil: false,
            step: Some(1),
            comment: String::new(),
            at: 1,
        };
        let package = PupilPackage {
            format: PACKAGE_FORMAT.into(),
            exported_at: 2,
            school: "Solbakken Skole".into(),
            pupil: PackagePupil {
                given_name: "Ida".into(),
                family_name: "Jensen".into(),
            },
            plans: vec![PackagePlan {
                subject: Some(Subject::Dansk),
                school_year: 2025,
                versions: vec![plan.clone()],
            }],
            evaluations: vec![evaluation.clone()],
            portfolio: vec![],
            own_subjects: vec![],
        };
        assert!(package.check().is_ok());
        let field = |p: PupilPackage| p.check().unwrap_err().field;
        let udeskole = crate::subjects::OwnSubject {
            id: crate::school::OwnSubjectId::parse(4).unwrap(),
            name: "Udeskole".into(),
            icon: crate::subjects::OwnIcon::Tree,
            first_grade: 0,
            last_grade: 3,
            spans: vec![Subject::Matematik],
        };
        let mut own_plan = package.clone();
        own_plan.plans[0].subject = Some(udeskole.subject());
        assert_eq!(
            field(own_plan.clone()).as_deref(),
            Some("package_plans"),
            "an own subject the package does not describe"
        );
        own_plan.own_subjects = vec![udeskole.clone()];
        assert!(own_plan.check().is_ok());
        let mut own_evaluation = package.clone();
        own_evaluation.evaluations[0].subject = Some(udeskole.subject());
        assert_eq!(
            field(own_evaluation).as_deref(),
            Some("package_evaluations")
        );
        let field = |p: PupilPackage| p.check().unwrap_err().field;
        assert_eq!(
            field(PupilPackage {
                format: "spire-pupil/9".into(),
                ..package.clone()
            })
            .as_deref(),
            Some("package_format")
        );
        let mut off_scale = package.clone();
        off_scale.evaluations[0].step = Some(2);
        assert_eq!(field(off_scale).as_deref(), Some("package_evaluations"));
        let mut untrimmed = package;
        untrimmed.plans[0].versions[0].texts.status = " Læser ".into();
        assert_eq!(field(untrimmed).as_deref(), Some("package_plans"));
    }
}
