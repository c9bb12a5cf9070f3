//! Preference commands: text size, colours and reading aloud, kept in the local store (in memory
//! only when there is none).

use huiban_core::preferences::Preferences;
use tauri::State;

use crate::{AppState, IpcError};

/// The person's choices (the defaults until chosen).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn preferences_get(state: State<'_, AppState>) -> Result<Preferences, IpcError> {
    Ok(state.preferences().get()?)
}

/// Keeps the person's choices.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn preferences_set(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> Result<(), IpcError> {
    Ok(state.preferences().set(preferences)?)
}
