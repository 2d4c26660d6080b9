//! Planning: the teacher's side: the teacher's home, årsplaner, forløb, goals and tasks.

pub mod api;
mod coverage;
mod goals_section;
pub mod parts;
pub mod screens;
mod tasks_section;
mod timeline;

use crate::components::{AvatarPicture, DecorativeIcon, ErrorNote, set_title};
use crate::i18n::PlanningKey;
use crate::i18n::{counts, subject_name, t};
use crate::identity::shell::AppHeader;
use crate::identity::{CloseClassDevice, MakeLoginCards, OpenClassDevice, class_device_status};
use crate::paths;
use crate::pictures::subject_icon;
use domain::home::{ClassRef, TeacherHome};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn TeacherHomeView(home: TeacherHome) -> impl IntoView {
    set_title(t(PlanningKey::TeacherTitle));
    let empty = home.teams.is_empty();
    let school_name = home.me.school_name.clone();
    let classes = home.classes.clone();
    let news = home.news.clone();
    let this_week = home.this_week.clone();
    view! {
        <AppHeader me=home.me />
        <main id="indhold" class="page">
            <h1>{t(PlanningKey::TeacherTitle)}</h1>
            <p class="muted">{school_name}</p>
            <crate::returns::WeekSection tasks=this_week />
            <crate::returns::NewsSection news />
            {empty.then(|| view! { <p>{t(PlanningKey::TeacherNoTeams)}</p> })}
            <ul class="card-list" aria-label=t(PlanningKey::TeacherTitle)>
                {home.teams.into_iter().map(|team| view! {
                    <li class="card team">
                        <h2>
                            <DecorativeIcon icon=subject_icon(team.subject) />
                            <span>{team.name.clone()}</span>
                        </h2>
                        <p>{subject_name(team.subject)}" · "{counts::pupils(team.pupil_count)}</p>
                        <p>{t(PlanningKey::TeamTeachers)}": "{team.teacher_names.join(", ")}</p>
                        <p class="card-links">
                            {match team.year_plan.clone() {
                                Some(plan) => view! {
                                    <A href=format!("{}/{}", paths::YEAR_PLAN, plan.id)>
                                        {t(PlanningKey::OpenYearPlan)}": "{plan.title}
                                    </A>
                                }.into_any(),
                                None => {
                                    let label = crate::i18n::messages::create_year_plan_for(&team.name);
                                    view! { <A href=paths::PLANNING>{label}</A> }.into_any()
                                }
                            }}
                            <a href=format!("{}/{}", paths::TEAM, team.id) aria-label=crate::i18n::messages::open_team(&team.name)>
                                {t(crate::i18n::TeamsKey::OpenTeam)}
                            </a>
                        </p>
                    </li>
                }).collect_view()}
            </ul>
            <ClassIpadSection classes=classes.clone() />
            <LoginCardsSection classes />
        </main>
    }
}

/// Turning this device into a class iPad, or closing it when it already is one.
#[component]
fn ClassIpadSection(classes: Vec<ClassRef>) -> impl IntoView {
    let status = LocalResource::new(class_device_status);
    let open = ServerAction::<OpenClassDevice>::new();
    let close = ServerAction::<CloseClassDevice>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = open.value().get() {
            // The pupils' pictures are the small build's screen.
            crate::components::leave_for(paths::CLASS_PICKER);
        }
    });
    Effect::new(move |_| {
        if close.value().get().is_some() {
            status.refetch();
        }
    });
    let error = move || match (open.value().get(), close.value().get()) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
        _ => None,
    };
    view! {
        <section class="card class-ipad" aria-labelledby="class-ipad-title">
            <h2 id="class-ipad-title">
                <DecorativeIcon icon=icondata::LuTablet />
                <span>{t(PlanningKey::ClassIpadTitle)}</span>
            </h2>
            {error}
            <Suspense fallback=|| ()>
                {move || status.get().map(|s| match s {
                    Ok(Some(device)) => view! {
                        <p>{t(PlanningKey::ThisIsClassIpadFor)}" "<strong>{device.class_name}</strong>"."</p>
                        <button type="button" on:click=move |_| { close.dispatch(CloseClassDevice {}); }>
                            {t(PlanningKey::CloseClassIpad)}
                        </button>
                    }.into_any(),
                    _ => {
                        let classes = classes.clone();
                        view! {
                            <p>{t(PlanningKey::ClassIpadIntro)}</p>
                            <ul class="button-list">
                                {classes.into_iter().map(|c| view! {
                                    <li>
                                        <button
                                            type="button"
                                            on:click=move |_| { open.dispatch(OpenClassDevice { class_id: c.id }); }
                                        >
                                            {crate::i18n::messages::make_class_ipad_for(&c.name)}
                                        </button>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Printing new login cards (code and QR code per pupil) for a class.
#[component]
fn LoginCardsSection(classes: Vec<ClassRef>) -> impl IntoView {
    let make = ServerAction::<MakeLoginCards>::new();
    let class_name = RwSignal::new(String::new());
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="card login-cards-section" aria-labelledby="login-cards-title">
            <h2 id="login-cards-title">
                <DecorativeIcon icon=icondata::LuQrCode />
                <span>{t(PlanningKey::LoginCardsTitle)}</span>
            </h2>
            <ul class="button-list">
                {classes.into_iter().map(|c| {
                    let name = c.name.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                on:click=move |_| {
                                    class_name.set(name.clone());
                                    make.dispatch(MakeLoginCards { class_id: c.id });
                                }
                            >
                                {crate::i18n::messages::make_login_cards_for(&c.name)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || make.value().get().map(|result| match result {
                Ok(cards) => view! {
                    <div class="login-cards-sheet">
                        <h3>{t(PlanningKey::LoginCardsTitle)}": "{class_name.get()}</h3>
                        <p>{t(PlanningKey::LoginCardsIntro)}</p>
                        <button type="button" class="primary" on:click=print>
                            <DecorativeIcon icon=icondata::LuPrinter />
                            <span>{t(PlanningKey::PrintCards)}</span>
                        </button>
                        <ul class="login-cards" aria-label=t(PlanningKey::LoginCardsTitle)>
                            {cards.into_iter().map(|card| view! {
                                <li class="login-card">
                                    <AvatarPicture avatar=card.avatar size=56 />
                                    <p class="card-name">{card.name.clone()}</p>
                                    <img src=card.qr_svg alt=format!("{} {}", t(PlanningKey::QrAltFor), card.name) width="160" height="160" />
                                    <p class="card-code">{card.code}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any(),
                Err(e) => view! { <ErrorNote error=e /> }.into_any(),
            })}
        </section>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<api::LoadPlanning>();
    register_explicit::<api::CreateYearPlan>();
    register_explicit::<api::CopyYearPlan>();
    register_explicit::<api::LoadYearPlan>();
    register_explicit::<api::RenameYearPlan>();
    register_explicit::<api::ArchiveYearPlan>();
    register_explicit::<api::RestoreYearPlan>();
    register_explicit::<api::CreateUnit>();
    register_explicit::<api::LoadUnit>();
    register_explicit::<api::SaveUnit>();
    register_explicit::<api::ArchiveUnit>();
    register_explicit::<api::RestoreUnit>();
    register_explicit::<api::ShareUnit>();
    register_explicit::<api::AddGoal>();
    register_explicit::<api::ArchiveGoal>();
    register_explicit::<api::RestoreGoal>();
    register_explicit::<api::CreateTask>();
    register_explicit::<api::SaveTask>();
    register_explicit::<api::ArchiveTask>();
    register_explicit::<api::RestoreTask>();
    register_explicit::<api::LoadScales>();
    register_explicit::<api::CreateScale>();
    register_explicit::<api::SearchGoals>();
    register_explicit::<api::UploadMaterial>();
    register_explicit::<api::RemoveMaterial>();
}
