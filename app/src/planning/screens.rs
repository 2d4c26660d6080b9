//! The planning screens, laptop-first and keyboard-friendly: the holds with their årsplaner
//! (`/planlaegning`), an årsplan week by week (`/aarsplan/:id`), and a forløb with its materials,
//! goals and tasks, previewed as a pupil will see it (`/forloeb/:id`).

use super::api::*;
use crate::components::{
    DecorativeIcon, ErrorNote, area_value, by_id, input_value, select_value, set_title,
};
use crate::i18n::{Key, goal_kind_name, subject_name, t, task_icon_name, variant_name, week_range};
use crate::identity::shell::StaffShell;
use crate::paths;
use crate::pupil::subject_icon;
use domain::calendar::Date;
use domain::framework::{FrameworkItem, GoalSearch};
use domain::planning::{
    Audience, GoalInput, GoalKind, MaterialInput, MaterialKind, Scale, Task, TaskIcon, TaskInput,
    TaskWhen, Unit, UnitInput, Variant, YearPlan,
};
use domain::{AppError, ErrorCode};
use leptos::html::{Input, Select, Textarea};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

fn date_of(text: &str) -> Option<Date> {
    Date::parse(text, "date").ok()
}

pub fn icon_of(icon: TaskIcon) -> icondata::Icon {
    match icon {
        TaskIcon::Read => icondata::LuBookOpen,
        TaskIcon::Write => icondata::LuPencil,
        TaskIcon::Count => icondata::LuCalculator,
        TaskIcon::Draw => icondata::LuPalette,
        TaskIcon::Listen => icondata::LuHeadphones,
        TaskIcon::Talk => icondata::LuMessageCircle,
        TaskIcon::Build => icondata::LuBlocks,
        TaskIcon::Move => icondata::LuBike,
        TaskIcon::Photo => icondata::LuCamera,
    }
}

fn material_icon(kind: MaterialKind) -> icondata::Icon {
    match kind {
        MaterialKind::Office365 => icondata::LuFileText,
        MaterialKind::GoogleDocs => icondata::LuFileText,
        MaterialKind::Link => icondata::LuExternalLink,
        MaterialKind::File => icondata::LuPaperclip,
    }
}

// ---------------------------------------------------------------------------------------------
// /planlaegning

#[component]
pub fn PlanningPage() -> impl IntoView {
    set_title(t(Key::PlanningTitle));
    let data = LocalResource::new(load_planning);
    let create = ServerAction::<CreateYearPlan>::new();
    let restore = ServerAction::<RestoreYearPlan>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("{}/{id}", paths::YEAR_PLAN), Default::default());
        }
    });
    Effect::new(move |_| {
        if restore.value().get().is_some() {
            data.refetch();
        }
    });
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Suspense fallback=|| view! { <p>{t(Key::Loading)}</p> }>
                    {move || data.get().map(|result| match result {
                        Ok(overview) => view! {
                            <h1>{t(Key::PlanningTitle)}" "{overview.school_year.clone()}</h1>
                            <p><A href=paths::LIBRARY>{t(Key::LibraryLink)}</A></p>
                            {move || match create.value().get() {
                                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                                _ => None,
                            }}
                            {overview.teams.is_empty().then(|| view! { <p>{t(Key::TeacherNoTeams)}</p> })}
                            <ul class="card-list" aria-label=t(Key::PlanningHolds)>
                                {overview.teams.into_iter().map(|team| {
                                    let title_ref = NodeRef::<Input>::new();
                                    let field_id = format!("new-plan-{}", team.team_id);
                                    let team_id = team.team_id;
                                    let default_title = format!("{} {}", t(Key::YearPlanWord), team.team_name);
                                    view! {
                                        <li class="card team">
                                            <h2>
                                                <DecorativeIcon icon=subject_icon(team.subject) />
                                                <span>{team.team_name.clone()}</span>
                                            </h2>
                                            {match team.year_plan {
                                                Some(plan) => view! {
                                                    <p>
                                                        <A href=format!("{}/{}", paths::YEAR_PLAN, plan.id)>
                                                            {t(Key::OpenYearPlan)}": "{plan.title}
                                                        </A>
                                                        " · "{plan.unit_count}" "{t(Key::UnitsCount)}
                                                    </p>
                                                }.into_any(),
                                                None => view! {
                                                    <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                                        ev.prevent_default();
                                                        create.dispatch(CreateYearPlan { team_id, title: input_value(title_ref) });
                                                    }>
                                                        <label for=field_id.clone()>{t(Key::YearPlanTitleFor)}" "{team.team_name.clone()}</label>
                                                        <input id=field_id type="text" value=default_title node_ref=title_ref />
                                                        <button type="submit" class="primary">{t(Key::CreateYearPlanFor)}" "{team.team_name.clone()}</button>
                                                    </form>
                                                }.into_any(),
                                            }}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {(!overview.archived.is_empty()).then(|| view! {
                                <section class="card" aria-labelledby="archived-plans">
                                    <h2 id="archived-plans">{t(Key::ArchivedYearPlans)}</h2>
                                    <ul class="plain-list">
                                        {overview.archived.into_iter().map(|a| view! {
                                            <li>
                                                {a.title.clone()}" ("{a.team_name}") "
                                                <button type="button" on:click=move |_| { restore.dispatch(RestoreYearPlan { year_plan_id: a.id }); }>
                                                    {t(Key::Restore)}" "{a.title.clone()}
                                                </button>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                    {move || match restore.value().get() {
                                        Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                                        _ => None,
                                    }}
                                </section>
                            })}
                        }.into_any(),
                        Err(e) => view! { <h1>{t(Key::PlanningTitle)}</h1><ErrorNote error=e /> }.into_any(),
                    })}
                </Suspense>
            </main>
        </StaffShell>
    }
}

// ---------------------------------------------------------------------------------------------
// /aarsplan/:id

#[component]
pub fn YearPlanPage() -> impl IntoView {
    let data = by_id(load_year_plan);
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Suspense fallback=|| view! { <p>{t(Key::Loading)}</p> }>
                    {move || data.get().map(|result| match result {
                        Ok(plan) => view! { <YearPlanView plan reload=Callback::new(move |()| data.refetch()) /> }.into_any(),
                        Err(e) => {
                            set_title(t(Key::YearPlanWord));
                            view! { <h1>{t(Key::YearPlanWord)}</h1><ErrorNote error=e /> }.into_any()
                        }
                    })}
                </Suspense>
            </main>
        </StaffShell>
    }
}

#[component]
fn YearPlanView(plan: YearPlan, reload: Callback<()>) -> impl IntoView {
    set_title(&plan.title);
    let create = ServerAction::<CreateUnit>::new();
    let archive = ServerAction::<ArchiveYearPlan>::new();
    let restore_unit = ServerAction::<RestoreUnit>::new();
    let navigate = use_navigate();
    let go = navigate.clone();
    Effect::new(move |_| {
        if let Some(Ok(id)) = create.value().get() {
            go(&format!("{}/{id}", paths::UNIT), Default::default());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = archive.value().get() {
            navigate(paths::PLANNING, Default::default());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = restore_unit.value().get() {
            reload.run(());
        }
    });
    let (title, first, last) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let plan_id = plan.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(first_week), Some(last_week)) =
            (date_of(&input_value(first)), date_of(&input_value(last)))
        else {
            create
                .value()
                .set(Some(Err(AppError::invalid("first_week"))));
            return;
        };
        create.dispatch(CreateUnit {
            year_plan_id: plan_id,
            input: UnitInput {
                title: input_value(title),
                description: String::new(),
                first_week,
                last_week,
                materials: vec![],
            },
        });
    };
    let titles: std::collections::HashMap<i64, String> =
        plan.units.iter().map(|u| (u.id, u.title.clone())).collect();
    view! {
        <h1>{plan.title.clone()}</h1>
        <p class="muted">{subject_name(plan.subject)}" · "{plan.team_name.clone()}" · "{t(Key::SchoolYearWord)}" "{plan.school_year.clone()}</p>
        <p><A href=paths::PLANNING>{t(Key::BackToPlanning)}</A></p>
        <section class="card" aria-labelledby="units-title">
            <h2 id="units-title">{t(Key::UnitsTitle)}</h2>
            {plan.units.is_empty().then(|| view! { <p>{t(Key::NoUnitsYet)}</p> })}
            <ul class="plain-list">
                {plan.units.clone().into_iter().map(|u| view! {
                    <li>
                        <A href=format!("{}/{}", paths::UNIT, u.id)>{u.title.clone()}</A>
                        " · "{week_range(u.first_week, u.last_week)}
                        " · "{u.goal_count}" "{t(Key::GoalsCount)}", "{u.task_count}" "{t(Key::TasksCount)}
                        {u.shared.then(|| view! { " · "<span class="badge">{t(Key::SharedBadge)}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <form class="card admin-form" on:submit=submit novalidate=true aria-labelledby="new-unit-title">
            <h2 id="new-unit-title">{t(Key::NewUnitTitle)}</h2>
            {move || match create.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
            <div class="field"><label for="unit-title">{t(Key::TitleLabel)}</label><input id="unit-title" type="text" node_ref=title /></div>
            <div class="field"><label for="unit-first">{t(Key::FirstWeekLabel)}</label><input id="unit-first" type="date" node_ref=first /></div>
            <div class="field"><label for="unit-last">{t(Key::LastWeekLabel)}</label><input id="unit-last" type="date" node_ref=last /></div>
            <button type="submit" class="primary">{t(Key::CreateUnit)}</button>
        </form>
        <section class="card">
            <h2 id="weeks-title">{t(Key::WeekByWeek)}</h2>
            <div class="table-wrap" role="region" aria-labelledby="weeks-title" tabindex="0">
                <table>
                    <thead><tr><th scope="col">{t(Key::WeekWord)}</th><th scope="col">{t(Key::UnitsTitle)}</th></tr></thead>
                    <tbody>
                        {plan.weeks.iter().map(|w| {
                            let names: Vec<String> = w.unit_ids.iter().filter_map(|id| titles.get(id).cloned()).collect();
                            view! {
                                <tr>
                                    <th scope="row">{w.week}</th>
                                    <td>{names.join(", ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {(!plan.archived_units.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="archived-units">
                <h2 id="archived-units">{t(Key::ArchivedUnits)}</h2>
                <ul class="plain-list">
                    {plan.archived_units.iter().map(|u| {
                        let id = u.id;
                        view! {
                            <li>
                                {u.title.clone()}" "
                                <button type="button" on:click=move |_| { restore_unit.dispatch(RestoreUnit { unit_id: id }); }>
                                    {t(Key::Restore)}" "{u.title.clone()}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <ArchiveSection
            label=Key::ArchiveYearPlan
            on_confirmed=Callback::new(move |()| { archive.dispatch(ArchiveYearPlan { year_plan_id: plan_id }); })
        />
    }
}

/// "Arkivér …", said plainly: nothing is deleted, and it can be brought back. Asks first.
#[component]
fn ArchiveSection(label: Key, on_confirmed: Callback<()>) -> impl IntoView {
    view! {
        <section class="card danger-zone" aria-labelledby="archive-title">
            <h2 id="archive-title">{t(label)}</h2>
            <p>{t(Key::ArchiveExplained)}</p>
            <button type="button" on:click=move |_| {
                let confirmed = web_sys::window()
                    .and_then(|w| w.confirm_with_message(t(Key::ConfirmArchive)).ok())
                    .unwrap_or(false);
                if confirmed {
                    on_confirmed.run(());
                }
            }>
                {t(label)}
            </button>
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// /forloeb/:id

#[component]
pub fn UnitPage() -> impl IntoView {
    let data = by_id(load_unit);
    let scales = LocalResource::new(load_scales);
    let reload = Callback::new(move |()| data.refetch());
    let reload_scales = Callback::new(move |()| scales.refetch());
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Transition fallback=|| view! { <p>{t(Key::Loading)}</p> }>
                    {move || data.get().map(|result| match result {
                        Ok(unit) => {
                            let scales = scales.get().and_then(Result::ok).unwrap_or_default();
                            view! { <UnitView unit scales reload reload_scales /> }.into_any()
                        }
                        Err(e) => {
                            set_title(t(Key::UnitWord));
                            view! { <h1>{t(Key::UnitWord)}</h1><ErrorNote error=e /> }.into_any()
                        }
                    })}
                </Transition>
            </main>
        </StaffShell>
    }
}

#[component]
fn UnitView(
    unit: Unit,
    scales: Vec<Scale>,
    reload: Callback<()>,
    reload_scales: Callback<()>,
) -> impl IntoView {
    set_title(&unit.title);
    let share = ServerAction::<ShareUnit>::new();
    let archive = ServerAction::<ArchiveUnit>::new();
    let navigate = use_navigate();
    let plan_id = unit.year_plan_id;
    Effect::new(move |_| {
        if let Some(Ok(())) = archive.value().get() {
            navigate(
                &format!("{}/{plan_id}", paths::YEAR_PLAN),
                Default::default(),
            );
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = share.value().get() {
            reload.run(());
        }
    });
    let unit_id = unit.id;
    let shared = unit.shared;
    view! {
        <h1>{unit.title.clone()}</h1>
        <p class="muted">
            {subject_name(unit.subject)}" · "{unit.team_name.clone()}" · "{week_range(unit.first_week, unit.last_week)}
            " · "{t(Key::AuthorWord)}" "{unit.author.clone()}
            {unit.copied_from.clone().map(|from| view! { " · "{t(Key::CopiedFrom)}" "{from} })}
        </p>
        <p>
            <A href=format!("{}/{}", paths::YEAR_PLAN, unit.year_plan_id)>{t(Key::BackToYearPlan)}</A>
            " · "
            <A href=format!("{}/{}", paths::EVALUATION, unit.id)>{t(Key::EvaluateUnit)}</A>
        </p>
        <UnitForm unit=unit.clone() reload />
        <GoalsSection unit=unit.clone() scales reload reload_scales />
        <TasksSection unit=unit.clone() reload />
        <PupilPreview unit=unit.clone() />
        <section class="card" aria-labelledby="share-title">
            <h2 id="share-title">{t(Key::LibraryTitle)}</h2>
            <p>{if shared { t(Key::UnitIsShared) } else { t(Key::UnitIsNotShared) }}</p>
            <button type="button" on:click=move |_| { share.dispatch(ShareUnit { unit_id, shared: !shared }); }>
                {if shared { t(Key::Unshare) } else { t(Key::ShareWithSchool) }}
            </button>
            {move || match share.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
        </section>
        <ArchiveSection
            label=Key::ArchiveUnit
            on_confirmed=Callback::new(move |()| { archive.dispatch(ArchiveUnit { unit_id }); })
        />
    }
}

/// The forløb's own fields. A save from an old version is refused; then both versions are shown,
/// and the teacher keeps theirs (saving on top of the stored one) or takes the stored one.
#[component]
fn UnitForm(unit: Unit, reload: Callback<()>) -> impl IntoView {
    let save = ServerAction::<SaveUnit>::new();
    let version = RwSignal::new(unit.version);
    let materials = RwSignal::new(
        unit.materials
            .iter()
            // Files are attached and removed on their own; the form edits links.
            .filter(|m| m.kind != MaterialKind::File)
            .map(|m| (m.title.clone(), m.url.clone()))
            .collect::<Vec<_>>(),
    );
    let (title, first, last) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let description = NodeRef::<Textarea>::new();
    let stored = RwSignal::new(None::<Unit>);
    let unit_id = unit.id;
    let read_form = move || -> Option<UnitInput> {
        Some(UnitInput {
            title: input_value(title),
            description: area_value(description),
            first_week: date_of(&input_value(first))?,
            last_week: date_of(&input_value(last))?,
            materials: materials
                .get_untracked()
                .into_iter()
                .filter(|(t, u)| !(t.trim().is_empty() && u.trim().is_empty()))
                .map(|(title, url)| MaterialInput { title, url })
                .collect(),
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match read_form() {
            Some(input) => {
                save.dispatch(SaveUnit {
                    unit_id,
                    version: version.get_untracked(),
                    input,
                });
            }
            None => save.value().set(Some(Err(AppError::invalid("first_week")))),
        }
    };
    Effect::new(move |_| match save.value().get() {
        Some(Ok(v)) => {
            version.set(v);
            stored.set(None);
        }
        Some(Err(e)) if e.code == ErrorCode::Conflict => {
            leptos::task::spawn_local(async move {
                if let Ok(current) = load_unit(unit_id).await {
                    stored.set(Some(current));
                }
            });
        }
        _ => {}
    });
    let keep_mine = move |_| {
        if let (Some(current), Some(input)) = (stored.get_untracked(), read_form()) {
            save.dispatch(SaveUnit {
                unit_id,
                version: current.version,
                input,
            });
        }
    };
    let take_theirs = move |_| {
        stored.set(None);
        reload.run(());
    };
    let (first_value, last_value) = (unit.first_week.to_string(), unit.last_week.to_string());
    let upload = ServerAction::<UploadMaterial>::new();
    let remove = ServerAction::<RemoveMaterial>::new();
    Effect::new(move |_| {
        if matches!(upload.value().get(), Some(Ok(_)))
            || matches!(remove.value().get(), Some(Ok(())))
        {
            reload.run(());
        }
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok());
        let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            upload.dispatch(UploadMaterial {
                unit_id,
                version: version.get_untracked(),
                name,
                data_base64: crate::base64::encode(&bytes),
            });
        });
    };
    view! {
        <form class="card admin-form unit-form" on:submit=submit novalidate=true aria-labelledby="unit-form-title">
            <h2 id="unit-form-title">{t(Key::UnitDetails)}</h2>
            {move || match save.value().get() {
                Some(Ok(_)) => Some(view! { <p class="notice" role="status">{t(Key::Saved)}</p> }.into_any()),
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }.into_any()),
                None => None,
            }}
            {move || stored.get().map(|current| view! {
                <div class="conflict" role="region" aria-label=t(Key::ConflictTitle)>
                    <h3>{t(Key::ConflictTitle)}</h3>
                    <p>{t(Key::ConflictExplained)}</p>
                    <div class="versions">
                        <div>
                            <h4>{t(Key::StoredVersion)}</h4>
                            <p><strong>{current.title.clone()}</strong></p>
                            <p>{week_range(current.first_week, current.last_week)}</p>
                            <p class="pre">{current.description.clone()}</p>
                        </div>
                        <div>
                            <h4>{t(Key::YourVersion)}</h4>
                            <p>{t(Key::YourVersionExplained)}</p>
                        </div>
                    </div>
                    <button type="button" class="primary" on:click=keep_mine>{t(Key::KeepMine)}</button>
                    <button type="button" on:click=take_theirs>{t(Key::TakeStored)}</button>
                </div>
            })}
            <div class="field"><label for="edit-title">{t(Key::TitleLabel)}</label><input id="edit-title" type="text" value=unit.title.clone() node_ref=title /></div>
            <div class="field"><label for="edit-description">{t(Key::DescriptionLabel)}</label><textarea id="edit-description" rows="4" node_ref=description>{unit.description.clone()}</textarea></div>
            <div class="field"><label for="edit-first">{t(Key::FirstWeekLabel)}</label><input id="edit-first" type="date" value=first_value node_ref=first /></div>
            <div class="field"><label for="edit-last">{t(Key::LastWeekLabel)}</label><input id="edit-last" type="date" value=last_value node_ref=last /></div>
            <fieldset>
                <legend>{t(Key::MaterialsTitle)}</legend>
                <p class="hint">{t(Key::MaterialsHint)}</p>
                {move || materials.get().into_iter().enumerate().map(|(i, (mt, mu))| {
                    let (tid, uid) = (format!("material-title-{i}"), format!("material-url-{i}"));
                    view! {
                        <div class="material-row">
                            <div class="field">
                                <label for=tid.clone()>{t(Key::MaterialTitleLabel)}" "{i + 1}</label>
                                <input id=tid type="text" value=mt on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    materials.update(|m| if let Some(row) = m.get_mut(i) { row.0 = v; });
                                } />
                            </div>
                            <div class="field">
                                <label for=uid.clone()>{t(Key::MaterialUrlLabel)}" "{i + 1}</label>
                                <input id=uid type="url" value=mu on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    materials.update(|m| if let Some(row) = m.get_mut(i) { row.1 = v; });
                                } />
                            </div>
                        </div>
                    }
                }).collect_view()}
                <button type="button" on:click=move |_| materials.update(|m| m.push((String::new(), String::new())))>
                    {t(Key::AddMaterial)}
                </button>
            </fieldset>
            <button type="submit" class="primary">{t(Key::SaveUnit)}</button>
        </form>
        <section class="card" aria-labelledby="materials-list">
            <h2 id="materials-list">{t(Key::MaterialsTitle)}</h2>
            {unit.materials.is_empty().then(|| view! { <p>{t(Key::NoMaterials)}</p> })}
            <ul class="plain-list">
                {unit.materials.iter().map(|m| {
                    let material_id = m.id;
                    let is_file = m.kind == MaterialKind::File;
                    let title = m.title.clone();
                    view! {
                        <li>
                            <a href=m.url.clone() target="_blank" rel="noopener noreferrer">
                                <DecorativeIcon icon=material_icon(m.kind) />
                                <span>{m.title.clone()}</span>
                            </a>
                            {is_file.then(|| view! {
                                " "
                                <button type="button" on:click=move |_| { remove.dispatch(RemoveMaterial { material_id }); }>
                                    {t(Key::RemoveFile)}": "{title.clone()}
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field">
                <label for="material-file">{t(Key::AttachFile)}</label>
                <p class="hint" id="material-file-hint">{t(Key::AttachFileHint)}</p>
                <input id="material-file" type="file" aria-describedby="material-file-hint" on:change=on_file />
            </div>
            <div aria-live="polite">
                {move || match (upload.value().get(), remove.value().get()) {
                    (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
            </div>
        </section>
    }
}

#[component]
fn GoalsSection(
    unit: Unit,
    scales: Vec<Scale>,
    reload: Callback<()>,
    reload_scales: Callback<()>,
) -> impl IntoView {
    let add = ServerAction::<AddGoal>::new();
    let remove = ServerAction::<ArchiveGoal>::new();
    let restore = ServerAction::<RestoreGoal>::new();
    Effect::new(move |_| {
        if matches!(add.value().get(), Some(Ok(_)))
            || matches!(remove.value().get(), Some(Ok(())))
            || matches!(restore.value().get(), Some(Ok(())))
        {
            reload.run(());
        }
    });
    let kind = RwSignal::new(GoalKind::Faglig);
    let own = NodeRef::<Textarea>::new();
    let signs = NodeRef::<Textarea>::new();
    let scale = NodeRef::<Select>::new();
    let chosen = RwSignal::new(None::<FrameworkItem>);
    let unit_id = unit.id;
    let version = unit.version;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let item = chosen.get_untracked();
        add.dispatch(AddGoal {
            unit_id,
            version,
            input: GoalInput {
                kind: kind.get_untracked(),
                own_text: if item.is_some() {
                    None
                } else {
                    Some(area_value(own))
                },
                framework_item_id: item.map(|i| i.id),
                scale_id: select_value(scale).parse().unwrap_or(0),
                signs: area_value(signs),
            },
        });
    };
    view! {
        <section class="card" aria-labelledby="goals-title">
            <h2 id="goals-title">{t(Key::GoalsTitle)}</h2>
            {unit.goals.is_empty().then(|| view! { <p>{t(Key::NoGoals)}</p> })}
            <ul class="plain-list goal-list">
                {unit.goals.iter().map(|g| {
                    let id = g.id;
                    let text = g.text.clone();
                    view! {
                        <li>
                            <p><strong>{g.text.clone()}</strong></p>
                            <p class="muted">
                                {goal_kind_name(g.kind)}" · "{t(Key::ScaleWord)}": "{g.scale.name.clone()}
                                {g.framework_item.as_ref().map(|i| view! { " · "{i.framework.clone()}" ("{i.version.clone()}")" })}
                            </p>
                            {(!g.signs.is_empty()).then(|| view! { <p>{t(Key::SignsLabel)}": "{g.signs.clone()}</p> })}
                            <button type="button" on:click=move |_| { remove.dispatch(ArchiveGoal { goal_id: id }); }>
                                {t(Key::RemoveGoal)}": "{text}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!unit.archived_goals.is_empty()).then(|| view! {
                <h3>{t(Key::ArchivedGoals)}</h3>
                <ul class="plain-list">
                    {unit.archived_goals.iter().map(|g| {
                        let id = g.id;
                        view! {
                            <li>
                                {g.text.clone()}" "
                                <button type="button" on:click=move |_| { restore.dispatch(RestoreGoal { goal_id: id }); }>
                                    {t(Key::Restore)}" "{g.text.clone()}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <form class="admin-form" on:submit=submit novalidate=true aria-labelledby="new-goal-title">
                <h3 id="new-goal-title">{t(Key::NewGoalTitle)}</h3>
                {move || match add.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
                <fieldset>
                    <legend>{t(Key::GoalKindLegend)}</legend>
                    {[GoalKind::Faglig, GoalKind::Refleksion].into_iter().map(|k| {
                        let id = format!("goal-kind-{}", k.as_str());
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="choice">
                                <input id=id type="radio" name="goal-kind" checked=move || kind.get() == k on:change=move |_| kind.set(k) />
                                {goal_kind_name(k)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field" hidden=move || chosen.get().is_some()>
                    <label for="goal-own">{t(Key::OwnGoalLabel)}</label>
                    <textarea id="goal-own" rows="2" node_ref=own></textarea>
                </div>
                <FrameworkGoalPicker subject=unit.subject chosen />
                <div class="field">
                    <label for="goal-scale">{t(Key::ScaleWord)}</label>
                    <select id="goal-scale" node_ref=scale>
                        {scales.iter().map(|s| view! {
                            <option value=s.id.to_string()>{s.name.clone()}" ("{s.steps.join(" · ")}")"</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="goal-signs">{t(Key::SignsLabel)}</label>
                    <textarea id="goal-signs" rows="2" node_ref=signs></textarea>
                </div>
                <button type="submit" class="primary">{t(Key::AddGoal)}</button>
            </form>
            <NewScaleForm on_saved=reload_scales />
        </section>
    }
}

/// Finds a framework goal by grade and words within the hold's subject, and picks one.
#[component]
fn FrameworkGoalPicker(
    subject: domain::school::Subject,
    chosen: RwSignal<Option<FrameworkItem>>,
) -> impl IntoView {
    let search = ServerAction::<SearchGoals>::new();
    let words = NodeRef::<Input>::new();
    let grade = NodeRef::<Select>::new();
    let run = move |_| {
        search.dispatch(SearchGoals {
            search: GoalSearch {
                subject: Some(subject),
                grade: select_value(grade).parse().ok(),
                words: input_value(words),
            },
        });
    };
    view! {
        <fieldset class="goal-picker">
            <legend>{t(Key::FrameworkGoalLegend)}</legend>
            {move || chosen.get().map(|item| view! {
                <p class="notice" role="status">{t(Key::ChosenGoal)}": "{item.text.clone()}</p>
                <button type="button" on:click=move |_| chosen.set(None)>{t(Key::UseOwnWords)}</button>
            })}
            <div class="field">
                <label for="goal-grade">{t(Key::GradeLabel)}</label>
                <select id="goal-grade" node_ref=grade>
                    <option value="">{t(Key::AnyGrade)}</option>
                    {(0u8..=10).map(|g| view! { <option value=g.to_string()>{crate::i18n::grade_name(g)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="goal-words">{t(Key::SearchWords)}</label>
                <input id="goal-words" type="search" node_ref=words />
            </div>
            <button type="button" on:click=run>{t(Key::SearchGoals)}</button>
            <div aria-live="polite">
                {move || search.value().get().map(|result| match result {
                    Ok(items) if items.is_empty() => view! { <p>{t(Key::NoGoalsFound)}</p> }.into_any(),
                    Ok(items) => view! {
                        <ul class="plain-list goal-results" aria-label=t(Key::GoalResults)>
                            {items.into_iter().map(|item| {
                                let label = format!("{}: {}", t(Key::ChooseGoal), item.text);
                                let path = item.path.join(" › ");
                                let grades = item.grades.map(|(a, b)| format!(" · {a}.–{b}. kl.")).unwrap_or_default();
                                let framework = format!("{} · {}", item.framework, path);
                                view! {
                                    <li>
                                        <p>{item.text.clone()}</p>
                                        <p class="muted">{framework}{grades}</p>
                                        <button type="button" aria-label=label on:click=move |_| chosen.set(Some(item.clone()))>
                                            {t(Key::ChooseGoal)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
            </div>
        </fieldset>
    }
}

/// A målestok of the teacher's own: a name and its steps, one per line, lowest first.
#[component]
fn NewScaleForm(on_saved: Callback<()>) -> impl IntoView {
    let create = ServerAction::<CreateScale>::new();
    let name = NodeRef::<Input>::new();
    let steps = NodeRef::<Textarea>::new();
    Effect::new(move |_| {
        if matches!(create.value().get(), Some(Ok(_))) {
            on_saved.run(());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        create.dispatch(CreateScale {
            name: input_value(name),
            steps: area_value(steps)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    };
    view! {
        <details class="own-scale">
            <summary>{t(Key::NewScaleTitle)}</summary>
            <form class="admin-form" on:submit=submit novalidate=true aria-label=t(Key::NewScaleTitle)>
                {move || create.value().get().map(|result| match result {
                    Ok(_) => view! { <p class="notice" role="status">{t(Key::Saved)}</p> }.into_any(),
                    Err(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
                <div class="field"><label for="scale-name">{t(Key::ScaleNameLabel)}</label><input id="scale-name" type="text" node_ref=name /></div>
                <div class="field">
                    <label for="scale-steps">{t(Key::ScaleStepsLabel)}</label>
                    <p class="hint" id="scale-steps-hint">{t(Key::ScaleStepsHint)}</p>
                    <textarea id="scale-steps" rows="4" aria-describedby="scale-steps-hint" node_ref=steps></textarea>
                </div>
                <button type="submit" class="primary">{t(Key::CreateScale)}</button>
            </form>
        </details>
    }
}

fn when_text(when: TaskWhen) -> String {
    match when {
        TaskWhen::Day(d) => d.danish_long(),
        TaskWhen::Week(d) => format!("{} {}", t(Key::WeekWord), d.iso_week().week),
    }
}

fn audience_text(task: &Task) -> String {
    match &task.audience {
        Audience::Hold => t(Key::WholeHold).to_owned(),
        Audience::Group(name) => format!("{}: {name}", t(Key::GroupWord)),
        Audience::Pupils => t(Key::ChosenPupils).to_owned(),
    }
}

#[component]
fn TasksSection(unit: Unit, reload: Callback<()>) -> impl IntoView {
    let create = ServerAction::<CreateTask>::new();
    let save = ServerAction::<SaveTask>::new();
    let archive = ServerAction::<ArchiveTask>::new();
    let restore = ServerAction::<RestoreTask>::new();
    // The task being changed, and the version the teacher started from.
    let editing = RwSignal::new(None::<(i64, i64, String)>);
    Effect::new(move |_| {
        if matches!(create.value().get(), Some(Ok(_)))
            || matches!(save.value().get(), Some(Ok(_)))
            || matches!(archive.value().get(), Some(Ok(())))
            || matches!(restore.value().get(), Some(Ok(())))
        {
            reload.run(());
        }
    });
    let (title, date, group) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let (instruction, easier, harder) = (
        NodeRef::<Textarea>::new(),
        NodeRef::<Textarea>::new(),
        NodeRef::<Textarea>::new(),
    );
    let icon = RwSignal::new(TaskIcon::Read);
    let by_week = RwSignal::new(false);
    let audience = RwSignal::new("hold");
    // Chosen pupils and the variant each gets.
    let picked = RwSignal::new(std::collections::HashMap::<i64, Variant>::new());
    let unit_id = unit.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = date_of(&input_value(date)) else {
            create.value().set(Some(Err(AppError::invalid("when"))));
            return;
        };
        let optional = |r: NodeRef<Textarea>| Some(area_value(r)).filter(|s| !s.trim().is_empty());
        let input = TaskInput {
            title: input_value(title),
            instruction: area_value(instruction),
            icon: icon.get_untracked(),
            when: if by_week.get_untracked() {
                TaskWhen::Week(day)
            } else {
                TaskWhen::Day(day)
            },
            audience: match audience.get_untracked() {
                "group" => Audience::Group(input_value(group)),
                "pupils" => Audience::Pupils,
                _ => Audience::Hold,
            },
            pupils: picked.get_untracked().into_iter().collect(),
            easier: optional(easier),
            harder: optional(harder),
        };
        match editing.get_untracked() {
            Some((task_id, version, _)) => {
                save.dispatch(SaveTask {
                    task_id,
                    version,
                    input,
                });
            }
            None => {
                create.dispatch(CreateTask { unit_id, input });
            }
        }
    };
    // Fills the form with a task to change it.
    let start_edit = move |task: Task| {
        let set_input = |r: NodeRef<Input>, v: &str| {
            if let Some(el) = r.get() {
                el.set_value(v);
            }
        };
        let set_area = |r: NodeRef<Textarea>, v: &str| {
            if let Some(el) = r.get() {
                el.set_value(v);
            }
        };
        set_input(title, &task.title);
        set_area(instruction, &task.instruction);
        set_area(easier, task.easier.as_deref().unwrap_or_default());
        set_area(harder, task.harder.as_deref().unwrap_or_default());
        let (week, day) = match task.when {
            TaskWhen::Week(d) => (true, d),
            TaskWhen::Day(d) => (false, d),
        };
        by_week.set(week);
        set_input(date, &day.to_string());
        icon.set(task.icon);
        match &task.audience {
            Audience::Hold => audience.set("hold"),
            Audience::Group(name) => {
                audience.set("group");
                set_input(group, name);
            }
            Audience::Pupils => audience.set("pupils"),
        }
        picked.set(
            task.pupils
                .iter()
                .map(|p| (p.pupil_id, p.variant))
                .collect(),
        );
        editing.set(Some((task.id, task.version, task.title.clone())));
        if let Some(el) = title.get() {
            let _ = el.focus();
        }
    };
    let pupils = unit.pupils.clone();
    view! {
        <section class="card" aria-labelledby="tasks-title">
            <h2 id="tasks-title">{t(Key::TasksTitle)}</h2>
            {unit.tasks.is_empty().then(|| view! { <p>{t(Key::NoTasks)}</p> })}
            <ul class="plain-list task-list">
                {unit.tasks.iter().map(|task| {
                    let id = task.id;
                    let who = task.pupils.iter().map(|p| format!("{} ({})", p.name, variant_name(p.variant))).collect::<Vec<_>>().join(", ");
                    view! {
                        <li>
                            <p>
                                <DecorativeIcon icon=icon_of(task.icon) />
                                <strong>{task.title.clone()}</strong>" · "{when_text(task.when)}" · "{audience_text(task)}
                            </p>
                            <p>{task.instruction.clone()}</p>
                            {(!who.is_empty()).then(|| view! { <p class="muted">{who}</p> })}
                            {task.easier.clone().map(|e| view! { <p class="muted">{t(Key::EasierLabel)}": "{e}</p> })}
                            {task.harder.clone().map(|h| view! { <p class="muted">{t(Key::HarderLabel)}": "{h}</p> })}
                            <button type="button" on:click={
                                let task = task.clone();
                                move |_| start_edit(task.clone())
                            }>
                                {t(Key::EditTask)}": "{task.title.clone()}
                            </button>
                            " "
                            <button type="button" on:click=move |_| { archive.dispatch(ArchiveTask { task_id: id }); }>
                                {t(Key::ArchiveTask)}": "{task.title.clone()}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!unit.archived_tasks.is_empty()).then(|| view! {
                <h3>{t(Key::ArchivedTasks)}</h3>
                <ul class="plain-list">
                    {unit.archived_tasks.iter().map(|task| {
                        let id = task.id;
                        view! {
                            <li>
                                {task.title.clone()}" "
                                <button type="button" on:click=move |_| { restore.dispatch(RestoreTask { task_id: id }); }>
                                    {t(Key::Restore)}" "{task.title.clone()}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <form class="admin-form" on:submit=submit novalidate=true aria-labelledby="new-task-title">
                <h3 id="new-task-title">
                    {move || match editing.get() {
                        Some((_, _, name)) => format!("{}: {name}", t(Key::EditTask)),
                        None => t(Key::NewTaskTitle).to_owned(),
                    }}
                </h3>
                {move || match (create.value().get(), save.value().get()) {
                    (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
                <div class="field"><label for="task-title">{t(Key::TitleLabel)}</label><input id="task-title" type="text" node_ref=title /></div>
                <div class="field">
                    <label for="task-instruction">{t(Key::InstructionLabel)}</label>
                    <p class="hint" id="task-instruction-hint">{t(Key::InstructionHint)}</p>
                    <textarea id="task-instruction" rows="2" aria-describedby="task-instruction-hint" node_ref=instruction></textarea>
                </div>
                <fieldset class="icon-choices">
                    <legend>{t(Key::TaskIconLegend)}</legend>
                    {TaskIcon::ALL.into_iter().map(|i| {
                        let id = format!("task-icon-{}", i.as_str());
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="choice icon-choice">
                                <input id=id type="radio" name="task-icon" checked=move || icon.get() == i on:change=move |_| icon.set(i) />
                                <DecorativeIcon icon=icon_of(i) />
                                {task_icon_name(i)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{t(Key::WhenLegend)}</legend>
                    <label for="when-day" class="choice">
                        <input id="when-day" type="radio" name="task-when" checked=move || !by_week.get() on:change=move |_| by_week.set(false) />
                        {t(Key::OnADay)}
                    </label>
                    <label for="when-week" class="choice">
                        <input id="when-week" type="radio" name="task-when" checked=move || by_week.get() on:change=move |_| by_week.set(true) />
                        {t(Key::InAWeek)}
                    </label>
                    <div class="field"><label for="task-date">{t(Key::DateLabel)}</label><input id="task-date" type="date" node_ref=date /></div>
                </fieldset>
                <fieldset>
                    <legend>{t(Key::AudienceLegend)}</legend>
                    {[("hold", Key::WholeHold), ("group", Key::AGroup), ("pupils", Key::ChosenPupils)].into_iter().map(|(value, key)| {
                        let id = format!("audience-{value}");
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="choice">
                                <input id=id type="radio" name="task-audience" checked=move || audience.get() == value on:change=move |_| audience.set(value) />
                                {t(key)}
                            </label>
                        }
                    }).collect_view()}
                    <div class="field" hidden=move || audience.get() != "group">
                        <label for="task-group">{t(Key::GroupNameLabel)}</label>
                        <input id="task-group" type="text" node_ref=group />
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{t(Key::PupilsAndVariants)}</legend>
                    <p class="hint">{t(Key::PupilsAndVariantsHint)}</p>
                    <ul class="plain-list pupil-variants">
                        {pupils.into_iter().map(|p| {
                            let id = p.id;
                            let check_id = format!("pick-{id}");
                            let check_for = check_id.clone();
                            let variant_id = format!("variant-{id}");
                            let variant_for = variant_id.clone();
                            view! {
                                <li>
                                    <label for=check_for class="choice">
                                        <input id=check_id type="checkbox" prop:checked=move || picked.with(|m| m.contains_key(&id)) on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            picked.update(|m| { if on { m.entry(id).or_insert(Variant::Standard); } else { m.remove(&id); } });
                                        } />
                                        {p.name.clone()}
                                    </label>
                                    <label for=variant_for class="visually-hidden">{t(Key::VariantFor)}" "{p.name.clone()}</label>
                                    <select id=variant_id prop:value=move || picked.with(|m| m.get(&id).copied().unwrap_or(Variant::Standard).as_str()) on:change=move |ev| {
                                        let v = Variant::parse(&event_target_value(&ev)).unwrap_or(Variant::Standard);
                                        picked.update(|m| { m.insert(id, v); });
                                    }>
                                        {[Variant::Standard, Variant::Easier, Variant::Harder].into_iter().map(|v| view! {
                                            <option value=v.as_str()>{variant_name(v)}</option>
                                        }).collect_view()}
                                    </select>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
                <div class="field"><label for="task-easier">{t(Key::EasierLabel)}</label><textarea id="task-easier" rows="2" node_ref=easier></textarea></div>
                <div class="field"><label for="task-harder">{t(Key::HarderLabel)}</label><textarea id="task-harder" rows="2" node_ref=harder></textarea></div>
                <button type="submit" class="primary">
                    {move || if editing.get().is_some() { t(Key::SaveTask) } else { t(Key::AddTask) }}
                </button>
                <Show when=move || editing.get().is_some()>
                    " "
                    <button type="button" on:click=move |_| reload.run(())>{t(Key::CancelEdit)}</button>
                </Show>
            </form>
        </section>
    }
}

/// The pupil-facing parts as a pupil will see them: each task with its picture and a speaker,
/// and the goals they evaluate themselves on, with faces.
#[component]
fn PupilPreview(unit: Unit) -> impl IntoView {
    let faces = ["😟", "🙂", "😀"];
    view! {
        <section class="card pupil-preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{t(Key::PupilPreviewTitle)}</h2>
            <p class="hint">{t(Key::PupilPreviewHint)}</p>
            <ul class="tiles preview-tiles" aria-label=t(Key::PupilPreviewTitle)>
                {unit.tasks.iter().map(|task| {
                    let text = task.instruction.clone();
                    view! {
                        <li class="tile preview-task">
                            <DecorativeIcon icon=icon_of(task.icon) />
                            <span class="preview-title">{task.title.clone()}</span>
                            <span>{task.instruction.clone()}</span>
                            <button type="button" class="read-aloud" on:click=move |_| crate::speech::speak(&text, || ())>
                                <DecorativeIcon icon=icondata::LuVolume2 />
                                <span>{t(Key::ReadAloud)}" "{task.title.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ul class="plain-list">
                {unit.goals.iter().filter(|g| g.kind == GoalKind::Refleksion).map(|g| view! {
                    <li class="preview-goal">
                        <p>{g.text.clone()}</p>
                        <p>
                            {g.scale.faces.then(|| view! {
                                <span aria-hidden="true" class="faces">{faces.join(" ")}</span>" "
                            })}
                            <span>{g.scale.steps.join(" · ")}</span>
                        </p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
