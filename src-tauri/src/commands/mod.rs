//! Tauri commands, one file per area; each is a thin adapter over huiban-core.

pub mod attachments;
pub mod cases;
pub mod catalog;
pub mod device;
pub mod drafts;
pub mod forms;
pub mod inbox;
pub mod preferences;
pub mod requests;
pub mod session;
pub mod speech;
pub mod wallet;

use huiban_core::store::LocalStore;

use crate::{AppState, IpcError};

/// The local store, or the plain error that there is none (no keychain on this computer).
pub(crate) fn kept_store(state: &AppState) -> Result<&LocalStore, IpcError> {
    state
        .store
        .as_deref()
        .ok_or_else(|| IpcError::plain("store-unavailable", &state.localizer))
}

/// Now, in ms since the Unix epoch, as the store records times.
pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
