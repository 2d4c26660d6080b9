//! Spoken Danish made on the server, for devices whose browser has no voice to read aloud with
//! (see ARCHITECTURE.md, "Read-aloud"). eSpeak NG speaks Danish offline, in a few milliseconds, and
//! is one Debian package; the text is passed on standard input, never through a shell.

use crate::identity::current_principal;
use crate::{RequestCtx, policy};
use domain::Field;
use domain::{AppError, ErrorCode};
use tokio::io::AsyncWriteExt;
use tokio::process::Command;

/// The longest text spoken in one piece: a task's instruction, a goal, a screen's labels.
pub const MAX_SPOKEN_CHARS: usize = 1500;

/// The program, so a deployment can point at another build of it.
fn program() -> String {
    std::env::var("SPIRE_ESPEAK").unwrap_or_else(|_| "espeak-ng".to_owned())
}

/// `text` read aloud in Danish, as WAV.
pub async fn speak(ctx: &RequestCtx, text: &str) -> Result<Vec<u8>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_hear_server_speech(&p))?;
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_SPOKEN_CHARS {
        return Err(AppError::invalid(Field::Text));
    }
    let mut child = Command::new(program())
        .args(["-v", "da", "-s", "150", "--stdout"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| {
            tracing::warn!("read-aloud fallback unavailable: {e}");
            AppError::new(ErrorCode::Unavailable)
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .await
            .map_err(|_| AppError::internal())?;
    }
    let out = child
        .wait_with_output()
        .await
        .map_err(|_| AppError::internal())?;
    if out.status.success() && !out.stdout.is_empty() {
        Ok(out.stdout)
    } else {
        Err(AppError::new(ErrorCode::Unavailable))
    }
}
