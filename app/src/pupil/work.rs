//! Showing what you made: a photo (the iPad's camera through the file input), a drawing (tap
//! tools on a canvas: no action needs a drag), a voice note, or words; and "Mit arbejde", where
//! it all lands.

use super::drafts::{self, Outcome};
use super::{PupilShell, load_my_work};
use crate::components::{DecorativeIcon, ErrorNote, set_title};
use crate::i18n::PupilKey;
use crate::i18n::{Key, t};
use crate::identity::shell::Loaded;
use crate::returns::feedback::{FeedbackList, NewMark, any_new};
use domain::pupil::{WorkItem, WorkKind, WorkUpload};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The longest side a photo is sent with: sharp on a screen, a few hundred kB.
const PHOTO_MAX_SIDE: f64 = 1600.0;

/// A piece of work ready to send: its kind, words, and file (content type, base64).
type Piece = (WorkKind, String, Option<(String, String)>);

/// The four ways to show work, for a task or a goal.
#[component]
pub fn WorkCapture(task_id: Option<i64>, goal_id: Option<i64>) -> impl IntoView {
    let open = RwSignal::new(None::<WorkKind>);
    let status = RwSignal::new(None::<Outcome>);
    let submit = Callback::new(move |(kind, text, file): Piece| {
        status.set(None);
        let upload = WorkUpload {
            client_key: drafts::new_client_key(),
            kind,
            task_id,
            goal_id,
            text,
            content_type: file.as_ref().map(|(ct, _)| ct.clone()),
            data_base64: file.map(|(_, data)| data),
        };
        leptos::task::spawn_local(async move {
            let outcome = drafts::send(upload).await;
            if outcome != Outcome::Saved {
                status.set(Some(outcome));
                return;
            }
            open.set(None);
            status.set(Some(outcome));
        });
    });
    let tool = move |kind: WorkKind, icon: icondata::Icon, label: PupilKey| {
        view! {
            <button
                type="button"
                class="tile-button"
                aria-pressed=move || if open.get() == Some(kind) { "true" } else { "false" }
                on:click=move |_| {
                    status.set(None);
                    open.update(|o| *o = if *o == Some(kind) { None } else { Some(kind) });
                }
            >
                <DecorativeIcon icon=icon />
                <span>{t(label)}</span>
            </button>
        }
    };
    view! {
        <section class="work-capture" aria-labelledby="vis-arbejde">
            <h2 id="vis-arbejde">{t(Key::ShowYourWork)}</h2>
            <div class="work-tools">
                <PhotoInput submit status />
                {tool(WorkKind::Drawing, icondata::LuPaintbrush, PupilKey::DrawWork)}
                {tool(WorkKind::Voice, icondata::LuMic, PupilKey::RecordVoice)}
                {tool(WorkKind::Text, icondata::LuPencil, PupilKey::WriteWork)}
            </div>
            {move || match open.get() {
                Some(WorkKind::Drawing) => view! { <DrawingPad submit /> }.into_any(),
                Some(WorkKind::Voice) => {
                    let on_recorded = Callback::new(move |(content_type, data): (String, String)| {
                        submit.run((WorkKind::Voice, String::new(), Some((content_type, data))));
                    });
                    view! { <VoiceRecorder on_recorded /> }.into_any()
                }
                Some(WorkKind::Text) => view! { <TextWork submit /> }.into_any(),
                _ => ().into_any(),
            }}
            <div role="status" class="work-status">
                {move || status.get().map(|outcome| match outcome {
                    Outcome::Saved => view! { <p class="notice">{t(PupilKey::WorkSaved)}</p> }.into_any(),
                    // The shell says what is waiting; once it is sent, this piece is saved.
                    Outcome::Waiting => {
                        let waiting = drafts::waiting();
                        view! {
                            {move || (waiting.get() == 0).then(|| view! { <p class="notice">{t(PupilKey::WorkSaved)}</p> })}
                        }.into_any()
                    }
                    Outcome::Refused(e) => view! { <ErrorNote error=e /> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// "Tag et billede": the file input covers its tile, so the whole tile is the target and the
/// iPad offers its camera. The photo is made smaller on the device before it is sent.
#[component]
fn PhotoInput(submit: Callback<Piece>, status: RwSignal<Option<Outcome>>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The same photo may be chosen again later.
        input.set_value("");
        leptos::task::spawn_local(async move {
            match shrink_photo(&file).await {
                Ok(data) => submit.run((
                    WorkKind::Photo,
                    String::new(),
                    Some(("image/jpeg".into(), data)),
                )),
                Err(_) => status.set(Some(Outcome::Refused(domain::AppError::invalid(
                    domain::Field::WorkFile,
                )))),
            }
        });
    };
    view! {
        <label class="tile-button file-tile">
            <DecorativeIcon icon=icondata::LuCamera />
            <span>{t(PupilKey::TakePhoto)}</span>
            <input type="file" accept="image/*" capture="environment" on:change=on_change />
        </label>
    }
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)
}

fn canvas_2d(
    canvas: &web_sys::HtmlCanvasElement,
) -> Result<web_sys::CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or(JsValue::NULL)?
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .map_err(JsValue::from)
}

/// The base64 of `data:…;base64,XXXX`.
fn base64_of_data_url(url: &str) -> Result<String, JsValue> {
    url.split_once(',')
        .map(|(_, data)| data.to_owned())
        .ok_or(JsValue::NULL)
}

/// The photo as a JPEG no longer than `PHOTO_MAX_SIDE` on its longest side, as base64.
async fn shrink_photo(file: &web_sys::File) -> Result<String, JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(file)?;
    let img = web_sys::HtmlImageElement::new()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(&url);
    let result = JsFuture::from(loaded).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result?;
    let (w, h) = (
        f64::from(img.natural_width()),
        f64::from(img.natural_height()),
    );
    if w < 1.0 || h < 1.0 {
        return Err(JsValue::NULL);
    }
    let scale = (PHOTO_MAX_SIDE / w.max(h)).min(1.0);
    let (tw, th) = ((w * scale).round(), (h * scale).round());
    let canvas = document()?
        .create_element("canvas")?
        .dyn_into::<web_sys::HtmlCanvasElement>()?;
    canvas.set_width(tw as u32);
    canvas.set_height(th as u32);
    canvas_2d(&canvas)?.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, tw, th)?;
    base64_of_data_url(
        &canvas
            .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(0.85))?,
    )
}

#[derive(Clone, Copy, PartialEq)]
enum DrawTool {
    Pen,
    Line,
}

struct Stroke {
    colour: usize,
    points: Vec<(f64, f64)>,
}

/// Colours with their names: each button says its colour in words.
const COLOURS: [(&str, PupilKey); 4] = [
    ("#1a1a1a", PupilKey::ColourBlack),
    ("#1d4f91", PupilKey::ColourBlue),
    ("#b3261e", PupilKey::ColourRed),
    ("#1f6b3a", PupilKey::ColourGreen),
];
const CANVAS_W: u32 = 800;
const CANVAS_H: u32 = 560;

/// A drawing surface. The pen draws where a finger moves, and a tap makes a dot; the line tool
/// draws a straight line between two taps. Every mark can be made without dragging.
#[component]
fn DrawingPad(submit: Callback<Piece>) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let colour = RwSignal::new(0usize);
    let tool = RwSignal::new(DrawTool::Pen);
    let strokes = StoredValue::new_local(Vec::<Stroke>::new());
    let pen_down = StoredValue::new(false);
    let line_start = RwSignal::new(None::<(f64, f64)>);

    let redraw = move || {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let Ok(ctx) = canvas_2d(&canvas) else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(CANVAS_W), f64::from(CANVAS_H));
        ctx.set_line_width(10.0);
        ctx.set_line_cap("round");
        ctx.set_line_join("round");
        strokes.with_value(|all| {
            for s in all {
                let c = COLOURS[s.colour].0;
                ctx.set_stroke_style_str(c);
                ctx.set_fill_style_str(c);
                match s.points.as_slice() {
                    [] => {}
                    [(x, y)] => {
                        ctx.begin_path();
                        let _ = ctx.arc(*x, *y, 7.0, 0.0, std::f64::consts::TAU);
                        ctx.fill();
                    }
                    [(x, y), rest @ ..] => {
                        ctx.begin_path();
                        ctx.move_to(*x, *y);
                        for (x, y) in rest {
                            ctx.line_to(*x, *y);
                        }
                        ctx.stroke();
                    }
                }
            }
        });
        if let Some((x, y)) = line_start.get_untracked() {
            ctx.set_stroke_style_str(COLOURS[colour.get_untracked()].0);
            ctx.set_line_width(3.0);
            ctx.begin_path();
            let _ = ctx.arc(x, y, 12.0, 0.0, std::f64::consts::TAU);
            ctx.stroke();
        }
    };
    Effect::new(move |_| {
        if canvas_ref.get().is_some() {
            redraw();
        }
    });
    let point_of = move |ev: &web_sys::PointerEvent| -> Option<(f64, f64)> {
        let canvas = canvas_ref.get_untracked()?;
        let rect = canvas.get_bounding_client_rect();
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return None;
        }
        Some((
            (f64::from(ev.client_x()) - rect.left()) * f64::from(CANVAS_W) / rect.width(),
            (f64::from(ev.client_y()) - rect.top()) * f64::from(CANVAS_H) / rect.height(),
        ))
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let Some(p) = point_of(&ev) else { return };
        ev.prevent_default();
        match tool.get_untracked() {
            DrawTool::Pen => {
                strokes.update_value(|all| {
                    all.push(Stroke {
                        colour: colour.get_untracked(),
                        points: vec![p],
                    })
                });
                pen_down.set_value(true);
                if let Some(canvas) = canvas_ref.get_untracked() {
                    let _ = canvas.set_pointer_capture(ev.pointer_id());
                }
            }
            DrawTool::Line => match line_start.get_untracked() {
                None => line_start.set(Some(p)),
                Some(start) => {
                    strokes.update_value(|all| {
                        all.push(Stroke {
                            colour: colour.get_untracked(),
                            points: vec![start, p],
                        })
                    });
                    line_start.set(None);
                }
            },
        }
        redraw();
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if !pen_down.get_value() {
            return;
        }
        let Some(p) = point_of(&ev) else { return };
        strokes.update_value(|all| {
            if let Some(last) = all.last_mut() {
                last.points.push(p);
            }
        });
        redraw();
    };
    let on_up = move |_: web_sys::PointerEvent| pen_down.set_value(false);
    let save = move |_| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        if let Ok(data) = canvas.to_data_url().and_then(|u| base64_of_data_url(&u)) {
            submit.run((
                WorkKind::Drawing,
                String::new(),
                Some(("image/png".into(), data)),
            ));
        }
    };
    view! {
        <div class="drawing-pad">
            <div class="drawing-tools" role="group" aria-label=t(PupilKey::DrawingTools)>
                {COLOURS.iter().enumerate().map(|(i, (css, name))| view! {
                    <button
                        type="button"
                        class="tile-button colour"
                        aria-pressed=move || if colour.get() == i { "true" } else { "false" }
                        on:click=move |_| colour.set(i)
                    >
                        <span class="swatch" aria-hidden="true" style=format!("background:{css}")></span>
                        <span>{t(*name)}</span>
                    </button>
                }).collect_view()}
                <button type="button" class="tile-button"
                    aria-pressed=move || if tool.get() == DrawTool::Pen { "true" } else { "false" }
                    on:click=move |_| { tool.set(DrawTool::Pen); line_start.set(None); redraw(); }>
                    <DecorativeIcon icon=icondata::LuBrush />
                    <span>{t(PupilKey::PenTool)}</span>
                </button>
                <button type="button" class="tile-button"
                    aria-pressed=move || if tool.get() == DrawTool::Line { "true" } else { "false" }
                    on:click=move |_| tool.set(DrawTool::Line)>
                    <DecorativeIcon icon=icondata::LuMinus />
                    <span>{t(PupilKey::LineTool)}</span>
                </button>
                <button type="button" class="tile-button" on:click=move |_| {
                    strokes.update_value(|all| { all.pop(); });
                    redraw();
                }>
                    <DecorativeIcon icon=icondata::LuUndo2 />
                    <span>{t(PupilKey::UndoDrawing)}</span>
                </button>
                <button type="button" class="tile-button" on:click=move |_| {
                    strokes.update_value(Vec::clear);
                    line_start.set(None);
                    redraw();
                }>
                    <DecorativeIcon icon=icondata::LuEraser />
                    <span>{t(PupilKey::ClearDrawing)}</span>
                </button>
            </div>
            {move || (tool.get() == DrawTool::Line).then(|| view! { <p>{t(PupilKey::LineToolHint)}</p> })}
            <canvas
                node_ref=canvas_ref
                role="img"
                aria-label=t(PupilKey::DrawingLabel)
                width=CANVAS_W
                height=CANVAS_H
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
            ></canvas>
            <button type="button" class="tile-button primary" on:click=save>
                <DecorativeIcon icon=icondata::LuSave />
                <span>{t(PupilKey::SaveDrawing)}</span>
            </button>
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Recording {
    Idle,
    On,
    /// (object URL to listen back, content type, base64)
    Done(String, String, String),
    Failed,
}

/// "Indtal": record with the microphone, listen back, keep it. `on_recorded` gets the sound
/// (content type, base64) when it is kept; teachers record their answers with it too.
#[component]
pub(crate) fn VoiceRecorder(on_recorded: Callback<(String, String)>) -> impl IntoView {
    let state = RwSignal::new(Recording::Idle);
    let recorder = StoredValue::new_local(None::<web_sys::MediaRecorder>);
    let start = move |_| {
        leptos::task::spawn_local(async move {
            match start_recording(state).await {
                Ok(r) => {
                    recorder.set_value(Some(r));
                    state.set(Recording::On);
                }
                Err(_) => state.set(Recording::Failed),
            }
        });
    };
    let stop = move |_| {
        recorder.with_value(|r| {
            if let Some(r) = r {
                let _ = r.stop();
            }
        });
    };
    on_cleanup(move || {
        recorder.with_value(|r| {
            if let Some(r) = r {
                let _ = r.stop();
            }
        });
    });
    view! {
        <div class="voice-recorder">
            {move || match state.get() {
                Recording::Idle | Recording::Failed => view! {
                    <button type="button" class="tile-button primary" on:click=start>
                        <DecorativeIcon icon=icondata::LuMic />
                        <span>{t(PupilKey::StartRecording)}</span>
                    </button>
                    {(state.get_untracked() == Recording::Failed).then(|| view! {
                        <p class="notice">{t(PupilKey::MicrophoneUnavailable)}</p>
                    })}
                }.into_any(),
                Recording::On => view! {
                    <p>{t(PupilKey::RecordingNow)}</p>
                    <button type="button" class="tile-button primary" on:click=stop>
                        <DecorativeIcon icon=icondata::LuSquare />
                        <span>{t(PupilKey::StopRecording)}</span>
                    </button>
                }.into_any(),
                Recording::Done(url, content_type, data) => view! {
                    <audio controls src=url></audio>
                    <button type="button" class="tile-button primary" on:click=move |_| {
                        on_recorded.run((content_type.clone(), data.clone()));
                    }>
                        <DecorativeIcon icon=icondata::LuSave />
                        <span>{t(PupilKey::SaveRecording)}</span>
                    </button>
                }.into_any(),
            }}
        </div>
    }
}

/// Starts the microphone; when the recorder stops, `state` becomes `Done` with the sound.
async fn start_recording(state: RwSignal<Recording>) -> Result<web_sys::MediaRecorder, JsValue> {
    let devices = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .media_devices()?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let stream: web_sys::MediaStream =
        JsFuture::from(devices.get_user_media_with_constraints(&constraints)?)
            .await?
            .dyn_into()?;
    let recorder = web_sys::MediaRecorder::new_with_media_stream(&stream)?;
    let chunks = js_sys::Array::new();
    let collect = chunks.clone();
    let on_data = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BlobEvent)>::new(
        move |e: web_sys::BlobEvent| {
            if let Some(blob) = e.data() {
                collect.push(&blob);
            }
        },
    );
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    on_data.forget();
    let finished = recorder.clone();
    let on_stop = wasm_bindgen::closure::Closure::once_into_js(move || {
        stream.get_tracks().for_each(&mut |track, _, _| {
            if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                track.stop();
            }
        });
        let content_type = finished.mime_type();
        leptos::task::spawn_local(async move {
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(&content_type);
            let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(&chunks, &options)
            else {
                state.set(Recording::Failed);
                return;
            };
            let Ok(buffer) = JsFuture::from(blob.array_buffer()).await else {
                state.set(Recording::Failed);
                return;
            };
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap_or_default();
            state.set(Recording::Done(
                url,
                content_type,
                crate::base64::encode(&bytes),
            ));
        });
    });
    recorder.set_onstop(Some(on_stop.unchecked_ref()));
    recorder.start()?;
    Ok(recorder)
}

#[component]
fn TextWork(submit: Callback<Piece>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    view! {
        <form class="text-work" on:submit=move |ev| {
            ev.prevent_default();
            submit.run((WorkKind::Text, text.get_untracked(), None));
        }>
            <label for="arbejde-tekst">{t(PupilKey::WriteLabel)}</label>
            <textarea id="arbejde-tekst" rows="4" on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button type="submit" class="tile-button primary">
                <DecorativeIcon icon=icondata::LuSave />
                <span>{t(PupilKey::SaveText)}</span>
            </button>
        </form>
    }
}

pub fn kind_name(kind: WorkKind) -> &'static str {
    t(match kind {
        WorkKind::Photo => PupilKey::WorkPhoto,
        WorkKind::Drawing => PupilKey::WorkDrawing,
        WorkKind::Voice => PupilKey::WorkVoice,
        WorkKind::Text => PupilKey::WorkText,
    })
}

/// `/mit-arbejde`: everything the pupil has kept, newest first.
#[component]
pub fn MyWorkPage() -> impl IntoView {
    set_title(t(PupilKey::MyWorkTitle));
    let work = LocalResource::new(load_my_work);
    view! {
        <PupilShell help=t(PupilKey::HelpWork)>
            <main id="indhold" class="page pupil" lang="da">
                <h1>{t(PupilKey::MyWorkTitle)}</h1>
                <Loaded data=work let:items>
                    {if items.is_empty() {
                        view! { <p>{t(PupilKey::NoWorkYet)}</p> }.into_any()
                    } else {
                        view! {
                            {super::mark_answers_heard(&items.iter().flat_map(|i| i.feedback.clone()).collect::<Vec<_>>())}
                            <ul class="work-list" aria-label=t(PupilKey::MyWorkTitle)>
                                {items.into_iter().map(|item| view! { <WorkCard item /> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </Loaded>
            </main>
        </PupilShell>
    }
}

/// The picture or sound of a piece of work; `alt` says whose picture of what, for those who
/// cannot see it.
pub(crate) fn work_body(item: &WorkItem, alt: String) -> AnyView {
    match (item.kind, item.file_url.clone()) {
        (WorkKind::Photo | WorkKind::Drawing, Some(url)) => {
            view! { <img src=url alt=alt /> }.into_any()
        }
        (WorkKind::Voice, Some(url)) => view! { <audio controls src=url></audio> }.into_any(),
        _ => ().into_any(),
    }
}

fn work_heading(item: &WorkItem) -> String {
    item.task_title
        .clone()
        .or_else(|| item.goal_text.clone())
        .unwrap_or_else(|| kind_name(item.kind).to_owned())
}

#[component]
fn WorkCard(item: WorkItem) -> impl IntoView {
    let heading = work_heading(&item);
    let date = crate::calendar::danish_day(item.created_at);
    let share = ServerAction::<super::ShareWork>::new();
    let shared = RwSignal::new(item.shared);
    let item_id = item.id;
    view! {
        <li class="card work-item">
            <h2>{heading.clone()}</h2>
            <p class="muted">{kind_name(item.kind)}" · "{date}</p>
            {work_body(&item, format!("{}: {heading}", t(PupilKey::WorkPicture)))}
            {(!item.text.is_empty()).then(|| view! { <p>{item.text.clone()}</p> })}
            {item.goal_text.clone().filter(|_| item.task_title.is_some()).map(|g| view! {
                <p>{t(PupilKey::WorkForGoal)}": "{g}</p>
            })}
            {any_new(&item.feedback).then(|| view! { <NewMark answer=true /> })}
            <FeedbackList feedback=item.feedback.clone() show_new=true large=true />
            <button
                type="button"
                class="tile-button"
                aria-pressed=move || if shared.get() { "true" } else { "false" }
                on:click=move |_| {
                    let now = !shared.get_untracked();
                    shared.set(now);
                    share.dispatch(super::ShareWork { item_id, shared: now });
                }
            >
                <DecorativeIcon icon=icondata::LuHouse />
                <span>{t(PupilKey::ShareWithFamily)}</span>
            </button>
            {move || match share.value().get() {
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }),
                _ => None,
            }}
        </li>
    }
}

/// A piece of work as the family sees it, once the pupil shared it.
#[component]
pub fn SharedWorkCard(item: WorkItem) -> impl IntoView {
    let heading = work_heading(&item);
    let date = crate::calendar::danish_day(item.created_at);
    view! {
        <li class="card work-item">
            <h3>{heading.clone()}</h3>
            <p class="muted">{kind_name(item.kind)}" · "{date}</p>
            {work_body(&item, format!("{}: {heading}", t(PupilKey::WorkPicture)))}
            {(!item.text.is_empty()).then(|| view! { <p>{item.text.clone()}</p> })}
            <FeedbackList feedback=item.feedback.clone() />
        </li>
    }
}
