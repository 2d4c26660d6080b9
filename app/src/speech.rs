//! Read-aloud in Danish. The browser's Web Speech API speaks where the device has a voice (every
//! iPad does; a Danish one where installed, otherwise the closest voice with `lang = "da-DK"`), and
//! reports each word as it goes so the screen can mark it. A device with no voice at all gets the
//! same text spoken by the server (`GET /tale`, eSpeak NG) in an audio element: it still speaks,
//! without the word marking. Failures are silent by design: read-aloud is a help, never a blocker.

use std::cell::RefCell;

thread_local! {
    /// The fallback's audio element, so a new reading (or `stop`) silences the previous one.
    static AUDIO: RefCell<Option<web_sys::HtmlAudioElement>> = const { RefCell::new(None) };
}

/// Where the server speaks `text` (see `server::files::speech`).
pub fn fallback_url(text: &str) -> String {
    format!(
        "{}?tekst={}",
        crate::paths::SPEECH,
        js_sys::encode_uri_component(text)
    )
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

/// A voice to speak with: Danish if the device has one. `None` when it has no voices at all.
fn voices() -> Option<(
    web_sys::SpeechSynthesis,
    Option<web_sys::SpeechSynthesisVoice>,
)> {
    let synth = synth()?;
    let all = synth.get_voices();
    if all.length() == 0 {
        return None;
    }
    let danish = all
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::SpeechSynthesisVoice>(v).ok())
        // Language tags are ASCII; `to_lowercase` would link Unicode's case tables (7 kB).
        .find(|v| v.lang().to_ascii_lowercase().starts_with("da"));
    Some((synth, danish))
}

/// Reads `text` aloud, interrupting anything already being read. `on_end` runs when the reading
/// finishes or is interrupted, so a "Læs op" button can show that it stopped.
pub fn speak(text: &str, on_end: impl FnOnce() + 'static) {
    speak_marking(text, |_| (), on_end);
}

/// As `speak`, and `on_word` gets the UTF-16 offset of each word as it is spoken, where the
/// platform reports it.
pub fn speak_marking(text: &str, on_word: impl Fn(u32) + 'static, on_end: impl FnOnce() + 'static) {
    stop();
    let Some((synth, voice)) = voices() else {
        speak_from_server(text, on_end);
        return;
    };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    let on_end = wasm_bindgen::closure::Closure::once_into_js(on_end);
    utterance.set_onend(Some(wasm_bindgen::JsCast::unchecked_ref(&on_end)));
    utterance.set_onerror(Some(wasm_bindgen::JsCast::unchecked_ref(&on_end)));
    let on_boundary = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::SpeechSynthesisEvent)>::new(
        move |e: web_sys::SpeechSynthesisEvent| {
            if e.name().as_deref() == Some("word") {
                on_word(e.char_index());
            }
        },
    );
    utterance.set_onboundary(Some(wasm_bindgen::JsCast::unchecked_ref(
        on_boundary.as_ref(),
    )));
    // The utterance lives as long as the browser speaks it; so must its handler.
    on_boundary.forget();
    utterance.set_lang("da-DK");
    utterance.set_rate(0.9);
    if let Some(voice) = voice {
        utterance.set_voice(Some(&voice));
    }
    synth.speak(&utterance);
}

fn speak_from_server(text: &str, on_end: impl FnOnce() + 'static) {
    let Ok(audio) = web_sys::HtmlAudioElement::new_with_src(&fallback_url(text)) else {
        on_end();
        return;
    };
    let on_end = wasm_bindgen::closure::Closure::once_into_js(on_end);
    audio.set_onended(Some(wasm_bindgen::JsCast::unchecked_ref(&on_end)));
    audio.set_onerror(Some(wasm_bindgen::JsCast::unchecked_ref(&on_end)));
    // A refused play (no user gesture) ends like an error would: the button stops showing "reading".
    let _ = audio.play();
    AUDIO.with(|a| *a.borrow_mut() = Some(audio));
}

/// Stops reading.
pub fn stop() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
    AUDIO.with(|a| {
        if let Some(audio) = a.borrow_mut().take() {
            let _ = audio.pause();
        }
    });
}

/// The visible text of the page's main region, as a screen reader would meet it.
pub fn main_text() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main").ok().flatten())
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        .map(|el| el.inner_text())
        .unwrap_or_default()
}

/// The words of `text` with the UTF-16 offset each starts at (the unit speech events count in).
pub fn words_with_offsets(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut offset: u32 = 0;
    let mut current = String::new();
    let mut start = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            if !current.is_empty() {
                out.push((start, std::mem::take(&mut current)));
            }
        } else {
            if current.is_empty() {
                start = offset;
            }
            current.push(c);
        }
        offset += u32::try_from(c.len_utf16()).unwrap_or(1);
    }
    if !current.is_empty() {
        out.push((start, current));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_where_speech_events_count_them() {
        assert_eq!(
            words_with_offsets("Tæl  blyanterne 😀 nu"),
            vec![
                (0, "Tæl".to_owned()),
                (5, "blyanterne".to_owned()),
                (16, "😀".to_owned()),
                (19, "nu".to_owned())
            ]
        );
    }
}
