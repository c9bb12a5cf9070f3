//! 消息 commands: the inbox kept here (pulled by cursor), and marking a message read; a few lines
//! each over `app.inbox()`.

use huiban_core::inbox::Inbox;
use tauri::State;

use crate::{AppState, IpcError};

/// The messages kept on this computer, newest first, with the unread count.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn inbox(state: State<'_, AppState>) -> Result<Inbox, IpcError> {
    Ok(state.inbox().messages().await?)
}

/// Marks a message read here at once, and on the platform now or on the next pull.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn message_read(state: State<'_, AppState>, message_id: i64) -> Result<(), IpcError> {
    Ok(state.inbox().read(message_id).await?)
}
