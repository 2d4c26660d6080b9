//! Content types of sound and pictures that pupils and teachers send, named in one place.

/// The type without its parameters: `audio/webm;codecs=opus` is `audio/webm`.
pub fn base_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or("").trim()
}

/// The recording types browsers' `MediaRecorder` make (Chromium and Firefox WebM or Ogg, Safari
/// MP4) and MP3.
pub fn is_voice(content_type: &str) -> bool {
    ["audio/webm", "audio/ogg", "audio/mp4", "audio/mpeg"].contains(&base_type(content_type))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_voice_type_is_known_with_or_without_parameters() {
        assert!(is_voice("audio/mp4"));
        assert!(is_voice("audio/webm; codecs=opus"));
        assert!(!is_voice("video/webm"));
        assert_eq!(base_type("audio/ogg;codecs=opus"), "audio/ogg");
    }
}
