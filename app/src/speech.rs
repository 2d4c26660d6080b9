//! Read-aloud through the browser's Web Speech API, in Danish.
//!
//! Devices without a Danish voice still speak with `lang = "da-DK"` set (the browser picks its
//! closest voice); a server-side fallback for devices with no voice at all comes with the pupil
//! issue. Failures are silent by design: read-aloud is a help, never a blocker.

/// Reads `text` aloud in Danish, interrupting anything already being read. `on_end` runs when the
/// reading finishes or is interrupted, so a "Læs op" button can show that it stopped.
pub fn speak(text: &str, on_end: impl FnOnce() + 'static) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    let on_end = wasm_bindgen::closure::Closure::once_into_js(on_end);
    utterance.set_onend(Some(wasm_bindgen::JsCast::unchecked_ref(&on_end)));
    utterance.set_onerror(Some(wasm_bindgen::JsCast::unchecked_ref(&on_end)));
    utterance.set_lang("da-DK");
    utterance.set_rate(0.9);
    if let Some(voice) = synth
        .get_voices()
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::SpeechSynthesisVoice>(v).ok())
        .find(|v| v.lang().to_lowercase().starts_with("da"))
    {
        utterance.set_voice(Some(&voice));
    }
    synth.speak(&utterance);
}

/// Stops reading.
pub fn stop() {
    if let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        synth.cancel();
    }
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
