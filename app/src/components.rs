//! Small pieces shared by every feature's screens.

use crate::i18n::{Key, error_text, field_error_text, t};
use crate::speech;
use domain::school::{Avatar, AvatarColor, AvatarShape};
use domain::{AppError, ErrorCode};
use leptos::prelude::*;
use leptos_icons::Icon;

/// Sets the document title: "<screen> – Spire", so every tab and history entry names its screen.
/// After a page change inside the build (not on the page's first load, which the browser
/// announces itself) it also moves focus to the new screen's heading, so a screen reader reads
/// where the person arrived and the keyboard starts from the top of the new screen.
pub fn set_title(screen: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{screen} – {}", t(Key::AppName)));
    }
    // The router draws the new screen before it pushes the address: compare once it has.
    set_timeout(
        || {
            let path = web_sys::window()
                .and_then(|w| w.location().pathname().ok())
                .unwrap_or_default();
            let changed = LAST_TITLED_PATH.with(|last| {
                let previous = last.replace(Some(path.clone()));
                previous.is_some_and(|p| p != path)
            });
            if changed {
                focus_heading_when_shown(20);
            }
        },
        std::time::Duration::ZERO,
    );
}

thread_local! {
    /// The path whose screen last set the title: a new one means the person moved to a new screen.
    static LAST_TITLED_PATH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Focuses the screen's `<h1>` once it is drawn (it may wait for its data), trying every 100 ms
/// a few times; never takes focus from an element the person has already moved to.
fn focus_heading_when_shown(tries_left: u8) {
    let doc = web_sys::window().and_then(|w| w.document());
    let Some(doc) = doc else { return };
    let focus_is_free = doc
        .active_element()
        .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
    if !focus_is_free {
        return;
    }
    let heading = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    match heading {
        Some(heading) => {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
        None if tries_left > 0 => {
            set_timeout(
                move || focus_heading_when_shown(tries_left - 1),
                std::time::Duration::from_millis(100),
            );
        }
        None => {}
    }
}

/// Moves keyboard focus to the page's main region (the skip link's target).
pub fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("indhold"))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(main) = main {
        let _ = main.set_attribute("tabindex", "-1");
        let _ = main.focus();
    }
}

/// Navigation that replaces the current history entry: redirects must not leave a Back-button trap.
pub fn redirect_options() -> leptos_router::NavigateOptions {
    leptos_router::NavigateOptions {
        replace: true,
        ..Default::default()
    }
}

/// Loads `path` as a new page, replacing the current history entry, so the server picks the build
/// for it (see `domain::identity::Audience`). Used wherever a screen hands over to the other
/// build; also wipes everything the previous person left in memory on a shared iPad.
pub fn leave_for(path: &str) {
    if let Some(window) = web_sys::window() {
        // Only fails for a cross-origin URL, and `path` is always one of ours.
        let _ = window.location().replace(path);
    }
}

/// A face drawn in SVG, from very sad (0) to very happy (4): the same on every device, where an
/// emoji depends on the device's fonts. Always shown beside its words, so hidden from assistive
/// technology. The pupils' screens and the teacher's preview of them use this one drawing.
#[component]
pub fn Face(level: u8) -> impl IntoView {
    let bend = (i32::from(level.min(4)) - 2) * 5;
    let mouth = format!("M14 31 Q24 {} 34 31", 31 + bend);
    view! {
        <svg class="face" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
            <circle cx="24" cy="24" r="21" fill="#ffd54a" stroke="#3d2e00" stroke-width="2.5" />
            <circle cx="17" cy="19" r="2.8" fill="#3d2e00" />
            <circle cx="31" cy="19" r="2.8" fill="#3d2e00" />
            <path d=mouth fill="none" stroke="#3d2e00" stroke-width="3" stroke-linecap="round" />
        </svg>
    }
}

/// The face for each step of a scale of three to five steps, lowest first; `None` for other
/// scales, which are shown in words only.
pub fn face_levels(steps: usize) -> Option<&'static [u8]> {
    match steps {
        3 => Some(&[1, 3, 4]),
        4 => Some(&[1, 2, 3, 4]),
        5 => Some(&[0, 1, 2, 3, 4]),
        _ => None,
    }
}

/// An icon beside a text label: decorative, so hidden from assistive technology.
#[component]
pub fn DecorativeIcon(icon: icondata::Icon) -> impl IntoView {
    view! {
        <span class="icon" aria-hidden="true">
            <Icon icon=icon width="1.5em" height="1.5em" />
        </span>
    }
}

fn avatar_fill(color: AvatarColor) -> &'static str {
    match color {
        AvatarColor::Blue => "#1d4f91",
        AvatarColor::Green => "#1f6b3a",
        AvatarColor::Orange => "#a34700",
        AvatarColor::Purple => "#5b2a86",
    }
}

fn avatar_path(shape: AvatarShape) -> &'static str {
    match shape {
        AvatarShape::Sun => {
            "M32 18a14 14 0 1 0 0.01 0ZM32 4v8M32 52v8M4 32h8M52 32h8M12 12l6 6M46 46l6 6M52 12l-6 6M12 52l6-6"
        }
        AvatarShape::Moon => "M40 8a24 24 0 1 0 16 40A20 20 0 0 1 40 8Z",
        AvatarShape::Star => {
            "M32 6l7.6 16.8L58 25l-13.6 12.6L48 56 32 46.8 16 56l3.6-18.4L6 25l18.4-2.2Z"
        }
        AvatarShape::Heart => {
            "M32 56S8 41 8 24a12 12 0 0 1 24-4 12 12 0 0 1 24 4c0 17-24 32-24 32Z"
        }
        AvatarShape::Leaf => "M12 52C12 24 28 10 54 10c0 26-14 42-42 42ZM12 52l24-24",
        AvatarShape::Drop => "M32 6C32 6 12 30 12 40a20 20 0 0 0 40 0C52 30 32 6 32 6Z",
        AvatarShape::Flower => {
            "M32 24a8 8 0 1 0 0.01 0ZM32 8a8 8 0 1 1 0 16 8 8 0 1 1 0-16ZM32 40a8 8 0 1 1 0 16 8 8 0 1 1 0-16ZM16 24a8 8 0 1 1 0 16 8 8 0 1 1 0-16ZM48 24a8 8 0 1 1 0 16 8 8 0 1 1 0-16Z"
        }
        AvatarShape::Cloud => "M18 48a12 12 0 0 1 0-24 16 16 0 0 1 30-4 12 12 0 0 1 2 28Z",
        AvatarShape::Fish => {
            "M8 32c8-12 20-16 32-12l14-8v40l-14-8C28 48 16 44 8 32ZM20 30a2 2 0 1 0 0.01 0Z"
        }
        AvatarShape::Tree => "M32 4 12 36h12L14 50h36L40 36h12ZM28 50h8v10h-8Z",
    }
}

/// A pupil's picture. Decorative when the name is written beside it (the usual case).
#[component]
pub fn AvatarPicture(avatar: Avatar, #[prop(default = 64)] size: u32) -> impl IntoView {
    let fill = avatar_fill(avatar.color);
    view! {
        <svg class="avatar" aria-hidden="true" width=size height=size viewBox="0 0 64 64">
            <rect width="64" height="64" rx="14" fill="#ffffff" />
            <path d=avatar_path(avatar.shape) fill=fill stroke=fill stroke-width="3" stroke-linejoin="round" />
        </svg>
    }
}

/// A calm error message in Danish, announced to screen readers. `id` lets form fields point at it
/// with `aria-describedby`.
#[component]
pub fn ErrorNote(error: AppError, #[prop(optional)] id: Option<&'static str>) -> impl IntoView {
    let field_text = error.field.as_deref().and_then(field_error_text);
    view! {
        <div class="error-note" role="alert" id=id>
            <p>{error_text(error.code)}</p>
            {field_text.map(|text| view! { <p>{text}</p> })}
        </div>
    }
}

/// "Læs op": reads the screen's main content aloud in Danish; pressed again, it stops.
#[component]
pub fn ReadAloudButton(#[prop(optional)] large: bool) -> impl IntoView {
    let (reading, set_reading) = signal(false);
    // Leaving the screen (or handing the iPad on) must not leave it talking.
    on_cleanup(speech::stop);
    let toggle = move |_| {
        if reading.get_untracked() {
            speech::stop();
            set_reading.set(false);
        } else {
            set_reading.set(true);
            speech::speak(&speech::main_text(), move || set_reading.set(false));
        }
    };
    view! {
        <button
            type="button"
            class=if large { "read-aloud tile-button" } else { "read-aloud" }
            aria-pressed=move || if reading.get() { "true" } else { "false" }
            on:click=toggle
        >
            <DecorativeIcon icon=icondata::LuVolume2 />
            <span>{t(Key::ReadAloud)}</span>
        </button>
    }
}

/// A resource for the screen's `:id`, NotFound when the address has none (or it is not a number).
pub fn by_id<T, F>(load: fn(i64) -> F) -> LocalResource<Result<T, AppError>>
where
    T: 'static,
    F: std::future::Future<Output = Result<T, AppError>> + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    LocalResource::new(move || {
        let id = params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
        async move {
            match id {
                Some(id) => load(id).await,
                None => Err(AppError::new(ErrorCode::NotFound)),
            }
        }
    })
}

/// What a form field holds now. Forms read their fields on submit, so autofill and paste count.
pub fn input_value(r: NodeRef<leptos::html::Input>) -> String {
    r.get().map(|el| el.value()).unwrap_or_default()
}

pub fn area_value(r: NodeRef<leptos::html::Textarea>) -> String {
    r.get().map(|el| el.value()).unwrap_or_default()
}

pub fn select_value(r: NodeRef<leptos::html::Select>) -> String {
    r.get().map(|el| el.value()).unwrap_or_default()
}

/// Bumped to make the home screen load again (after switching role, the same page shows another
/// role's home).
#[derive(Clone, Copy)]
pub struct HomeRefresh(pub RwSignal<u32>);

/// Asks the browser's own yes/no question before something that cannot be undone by a tap.
pub fn confirmed(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

thread_local! {
    /// The panels a person opened, by id, for as long as the page lives: a screen drawn again
    /// after a save keeps them open, and the next forløb opens the same parts.
    static OPEN_PANELS: std::cell::RefCell<std::collections::HashSet<&'static str>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// Whether the person opened the panel or form `id` earlier on this page.
pub fn remembered_open(id: &'static str) -> bool {
    OPEN_PANELS.with(|p| p.borrow().contains(id))
}

/// Keeps `id` open (or closed) when its screen is drawn again.
pub fn remember_open(id: &'static str, open: bool) {
    OPEN_PANELS.with(|p| {
        let mut p = p.borrow_mut();
        if open {
            p.insert(id);
        } else {
            p.remove(id);
        }
    });
}

/// The button that opens and closes the element `controls` (the WAI-ARIA disclosure pattern),
/// remembered under `id`; a chevron turns when it is open.
#[component]
fn DisclosureButton(
    id: &'static str,
    controls: String,
    open: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <button
            type="button"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=controls
            on:click=move |_| {
                let now = !open.get_untracked();
                open.set(now);
                remember_open(id, now);
            }
        >
            <DecorativeIcon icon=icondata::LuChevronRight />
            <span>{children()}</span>
        </button>
    }
}

/// The heading of a form that folds away: its disclosure button opens and closes `controls`. The
/// form stays labelled by the heading (`heading_id`).
#[component]
pub fn FoldHeading(
    id: &'static str,
    heading_id: &'static str,
    controls: &'static str,
    open: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <h3 id=heading_id class="panel-heading">
            <DisclosureButton id controls=controls.to_owned() open>{children()}</DisclosureButton>
        </h3>
    }
}

/// A part of a long screen that opens in place (the WAI-ARIA disclosure pattern): its heading is
/// a button that says whether it is open, and `summary` says in one line what is inside while it
/// is closed. Closed parts stay in the page, hidden, so what was typed in them is kept.
#[component]
pub fn Panel(
    id: &'static str,
    title: &'static str,
    #[prop(optional, into)] summary: Option<String>,
    #[prop(optional)] open: bool,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(open || remembered_open(id));
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    let body = format!("{id}-body");
    let controls = body.clone();
    view! {
        <section class="card panel" id=id aria-labelledby=labelled_by>
            // Closed, a part is one line: its name and, beside it, what is inside.
            <div class="panel-bar">
                <h2 id=heading class="panel-heading">
                    <DisclosureButton id controls open>{title}</DisclosureButton>
                </h2>
                {summary.map(|s| view! { <p class="panel-summary">{s}</p> })}
            </div>
            <div id=body class="panel-body" hidden=move || !open.get()>{children()}</div>
        </section>
    }
}
