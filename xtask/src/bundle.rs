//! The client bundle: precompressing `dist/`, and measuring what the first screen downloads.

use crate::{Result, step};
use std::io::Write;
use std::path::Path;

/// The audiences' ceilings for what the first screen downloads, brotli, in kB (1000 bytes): the
/// staff app 300, the pupils' iPad 150 (issue 8). One bundle still serves every audience, so
/// both are measured on it and reported, met or not; meeting them needs a bundle per audience.
pub const STAFF_BUDGET_KB: f64 = 300.0;
pub const PUPIL_BUDGET_KB: f64 = 150.0;
/// The build fails above this: not a budget but a tripwire against an accidental jump (a
/// dependency pulled into the client, a debug build shipped).
pub const REGRESSION_CAP_KB: f64 = 360.0;

/// The scanner worker: Trunk names workers by their binary, without a content hash.
const ON_DEMAND_FILES: [&str; 3] = ["qr-worker_loader.js", "qr-worker.js", "qr-worker_bg.wasm"];

const COMPRESSIBLE: [&str; 6] = ["html", "js", "wasm", "css", "svg", "json"];

fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

/// Writes `.br` and `.gz` beside every compressible file, so the server never compresses static
/// files per request.
pub fn precompress(dist: &Path) -> Result {
    step("Precompressing the client (brotli, gzip)");
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if !COMPRESSIBLE.contains(&ext) {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            for (suffix, data) in [("br", brotli(&bytes)?), ("gz", gzip(&bytes)?)] {
                let target = path.with_extension(format!("{ext}.{suffix}"));
                std::fs::write(&target, data).map_err(|e| format!("{}: {e}", target.display()))?;
            }
        }
    }
    Ok(())
}

/// The local files `index.html` makes the browser fetch before the first screen can show:
/// every `href`/`src` that points into the site, and the Wasm module the loader imports.
fn first_screen_files(index_html: &str) -> Vec<String> {
    let mut files = vec!["index.html".to_owned()];
    for quote in ['"', '\''] {
        for piece in index_html.split(quote).skip(1).step_by(2) {
            let is_local_file = piece.starts_with('/')
                && !piece.starts_with("//")
                && piece.rsplit('/').next().is_some_and(|f| f.contains('.'));
            if is_local_file {
                let file = piece.trim_start_matches('/').to_owned();
                if !files.contains(&file) {
                    files.push(file);
                }
            }
        }
    }
    files
}

/// Prints each first-screen file's brotli size and the total against the budget. Returns
/// (total kB, budget kB); fails when over budget.
pub fn report(dist: &Path) -> Result<(f64, f64)> {
    step("First-screen bundle (brotli, quality 11)");
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| {
        format!(
            "{}/index.html: {e} (build the client first)",
            dist.display()
        )
    })?;
    let mut total = 0usize;
    for file in first_screen_files(&index) {
        let bytes = std::fs::read(dist.join(&file)).map_err(|e| format!("{file}: {e}"))?;
        let compressed = brotli(&bytes)?.len();
        total += compressed;
        println!(
            "    {:>9.1} kB  ({:>9.1} kB raw)  {file}",
            kb(compressed),
            kb(bytes.len())
        );
    }
    let total_kb = kb(total);
    println!("    {total_kb:>9.1} kB  total");
    for (audience, budget) in [("staff", STAFF_BUDGET_KB), ("pupils", PUPIL_BUDGET_KB)] {
        let verdict = if total_kb <= budget {
            "met".to_owned()
        } else {
            format!("NOT MET, {:.1} kB over", total_kb - budget)
        };
        println!(
            "    {audience:>9} ceiling {budget:.0} kB: {:.2}× — {verdict}",
            total_kb / budget
        );
    }
    // Downloaded only when a class iPad opens its camera, so not part of the first screen.
    let mut on_demand = 0usize;
    for file in ON_DEMAND_FILES {
        let bytes = std::fs::read(dist.join(file)).map_err(|e| format!("{file}: {e}"))?;
        on_demand += brotli(&bytes)?.len();
    }
    println!(
        "    {:>9.1} kB  on demand: the login-card scanner ({})",
        kb(on_demand),
        ON_DEMAND_FILES.join(", ")
    );
    if total_kb > REGRESSION_CAP_KB {
        return Err(format!(
            "the first screen is {total_kb:.1} kB brotli, over the {REGRESSION_CAP_KB} kB regression cap"
        ));
    }
    Ok((total_kb, STAFF_BUDGET_KB))
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_is_the_page_and_every_local_file_it_references() {
        let html = r#"<link rel="stylesheet" href="/main-ab.css"><link rel="icon" href="/favicon.svg">
            <script type="module">import init from '/app-12.js'; init({ module_or_path: '/app-12_bg.wasm' });</script>
            <a href="https://example.org/x.js">x</a><a href="/log-ind">y</a>"#;
        assert_eq!(
            first_screen_files(html),
            [
                "index.html",
                "main-ab.css",
                "favicon.svg",
                "app-12.js",
                "app-12_bg.wasm"
            ]
        );
    }

    #[test]
    fn brotli_output_is_smaller_for_repetitive_text() {
        let text = "Spire ".repeat(1000);
        assert!(brotli(text.as_bytes()).unwrap().len() < 100);
    }
}
