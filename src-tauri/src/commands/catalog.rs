//! Catalog commands: the service items the citizen can apply for, and finding one by what is typed;
//! one line each over `app.catalog()`.

use huiban_core::catalog::{CatalogEntry, CatalogView};
use tauri::State;

use crate::{AppState, IpcError};

/// Returns the catalog: fresh from the platform, or the saved copy (marked offline) when it is unreachable.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn catalog_items(state: State<'_, AppState>) -> Result<CatalogView, IpcError> {
    Ok(state.catalog().items().await?)
}

/// The items matching what was typed (Chinese words, pinyin, initials or everyday words), best first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn catalog_search(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<CatalogEntry>, IpcError> {
    Ok(state.catalog().search(&query)?)
}
