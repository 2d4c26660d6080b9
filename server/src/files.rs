//! Files, each for whoever the policy lets read it. Downloads (`Content-Disposition: attachment`,
//! never rendered in Spire's origin, so an uploaded file cannot act as a page): `GET /filer/{id}`,
//! a file attached to a forløb, and `GET /elevpakke/{id}`, a pupil's package. Shown inline, typed
//! by their first bytes and sandboxed: `GET /arbejde/{id}`, a pupil's photo, drawing or voice note,
//! and `GET /tale`, the spoken fallback for devices without a voice.

use crate::context::{ApiError, Ctx};
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::AppError;

/// RFC 5987 encoding of a file name for `Content-Disposition`.
fn encoded_name(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A download: `Content-Disposition: attachment`, never cached.
fn attachment(name: &str, content_type: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename*=UTF-8''{}", encoded_name(name));
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

fn refused(e: AppError) -> Response {
    ApiError(e).into_response()
}

/// `GET /filer/{key}`: a forløb's file, by its unguessable key.
pub async fn download(Ctx(ctx): Ctx, Path(key): Path<String>) -> Response {
    match backend::planning::files::read_file(&ctx, &key).await {
        Ok((name, content_type, bytes)) => attachment(&name, &content_type, bytes),
        Err(e) => refused(e),
    }
}

/// `GET /elevpakke/{pupil id}`: the pupil's package (`docs/pupil-package.md`) as a JSON file, for
/// the school's leader or administration.
pub async fn pupil_package(Ctx(ctx): Ctx, Path(id): Path<i64>) -> Response {
    match backend::pupil_plan::package::export_pupil(&ctx, id).await {
        Ok(package) => match serde_json::to_vec_pretty(&package) {
            Ok(bytes) => {
                let name = format!(
                    "elevpakke-{}-{}.json",
                    package.pupil.given_name, package.pupil.family_name
                );
                attachment(&name, "application/json", bytes)
            }
            Err(_) => refused(AppError::internal()),
        },
        Err(e) => refused(e),
    }
}

/// `GET /arbejde/{item id}`: the file of a piece of a pupil's work, shown inline (a photo in
/// "Mit arbejde", a voice note in a player). Its type was checked by its first bytes when it was
/// stored, and `nosniff` plus a sandbox keep the browser from treating it as anything else.
pub async fn work_file(Ctx(ctx): Ctx, Path(id): Path<i64>) -> Response {
    match backend::pupil::work::work_file(&ctx, id).await {
        Ok((content_type, bytes)) => inline(&content_type, bytes),
        Err(e) => refused(e),
    }
}

/// `GET /svar/{feedback id}`: a teacher's recorded answer, played inline for the pupil (and the
/// family, when the teacher meant it for them). Checked by its first bytes when it was stored.
pub async fn feedback_file(Ctx(ctx): Ctx, Path(id): Path<i64>) -> Response {
    match backend::returns::feedback::feedback_file(&ctx, id).await {
        Ok((content_type, bytes)) => inline(&content_type, bytes),
        Err(e) => refused(e),
    }
}

/// `GET /refleksion/{recording id}`: a pupil's recorded elevplan reflection, played inline for
/// the pupil and their teachers (and the family once a published version plays it).
pub async fn reflection_file(Ctx(ctx): Ctx, Path(id): Path<i64>) -> Response {
    match backend::pupil_plan::voice::reflection_file(&ctx, id).await {
        Ok((content_type, bytes)) => inline(&content_type, bytes),
        Err(e) => refused(e),
    }
}

/// `GET /tidligere-arbejde/{id}`: the file of a piece a pupil brought from an earlier school,
/// inline under the same rules as their work here.
pub async fn brought_file(Ctx(ctx): Ctx, Path(id): Path<i64>) -> Response {
    match backend::pupil_plan::brought::brought_file(&ctx, id, None).await {
        Ok((content_type, bytes)) => inline(&content_type, bytes),
        Err(e) => refused(e),
    }
}

/// `GET /tidligere-arbejde/{id}/svar/{n}`: a recorded answer the piece had at that school.
pub async fn brought_answer_file(Ctx(ctx): Ctx, Path((id, n)): Path<(i64, usize)>) -> Response {
    match backend::pupil_plan::brought::brought_file(&ctx, id, Some(n)).await {
        Ok((content_type, bytes)) => inline(&content_type, bytes),
        Err(e) => refused(e),
    }
}

#[derive(serde::Deserialize)]
pub struct SpeechQuery {
    tekst: String,
}

/// `GET /tale?tekst=…`: the text spoken in Danish as WAV, for a device without a voice of its own.
pub async fn speech(
    Ctx(ctx): Ctx,
    axum::extract::Query(q): axum::extract::Query<SpeechQuery>,
) -> Response {
    match backend::speech::speak(&ctx, &q.tekst).await {
        Ok(wav) => {
            // Speech of the same words is the same sound: a device may keep it for an hour.
            let mut response = inline("audio/wav", fix_wav_lengths(wav.as_ref().clone()));
            response.headers_mut().insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=3600"),
            );
            response
        }
        Err(e) => refused(e),
    }
}

/// eSpeak writes a streaming WAV header with unknown lengths; the whole file is here, so give
/// the real ones (some players refuse to seek in a file whose header says 2 GB).
fn fix_wav_lengths(mut wav: Vec<u8>) -> Vec<u8> {
    if wav.len() >= 44 && wav.starts_with(b"RIFF") && wav.get(36..40) == Some(b"data") {
        let riff = u32::try_from(wav.len() - 8)
            .unwrap_or(u32::MAX)
            .to_le_bytes();
        let data = u32::try_from(wav.len() - 44)
            .unwrap_or(u32::MAX)
            .to_le_bytes();
        wav[4..8].copy_from_slice(&riff);
        wav[40..44].copy_from_slice(&data);
    }
    wav
}

/// Shown in the page (an image, a sound), private to whoever may see it, and inert as a document.
/// A pupil's file or a recorded answer, shown inline. Never kept in the browser's cache: a class
/// iPad is shared, and the next pupil's browser is the same browser.
fn inline(content_type: &str, bytes: Vec<u8>) -> Response {
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_percent_encoded_for_the_download_header() {
        assert_eq!(encoded_name("Eventyr 1.pdf"), "Eventyr%201.pdf");
        assert_eq!(encoded_name("æ\"x"), "%C3%A6%22x");
    }

    #[test]
    fn a_streamed_wav_header_gets_the_real_lengths() {
        let mut wav = b"RIFF\xff\xff\xff\x7fWAVEfmt ".to_vec();
        wav.extend_from_slice(&[0; 20]);
        wav.extend_from_slice(b"data\xff\xff\xff\x7f");
        wav.extend_from_slice(&[1, 2, 3, 4]);
        let fixed = fix_wav_lengths(wav);
        assert_eq!(fixed[4..8], 40u32.to_le_bytes());
        assert_eq!(fixed[40..44], 4u32.to_le_bytes());
    }
}
