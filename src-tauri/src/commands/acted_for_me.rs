//! 谁帮我办过 (main window): every time a clerk acted for the person, from the platform's trail, and
//! reporting one she does not recognise; one line each over `app.acted_for_me()` and
//! `app.report_acted_for_me()`.

use huiban_core::assisted::ActedForMeView;
use tauri::State;

use crate::{AppState, IpcError};

/// Who acted for the person logged in, when, how she agreed and what they did, newest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn acted_for_me(state: State<'_, AppState>) -> Result<Vec<ActedForMeView>, IpcError> {
    Ok(state.acted_for_me().await?)
}

/// 这次不是我同意的: files her 投诉 about the session to the clerk's centre; answers its number.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn acted_for_me_report(
    state: State<'_, AppState>,
    session_id: String,
) -> Result<String, IpcError> {
    Ok(state.report_acted_for_me(&session_id).await?)
}
