//! Catalog commands: the service items the citizen can apply for.

use huiban_api::CatalogItem;
use tauri::State;

use crate::{AppState, IpcError};

/// Returns the platform's service catalog.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn catalog_items(state: State<'_, AppState>) -> Result<Vec<CatalogItem>, IpcError> {
    state
        .client
        .catalog_items()
        .await
        .map_err(|error| IpcError::from_client(&error, &state.localizer))
}
