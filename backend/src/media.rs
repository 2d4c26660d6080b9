//! Pupils' and teachers' pictures and sound are checked by their first bytes, not only by the
//! type the device names, so a "photo" that is really a page is refused.

use domain::{AppError, Field};

/// Whether `bytes` start as a file of `content_type` does.
pub(crate) fn content_matches(content_type: &str, bytes: &[u8]) -> bool {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    match domain::media::base_type(content_type) {
        "image/png" => starts(b"\x89PNG\r\n\x1a\n"),
        "image/jpeg" => starts(b"\xff\xd8\xff"),
        "image/webp" => starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"),
        "audio/webm" => starts(b"\x1a\x45\xdf\xa3"),
        "audio/ogg" => starts(b"OggS"),
        "audio/mp4" => bytes.get(4..8) == Some(b"ftyp"),
        "audio/mpeg" => starts(b"ID3") || starts(b"\xff\xfb") || starts(b"\xff\xf3"),
        _ => false,
    }
}

/// The fields an upload's errors name: a body that is not base64, a file empty or too large, a
/// file that is not what its type says.
pub(crate) struct FileFields {
    pub undecodable: Field,
    pub size: Field,
    pub kind: Field,
}

impl FileFields {
    /// One field for every way the file can be wrong (a recording: "record it again").
    pub(crate) fn all(field: Field) -> Self {
        FileFields {
            undecodable: field,
            size: field,
            kind: field,
        }
    }
}

/// A picture or sound sent as base64: decoded, at most `max` bytes, and starting as `content_type`
/// does.
pub(crate) fn decode_checked(
    data_base64: &str,
    content_type: &str,
    max: usize,
    fields: FileFields,
) -> Result<Vec<u8>, AppError> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data_base64.as_bytes())
        .map_err(|_| AppError::invalid(fields.undecodable))?;
    if bytes.is_empty() || bytes.len() > max {
        return Err(AppError::invalid(fields.size));
    }
    if !content_matches(content_type, &bytes) {
        return Err(AppError::invalid(fields.kind));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_work_must_be_what_its_type_says() {
        assert!(content_matches("image/png", b"\x89PNG\r\n\x1a\nrest"));
        assert!(!content_matches("image/png", b"<svg onload=alert(1)>"));
        assert!(content_matches(
            "audio/webm;codecs=opus",
            b"\x1a\x45\xdf\xa3rest"
        ));
        assert!(!content_matches("text/html", b"<html>"));
    }
}
