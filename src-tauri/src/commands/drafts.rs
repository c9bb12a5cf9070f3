//! Draft commands: a form being filled in, saved answer by answer, then queued for sending.

use huiban_api::{Channel, FormRef};
use huiban_core::drafts;
use huiban_core::outbox;
use huiban_core::store::{Draft, LocalStore};
use tauri::State;

use crate::{AppState, IpcError};

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn store(state: &AppState) -> Result<&LocalStore, IpcError> {
    state
        .store
        .as_deref()
        .ok_or_else(|| IpcError::plain("store-unavailable", &state.localizer))
}

/// Starts an empty draft of an item's form; it is saved at once.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn draft_start(
    state: State<'_, AppState>,
    impl_code: String,
    form_id: String,
    version: u32,
) -> Result<Draft, IpcError> {
    let form = FormRef { form_id, version };
    drafts::start(store(&state)?, &impl_code, &form, now_ms())
        .map_err(|error| IpcError::local_store(&error, &state.localizer))
}

/// Saves one answer (`null` clears it); durable when this returns.
#[tauri::command]
#[tracing::instrument(skip(state, value), err)]
pub fn draft_answer(
    state: State<'_, AppState>,
    draft_id: String,
    question_id: String,
    value: serde_json::Value,
) -> Result<(), IpcError> {
    let saved = store(&state)?
        .set_draft_answer(&draft_id, &question_id, &value, now_ms())
        .map_err(|error| IpcError::local_store(&error, &state.localizer))?;
    if saved {
        Ok(())
    } else {
        Err(IpcError::plain("draft-not-found", &state.localizer))
    }
}

/// Every unfinished form, most recently changed first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn draft_list(state: State<'_, AppState>) -> Result<Vec<Draft>, IpcError> {
    store(&state)?
        .drafts()
        .map_err(|error| IpcError::local_store(&error, &state.localizer))
}

/// Queues the draft for sending (it stops being a draft in the same step) and wakes the sender.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn draft_submit(state: State<'_, AppState>, draft_id: String) -> Result<String, IpcError> {
    let queued = outbox::enqueue_draft(store(&state)?, &draft_id, Channel::Web, now_ms())
        .map_err(|error| IpcError::local_store(&error, &state.localizer))?
        .ok_or_else(|| IpcError::plain("draft-not-found", &state.localizer))?;
    state.wake.notify_one();
    Ok(queued)
}
