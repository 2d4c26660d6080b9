//! A forløb's tasks on its screen: the list, archived tasks to restore, the task form with
//! audience and variants, and the preview of what pupils see.

use super::api::*;
use crate::components::{
    DecorativeIcon, ErrorNote, FoldHeading, Panel, area_value, input_value, remember_open,
    remembered_open,
};
use crate::i18n::PlanningKey;
use crate::i18n::{Key, t, task_icon_name, variant_name};
use crate::pictures::{subject_class, task_icon};
use domain::AppError;
use domain::Field;
use domain::planning::{Audience, GoalKind, Task, TaskIcon, TaskInput, TaskWhen, Unit, Variant};
use leptos::html::{Input, Textarea};
use leptos::prelude::*;

use super::parts::*;

pub(super) fn when_text(when: TaskWhen) -> String {
    match when {
        TaskWhen::Day(d) => d.danish_long(),
        TaskWhen::Week(d) => format!("{} {}", t(Key::WeekWord), d.iso_week().week),
    }
}

pub(super) fn audience_text(task: &Task) -> String {
    match &task.audience {
        Audience::Hold => t(PlanningKey::WholeHold).to_owned(),
        Audience::Group(name) => format!("{}: {name}", t(PlanningKey::GroupWord)),
        Audience::Pupils => t(PlanningKey::ChosenPupils).to_owned(),
    }
}

/// The new task's form, remembered open or closed by this name.
const NEW_TASK: &str = "ny-opgave";

#[component]
pub(super) fn TasksSection(unit: Unit, reload: Callback<()>) -> impl IntoView {
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
    // Most tasks are the same for the whole hold: who gets which variant stays folded away
    // until the teacher asks for it, chooses a group or pupils, or changes a task that has one.
    let differentiate = RwSignal::new(false);
    let showing_variants = move || differentiate.get() || audience.get() != "hold";
    // Open while the forløb has no tasks, and kept open for a teacher adding several.
    let open = RwSignal::new(unit.tasks.is_empty() || remembered_open(NEW_TASK));
    let unit_id = unit.id;
    // A new task is for the forløb's first week unless the teacher picks another day.
    let first_day = unit.first_week.to_string();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        remember_open(NEW_TASK, true);
        let Some(day) = date_of(&input_value(date)) else {
            create
                .value()
                .set(Some(Err(AppError::invalid(Field::When))));
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
        differentiate
            .set(!task.pupils.is_empty() || task.easier.is_some() || task.harder.is_some());
        editing.set(Some((task.id, task.version, task.title.clone())));
        open.set(true);
        if let Some(el) = title.get() {
            let _ = el.focus();
        }
    };
    let pupils = unit.pupils.clone();
    view! {
        <section class="card" aria-labelledby="tasks-title">
            <h2 id="tasks-title">{t(Key::TasksTitle)}</h2>
            {unit.tasks.is_empty().then(|| view! { <p>{t(PlanningKey::NoTasks)}</p> })}
            <ul class="plain-list task-list">
                {unit.tasks.iter().map(|task| {
                    let id = task.id;
                    let who = task.pupils.iter().map(|p| format!("{} ({})", p.name, variant_name(p.variant))).collect::<Vec<_>>().join(", ");
                    view! {
                        // One row a task: what, when and for whom, with its actions at the end.
                        <li class="plan-row">
                            <div class="plan-row-text">
                                <p>
                                    <DecorativeIcon icon=task_icon(task.icon) />
                                    " "<strong>{task.title.clone()}</strong>
                                    <span class="muted">" · "{when_text(task.when)}" · "{audience_text(task)}</span>
                                </p>
                                <p class="muted one-line">{task.instruction.clone()}</p>
                                {(!who.is_empty()).then(|| view! { <p class="muted">{who}</p> })}
                                {(task.easier.is_some() || task.harder.is_some()).then(|| view! {
                                    <p class="muted">
                                        {task.easier.clone().map(|e| view! { <span>{t(PlanningKey::EasierLabel)}": "{e}</span> })}
                                        {(task.easier.is_some() && task.harder.is_some()).then_some(" · ")}
                                        {task.harder.clone().map(|h| view! { <span>{t(PlanningKey::HarderLabel)}": "{h}</span> })}
                                    </p>
                                })}
                            </div>
                            <div class="plan-row-actions">
                                <a class="button-link" href=format!("{}/{}", crate::paths::TASK_RETURNS, id) aria-label=crate::i18n::messages::see_pupils_work(&task.title)>
                                    {t(PlanningKey::SeePupilsWork)}
                                </a>
                                <button type="button" aria-label=crate::i18n::messages::edit_task(&task.title) on:click={
                                    let task = task.clone();
                                    move |_| start_edit(task.clone())
                                }>
                                    {t(PlanningKey::EditTaskShort)}
                                </button>
                                <button type="button" aria-label=crate::i18n::messages::archive_task(&task.title) on:click=move |_| { archive.dispatch(ArchiveTask { task_id: id }); }>
                                    {t(PlanningKey::ArchiveTaskShort)}
                                </button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(!unit.archived_tasks.is_empty()).then(|| view! {
                <h3>{t(PlanningKey::ArchivedTasks)}</h3>
                <ul class="plain-list">
                    {unit.archived_tasks.iter().map(|task| {
                        let id = task.id;
                        view! {
                            <li>
                                {task.title.clone()}" "
                                <button type="button" on:click=move |_| { restore.dispatch(RestoreTask { task_id: id }); }>
                                    {crate::i18n::messages::restore(&task.title)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <FoldHeading id=NEW_TASK heading_id="new-task-title" controls="new-task-form" open>
                {move || match editing.get() {
                    Some((_, _, name)) => crate::i18n::messages::edit_task(&name),
                    None => t(PlanningKey::NewTaskTitle).to_owned(),
                }}
            </FoldHeading>
            <form id="new-task-form" class="admin-form" hidden=move || !open.get() on:submit=submit novalidate=true aria-labelledby="new-task-title">
                {move || match (create.value().get(), save.value().get()) {
                    (Some(Err(e)), _) | (_, Some(Err(e))) => Some(view! { <ErrorNote error=e /> }),
                    _ => None,
                }}
                <div class="field"><label for="task-title">{t(PlanningKey::TitleLabel)}</label><input id="task-title" type="text" node_ref=title /></div>
                <div class="field">
                    <label for="task-instruction">{t(PlanningKey::InstructionLabel)}</label>
                    <p class="hint" id="task-instruction-hint">{t(PlanningKey::InstructionHint)}</p>
                    <textarea id="task-instruction" rows="2" aria-describedby="task-instruction-hint" node_ref=instruction></textarea>
                </div>
                <fieldset class="icon-choices">
                    <legend>{t(PlanningKey::TaskIconLegend)}</legend>
                    {TaskIcon::ALL.into_iter().map(|i| {
                        let id = format!("task-icon-{}", i.as_str());
                        let label_for = id.clone();
                        view! {
                            <label for=label_for class="choice icon-choice">
                                <input id=id type="radio" name="task-icon" checked=move || icon.get() == i on:change=move |_| icon.set(i) />
                                <DecorativeIcon icon=task_icon(i) />
                                {task_icon_name(i)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <fieldset>
                    <legend>{t(PlanningKey::WhenLegend)}</legend>
                    <label for="when-day" class="choice">
                        <input id="when-day" type="radio" name="task-when" checked=move || !by_week.get() on:change=move |_| by_week.set(false) />
                        {t(PlanningKey::OnADay)}
                    </label>
                    <label for="when-week" class="choice">
                        <input id="when-week" type="radio" name="task-when" checked=move || by_week.get() on:change=move |_| by_week.set(true) />
                        {t(PlanningKey::InAWeek)}
                    </label>
                    <div class="field"><label for="task-date">{t(PlanningKey::DateLabel)}</label><input id="task-date" type="date" value=first_day node_ref=date /></div>
                </fieldset>
                <fieldset>
                    <legend>{t(PlanningKey::AudienceLegend)}</legend>
                    {[("hold", PlanningKey::WholeHold), ("group", PlanningKey::AGroup), ("pupils", PlanningKey::ChosenPupils)].into_iter().map(|(value, key)| {
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
                        <label for="task-group">{t(PlanningKey::GroupNameLabel)}</label>
                        <input id="task-group" type="text" node_ref=group />
                    </div>
                </fieldset>
                <button
                    type="button"
                    class="disclosure"
                    aria-expanded=move || if showing_variants() { "true" } else { "false" }
                    aria-controls="task-variants"
                    on:click=move |_| differentiate.update(|d| *d = !*d)
                >
                    <DecorativeIcon icon=icondata::LuChevronRight />
                    <span>{t(PlanningKey::Differentiate)}</span>
                </button>
                <div id="task-variants" hidden=move || !showing_variants()>
                <fieldset>
                    <legend>{t(PlanningKey::PupilsAndVariants)}</legend>
                    <p class="hint">{t(PlanningKey::PupilsAndVariantsHint)}</p>
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
                                    <label for=variant_for class="visually-hidden">{crate::i18n::messages::variant_for(&p.name)}</label>
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
                <div class="field"><label for="task-easier">{t(PlanningKey::EasierLabel)}</label><textarea id="task-easier" rows="2" node_ref=easier></textarea></div>
                <div class="field"><label for="task-harder">{t(PlanningKey::HarderLabel)}</label><textarea id="task-harder" rows="2" node_ref=harder></textarea></div>
                </div>
                <button type="submit" class="primary">
                    {move || if editing.get().is_some() { t(PlanningKey::SaveTask) } else { t(PlanningKey::AddTask) }}
                </button>
                <Show when=move || editing.get().is_some()>
                    " "
                    <button type="button" on:click=move |_| reload.run(())>{t(PlanningKey::CancelEdit)}</button>
                </Show>
            </form>
        </section>
    }
}

/// The pupil-facing parts as a pupil will see them: each task with its picture and a speaker,
/// and the goals they evaluate themselves on, with faces.
#[component]
pub(super) fn PupilPreview(unit: Unit) -> impl IntoView {
    view! {
        <Panel id="elevens-blik" title=t(PlanningKey::PupilPreviewTitle) summary=t(PlanningKey::PupilPreviewHint)>
            <div class="pupil-preview">
            <ul class="tiles preview-tiles" aria-label=t(PlanningKey::PupilPreviewTitle)>
                {unit.tasks.iter().map(|task| {
                    let text = task.instruction.clone();
                    view! {
                        <li class=format!("preview-task {}", subject_class(unit.subject))>
                            <span class="preview-picture">
                                <DecorativeIcon icon=task_icon(task.icon) />
                                <span class="preview-title">{task.title.clone()}</span>
                            </span>
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
                            {g.scale.faces.then(|| crate::components::face_levels(g.scale.steps.len())).flatten().map(|levels| view! {
                                <span class="preview-faces">
                                    {levels.iter().map(|level| view! { <crate::components::Face level=*level /> }).collect_view()}
                                </span>
                            })}
                            <span>{g.scale.steps.join(" · ")}</span>
                        </p>
                    </li>
                }).collect_view()}
            </ul>
            </div>
        </Panel>
    }
}
