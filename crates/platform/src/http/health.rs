//! `GET /healthz`: liveness and a glance at the catalog.

use axum::Json;
use axum::extract::State;
use huiban_api::Health;

use super::ApiError;
use crate::store::Store;

/// Answers `ok` with the server version and the catalog size.
pub async fn healthz(State(store): State<Store>) -> Result<Json<Health>, ApiError> {
    let catalog_items = tokio::task::spawn_blocking(move || store.catalog_count())
        .await
        .map_err(|error| ApiError::internal(&error))??;
    Ok(Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        catalog_items,
    }))
}
