//! Catalog commands: the service items the citizen can apply for.

use huiban_core::catalog::{self, CatalogError, CatalogView};
use tauri::State;

use crate::{AppState, IpcError};

/// Returns the catalog: fresh from the platform, or the saved copy (marked offline) when it is unreachable.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn catalog_items(state: State<'_, AppState>) -> Result<CatalogView, IpcError> {
    match &state.store {
        Some(store) => catalog::refresh(store, &state.client)
            .await
            .map_err(|error| match error {
                CatalogError::Client(error) => IpcError::from_client(&error, &state.localizer),
                CatalogError::Store(error) => IpcError::local_store(&error, &state.localizer),
            }),
        None => state
            .client
            .catalog_items()
            .await
            .map(|items| CatalogView {
                items,
                offline: false,
            })
            .map_err(|error| IpcError::from_client(&error, &state.localizer)),
    }
}
