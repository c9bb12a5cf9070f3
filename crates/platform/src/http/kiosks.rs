//! `/api/v1/kiosk/…`: a kiosk says how it is, once a minute, and asks its config.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{ErrorBody, KioskConfig, KioskHeartbeat, Role};

use super::caller::Caller;
use super::extract::ApiJson;
use super::{ApiError, blocking};
use crate::kiosks::{self, KioskError};
use crate::state::AppState;

/// A kiosk's heartbeat: what it is doing, how its printer is, how many submissions wait on it.
/// Only a kiosk's own device login sends it; the platform keeps the last.
#[utoipa::path(
    post,
    path = "/api/v1/kiosk/heartbeat",
    tag = "kiosks",
    security(("bearer" = [])),
    request_body = KioskHeartbeat,
    responses(
        (status = 204, description = "Kept as the kiosk's last"),
        (status = 403, description = "Only a kiosk's device login sends heartbeats", body = ErrorBody),
        (status = 422, description = "No version, or one longer than 40 characters", body = ErrorBody)
    )
)]
pub async fn heartbeat(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(beat): ApiJson<KioskHeartbeat>,
) -> Result<StatusCode, ApiError> {
    let device = caller.require(&[Role::KioskDevice])?.account_id.clone();
    blocking(move || kiosks::heartbeat(&state, &device, &beat)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The kiosk's config: when to ask 还在吗？, how long to count down, which services to offer.
#[utoipa::path(
    get,
    path = "/api/v1/kiosk/config",
    tag = "kiosks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The config set for this kiosk, or the defaults", body = KioskConfig),
        (status = 403, description = "Only a kiosk's device login asks it", body = ErrorBody)
    )
)]
pub async fn config(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<KioskConfig>, ApiError> {
    let device = caller.require(&[Role::KioskDevice])?.account_id.clone();
    Ok(Json(
        blocking(move || kiosks::config_of(&state.store, &device)).await?,
    ))
}

impl From<KioskError> for ApiError {
    fn from(error: KioskError) -> Self {
        match error {
            KioskError::BadVersion => {
                ApiError::invalid_body("The heartbeat needs a version of at most 40 characters.")
            }
            KioskError::Store(error) => error.into(),
            other => ApiError::internal(&other),
        }
    }
}
