//! Evaluation: the teachers' keyboard grid, the pupils' goals and faces, and (`evidence`) pupils'
//! work chosen as evidence for a goal.

pub mod evidence;

use domain::AppError;
use domain::evaluation::{EvaluationGrid, EvaluationHistory};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "evaluation_grid")]
pub async fn load_evaluation_grid(unit_id: i64) -> Result<EvaluationGrid, AppError> {
    backend::evaluation::grid(&crate::request_ctx()?, unit_id).await
}

#[server(endpoint = "evaluate", input = Json)]
pub async fn evaluate(
    goal_id: i64,
    pupil_id: i64,
    step: Option<i64>,
    comment: String,
) -> Result<(), AppError> {
    backend::evaluation::evaluate(&crate::request_ctx()?, goal_id, pupil_id, step, &comment).await
}

#[server(endpoint = "self_evaluate", input = Json)]
pub async fn self_evaluate(
    goal_id: i64,
    step: Option<i64>,
    comment: String,
) -> Result<(), AppError> {
    backend::evaluation::self_evaluate(&crate::request_ctx()?, goal_id, step, &comment).await
}

#[server(endpoint = "evaluation_history")]
pub async fn load_evaluation_history(
    goal_id: i64,
    pupil_id: i64,
) -> Result<EvaluationHistory, AppError> {
    backend::evaluation::history(&crate::request_ctx()?, goal_id, pupil_id).await
}

use crate::components::{ErrorNote, set_title};
use crate::i18n::EvaluationKey;
use crate::i18n::{Key, t};
use crate::identity::shell::Loaded;
use crate::identity::shell::StaffShell;
use crate::paths;
use domain::evaluation::EvaluationValue;
use leptos_router::components::A;
use std::collections::HashMap;

/// The grid's columns before the goals': the pupil's elevplaner and all their work.
const LINK_COLUMNS: usize = 2;

/// Where an arrow key (or Home, End) moves focus from `at` in a grid of `rows` × `width`; `None`
/// for any other key, and at an edge.
fn moved(key: &str, at: (usize, usize), rows: usize, width: usize) -> Option<(usize, usize)> {
    let (r, c) = at;
    match key {
        "ArrowDown" if r + 1 < rows => Some((r + 1, c)),
        "ArrowUp" if r > 0 => Some((r - 1, c)),
        "ArrowRight" if c + 1 < width => Some((r, c + 1)),
        "ArrowLeft" if c > 0 => Some((r, c - 1)),
        "Home" if c > 0 => Some((r, 0)),
        "End" if c + 1 < width => Some((r, width - 1)),
        _ => None,
    }
}

/// The steps of each scale the grid's goals use, with the key that picks each: the cells show a
/// step's name, and the legend says which number is which.
#[component]
fn ScaleLegend(goals: Vec<domain::evaluation::GridGoal>) -> impl IntoView {
    let mut scales: Vec<domain::planning::Scale> = Vec::new();
    for goal in goals {
        if !scales.iter().any(|s| s.id == goal.scale.id) {
            scales.push(goal.scale);
        }
    }
    view! {
        <section class="scale-legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{t(EvaluationKey::LegendTitle)}</h2>
            {scales.into_iter().map(|scale| view! {
                <div class="legend-scale">
                    <h3>{scale.name}</h3>
                    <ul class="legend-steps">
                        {scale.steps.into_iter().enumerate().map(|(i, step)| view! {
                            <li><kbd>{i + 1}</kbd>" "{step}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </section>
    }
}

fn step_name(scale: &domain::planning::Scale, value: Option<&EvaluationValue>) -> String {
    value
        .and_then(|v| v.step)
        .and_then(|s| scale.steps.get(usize::from(s)).cloned())
        .unwrap_or_else(|| t(Key::NotEvaluated).to_owned())
}

/// `/evaluering/:id`: a forløb's pupils × goals. Arrow keys move between cells; the number keys
/// pick a step on the goal's scale (1 is the lowest) and save it at once. A click moves to the
/// next step, so a mouse or a finger works too. Pupils' own evaluations stand beside.
#[component]
pub fn EvaluationGridPage() -> impl IntoView {
    let data = crate::components::by_id(load_evaluation_grid);
    view! {
        <StaffShell>
            <main id="indhold" class="page">
                <Loaded data=data title=t(EvaluationKey::EvaluationTitle) let:grid>
                    <Grid grid />
                </Loaded>
            </main>
        </StaffShell>
    }
}

#[component]
fn Grid(grid: EvaluationGrid) -> impl IntoView {
    let title = format!("{}: {}", t(EvaluationKey::EvaluationTitle), grid.unit_title);
    set_title(&title);
    let save = ServerAction::<Evaluate>::new();
    // The teacher's current step per (pupil, goal), updated as the teacher works.
    let steps = RwSignal::new(
        grid.cells
            .iter()
            .map(|c| {
                (
                    (c.pupil_id, c.goal_id),
                    c.teacher.as_ref().and_then(|v| v.step),
                )
            })
            .collect::<HashMap<_, _>>(),
    );
    // The teacher's comment per (pupil, goal): sent again with every step, so a new step keeps it.
    let comments = RwSignal::new(
        grid.cells
            .iter()
            .map(|c| {
                (
                    (c.pupil_id, c.goal_id),
                    c.teacher
                        .as_ref()
                        .map(|v| v.comment.clone())
                        .unwrap_or_default(),
                )
            })
            .collect::<HashMap<_, _>>(),
    );
    let evidence_counts: evidence::EvidenceCounts = RwSignal::new(
        grid.cells
            .iter()
            .map(|c| ((c.pupil_id, c.goal_id), c.evidence))
            .collect(),
    );
    let announce = RwSignal::new(String::new());
    // "Gemt" is said only once the server has stored the step: the words are kept aside at the
    // keypress and announced when the save comes back without an error.
    let saving = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(_)) = save.value().get()
            && !save.pending().get()
            && let Some(words) = saving.try_update_untracked(Option::take).flatten()
        {
            announce.set(words);
        }
    });
    let goals = grid.goals.clone();
    let (rows, cols) = (grid.pupils.len(), grid.goals.len());
    // Roving focus: the grid is one Tab stop (the cell last visited) and the arrows move within
    // it, over the pupil's two links (columns 0 and 1) and the goals' cells (from column 2).
    let width = cols + LINK_COLUMNS;
    let cell_id = |r: usize, c: usize| format!("cell-{r}-{c}");
    let active = RwSignal::new((0usize, if cols > 0 { LINK_COLUMNS } else { 0 }));
    let focus = move |r: usize, c: usize| {
        if let Some(el) = document().get_element_by_id(&cell_id(r, c))
            && let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
        {
            let _ = el.focus();
        }
    };
    let tab_stop = move |r: usize, c: usize| if active.get() == (r, c) { "0" } else { "-1" };
    let on_arrows = move |ev: &leptos::ev::KeyboardEvent, r: usize, c: usize| -> bool {
        match moved(&ev.key(), (r, c), rows, width) {
            Some((nr, nc)) => {
                ev.prevent_default();
                focus(nr, nc);
                true
            }
            None => false,
        }
    };
    let pupils_by_row = grid.pupils.clone();
    let goals_by_col = grid.goals.clone();
    let set_step = move |r: usize, c: usize, step: u8| {
        let (Some(pupil), Some(goal)) = (pupils_by_row.get(r), goals_by_col.get(c)) else {
            return;
        };
        if usize::from(step) >= goal.scale.steps.len() {
            return;
        }
        steps.update(|m| {
            m.insert((pupil.id, goal.id), Some(step));
        });
        announce.set(String::new());
        saving.set(Some(format!(
            "{} {}, {}: {}",
            t(EvaluationKey::SavedFor),
            pupil.name,
            goal.text,
            goal.scale.steps[usize::from(step)]
        )));
        save.dispatch(Evaluate {
            goal_id: goal.id,
            pupil_id: pupil.id,
            step: Some(i64::from(step)),
            comment: comments
                .with_untracked(|m| m.get(&(pupil.id, goal.id)).cloned().unwrap_or_default()),
        });
    };
    let comment_pupil = NodeRef::<leptos::html::Select>::new();
    let comment_goal = NodeRef::<leptos::html::Select>::new();
    let comment_text = NodeRef::<leptos::html::Textarea>::new();
    let save_comment = ServerAction::<Evaluate>::new();
    let on_comment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(pupil_id), Ok(goal_id)) = (
            crate::components::select_value(comment_pupil).parse::<i64>(),
            crate::components::select_value(comment_goal).parse::<i64>(),
        ) else {
            return;
        };
        let comment = crate::components::area_value(comment_text);
        comments.update(|m| {
            m.insert((pupil_id, goal_id), comment.trim().to_owned());
        });
        save_comment.dispatch(Evaluate {
            goal_id,
            pupil_id,
            step: steps.with_untracked(|m| {
                m.get(&(pupil_id, goal_id))
                    .copied()
                    .flatten()
                    .map(i64::from)
            }),
            comment,
        });
    };
    let comment_pupils = grid.pupils.clone();
    let comment_goals = grid.goals.clone();
    let evidence_pupils = grid.pupils.clone();
    let evidence_goals = grid.goals.clone();
    let spread_pupils: Vec<i64> = grid.pupils.iter().map(|p| p.id).collect();
    let spread_goals = grid.goals.clone();
    let pupil_cells: HashMap<(i64, i64), Option<EvaluationValue>> = grid
        .cells
        .iter()
        .map(|c| ((c.pupil_id, c.goal_id), c.pupil.clone()))
        .collect();
    view! {
        <h1>{title.clone()}</h1>
        <p><A href=format!("{}/{}", paths::UNIT, grid.unit_id)>{t(EvaluationKey::BackToUnit)}</A></p>
        <p class="hint" id="grid-hint">{t(EvaluationKey::GridHint)}</p>
        <ScaleLegend goals=grid.goals.clone() />
        <p class="visually-hidden" role="status">{move || announce.get()}</p>
        {move || match save.value().get() {
            Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
            _ => None,
        }}
        <div class="table-wrap" role="region" aria-labelledby="grid-caption" tabindex="0">
            <table class="evaluation-grid" aria-describedby="grid-hint">
                <caption id="grid-caption">{title}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Key::PupilWord)}</th>
                        {goals.iter().map(|g| view! { <th scope="col">{g.text.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {grid.pupils.iter().enumerate().map(|(r, pupil)| {
                        let cells = grid.goals.iter().enumerate().map(|(c, goal)| {
                            let key = (pupil.id, goal.id);
                            let scale = goal.scale.clone();
                            let label_scale = scale.clone();
                            let own = pupil_cells.get(&key).cloned().flatten();
                            let own_text = own.as_ref().map(|v| {
                                let words = if v.comment.is_empty() { String::new() } else { format!(" – {}", v.comment) };
                                format!("{}: {}{words}", t(EvaluationKey::PupilsOwn), step_name(&scale, Some(v)))
                            });
                            let who = format!("{}, {}", pupil.name, goal.text);
                            let set_step = set_step.clone();
                            let set_step_click = set_step.clone();
                            let n = scale.steps.len();
                            view! {
                                <td>
                                    <button
                                        type="button"
                                        id=cell_id(r, LINK_COLUMNS + c)
                                        class="grid-cell"
                                        tabindex=move || tab_stop(r, LINK_COLUMNS + c)
                                        on:focus=move |_| active.set((r, LINK_COLUMNS + c))
                                        aria-label=move || {
                                            let current = steps.with(|m| m.get(&key).copied().flatten());
                                            let name = current
                                                .and_then(|s| label_scale.steps.get(usize::from(s)).cloned())
                                                .unwrap_or_else(|| t(Key::NotEvaluated).to_owned());
                                            format!("{who}: {name}")
                                        }
                                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                            if on_arrows(&ev, r, LINK_COLUMNS + c) {
                                                return;
                                            }
                                            if let Some(d) = ev.key().parse::<u8>().ok().filter(|d| (1..=9).contains(d)) {
                                                ev.prevent_default();
                                                set_step(r, c, d - 1);
                                            }
                                        }
                                        on:click=move |_| {
                                            let current = steps.with_untracked(|m| m.get(&key).copied().flatten());
                                            let next = current.map_or(0, |s| (usize::from(s) + 1) % n);
                                            set_step_click(r, c, u8::try_from(next).unwrap_or(0));
                                        }
                                    >
                                        {move || {
                                            let current = steps.with(|m| m.get(&key).copied().flatten());
                                            current
                                                .and_then(|s| scale.steps.get(usize::from(s)).cloned())
                                                .unwrap_or_else(|| "–".to_owned())
                                        }}
                                    </button>
                                    {own_text.map(|text| view! { <span class="own-evaluation">{text}</span> })}
                                    {move || comments.with(|m| m.get(&key).filter(|c| !c.is_empty()).cloned()).map(|c| view! {
                                        <span class="own-evaluation">{t(EvaluationKey::CommentWord)}": "{c}</span>
                                    })}
                                    {evidence::cell_count(evidence_counts, key)}
                                </td>
                            }
                        }).collect_view();
                        let plans_href = format!("{}/{}", paths::PUPIL_PLANS, pupil.id);
                        let work_href = crate::returns::pupil_work::href(grid.team_id, pupil.id);
                        let work_label = crate::i18n::messages::all_work_of(&pupil.name);
                        let name = pupil.name.clone();
                        view! {
                            <tr>
                                <th scope="row">
                                    <a
                                        href=plans_href
                                        id=cell_id(r, 0)
                                        tabindex=move || tab_stop(r, 0)
                                        on:focus=move |_| active.set((r, 0))
                                        on:keydown=move |ev| { on_arrows(&ev, r, 0); }
                                    >
                                        {name}
                                    </a>
                                    <br />
                                    <a
                                        href=work_href
                                        id=cell_id(r, 1)
                                        tabindex=move || tab_stop(r, 1)
                                        on:focus=move |_| active.set((r, 1))
                                        on:keydown=move |ev| { on_arrows(&ev, r, 1); }
                                    >
                                        {work_label}
                                    </a>
                                </th>
                                {cells}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <form class="card" aria-labelledby="comment-title" on:submit=on_comment>
            <h2 id="comment-title">{t(EvaluationKey::WriteComment)}</h2>
            <div class="field">
                <label for="comment-pupil">{t(Key::PupilWord)}</label>
                <select id="comment-pupil" node_ref=comment_pupil>
                    {comment_pupils.into_iter().map(|p| view! { <option value=p.id.to_string()>{p.name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="comment-goal">{t(Key::SectionGoals)}</label>
                <select id="comment-goal" node_ref=comment_goal>
                    {comment_goals.into_iter().map(|g| view! { <option value=g.id.to_string()>{g.text}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="comment-text">{t(EvaluationKey::CommentWord)}</label>
                <textarea id="comment-text" rows="3" node_ref=comment_text></textarea>
            </div>
            <button type="submit">{t(EvaluationKey::SaveComment)}</button>
            <p role="status">{move || matches!(save_comment.value().get(), Some(Ok(()))).then(|| t(Key::Saved))}</p>
            {move || match save_comment.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
        </form>
        <Spread goals=spread_goals pupils=spread_pupils steps />
        <evidence::EvidenceSection pupils=evidence_pupils goals=evidence_goals counts=evidence_counts />
    }
}

/// The hold's spread on each goal: how many pupils the teachers put on each step, as bars whose
/// words (the step, "n af m elever") are the text; it follows the grid as the teacher works.
#[component]
fn Spread(
    goals: Vec<domain::evaluation::GridGoal>,
    pupils: Vec<i64>,
    steps: RwSignal<HashMap<(i64, i64), Option<u8>>>,
) -> impl IntoView {
    let total = u32::try_from(pupils.len()).unwrap_or(u32::MAX);
    let pupils = StoredValue::new(pupils);
    view! {
        <section class="card" aria-labelledby="spread-title">
            <h2 id="spread-title">{t(EvaluationKey::SpreadTitle)}</h2>
            <p class="hint">{t(EvaluationKey::SpreadHint)}</p>
            {goals.into_iter().map(|goal| {
                let goal_id = goal.id;
                let on = move |step: Option<u8>| {
                    let n = steps.with(|m| {
                        pupils.with_value(|ps| {
                            ps.iter()
                                .filter(|p| m.get(&(**p, goal_id)).copied().flatten() == step)
                                .count()
                        })
                    });
                    u32::try_from(n).unwrap_or(u32::MAX)
                };
                let rows = goal.scale.steps.iter().enumerate().map(|(i, label)| {
                    let step = u8::try_from(i).ok();
                    let label = label.clone();
                    view! {
                        <li>
                            <span class="progress-words">{move || crate::i18n::messages::on_step(&label, on(step), total)}</span>
                            <span class="progress-bar" aria-hidden="true">
                                <span style=move || format!("width:{}%", on(step) * 100 / total.max(1))></span>
                            </span>
                        </li>
                    }
                }).collect_view();
                view! {
                    <h3>{goal.text.clone()}</h3>
                    <ul class="progress-chart" aria-label=goal.text.clone()>
                        {rows}
                        <li>
                            <span class="progress-words">{move || crate::i18n::messages::on_step(t(Key::NotEvaluated), on(None), total)}</span>
                        </li>
                    </ul>
                }
            }).collect_view()}
        </section>
    }
}

#[server(endpoint = "my_goals")]
pub async fn load_my_goals() -> Result<Vec<domain::evaluation::MyGoal>, AppError> {
    backend::evaluation::my_goals(&crate::request_ctx()?).await
}

/// `/mine-maal`: the pupil's "mål og refleksion" goals, each read aloud on request, with a way to
/// show work for each.
#[component]
pub fn MyGoalsPage() -> impl IntoView {
    set_title(t(Key::MyGoalsTitle));
    let goals = LocalResource::new(load_my_goals);
    view! {
        <crate::pupil::PupilShell help=t(EvaluationKey::HelpGoals)>
            <main id="indhold" class="page pupil" lang="da">
                <h1>{t(Key::MyGoalsTitle)}</h1>
                <p>{t(EvaluationKey::MyGoalsIntro)}</p>
                <Loaded data=goals let:list>
                    {if list.is_empty() {
                        view! { <p>{t(EvaluationKey::NoGoalsForPupil)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="my-goals">
                                {list.into_iter().map(|goal| view! { <GoalToShow goal /> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </Loaded>
            </main>
        </crate::pupil::PupilShell>
    }
}

#[component]
pub(crate) fn GoalToShow(goal: domain::evaluation::MyGoal) -> impl IntoView {
    let text = goal.text.clone();
    let showing = RwSignal::new(false);
    let goal_id = goal.goal_id;
    view! {
        <li class="card my-goal">
            <h2>{goal.text.clone()}</h2>
            <p class="muted">{crate::i18n::subject_name(goal.subject)}" · "{goal.unit_title.clone()}</p>
            <div class="button-row">
                <button type="button" class="read-aloud tile-button" on:click=move |_| crate::speech::speak(&text, || ())>
                    <crate::components::DecorativeIcon icon=icondata::LuVolume2 />
                    <span>{t(EvaluationKey::ReadGoalAloud)}</span>
                </button>
                <button
                    type="button"
                    class="tile-button"
                    aria-expanded=move || if showing.get() { "true" } else { "false" }
                    on:click=move |_| showing.update(|s| *s = !*s)
                >
                    <crate::components::DecorativeIcon icon=icondata::LuFolderOpen />
                    <span>{t(Key::ShowYourWork)}</span>
                </button>
            </div>
            <FacesOverTime goal=goal.clone() />
            {move || showing.get().then(|| view! { <crate::pupil::work::WorkCapture task_id=None goal_id=Some(goal_id) /> })}
        </li>
    }
}

/// The pupil's own evaluations of a goal over time, oldest first, each as its face and its word
/// with the day, and read aloud on request: progress a pupil who cannot read yet can see and hear.
#[component]
fn FacesOverTime(goal: domain::evaluation::MyGoal) -> impl IntoView {
    let faces = goal
        .scale
        .faces
        .then(|| crate::components::face_levels(goal.scale.steps.len()))
        .flatten();
    let entries: Vec<(Option<u8>, String, String)> = goal
        .history
        .iter()
        .filter_map(|v| {
            let step = usize::from(v.step?);
            Some((
                faces.and_then(|f| f.get(step).copied()),
                goal.scale.steps.get(step)?.clone(),
                crate::calendar::danish_day(v.at),
            ))
        })
        .collect();
    (!entries.is_empty()).then(|| {
        let told = crate::i18n::messages::progress_told(
            &entries
                .iter()
                .map(|(_, word, day)| (day.clone(), word.clone()))
                .collect::<Vec<_>>(),
        );
        let heading_id = format!("udvikling-{}", goal.goal_id);
        let label_id = heading_id.clone();
        view! {
            <section class="faces-over-time" aria-labelledby=label_id>
                <h3 id=heading_id>{t(EvaluationKey::HowItWent)}</h3>
                <ol>
                    {entries.into_iter().map(|(face, word, day)| view! {
                        <li>
                            {face.map(|level| view! { <crate::components::Face level /> })}
                            <span>{word}</span>
                            <span class="muted">{day}</span>
                        </li>
                    }).collect_view()}
                </ol>
                <button type="button" class="read-aloud tile-button" on:click=move |_| crate::speech::speak(&told, || ())>
                    <crate::components::DecorativeIcon icon=icondata::LuVolume2 />
                    <span>{t(EvaluationKey::HearHowItWent)}</span>
                </button>
            </section>
        }
    })
}

/// `/hvordan-gik-det`: the same goals with big faces to tap. A tap says the face's meaning aloud
/// and saves it.
#[component]
pub fn HowDidItGoPage() -> impl IntoView {
    set_title(t(Key::HowDidItGo));
    let goals = LocalResource::new(load_my_goals);
    view! {
        <crate::pupil::PupilShell help=t(EvaluationKey::HelpHowDidItGo)>
            <main id="indhold" class="page pupil" lang="da">
                <h1>{t(Key::HowDidItGo)}</h1>
                <Loaded data=goals let:list>
                    {if list.is_empty() {
                        view! { <p>{t(EvaluationKey::NoGoalsForPupil)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="my-goals">
                                {list.into_iter().map(|goal| view! { <GoalCard goal /> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </Loaded>
            </main>
        </crate::pupil::PupilShell>
    }
}

#[component]
fn GoalCard(goal: domain::evaluation::MyGoal) -> impl IntoView {
    let save = ServerAction::<SelfEvaluate>::new();
    let chosen = RwSignal::new(goal.mine.as_ref().and_then(|v| v.step));
    // The pupil's words travel with every save, so tapping a face never drops what they wrote.
    let note = RwSignal::new(
        goal.mine
            .as_ref()
            .map(|v| v.comment.clone())
            .unwrap_or_default(),
    );
    let goal_id = goal.goal_id;
    let note_id = format!("note-{goal_id}");
    let note_label_for = note_id.clone();
    let text = goal.text.clone();
    let faces = goal
        .scale
        .faces
        .then(|| crate::components::face_levels(goal.scale.steps.len()))
        .flatten();
    view! {
        <li class="card my-goal">
            <h2>{goal.text.clone()}</h2>
            <p class="muted">{crate::i18n::subject_name(goal.subject)}" · "{goal.unit_title.clone()}</p>
            <button type="button" class="read-aloud tile-button" on:click=move |_| crate::speech::speak(&text, || ())>
                <crate::components::DecorativeIcon icon=icondata::LuVolume2 />
                <span>{t(EvaluationKey::ReadGoalAloud)}</span>
            </button>
            <div class="faces" role="group" aria-label=format!("{}: {}", t(Key::HowDidItGo), goal.text)>
                {goal.scale.steps.iter().enumerate().map(|(i, label)| {
                    let step = u8::try_from(i).unwrap_or(0);
                    let spoken = label.clone();
                    view! {
                        <button
                            type="button"
                            class="face-button"
                            aria-pressed=move || if chosen.get() == Some(step) { "true" } else { "false" }
                            on:click=move |_| {
                                crate::speech::speak(&spoken, || ());
                                chosen.set(Some(step));
                                save.dispatch(SelfEvaluate { goal_id, step: Some(i64::from(step)), comment: note.get_untracked() });
                            }
                        >
                            {faces.and_then(|f| f.get(usize::from(step))).map(|level| view! { <crate::components::Face level=*level /> })}
                            <span>{label.clone()}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
            <div class="field">
                <label for=note_label_for>{t(EvaluationKey::MyNoteLabel)}</label>
                <textarea
                    id=note_id
                    rows="2"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </div>
            <button type="button" class="tile-button" on:click=move |_| {
                save.dispatch(SelfEvaluate {
                    goal_id,
                    step: chosen.get_untracked().map(i64::from),
                    comment: note.get_untracked(),
                });
            }>{t(EvaluationKey::SaveMyNote)}</button>
            {move || match save.value().get() {
                Some(Ok(())) => Some(view! { <p class="notice" role="status">{t(Key::Saved)}</p> }.into_any()),
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }.into_any()),
                None => None,
            }}
        </li>
    }
}

/// Registers this feature's server functions with the server (`crate::register_server_functions`).
#[cfg(feature = "ssr")]
pub(crate) fn register_server_functions() {
    use server_fn::axum::register_explicit;
    register_explicit::<LoadEvaluationGrid>();
    register_explicit::<Evaluate>();
    register_explicit::<SelfEvaluate>();
    register_explicit::<LoadEvaluationHistory>();
    register_explicit::<LoadMyGoals>();
    register_explicit::<evidence::LoadGoalWork>();
    register_explicit::<evidence::ChooseEvidence>();
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn arrows_move_one_cell_and_stop_at_the_edges() {
        assert_eq!(moved("ArrowRight", (0, 0), 3, 4), Some((0, 1)));
        assert_eq!(moved("ArrowDown", (1, 2), 3, 4), Some((2, 2)));
        assert_eq!(moved("ArrowDown", (2, 2), 3, 4), None);
        assert_eq!(moved("ArrowUp", (0, 2), 3, 4), None);
        assert_eq!(moved("ArrowLeft", (0, 0), 3, 4), None);
        assert_eq!(moved("ArrowRight", (0, 3), 3, 4), None);
    }

    #[test]
    fn home_and_end_go_to_the_rows_first_and_last_cell() {
        assert_eq!(moved("Home", (1, 3), 3, 4), Some((1, 0)));
        assert_eq!(moved("End", (1, 0), 3, 4), Some((1, 3)));
        assert_eq!(moved("Home", (1, 0), 3, 4), None);
        assert_eq!(moved("Enter", (1, 1), 3, 4), None);
    }
}
