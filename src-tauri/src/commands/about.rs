//! 关于惠办: the version, whether this computer reads aloud, and the diagnostics to copy; a few
//! lines over `app.about(…)` with what only the shell knows (the speech engine, the log folder).

use std::sync::Arc;

use huiban_core::about::{About, ShellFacts};
use tauri::State;

use crate::{AppState, IpcError};

/// Whether a speech engine answers now (connecting to it, off the UI thread).
async fn reads_aloud(state: &AppState) -> bool {
    let speaker = Arc::clone(&state.speaker);
    tauri::async_runtime::spawn_blocking(move || speaker.check())
        .await
        .map(|answer| {
            answer
                .inspect_err(|error| tracing::info!(%error, "no speech engine"))
                .is_ok()
        })
        .unwrap_or(false)
}

/// 关于惠办 as it is now.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn about(state: State<'_, AppState>) -> Result<About, IpcError> {
    let reads_aloud = reads_aloud(&state).await;
    let shell = ShellFacts {
        reads_aloud,
        log_dir: state.log_dir.as_deref(),
    };
    Ok(state.about(shell).await?)
}

/// Whether this computer can read aloud now (设置 says so when it cannot).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn speech_check(state: State<'_, AppState>) -> Result<bool, IpcError> {
    Ok(reads_aloud(&state).await)
}
