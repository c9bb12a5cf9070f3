//! Commands about this device: the local store and the outbox queue.

use huiban_core::outbox::QueueSummary;
use serde::Serialize;
use tauri::State;

use crate::sync::QueueView;
use crate::{AppState, IpcError};

/// What the person must know about the data kept on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoreStatus {
    /// Whether what is entered is kept here (encrypted) and the app works offline.
    pub kept_here: bool,
    /// Something to tell the person (the old data was set aside, there is no keychain), if anything.
    pub notice: Option<String>,
}

/// Whether the local store is open, and what to tell the person about it.
#[tauri::command]
pub fn store_status(state: State<'_, AppState>) -> StoreStatus {
    StoreStatus {
        kept_here: state.store().is_some(),
        notice: state
            .store_notice()
            .map(|id| state.localizer().text(id, &[])),
    }
}

/// The outbox queue now; changes arrive as `queue-changed` events.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
/// With nobody logged in the queue is empty: what others left waits for their own login.
pub async fn queue_summary(state: State<'_, AppState>) -> Result<QueueView, IpcError> {
    let summary = match crate::commands::own_store_if_any(&state).await? {
        Some(store) => QueueSummary::of(&store)?,
        None => QueueSummary::default(),
    };
    Ok(QueueView::of(summary, state.localizer()))
}
