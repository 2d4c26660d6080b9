//! The login-card scanner's worker. The page posts camera frames (`ImageData`); the worker answers
//! each with the text of the QR code it found, or `null`. It posts `true` once, when it is ready.
//!
//! Decoding lives here rather than in the app so that the QR decoder is downloaded only when a
//! class iPad actually opens its camera, and so that a slow frame never stalls the page.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, ImageData, MessageEvent};

fn main() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = event
            .data()
            .dyn_into::<ImageData>()
            .ok()
            .and_then(|frame| qr_worker::decode_rgba(frame.width(), frame.height(), &frame.data()))
            .map_or(JsValue::NULL, |text| JsValue::from_str(&text));
        // A failed post means the page has gone; there is no one left to tell.
        let _ = reply_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::TRUE);
}
