//! Spoken Danish made on the server, for devices whose browser has no voice to read aloud with
//! (see ARCHITECTURE.md, "Read-aloud"). eSpeak NG speaks Danish offline, in a few milliseconds, and
//! is one Debian package; the text is passed on standard input, never through a shell.

use crate::identity::current_principal;
use crate::{RequestCtx, policy};
use domain::Field;
use domain::{AppError, ErrorCode};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::process::Command;
use tokio::sync::Semaphore;

/// The longest text spoken in one piece: a task's instruction, a goal, a screen's labels.
pub const MAX_SPOKEN_CHARS: usize = 1500;

/// The program, so a deployment can point at another build of it.
fn program() -> String {
    std::env::var("SPIRE_ESPEAK").unwrap_or_else(|_| "espeak-ng".to_owned())
}

/// eSpeak processes at once: each takes a core for its few milliseconds, and a class of iPads
/// asking at once must not start a process per request.
pub const MAX_SPEAKERS: usize = 2;
/// How long a request waits for a free speaker before it is told to come back (503).
const WAIT_FOR_SPEAKER: Duration = Duration::from_secs(5);

static SPEAKERS: Semaphore = Semaphore::const_new(MAX_SPEAKERS);
static SPOKEN: Mutex<Option<Cache>> = Mutex::new(None);

/// The same words are the same sound: a task's instruction read to a class is made once.
/// Bounded by total size; the least recently used go first.
struct Cache {
    entries: HashMap<String, (Arc<Vec<u8>>, u64)>,
    bytes: usize,
    clock: u64,
}

/// What the cache of spoken texts may hold.
pub const CACHE_BYTES: usize = 32 * 1024 * 1024;

impl Cache {
    fn new() -> Self {
        Cache {
            entries: HashMap::new(),
            bytes: 0,
            clock: 0,
        }
    }

    fn get(&mut self, text: &str) -> Option<Arc<Vec<u8>>> {
        self.clock += 1;
        let clock = self.clock;
        self.entries.get_mut(text).map(|(wav, used)| {
            *used = clock;
            wav.clone()
        })
    }

    fn put(&mut self, text: &str, wav: Arc<Vec<u8>>, budget: usize) {
        if wav.len() > budget || self.entries.contains_key(text) {
            return;
        }
        while self.bytes + wav.len() > budget {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some((gone, _)) = self.entries.remove(&oldest) {
                self.bytes -= gone.len();
            }
        }
        self.clock += 1;
        self.bytes += wav.len();
        self.entries.insert(text.to_owned(), (wav, self.clock));
    }
}

fn cached(text: &str) -> Option<Arc<Vec<u8>>> {
    SPOKEN.lock().ok()?.get_or_insert_with(Cache::new).get(text)
}

fn keep(text: &str, wav: Arc<Vec<u8>>) {
    if let Ok(mut cache) = SPOKEN.lock() {
        cache
            .get_or_insert_with(Cache::new)
            .put(text, wav, CACHE_BYTES);
    }
}

/// `text` read aloud in Danish, as WAV: from the cache, or made by one of a few eSpeak processes
/// (503 when they stay busy).
pub async fn speak(ctx: &RequestCtx, text: &str) -> Result<Arc<Vec<u8>>, AppError> {
    let p = current_principal(ctx).await?;
    policy::require(policy::can_hear_server_speech(&p))?;
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_SPOKEN_CHARS {
        return Err(AppError::invalid(Field::Text));
    }
    if let Some(wav) = cached(text) {
        return Ok(wav);
    }
    let _speaker = tokio::time::timeout(WAIT_FOR_SPEAKER, SPEAKERS.acquire())
        .await
        .map_err(|_| AppError::new(ErrorCode::Unavailable))?
        .map_err(|_| AppError::internal())?;
    let wav = Arc::new(run_espeak(text).await?);
    keep(text, wav.clone());
    Ok(wav)
}

async fn run_espeak(text: &str) -> Result<Vec<u8>, AppError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_what_was_heard_last_within_its_size() {
        let mut cache = Cache::new();
        let wav = |n: usize| Arc::new(vec![0u8; n]);
        cache.put("a", wav(40), 100);
        cache.put("b", wav(40), 100);
        assert!(
            cache.get("a").is_some(),
            "a heard again: b is now the oldest"
        );
        cache.put("c", wav(40), 100);
        assert!(cache.get("b").is_none());
        assert!(cache.get("a").is_some() && cache.get("c").is_some());
        assert_eq!(cache.bytes, 80);
        cache.put("huge", wav(101), 100);
        assert!(cache.get("huge").is_none(), "never more than the budget");
    }
}
