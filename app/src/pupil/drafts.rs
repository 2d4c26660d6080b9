//! Work the server has not confirmed yet. Each piece is written to the device's local storage
//! (gloo-storage) before it is sent, filed under the pupil who made it, and removed only when the
//! server answers that it has it. A failed send is retried every few seconds while a pupil screen
//! is open, and whenever that pupil signs in again on the device; the piece's `client_key` makes a
//! repeat of a send that did arrive harmless. Nothing is lost to a dropped Wi-Fi.

use super::add_work;
use crate::i18n::PupilKey;
use crate::i18n::t;
use domain::pupil::WorkUpload;
use domain::{AppError, ErrorCode};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::time::Duration;

const STORAGE_KEY: &str = "spire.arbejde.venter";
const RETRY_AFTER: Duration = Duration::from_secs(5);

#[derive(Clone, Serialize, Deserialize)]
struct Draft {
    /// The pupil's person id: another pupil on the same iPad never sends (or sees) it.
    owner: i64,
    upload: WorkUpload,
}

fn all() -> Vec<Draft> {
    LocalStorage::get(STORAGE_KEY).unwrap_or_default()
}

fn store(drafts: &[Draft]) -> bool {
    if drafts.is_empty() {
        LocalStorage::delete(STORAGE_KEY);
        true
    } else {
        LocalStorage::set(STORAGE_KEY, drafts).is_ok()
    }
}

fn remove(key: &str) {
    let mut drafts = all();
    drafts.retain(|d| d.upload.client_key != key);
    store(&drafts);
}

thread_local! {
    /// The signed-in pupil, asked once per page: signing out loads a new page, which forgets it.
    static OWNER: Cell<Option<i64>> = const { Cell::new(None) };
    static RETRY_PLANNED: Cell<bool> = const { Cell::new(false) };
    /// How many of the signed-in pupil's pieces are waiting, for `WaitingWork`. Reference-counted
    /// rather than owned by a screen: it outlives every screen it is shown on.
    static WAITING: ArcRwSignal<usize> = ArcRwSignal::new(0);
}

/// How many of the signed-in pupil's pieces are waiting now.
pub fn waiting() -> ArcRwSignal<usize> {
    WAITING.with(Clone::clone)
}

fn set_waiting(n: usize) {
    WAITING.with(|w| w.set(n));
}

async fn owner() -> Result<i64, AppError> {
    if let Some(id) = OWNER.with(Cell::get) {
        return Ok(id);
    }
    let id = crate::identity::current_user().await?.id;
    OWNER.with(|o| o.set(Some(id)));
    Ok(id)
}

/// A fresh name for a piece of work: the time and a random part, 8–64 plain characters.
pub fn new_client_key() -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{:x}-{random:x}", js_sys::Date::now() as u64)
}

/// What became of a piece of work.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Saved,
    /// Kept on the device and retried.
    Waiting,
    /// The server said no, and saying it again will not change that (bad input, no access).
    Refused(AppError),
}

/// An answer worth waiting out: the network, a busy or failing server.
fn worth_retrying(e: &AppError) -> bool {
    matches!(
        e.code,
        ErrorCode::Network | ErrorCode::Internal | ErrorCode::Unavailable | ErrorCode::RateLimited
    )
}

/// Keeps `upload` on the device, then sends it.
pub async fn send(upload: WorkUpload) -> Outcome {
    let owner = match owner().await {
        Ok(id) => id,
        Err(e) => return Outcome::Refused(e),
    };
    let mut drafts = all();
    drafts.push(Draft {
        owner,
        upload: upload.clone(),
    });
    // If the device's storage is full the piece is still sent; it just cannot wait for a retry.
    let kept = store(&drafts);
    let outcome = send_one(&upload).await;
    if outcome == Outcome::Waiting && kept {
        count_and_plan_retry(owner);
    } else if outcome == Outcome::Waiting {
        return Outcome::Refused(AppError::new(ErrorCode::Network));
    }
    outcome
}

async fn send_one(upload: &WorkUpload) -> Outcome {
    match add_work(upload.clone()).await {
        Ok(_) => {
            remove(&upload.client_key);
            Outcome::Saved
        }
        Err(e) if worth_retrying(&e) => Outcome::Waiting,
        Err(e) => {
            remove(&upload.client_key);
            Outcome::Refused(e)
        }
    }
}

fn count_and_plan_retry(owner: i64) {
    let waiting = all().iter().filter(|d| d.owner == owner).count();
    set_waiting(waiting);
    if waiting > 0 && !RETRY_PLANNED.with(|r| r.replace(true)) {
        set_timeout(
            || {
                RETRY_PLANNED.with(|r| r.set(false));
                resend_waiting();
            },
            RETRY_AFTER,
        );
    }
}

/// Sends the signed-in pupil's waiting pieces, if there are any.
pub fn resend_waiting() {
    if all().is_empty() {
        set_waiting(0);
        return;
    }
    leptos::task::spawn_local(async move {
        let Ok(me) = owner().await else {
            return;
        };
        for draft in all().into_iter().filter(|d| d.owner == me) {
            if send_one(&draft.upload).await == Outcome::Waiting {
                break;
            }
        }
        count_and_plan_retry(me);
    });
}

/// A calm line while pieces are waiting, with a button to try at once.
#[component]
pub fn WaitingWork() -> impl IntoView {
    let waiting = waiting();
    view! {
        <div role="status" class="waiting-work">
            {move || (waiting.get() > 0).then(|| view! {
                <p class="notice">{t(PupilKey::WorkWaiting)}</p>
                <button type="button" class="tile-button" on:click=|_| resend_waiting()>
                    {t(PupilKey::SendNow)}
                </button>
            })}
        </div>
    }
}
