//! QR decoding of camera frames, kept apart from the worker's plumbing so it is tested natively.

/// The text of the first QR code found in an RGBA frame, if any decodes.
pub fn decode_rgba(width: u32, height: u32, rgba: &[u8]) -> Option<String> {
    let (w, h) = (usize::try_from(width).ok()?, usize::try_from(height).ok()?);
    if w == 0 || h == 0 || rgba.len() < w.checked_mul(h)?.checked_mul(4)? {
        return None;
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * 4;
        luma(rgba[i], rgba[i + 1], rgba[i + 2])
    });
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

/// Rec. 601 luma in integer arithmetic: the camera's colour carries nothing a QR code needs.
fn luma(r: u8, g: u8, b: u8) -> u8 {
    let y = (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000;
    u8::try_from(y).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frame as a camera would give it: the symbol drawn dark-on-light, scaled up, off-centre,
    /// on a grey background that is not pure white.
    fn frame_with_code(text: &str, width: u32, height: u32) -> Vec<u8> {
        let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
        let modules = code.width();
        let colors = code.to_colors();
        let scale = 6;
        let (left, top) = (40usize, 30usize);
        let quiet = 4;
        let mut rgba = vec![0u8; (width * height * 4) as usize];
        for y in 0..height as usize {
            for x in 0..width as usize {
                let mx = (x as isize - left as isize) / scale as isize - quiet as isize;
                let my = (y as isize - top as isize) / scale as isize - quiet as isize;
                let dark = x >= left
                    && y >= top
                    && (0..modules as isize).contains(&mx)
                    && (0..modules as isize).contains(&my)
                    && colors[my as usize * modules + mx as usize] == qrcode::Color::Dark;
                let v = if dark { 30 } else { 220 };
                let i = (y * width as usize + x) * 4;
                rgba[i..i + 4].copy_from_slice(&[v, v, v.saturating_add(10), 255]);
            }
        }
        rgba
    }

    #[test]
    fn a_login_card_code_in_a_camera_frame_is_read() {
        let frame = frame_with_code("K7M2PQ9X", 320, 240);
        assert_eq!(decode_rgba(320, 240, &frame).as_deref(), Some("K7M2PQ9X"));
    }

    #[test]
    fn a_frame_without_a_code_gives_nothing() {
        let frame = vec![200u8; 320 * 240 * 4];
        assert_eq!(decode_rgba(320, 240, &frame), None);
    }

    #[test]
    fn a_frame_shorter_than_its_size_says_is_refused_rather_than_read_out_of_bounds() {
        assert_eq!(decode_rgba(320, 240, &[0u8; 100]), None);
        assert_eq!(decode_rgba(0, 0, &[]), None);
    }
}
