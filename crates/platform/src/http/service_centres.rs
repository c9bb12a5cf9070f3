//! `GET /api/v1/service-centres`: each district's service centre, its number and hours (public).

use axum::Json;
use axum::extract::State;
use huiban_api::ServiceCentres;

use super::{ApiError, blocking};
use crate::store::Store;

/// Every district's service centre, by district code: the numbers residents are shown in 求助.
#[utoipa::path(
    get,
    path = "/api/v1/service-centres",
    tag = "help",
    responses((status = 200, description = "Every district's centre, by district code", body = ServiceCentres))
)]
pub async fn list(State(store): State<Store>) -> Result<Json<ServiceCentres>, ApiError> {
    let centres = blocking(move || store.service_centres()).await?;
    Ok(Json(ServiceCentres { centres }))
}
