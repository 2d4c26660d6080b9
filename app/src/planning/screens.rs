//! The planning screens, laptop-first and keyboard-friendly: the holds with their årsplaner
//! (`/planlaegning`), an årsplan week by week (`/aarsplan/:id`), and a forløb with its materials,
//! goals and tasks, previewed as a pupil will see it (`/forloeb/:id`).

use super::api::*;
use super::goals_section::GoalsSection;
use super::parts::*;
use super::tasks_section::{PupilPreview, TasksSection};
use super::timeline::{WeekChoice, next_free_weeks};
use crate::components::{
    DecorativeIcon, ErrorNote, Panel, area_value, by_id, input_value, select_value, set_title,
};
use crate::i18n::PlanningKey;
use crate::i18n::{Key, counts, subject_name, t, week_range};
use crate::identity::shell::Loaded;
use crate::identity::shell::StaffShell;
use crate::paths;
use crate::pictures::subject_icon;
use domain::Field;
use domain::planning::{MaterialInput, MaterialKind, Scale, Unit, UnitInput, YearPlan};
use domain::{AppError, ErrorCode};
use leptos::html::{Input, Select, Textarea};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

// ---------------------------------------------------------------------------------------------
// /planlaegning

/// Copying an earlier year's årsplan into a hold without one this year; plans in the same
/// subject first.
#[component]
fn CopyEarlierPlan(
    team_id: i64,
    team_name: String,
    subject: domain::school::Subject,
    earlier: Vec<domain::planning::EarlierYearPlan>,
    copy: ServerAction<CopyYearPlan>,
) -> impl IntoView {
    if earlier.is_empty() {
        return ().into_any();
    }
    let mut earlier = earlier;
    earlier.sort_by_key(|e| e.subject != subject);
    let select = NodeRef::<leptos::html::Select>::new();
    let field_id = format!("copy-plan-{team_id}");
    view! {
        <form class="inline-form" aria-label=crate::i18n::messages::copy_year_plan_into(&team_name) on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if let Ok(source_plan_id) = crate::components::select_value(select).parse() {
                copy.dispatch(CopyYearPlan { source_plan_id, team_id });
            }
        }>
            <label for=field_id.clone()>{t(PlanningKey::EarlierPlanLabel)}</label>
            <select id=field_id node_ref=select>
                {earlier.into_iter().map(|e| view! {
                    <option value=e.id.to_string()>{crate::i18n::messages::earlier_plan(&e.title, &e.team_name, &e.school_year)}</option>
                }).collect_view()}
            </select>
            <button type="submit">{crate::i18n::messages::copy_year_plan_into(&team_name)}</button>
        </form>
    }
    .into_any()
}

/// Årsplaner of earlier years the teacher taught, to open and read.
#[component]
fn EarlierPlans(earlier: Vec<domain::planning::EarlierYearPlan>) -> impl IntoView {
    (!earlier.is_empty()).then(|| view! {
        <section class="card" aria-labelledby="earlier-plans">
            <h2 id="earlier-plans">{t(PlanningKey::EarlierYears)}</h2>
            <ul class="plain-list">
                {earlier.into_iter().map(|e| view! {
                    <li>
                        <A href=format!("{}/{}", paths::YEAR_PLAN, e.id)>
                            {crate::i18n::messages::earlier_plan(&e.title, &e.team_name, &e.school_year)}
                        </A>
                        " · "{counts::units(e.unit_count)}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    })
}

#[component]
pub fn PlanningPage() -> impl IntoView {
    set_title(t(Key::PlanningTitle));
    let data = LocalResource::new(load_planning);
    let create = ServerAction::<CreateYearPlan>::new();
    let copy = ServerAction::<CopyYearPlan>::new();
    let restore = ServerAction::<RestoreYearPlan>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let made = match (create.value().get(), copy.value().get()) {
            (Some(Ok(id)), _) | (_, Some(Ok(id))) => Some(id),
            _ => None,
        };
        if let Some(id) = made {
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
                <Loaded data title=t(Key::PlanningTitle) let:overview>
                    {view! {
                            <h1>{crate::i18n::messages::planning_for_year(&overview.school_year)}</h1>
                            <p><A href=paths::LIBRARY>{t(PlanningKey::LibraryLink)}</A></p>
                            {move || match (create.value().get(), copy.value().get()) {
                                (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
                                _ => None,
                            }}
                            {overview.teams.is_empty().then(|| view! { <p>{t(PlanningKey::TeacherNoTeams)}</p> })}
                            <ul class="card-list" aria-label=t(PlanningKey::PlanningHolds)>
                                {overview.teams.into_iter().map(|team| {
                                    let earlier = overview.earlier.clone();
                                    let title_ref = NodeRef::<Input>::new();
                                    let field_id = format!("new-plan-{}", team.team_id);
                                    let team_id = team.team_id;
                                    let default_title = format!("{} {}", t(PlanningKey::YearPlanWord), team.team_name);
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
                                                            {t(PlanningKey::OpenYearPlan)}": "{plan.title}
                                                        </A>
                                                        " · "{counts::units(plan.unit_count)}
                                                    </p>
                                                }.into_any(),
                                                None => view! {
                                                    <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                                                        ev.prevent_default();
                                                        create.dispatch(CreateYearPlan { team_id, title: input_value(title_ref) });
                                                    }>
                                                        <label for=field_id.clone()>{crate::i18n::messages::year_plan_title_for(&team.team_name)}</label>
                                                        <input id=field_id type="text" value=default_title node_ref=title_ref />
                                                        <button type="submit" class="primary">{crate::i18n::messages::create_year_plan_for(&team.team_name)}</button>
                                                    </form>
                                                    <CopyEarlierPlan team_id team_name=team.team_name.clone() subject=team.subject earlier copy />
                                                }.into_any(),
                                            }}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <EarlierPlans earlier=overview.earlier.clone() />
                            {(!overview.archived.is_empty()).then(|| view! {
                                <section class="card" aria-labelledby="archived-plans">
                                    <h2 id="archived-plans">{t(PlanningKey::ArchivedYearPlans)}</h2>
                                    <ul class="plain-list">
                                        {overview.archived.into_iter().map(|a| view! {
                                            <li>
                                                {a.title.clone()}" ("{a.team_name}") "
                                                <button type="button" on:click=move |_| { restore.dispatch(RestoreYearPlan { year_plan_id: a.id }); }>
                                                    {crate::i18n::messages::restore(&a.title)}
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
                    }}
                </Loaded>
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
                <Loaded data=data title=t(PlanningKey::YearPlanWord) let:plan>
                    <YearPlanView plan reload=Callback::new(move |()| data.refetch()) />
                </Loaded>
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
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
    );
    let (first_default, last_default) = next_free_weeks(&plan);
    let plan_id = plan.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(first_week), Some(last_week)) =
            (date_of(&select_value(first)), date_of(&select_value(last)))
        else {
            create
                .value()
                .set(Some(Err(AppError::invalid(Field::FirstWeek))));
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
    view! {
        <h1>{plan.title.clone()}</h1>
        <p class="muted">{subject_name(plan.subject)}" · "{plan.team_name.clone()}" · "{crate::i18n::messages::school_year(&plan.school_year)}</p>
        <p><A href=paths::PLANNING>{t(PlanningKey::BackToPlanning)}</A></p>
        <section class="card" aria-labelledby="units-title">
            <h2 id="units-title">{t(PlanningKey::UnitsTitle)}</h2>
            {plan.units.is_empty().then(|| view! { <p>{t(PlanningKey::NoUnitsYet)}</p> })}
            <ul class="plain-list">
                {plan.units.clone().into_iter().map(|u| view! {
                    <li>
                        <A href=format!("{}/{}", paths::UNIT, u.id)>{u.title.clone()}</A>
                        " · "{week_range(u.first_week, u.last_week)}
                        " · "{counts::goals(u.goal_count)}", "{counts::tasks(u.task_count)}
                        {u.shared.then(|| view! { " · "<span class="badge">{t(PlanningKey::SharedBadge)}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <form class="card admin-form" on:submit=submit novalidate=true aria-labelledby="new-unit-title">
            <h2 id="new-unit-title">{t(PlanningKey::NewUnitTitle)}</h2>
            {move || match create.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
            <div class="field"><label for="unit-title">{t(PlanningKey::TitleLabel)}</label><input id="unit-title" type="text" node_ref=title /></div>
            <WeekChoice id="unit-first" label=t(PlanningKey::FirstWeekChoice) weeks=plan.weeks.clone() chosen=first_default field=first />
            <WeekChoice id="unit-last" label=t(PlanningKey::LastWeekChoice) weeks=plan.weeks.clone() chosen=last_default field=last />
            <button type="submit" class="primary">{t(PlanningKey::CreateUnit)}</button>
        </form>
        <super::timeline::Timeline plan=plan.clone() />
        <super::coverage::GoalCoverage plan=plan.clone() />
        {(!plan.archived_units.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="archived-units">
                <h2 id="archived-units">{t(PlanningKey::ArchivedUnits)}</h2>
                <ul class="plain-list">
                    {plan.archived_units.iter().map(|u| {
                        let id = u.id;
                        view! {
                            <li>
                                {u.title.clone()}" "
                                <button type="button" on:click=move |_| { restore_unit.dispatch(RestoreUnit { unit_id: id }); }>
                                    {crate::i18n::messages::restore(&u.title)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <ArchiveSection
            label=PlanningKey::ArchiveYearPlan
            on_confirmed=Callback::new(move |()| { archive.dispatch(ArchiveYearPlan { year_plan_id: plan_id }); })
        />
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
                    {move || data.get().filter(|_| crate::subjects::ready()).map(|result| match result {
                        Ok(unit) => {
                            let scales = scales.get().and_then(Result::ok).unwrap_or_default();
                            view! { <UnitView unit scales reload reload_scales /> }.into_any()
                        }
                        Err(e) => {
                            set_title(t(PlanningKey::UnitWord));
                            view! { <h1>{t(PlanningKey::UnitWord)}</h1><ErrorNote error=e /> }.into_any()
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
    let reflection_goals = unit
        .goals
        .iter()
        .filter(|g| g.kind == domain::planning::GoalKind::Refleksion)
        .count();
    view! {
        <h1>{unit.title.clone()}</h1>
        // The forløb at a glance first; each part below opens in place.
        <dl class="unit-summary">
            <div><dt>{t(PlanningKey::SummaryHold)}</dt><dd>{subject_name(unit.subject)}" · "{unit.team_name.clone()}</dd></div>
            <div><dt>{t(PlanningKey::SummaryWeeks)}</dt><dd>{week_range(unit.first_week, unit.last_week)}</dd></div>
            <div><dt>{t(Key::GoalsTitle)}</dt><dd>{crate::i18n::messages::goals_summary(unit.goals.len(), reflection_goals)}</dd></div>
            <div><dt>{t(Key::TasksTitle)}</dt><dd>{crate::i18n::counts::tasks(unit.tasks.len() as u64)}</dd></div>
            <div><dt>{t(Key::MaterialsTitle)}</dt><dd>{crate::i18n::counts::materials(unit.materials.len() as u64)}</dd></div>
            // Sharing is one fact with its switch beside it, not a part of its own.
            <div class="unit-share"><dt>{t(Key::LibraryTitle)}</dt><dd>
                <span>{if shared { t(PlanningKey::SharedShort) } else { t(PlanningKey::NotSharedShort) }}</span>
                <button type="button" on:click=move |_| { share.dispatch(ShareUnit { unit_id, shared: !shared }); }>
                    {if shared { t(PlanningKey::Unshare) } else { t(PlanningKey::ShareWithSchool) }}
                </button>
                {move || match share.value().get() {
                    Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
            </dd></div>
            <div><dt>{t(PlanningKey::SummaryMadeBy)}</dt><dd>
                {unit.author.clone()}
                {unit.copied_from.clone().map(|from| view! { " · "{crate::i18n::messages::copied_from(&from)} })}
            </dd></div>
        </dl>
        <p>
            <A href=format!("{}/{}", paths::YEAR_PLAN, unit.year_plan_id)>{t(PlanningKey::BackToYearPlan)}</A>
            " · "
            <A href=format!("{}/{}", paths::EVALUATION, unit.id)>{t(PlanningKey::EvaluateUnit)}</A>
        </p>
        <UnitForm
            unit=unit.clone()
            reload
            on_archive=Callback::new(move |()| { archive.dispatch(ArchiveUnit { unit_id }); })
        />
        <GoalsSection unit=unit.clone() scales reload reload_scales />
        <TasksSection unit=unit.clone() reload />
        <PupilPreview unit=unit.clone() />
    }
}

/// The forløb's own fields. A save from an old version is refused; then both versions are shown,
/// and the teacher keeps theirs (saving on top of the stored one) or takes the stored one.
#[component]
fn UnitForm(unit: Unit, reload: Callback<()>, on_archive: Callback<()>) -> impl IntoView {
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
        NodeRef::<Select>::new(),
        NodeRef::<Select>::new(),
    );
    let description = NodeRef::<Textarea>::new();
    let stored = RwSignal::new(None::<Unit>);
    let unit_id = unit.id;
    let read_form = move || -> Option<UnitInput> {
        Some(UnitInput {
            title: input_value(title),
            description: area_value(description),
            first_week: date_of(&select_value(first))?,
            last_week: date_of(&select_value(last))?,
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
            None => save
                .value()
                .set(Some(Err(AppError::invalid(Field::FirstWeek)))),
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
        // The forløb's own settings, archiving among them: rarely changed, so folded away.
        <Panel id="om-forloebet" title=t(PlanningKey::UnitDetails) summary=t(PlanningKey::UnitDetailsSummary)>
        <form class="admin-form unit-form" on:submit=submit novalidate=true aria-labelledby="om-forloebet-title">
            {move || match save.value().get() {
                Some(Ok(_)) => Some(view! { <p class="notice" role="status">{t(Key::Saved)}</p> }.into_any()),
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }.into_any()),
                None => None,
            }}
            {move || stored.get().map(|current| view! {
                <div class="conflict" role="region" aria-label=t(PlanningKey::ConflictTitle)>
                    <h3>{t(PlanningKey::ConflictTitle)}</h3>
                    <p>{t(PlanningKey::ConflictExplained)}</p>
                    <div class="versions">
                        <div>
                            <h4>{t(PlanningKey::StoredVersion)}</h4>
                            <p><strong>{current.title.clone()}</strong></p>
                            <p>{week_range(current.first_week, current.last_week)}</p>
                            <p class="pre">{current.description.clone()}</p>
                        </div>
                        <div>
                            <h4>{t(PlanningKey::YourVersion)}</h4>
                            <p>{t(PlanningKey::YourVersionExplained)}</p>
                        </div>
                    </div>
                    <button type="button" class="primary" on:click=keep_mine>{t(PlanningKey::KeepMine)}</button>
                    <button type="button" on:click=take_theirs>{t(PlanningKey::TakeStored)}</button>
                </div>
            })}
            <div class="field"><label for="edit-title">{t(PlanningKey::TitleLabel)}</label><input id="edit-title" type="text" value=unit.title.clone() node_ref=title /></div>
            <div class="field"><label for="edit-description">{t(PlanningKey::DescriptionLabel)}</label><textarea id="edit-description" rows="4" node_ref=description>{unit.description.clone()}</textarea></div>
            <WeekChoice id="edit-first" label=t(PlanningKey::FirstWeekChoice) weeks=unit.weeks.clone() chosen=unit.first_week field=first />
            <WeekChoice id="edit-last" label=t(PlanningKey::LastWeekChoice) weeks=unit.weeks.clone() chosen=unit.last_week field=last />
            <fieldset>
                <legend>{t(Key::MaterialsTitle)}</legend>
                <p class="hint">{t(PlanningKey::MaterialsHint)}</p>
                {move || materials.get().into_iter().enumerate().map(|(i, (mt, mu))| {
                    let (tid, uid) = (format!("material-title-{i}"), format!("material-url-{i}"));
                    view! {
                        <div class="material-row">
                            <div class="field">
                                <label for=tid.clone()>{crate::i18n::messages::material_name_label(i + 1)}</label>
                                <input id=tid type="text" value=mt on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    materials.update(|m| if let Some(row) = m.get_mut(i) { row.0 = v; });
                                } />
                            </div>
                            <div class="field">
                                <label for=uid.clone()>{crate::i18n::messages::material_link_label(i + 1)}</label>
                                <input id=uid type="url" value=mu on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    materials.update(|m| if let Some(row) = m.get_mut(i) { row.1 = v; });
                                } />
                            </div>
                        </div>
                    }
                }).collect_view()}
                <button type="button" on:click=move |_| materials.update(|m| m.push((String::new(), String::new())))>
                    {t(PlanningKey::AddMaterial)}
                </button>
            </fieldset>
            <button type="submit" class="primary">{t(PlanningKey::SaveUnit)}</button>
        </form>
        <ArchiveSection label=PlanningKey::ArchiveUnit on_confirmed=on_archive inside=true />
        </Panel>
        <Panel id="materialer" title=t(Key::MaterialsTitle) summary=crate::i18n::counts::materials(unit.materials.len() as u64)>
            {unit.materials.is_empty().then(|| view! { <p>{t(PlanningKey::NoMaterials)}</p> })}
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
                                    {t(PlanningKey::RemoveFile)}": "{title.clone()}
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field">
                <label for="material-file">{t(PlanningKey::AttachFile)}</label>
                <p class="hint" id="material-file-hint">{t(PlanningKey::AttachFileHint)}</p>
                <input id="material-file" type="file" aria-describedby="material-file-hint" on:change=on_file />
            </div>
            <div aria-live="polite">
                {move || match (upload.value().get(), remove.value().get()) {
                    (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
            </div>
        </Panel>
    }
}
