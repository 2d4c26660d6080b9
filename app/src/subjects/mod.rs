//! The school's own subjects on every screen: each page loads the school's catalogue once, beside
//! its own data, and names and draws a hold's subject from it (`i18n::subject_name`,
//! `pictures::subject_icon`). Leaders add and correct subjects on the administration screen
//! (`admin`).

pub mod admin;

use domain::AppError;
use domain::school::Subject;
use domain::subjects::{OwnIcon, OwnSubject, OwnSubjectInput};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "school_subjects")]
pub async fn school_subjects() -> Result<Vec<OwnSubject>, AppError> {
    backend::subjects::school_subjects(&crate::request_ctx()?).await
}

#[server(endpoint = "save_own_subject", input = Json)]
pub async fn save_own_subject(input: OwnSubjectInput) -> Result<OwnSubject, AppError> {
    backend::subjects::save_own_subject(&crate::request_ctx()?, &input).await
}

/// The page's catalogue of the school's own subjects: the last list the server gave, and whether
/// it has answered once. Reloading keeps the last list until the new one comes, so a screen that
/// waits for the catalogue is not drawn again (losing what someone typed) while it reloads.
#[derive(Clone, Copy)]
pub struct Catalogue {
    resource: LocalResource<Result<Vec<OwnSubject>, AppError>>,
    own: RwSignal<Vec<OwnSubject>>,
    answered: RwSignal<bool>,
}

/// Starts loading the catalogue for the page (the staff and family builds, at their root).
pub fn provide_catalogue() {
    let catalogue = Catalogue {
        resource: LocalResource::new(school_subjects),
        own: RwSignal::new(Vec::new()),
        answered: RwSignal::new(false),
    };
    Effect::new(move |_| {
        if let Some(result) = catalogue.resource.get() {
            if let Ok(own) = result {
                catalogue.own.set(own);
            }
            // Once: every screen that waits on it reads this.
            if !catalogue.answered.get_untracked() {
                catalogue.answered.set(true);
            }
        }
    });
    provide_context(catalogue);
}

/// Loads the catalogue again: a subject added or corrected.
pub fn reload() {
    if let Some(catalogue) = use_context::<Catalogue>() {
        catalogue.resource.refetch();
    }
}

/// After a sign-in on this page the catalogue, loaded signed out, is loaded again.
pub fn reload_after_sign_in() {
    if let Some(catalogue) = use_context::<Catalogue>()
        && matches!(catalogue.resource.get_untracked(), Some(Err(_)))
    {
        catalogue.resource.refetch();
    }
}

/// Whether the catalogue has answered once (with subjects, or an error that leaves it empty).
/// Screens that name subjects wait for it, so an own subject is never drawn without its name.
pub fn ready() -> bool {
    use_context::<Catalogue>().is_none_or(|catalogue| catalogue.answered.get())
}

/// Runs `f` with the school's own subjects (none until they are loaded, or signed out). Read in
/// a view, the view follows the catalogue.
pub fn with_catalogue<T>(f: impl FnOnce(&[OwnSubject]) -> T) -> T {
    match use_context::<Catalogue>() {
        Some(catalogue) => catalogue.own.with(|own| f(own)),
        None => f(&[]),
    }
}

/// The school's own subjects, for lists and forms.
pub fn own_subjects() -> Vec<OwnSubject> {
    with_catalogue(<[OwnSubject]>::to_vec)
}

/// The grades a subject is taught in: the law's, or the school's for its own.
pub fn grades_of(subject: Subject) -> std::ops::RangeInclusive<u8> {
    subject.law_grades().unwrap_or_else(|| {
        with_catalogue(|own| {
            own.iter()
                .find(|o| o.subject() == subject)
                .map_or(0..=10, |o| o.first_grade..=o.last_grade)
        })
    })
}

/// The picture of one of the school's own subjects.
pub fn own_icon(icon: OwnIcon) -> icondata::Icon {
    match icon {
        OwnIcon::Tree => icondata::LuTreeDeciduous,
        OwnIcon::Lightbulb => icondata::LuLightbulb,
        OwnIcon::Rocket => icondata::LuRocket,
        OwnIcon::Film => icondata::LuClapperboard,
        OwnIcon::Masks => icondata::LuDrama,
        OwnIcon::Computer => icondata::LuMonitor,
        OwnIcon::Sprout => icondata::LuSprout,
        OwnIcon::Compass => icondata::LuCompass,
        OwnIcon::Dice => icondata::LuDice5,
        OwnIcon::Binoculars => icondata::LuBinoculars,
    }
}

/// The picture of a school's own subject, from the catalogue (a plain shape until it is loaded).
pub fn icon_of_own(subject: Subject) -> icondata::Icon {
    with_catalogue(|own| {
        own.iter()
            .find(|o| o.subject() == subject)
            .map_or(icondata::LuShapes, |o| own_icon(o.icon))
    })
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<SchoolSubjects>();
    register_explicit::<SaveOwnSubject>();
}
