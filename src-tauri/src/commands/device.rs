//! Commands about this device: the local store and the outbox queue; one line each over
//! `app.device()`.

use huiban_core::device::{QueueView, StoreStatus};
use tauri::State;

use crate::{AppState, IpcError};

/// Whether the local store is open, and what to tell the person about it.
#[tauri::command]
#[specta::specta]
pub fn store_status(state: State<'_, AppState>) -> StoreStatus {
    state.device().store_status()
}

/// The outbox queue now; changes arrive as `queue-changed` events. With nobody logged in the queue
/// is empty: what others left waits for their own login.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn queue_summary(state: State<'_, AppState>) -> Result<QueueView, IpcError> {
    Ok(state.device().queue().await?)
}
