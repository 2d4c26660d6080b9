//! Instants (unix seconds from the server) as the school's days on screen. The day an instant
//! falls on depends on the school's time zone: in the browser, its own zone database (`Intl`)
//! answers for `domain::calendar::DEFAULT_TIME_ZONE`; natively (never shown, only compiled
//! with the server functions) the backend's clock does. Names of days and months are the
//! domain's, so every screen writes a date the same way.

use domain::calendar::{DEFAULT_TIME_ZONE, Date};

/// The school's day at `unix_secs`.
#[cfg(target_arch = "wasm32")]
pub fn day_of(unix_secs: i64) -> Option<Date> {
    use wasm_bindgen::JsValue;
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", DEFAULT_TIME_ZONE),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    // en-CA writes YYYY-MM-DD, the one form `Date::parse` reads; the names come from the domain.
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en-CA".into()), &options);
    #[allow(clippy::cast_precision_loss)]
    let millis = (unix_secs as f64) * 1000.0;
    let text = format
        .format()
        .call1(
            &JsValue::NULL,
            &js_sys::Date::new(&JsValue::from_f64(millis)),
        )
        .ok()?
        .as_string()?;
    Date::parse(&text, domain::Field::Date).ok()
}

/// The school's day at `unix_secs`.
#[cfg(not(target_arch = "wasm32"))]
pub fn day_of(unix_secs: i64) -> Option<Date> {
    #[cfg(feature = "ssr")]
    {
        backend::clock::day_at(unix_secs, DEFAULT_TIME_ZONE).ok()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (unix_secs, DEFAULT_TIME_ZONE);
        None
    }
}

/// "7. september 2026": when something was published, exported or made.
pub fn danish_day(unix_secs: i64) -> String {
    day_of(unix_secs).map_or_else(String::new, Date::danish_with_year)
}
