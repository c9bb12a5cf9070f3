//! 诉求 commands: the person's requests as kept here (and those still waiting to be filed), one
//! request's loop in plain words, and the 回访 answers and 评价 queued in the outbox. Each is a few
//! lines over `app.requests()`.

use huiban_core::requests::{RequestDetail, RequestSummary};
use tauri::State;

use crate::{AppState, IpcError};

/// The person's requests: those waiting to be filed first, then the kept ones, newest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn requests(state: State<'_, AppState>) -> Result<Vec<RequestSummary>, IpcError> {
    Ok(state.requests().list().await?)
}

/// One kept request with its loop in plain words.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn request_detail(
    state: State<'_, AppState>,
    request_no: String,
) -> Result<RequestDetail, IpcError> {
    Ok(state.requests().detail(&request_no).await?)
}

/// Queues the 回访 answers of a request (sent with everything else, offline too).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, comment), err)]
pub async fn request_follow_up(
    state: State<'_, AppState>,
    request_no: String,
    resolved: bool,
    contacted: bool,
    comment: Option<String>,
) -> Result<(), IpcError> {
    let requests = state.requests();
    let comment = comment.as_deref();
    Ok(requests
        .follow_up(&request_no, resolved, contacted, comment)
        .await?)
}

/// Queues the 评价 of a request; a missing reason for a bad level is refused in plain words.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, reason), err)]
pub async fn request_evaluate(
    state: State<'_, AppState>,
    request_no: String,
    level: u8,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let requests = state.requests();
    Ok(requests
        .evaluate(&request_no, level, reason.as_deref())
        .await?)
}
