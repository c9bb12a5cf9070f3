//! Home's command: her greeting and what waits for her, over `app.home()`.

use huiban_core::home::HomeView;
use tauri::State;

use crate::{AppState, IpcError};

/// Her greeting and one line for each thing that waits for her (补材料, 评价, 回访, a form not
/// finished), from what this computer keeps.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn home(state: State<'_, AppState>) -> Result<HomeView, IpcError> {
    Ok(state.home().view().await?)
}
