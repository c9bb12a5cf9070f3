//! Attachment commands: a photo or PDF chosen for an answer is checked and kept here, to be sent with
//! the form by the outbox.

use huiban_core::attachments::KeptFile;
use tauri::State;
use tauri::ipc::{InvokeBody, Request};

use crate::{AppState, IpcError};

/// Keeps the file sent as the raw request body; the answer then holds its `sha256`.
#[tauri::command]
#[tracing::instrument(skip(state, request), err)]
pub async fn attachment_keep(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<KeptFile, IpcError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::plain("attachment-empty"));
    };
    Ok(state.keep_attachment(bytes).await?)
}
