//! 请工作人员过来 over HTTP: `/api/v1/kiosk/calls…` for the kiosk's own device login,
//! `/api/v1/centre/kiosk-calls…` for the staff and the manager of the kiosk's centre.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{ErrorBody, KioskCall, KioskCalls, Role};

use super::caller::Caller;
use super::centre_staff::{CENTRE_STAFF, centre_of};
use super::extract::ApiPath;
use super::{ApiError, blocking};
use crate::kiosk_calls::{self, CallError};
use crate::state::AppState;

/// The kiosk asks for staff: its open call, raised now unless one is open already.
#[utoipa::path(
    post,
    path = "/api/v1/kiosk/calls",
    tag = "kiosks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The kiosk's open call (raised now, or still open)", body = KioskCall),
        (status = 403, description = "Only a kiosk's device login raises a call", body = ErrorBody)
    )
)]
pub async fn raise(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<KioskCall>, ApiError> {
    let device = caller.require(&[Role::KioskDevice])?.account_id.clone();
    Ok(Json(
        blocking(move || kiosk_calls::raise(&state, &device)).await?,
    ))
}

/// The kiosk's open call, if any: whether someone is on her way.
#[utoipa::path(
    get,
    path = "/api/v1/kiosk/calls",
    tag = "kiosks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Its open call, or none", body = KioskCalls),
        (status = 403, description = "Only a kiosk's device login asks", body = ErrorBody)
    )
)]
pub async fn of_kiosk(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<KioskCalls>, ApiError> {
    let device = caller.require(&[Role::KioskDevice])?.account_id.clone();
    Ok(Json(
        blocking(move || kiosk_calls::of_kiosk(&state, &device)).await?,
    ))
}

/// The kiosk no longer needs staff (不用了, or the visit ended); nothing when no call is open.
#[utoipa::path(
    post,
    path = "/api/v1/kiosk/calls/end",
    tag = "kiosks",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "No call of the kiosk's is open now"),
        (status = 403, description = "Only a kiosk's device login ends its call", body = ErrorBody)
    )
)]
pub async fn end_of_kiosk(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<StatusCode, ApiError> {
    let device = caller.require(&[Role::KioskDevice])?.account_id.clone();
    blocking(move || kiosk_calls::end_of_kiosk(&state, &device)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The open calls of the kiosks in the caller's centre, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/centre/kiosk-calls",
    tag = "kiosks",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Open calls of the caller's centre", body = KioskCalls),
        (status = 403, description = "Only a centre's staff see its calls", body = ErrorBody)
    )
)]
pub async fn of_centre(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<KioskCalls>, ApiError> {
    let staff = caller.require(CENTRE_STAFF)?.account_id.clone();
    Ok(Json(
        blocking(move || {
            let centre = centre_of(&state, &staff)?;
            Ok::<_, ApiError>(kiosk_calls::of_centre(&state, &centre)?)
        })
        .await?,
    ))
}

/// The caller is on her way to the call.
#[utoipa::path(
    post,
    path = "/api/v1/centre/kiosk-calls/{call_id}/answer",
    tag = "kiosks",
    security(("bearer" = [])),
    params(("call_id" = String, Path, description = "An open call of the caller's centre")),
    responses(
        (status = 200, description = "She is the one going", body = KioskCall),
        (status = 403, description = "Only a centre's staff answer its calls", body = ErrorBody),
        (status = 404, description = "No open call of the caller's centre has this id", body = ErrorBody),
        (status = 409, description = "Another staff member is already going", body = ErrorBody)
    )
)]
pub async fn answer(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(call_id): ApiPath<String>,
) -> Result<Json<KioskCall>, ApiError> {
    let staff = caller.require(CENTRE_STAFF)?.account_id.clone();
    Ok(Json(
        blocking(move || {
            let centre = centre_of(&state, &staff)?;
            Ok::<_, ApiError>(kiosk_calls::answer(&state, &centre, &staff, &call_id)?)
        })
        .await?,
    ))
}

/// The person at the kiosk was helped: the call ends.
#[utoipa::path(
    post,
    path = "/api/v1/centre/kiosk-calls/{call_id}/end",
    tag = "kiosks",
    security(("bearer" = [])),
    params(("call_id" = String, Path, description = "An open call of the caller's centre")),
    responses(
        (status = 204, description = "Ended"),
        (status = 403, description = "Only a centre's staff end its calls", body = ErrorBody),
        (status = 404, description = "No open call of the caller's centre has this id", body = ErrorBody)
    )
)]
pub async fn end(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(call_id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let staff = caller.require(CENTRE_STAFF)?.account_id.clone();
    blocking(move || {
        let centre = centre_of(&state, &staff)?;
        Ok::<_, ApiError>(kiosk_calls::end(&state, &centre, &call_id)?)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

impl From<CallError> for ApiError {
    fn from(error: CallError) -> Self {
        match error {
            CallError::NoCall => ApiError::new(
                StatusCode::NOT_FOUND,
                "call_not_found",
                "没有这个求助，可能已经处理好了。",
                "No open call of your centre has this id.",
            ),
            CallError::Taken(name) => ApiError::new(
                StatusCode::CONFLICT,
                "call_taken",
                &format!("{name}已经过去了。"),
                "Another staff member is already going.",
            ),
            CallError::Store(error) => error.into(),
        }
    }
}
