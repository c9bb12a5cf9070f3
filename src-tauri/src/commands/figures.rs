//! The centre's figures (staff window, its manager only): counted now, and saved as a CSV table.
//! One line each over `app.figures()`.

use huiban_core::figures::FiguresView;
use tauri::State;

use crate::{AppState, IpcError};

/// The centre's figures counted now: today's and this month's charts with their tables, and the
/// overdue cases.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn centre_figures(state: State<'_, AppState>) -> Result<FiguresView, IpcError> {
    Ok(state.figures().now().await?)
}

/// Saves the figures counted now as a CSV table in the documents folder; answers where, in words.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn centre_figures_save_csv(state: State<'_, AppState>) -> Result<String, IpcError> {
    Ok(state.figures().save_csv().await?)
}
