//! 谁帮我办过 (main window): every time a clerk acted for the person, from the platform's trail; one
//! line over `app.acted_for_me()`.

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
