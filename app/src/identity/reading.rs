//! Reading settings: text size, spacing, line height, background and font, chosen by the reader,
//! stored with the person and applied on every page they open, on any device.

use crate::components::{ErrorNote, set_title};
use crate::i18n::IdentityKey;
use crate::i18n::{Key, t};
use domain::AppError;
use domain::identity::{ReadingFont, ReadingSettings, Step, Tint};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "reading_settings")]
pub async fn load_reading_settings() -> Result<ReadingSettings, AppError> {
    backend::identity::reading::my_settings(&crate::request_ctx()?).await
}

#[server(endpoint = "save_reading_settings", input = Json)]
pub async fn save_reading_settings(settings: ReadingSettings) -> Result<(), AppError> {
    backend::identity::reading::save_settings(&crate::request_ctx()?, settings).await
}

fn step_value(step: Step) -> &'static str {
    match step {
        Step::Normal => "normal",
        Step::More => "more",
        Step::Most => "most",
    }
}

fn tint_value(tint: Tint) -> &'static str {
    match tint {
        Tint::OffWhite => "off_white",
        Tint::Cream => "cream",
        Tint::Blue => "blue",
        Tint::Green => "green",
        Tint::Grey => "grey",
    }
}

/// Puts the settings on `<html>` as data attributes; the stylesheet does the rest.
pub fn apply(s: ReadingSettings) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    for (name, value) in [
        ("data-text-size", step_value(s.text_size)),
        ("data-letter-spacing", step_value(s.letter_spacing)),
        ("data-word-spacing", step_value(s.word_spacing)),
        ("data-line-height", step_value(s.line_height)),
        ("data-tint", tint_value(s.tint)),
        (
            "data-font",
            match s.font {
                ReadingFont::Standard => "standard",
                ReadingFont::Dyslexic => "dyslexic",
            },
        ),
    ] {
        let _ = root.set_attribute(name, value);
    }
}

/// The reader's settings for this page load, shared with the settings screen.
#[derive(Clone, Copy)]
pub struct CurrentReading(pub RwSignal<ReadingSettings>);

/// Loads the signed-in person's settings once per page, applies them, and shares them with the
/// settings screen. Called at the root of each build. Someone not signed in reads with the defaults.
pub fn provide_reading_settings() {
    let current = RwSignal::new(ReadingSettings::default());
    provide_context(CurrentReading(current));
    reload_reading_settings();
    Effect::new(move |_| apply(current.get()));
}

/// Reads the settings again, for a page that was opened signed out and has since been signed in
/// on (the home screen calls it).
pub fn reload_reading_settings() {
    let Some(CurrentReading(current)) = use_context::<CurrentReading>() else {
        return;
    };
    leptos::task::spawn_local(async move {
        if let Ok(s) = load_reading_settings().await {
            current.set(s);
        }
    });
}

/// A row of buttons choosing one value; the chosen one is pressed.
#[component]
fn Choice<T: Copy + PartialEq + Send + Sync + 'static>(
    label: IdentityKey,
    options: Vec<(T, IdentityKey)>,
    get: Signal<T>,
    set: Callback<T>,
) -> impl IntoView {
    view! {
        <fieldset class="reading-choice">
            <legend>{t(label)}</legend>
            <div class="choice-buttons">
                {options.into_iter().map(|(value, name)| view! {
                    <button
                        type="button"
                        class="tile-button"
                        aria-pressed=move || if get.get() == value { "true" } else { "false" }
                        on:click=move |_| set.run(value)
                    >{t(name)}</button>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// `/laesning`: the reader's own settings. Each tap applies at once and is saved. Pupils see it
/// in their own frame; parents under the adults' header.
#[component]
pub fn ReadingSettingsPage() -> impl IntoView {
    set_title(t(Key::ReadingTitle));
    let me = LocalResource::new(crate::identity::current_user);
    view! {
        <Suspense fallback=|| ()>
            {move || me.get().map(|result| match result {
                Ok(me) if me.role == domain::identity::Role::Pupil => view! {
                    <crate::pupil::PupilShell help=t(IdentityKey::HelpReading)>
                        <main id="indhold" class="page pupil" lang="da"><ReadingForm /></main>
                    </crate::pupil::PupilShell>
                }.into_any(),
                Ok(me) => view! {
                    <crate::identity::shell::AppHeader me />
                    <main id="indhold" class="page narrow"><ReadingForm /></main>
                }.into_any(),
                Err(_) => {
                    crate::identity::shell::go_to_sign_in();
                    ().into_any()
                }
            })}
        </Suspense>
    }
}

type Edit = fn(&mut ReadingSettings, u8);

fn step_at(i: u8) -> Step {
    Step::ALL.get(usize::from(i)).copied().unwrap_or_default()
}

#[component]
fn ReadingForm() -> impl IntoView {
    let current = use_context::<CurrentReading>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(ReadingSettings::default()));
    let save = ServerAction::<SaveReadingSettings>::new();
    // Each choice is an index into its list of values.
    let change = move |edit: Edit, index: u8| {
        current.update(|s| edit(s, index));
        save.dispatch(SaveReadingSettings {
            settings: current.get_untracked(),
        });
    };
    let index_of =
        |s: Step| u8::try_from(Step::ALL.iter().position(|x| *x == s).unwrap_or(0)).unwrap_or(0);
    let step_choice = move |label: IdentityKey, get: fn(&ReadingSettings) -> Step, edit: Edit| {
        view! {
            <Choice
                label
                options=vec![(Step::Normal, IdentityKey::StepNormal), (Step::More, IdentityKey::StepMore), (Step::Most, IdentityKey::StepMost)]
                get=Signal::derive(move || get(&current.get()))
                set=Callback::new(move |s: Step| change(edit, index_of(s)))
            />
        }
    };
    let tints = [
        (Tint::OffWhite, IdentityKey::TintOffWhite),
        (Tint::Cream, IdentityKey::TintCream),
        (Tint::Blue, IdentityKey::TintBlue),
        (Tint::Green, IdentityKey::TintGreen),
        (Tint::Grey, IdentityKey::TintGrey),
    ];
    view! {
        <h1>{t(Key::ReadingTitle)}</h1>
        <p class="reading-sample">{t(IdentityKey::ReadingSample)}</p>
        {step_choice(IdentityKey::TextSize, |s| s.text_size, |s, i| s.text_size = step_at(i))}
        {step_choice(IdentityKey::LetterSpacing, |s| s.letter_spacing, |s, i| s.letter_spacing = step_at(i))}
        {step_choice(IdentityKey::WordSpacing, |s| s.word_spacing, |s, i| s.word_spacing = step_at(i))}
        {step_choice(IdentityKey::LineHeight, |s| s.line_height, |s, i| s.line_height = step_at(i))}
        <Choice
            label=IdentityKey::Tint
            options=tints.to_vec()
            get=Signal::derive(move || current.get().tint)
            set=Callback::new(move |v: Tint| {
                let i = u8::try_from(Tint::ALL.iter().position(|x| *x == v).unwrap_or(0)).unwrap_or(0);
                change(|s, i| s.tint = Tint::ALL.get(usize::from(i)).copied().unwrap_or_default(), i);
            })
        />
        <Choice
            label=IdentityKey::FontChoice
            options=vec![(ReadingFont::Standard, IdentityKey::FontStandard), (ReadingFont::Dyslexic, IdentityKey::FontDyslexic)]
            get=Signal::derive(move || current.get().font)
            set=Callback::new(move |v: ReadingFont| {
                change(|s, i| s.font = if i == 1 { ReadingFont::Dyslexic } else { ReadingFont::Standard }, u8::from(v == ReadingFont::Dyslexic));
            })
        />
        <div role="status">
            {move || match save.value().get() {
                Some(Ok(())) => Some(view! { <p class="notice">{t(IdentityKey::ReadingSaved)}</p> }.into_any()),
                Some(Err(e)) => Some(view! { <ErrorNote error=e /> }.into_any()),
                None => None,
            }}
        </div>
    }
}
