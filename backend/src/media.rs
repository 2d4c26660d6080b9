//! Pupils' and teachers' pictures and sound are checked by their first bytes, not only by the
//! type the device names, so a "photo" that is really a page is refused.

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
