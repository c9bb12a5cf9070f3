//! `GET /healthz`: liveness and a glance at the catalog.

use axum::Json;
use axum::extract::State;
use huiban_api::Health;

use super::ApiError;
use crate::store::Store;

/// Answers `ok` with the server version and the catalog size.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "health",
    responses((status = 200, description = "The platform is up", body = Health))
)]
pub async fn healthz(State(store): State<Store>) -> Result<Json<Health>, ApiError> {
    let catalog_items = super::blocking(move || store.catalog_count()).await?;
    Ok(Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        catalog_items,
    }))
}
