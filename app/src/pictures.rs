//! The one picture map: every destination, subject and kind of task has one picture and one
//! colour, the same on the pupil's screens and in the teacher's preview of them. A pupil who
//! cannot read finds *I dag* by its orange calendar, on every screen and every iPad.

use domain::planning::TaskIcon;
use domain::school::Subject;

/// Where a pupil's tile leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    Home,
    Today,
    MyGoals,
    HowDidItGo,
    MyWork,
    MyPlan,
    Reading,
}

impl Destination {
    pub fn icon(self) -> icondata::Icon {
        match self {
            Destination::Home => icondata::LuHouse,
            Destination::Today => icondata::LuCalendarDays,
            Destination::MyGoals => icondata::LuTarget,
            Destination::HowDidItGo => icondata::LuSmile,
            Destination::MyWork => icondata::LuFolderOpen,
            Destination::MyPlan => icondata::LuNotebookPen,
            Destination::Reading => icondata::LuGlasses,
        }
    }

    /// The class that gives a tile the destination's colour (`--dest-…` in the stylesheet's tokens).
    pub fn class(self) -> &'static str {
        match self {
            Destination::Home => "dest dest-home",
            Destination::Today => "dest dest-today",
            Destination::MyGoals => "dest dest-goals",
            Destination::HowDidItGo => "dest dest-how",
            Destination::MyWork => "dest dest-work",
            Destination::MyPlan => "dest dest-plan",
            Destination::Reading => "dest dest-reading",
        }
    }
}

/// The one picture of each subject. No subject shares a picture with a kind of task: the open
/// book is "read", so Dansk is its letters.
pub fn subject_icon(subject: Subject) -> icondata::Icon {
    match subject {
        Subject::Dansk => icondata::LuCaseSensitive,
        Subject::Matematik => icondata::LuCalculator,
        Subject::Engelsk => icondata::LuLanguages,
        Subject::NaturTeknologi => icondata::LuLeaf,
        Subject::Idraet => icondata::LuBike,
        Subject::Billedkunst => icondata::LuPalette,
        Subject::Musik => icondata::LuMusic,
        Subject::Tysk => icondata::LuMessagesSquare,
        Subject::Fransk => icondata::LuSpeech,
        Subject::Kristendomskundskab => icondata::LuChurch,
        Subject::Historie => icondata::LuHourglass,
        Subject::Samfundsfag => icondata::LuVote,
        Subject::Geografi => icondata::LuGlobe,
        Subject::Biologi => icondata::LuBug,
        Subject::FysikKemi => icondata::LuFlaskConical,
        Subject::HaandvaerkDesign => icondata::LuHammer,
        Subject::Madkundskab => icondata::LuChefHat,
        Subject::Valgfag => icondata::LuSparkles,
        Subject::Understoettende => icondata::LuPuzzle,
        Subject::Faerdselslaere => icondata::LuTrafficCone,
        Subject::SundhedSeksualFamilie => icondata::LuHeartPulse,
        Subject::UddannelseJob => icondata::LuBriefcase,
        Subject::Own(_) => crate::subjects::icon_of_own(subject),
    }
}

/// How many subject colours the tokens define (`--hue-0` …).
const HUES: usize = 6;

/// The class that gives a subject its colour: a pupil's subject tile, its tasks and its page
/// share it. Neighbouring subjects in the law's order get different colours.
pub fn subject_class(subject: Subject) -> &'static str {
    const CLASSES: [&str; HUES] = [
        "hue hue-0",
        "hue hue-1",
        "hue hue-2",
        "hue hue-3",
        "hue hue-4",
        "hue hue-5",
    ];
    let index = match subject.own() {
        Some(own) => usize::try_from(own.value()).unwrap_or(0),
        None => Subject::ALL.iter().position(|s| *s == subject).unwrap_or(0),
    };
    CLASSES[index % HUES]
}

/// The picture of a task, so a pupil who cannot read yet knows what to do.
pub fn task_icon(icon: TaskIcon) -> icondata::Icon {
    match icon {
        TaskIcon::Read => icondata::LuBookOpen,
        TaskIcon::Write => icondata::LuPencil,
        TaskIcon::Count => icondata::LuListOrdered,
        TaskIcon::Draw => icondata::LuPaintbrush,
        TaskIcon::Listen => icondata::LuHeadphones,
        TaskIcon::Talk => icondata::LuMessageCircle,
        TaskIcon::Build => icondata::LuBlocks,
        TaskIcon::Move => icondata::LuPersonStanding,
        TaskIcon::Photo => icondata::LuCamera,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_subject_of_the_law_shares_a_picture_with_a_kind_of_task() {
        for subject in Subject::ALL {
            for kind in TaskIcon::ALL {
                assert_ne!(
                    subject_icon(subject),
                    task_icon(kind),
                    "{subject:?} and {kind:?} look the same"
                );
            }
        }
    }

    #[test]
    fn every_destination_has_its_own_picture_and_colour() {
        let all = [
            Destination::Home,
            Destination::Today,
            Destination::MyGoals,
            Destination::HowDidItGo,
            Destination::MyWork,
            Destination::MyPlan,
            Destination::Reading,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.icon(), b.icon(), "{a:?} and {b:?} share a picture");
                assert_ne!(a.class(), b.class(), "{a:?} and {b:?} share a colour");
            }
        }
    }

    #[test]
    fn neighbouring_subjects_get_different_colours() {
        for pair in Subject::ALL.windows(2) {
            assert_ne!(subject_class(pair[0]), subject_class(pair[1]));
        }
    }
}
