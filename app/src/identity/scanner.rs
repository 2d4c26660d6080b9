//! Signing in by holding a login card up to the class iPad's camera.
//!
//! The camera runs here; the QR decoding runs in the `qr-worker` Web Worker, which the browser
//! downloads only when this screen opens, so the pupils' first screen stays small. One frame is
//! in flight at a time: the page sends a frame, the worker answers, and only then is the next
//! frame taken, so a slow iPad never builds up a queue.

use super::SignInWithCode;
use crate::components::{DecorativeIcon, ReadAloudButton, leave_for, set_title};
use crate::i18n::IdentityKey;
use crate::i18n::t;
use crate::paths;
use domain::identity::PupilCode;
use leptos::prelude::*;
use leptos_router::components::A;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack, MediaTrackConstraints, MessageEvent, Worker,
};

/// Where Trunk puts the worker's loader (workers are not content-hashed: their name is fixed).
const WORKER_URL: &str = "/qr-worker_loader.js";
/// Frames wider than this are scaled down: a card held up to the camera is large in the picture,
/// and smaller frames decode faster.
const MAX_FRAME_WIDTH: u32 = 640;
/// Pause between frames that held no readable code.
const FRAME_PAUSE: Duration = Duration::from_millis(150);
/// After a card was refused, time for the child to take it away before the camera looks again.
const AFTER_REFUSAL: Duration = Duration::from_millis(2000);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Starting,
    Looking,
    Reading,
    CardNotValid,
    NoCamera,
}

/// What the camera loop holds; all of it stops when the screen is left.
struct Camera {
    video: HtmlVideoElement,
    canvas: HtmlCanvasElement,
    worker: Option<Worker>,
    stream: Option<MediaStream>,
    on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
    stopped: bool,
}

impl Camera {
    fn stop(&mut self) {
        self.stopped = true;
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
        if let Some(stream) = self.stream.take() {
            for track in stream.get_tracks().iter() {
                if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
                    track.stop();
                }
            }
        }
        self.video.set_src_object(None);
        self.on_message = None;
        self.on_error = None;
    }

    /// Draws the current video frame and hands it to the worker. False when there was no frame
    /// yet (the camera is still starting).
    fn send_frame(&self) -> bool {
        let (Some(worker), false) = (&self.worker, self.stopped) else {
            return false;
        };
        let (vw, vh) = (self.video.video_width(), self.video.video_height());
        if vw == 0 || vh == 0 {
            return false;
        }
        let scale = f64::from(MAX_FRAME_WIDTH.min(vw)) / f64::from(vw);
        let (w, h) = (f64::from(vw) * scale, f64::from(vh) * scale);
        self.canvas.set_width(w as u32);
        self.canvas.set_height(h as u32);
        let Some(ctx) = context_2d(&self.canvas) else {
            return false;
        };
        if ctx
            .draw_image_with_html_video_element_and_dw_and_dh(&self.video, 0.0, 0.0, w, h)
            .is_err()
        {
            return false;
        }
        match ctx.get_image_data(0.0, 0.0, w, h) {
            Ok(frame) => worker.post_message(&frame).is_ok(),
            Err(_) => false,
        }
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    // Frames are read back every time: tell the browser to keep the canvas in memory.
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE).ok()?;
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()?
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()
}

type Shared = Rc<RefCell<Camera>>;

/// Takes the next frame after `pause`, or as soon as the video has one.
fn next_frame(camera: &Shared, pause: Duration) {
    let camera = Rc::clone(camera);
    set_timeout(
        move || {
            let sent = camera.borrow().send_frame();
            if !sent && !camera.borrow().stopped {
                next_frame(&camera, FRAME_PAUSE);
            }
        },
        pause,
    );
}

async fn open_camera() -> Result<MediaStream, JsValue> {
    let devices = window().navigator().media_devices()?;
    let video = MediaTrackConstraints::new();
    // The iPad's front camera: the child holds the card up to the screen they are looking at.
    video.set_facing_mode(&JsValue::from_str("user"));
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let stream = wasm_bindgen_futures::JsFuture::from(
        devices.get_user_media_with_constraints(&constraints)?,
    )
    .await?;
    stream.dyn_into::<MediaStream>()
}

/// The scanner screen: a live camera picture and one spoken instruction.
#[component]
pub fn ScanCardPage() -> impl IntoView {
    set_title(t(IdentityKey::ScanTitle));
    let status = RwSignal::new(Status::Starting);
    let sign_in = ServerAction::<SignInWithCode>::new();
    let video_ref = NodeRef::<leptos::html::Video>::new();
    let camera = StoredValue::new_local(None::<Shared>);
    // Codes the server refused (an old card, say): not sent again while the child still holds it up.
    let refused = StoredValue::new_local(HashSet::<String>::new());
    let pending = StoredValue::new_local(None::<String>);

    Effect::new(move |_| match sign_in.value().get() {
        Some(Ok(_)) => leave_for(paths::HOME),
        Some(Err(_)) => {
            if let Some(code) = pending.try_update_value(Option::take).flatten() {
                refused.update_value(|codes| {
                    codes.insert(code);
                });
            }
            status.set(Status::CardNotValid);
            if let Some(cam) = camera.get_value() {
                next_frame(&cam, AFTER_REFUSAL);
            }
        }
        None => {}
    });

    Effect::new(move |_| {
        let Some(video) = video_ref.get() else { return };
        let video: HtmlVideoElement = video;
        let Ok(canvas) = document()
            .create_element("canvas")
            .map(JsCast::unchecked_into::<HtmlCanvasElement>)
        else {
            status.set(Status::NoCamera);
            return;
        };
        let shared: Shared = Rc::new(RefCell::new(Camera {
            video,
            canvas,
            worker: None,
            stream: None,
            on_message: None,
            on_error: None,
            stopped: false,
        }));
        camera.set_value(Some(Rc::clone(&shared)));
        leptos::task::spawn_local(async move {
            let stream = match open_camera().await {
                Ok(stream) => stream,
                Err(_) => {
                    status.set(Status::NoCamera);
                    return;
                }
            };
            let Ok(worker) = Worker::new(WORKER_URL) else {
                status.set(Status::NoCamera);
                return;
            };
            let weak = Rc::downgrade(&shared);
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(cam) = weak.upgrade() else { return };
                let data = event.data();
                if data.is_truthy() && data.as_bool() == Some(true) {
                    // The worker is ready: start looking.
                    status.set(Status::Looking);
                    next_frame(&cam, Duration::ZERO);
                    return;
                }
                let code = data
                    .as_string()
                    .and_then(|text| PupilCode::parse(&text).ok())
                    .map(|code| code.as_str().to_owned());
                match code {
                    Some(code) if !refused.with_value(|r| r.contains(&code)) => {
                        status.set(Status::Reading);
                        pending.set_value(Some(code.clone()));
                        sign_in.dispatch(SignInWithCode { code });
                    }
                    _ => next_frame(&cam, FRAME_PAUSE),
                }
            });
            let on_error =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_| status.set(Status::NoCamera));
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            let mut cam = shared.borrow_mut();
            if cam.stopped {
                // The screen was left while the camera was starting.
                worker.terminate();
                cam.stream = Some(stream);
                cam.stop();
                return;
            }
            cam.video.set_src_object(Some(&stream));
            let _ = cam.video.play();
            cam.stream = Some(stream);
            cam.worker = Some(worker);
            cam.on_message = Some(on_message);
            cam.on_error = Some(on_error);
        });
    });

    on_cleanup(move || {
        if let Some(cam) = camera.try_get_value().flatten() {
            cam.borrow_mut().stop();
        }
    });

    let message = move || match status.get() {
        Status::Starting => t(IdentityKey::ScanStarting),
        Status::Looking => t(IdentityKey::ScanLooking),
        Status::Reading => t(IdentityKey::ScanReading),
        Status::CardNotValid => t(IdentityKey::ScanCardNotValid),
        Status::NoCamera => t(IdentityKey::ScanNoCamera),
    };
    view! {
        <div class="pupil-shell">
            <header class="pupil-bar">
                <ReadAloudButton large=true />
                <A href=paths::CLASS_PICKER attr:class="tile-button">
                    <DecorativeIcon icon=icondata::LuUsers />
                    <span>{t(IdentityKey::ScanBackToPictures)}</span>
                </A>
            </header>
            <main id="indhold" class="page pupil scanner">
                <h1>{t(IdentityKey::ScanTitle)}</h1>
                <p class="scan-status" role="status">{message}</p>
                <div class="camera-frame" hidden=move || status.get() == Status::NoCamera>
                    // The picture only helps the child aim; everything it shows is in the status text.
                    <video node_ref=video_ref aria-hidden="true" autoplay=true muted=true playsinline=true></video>
                </div>
                <Show when=move || status.get() == Status::NoCamera>
                    <p><A href=paths::CODE_SIGN_IN>{t(IdentityKey::CodeSignInLink)}</A></p>
                </Show>
            </main>
        </div>
    }
}
