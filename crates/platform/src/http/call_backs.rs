//! 请工作人员给我回电话 over HTTP for the staff and manager of a service centre:
//! `GET /api/v1/centre/call-backs` (her district's open call-backs, with the phone to call) and
//! `POST /api/v1/centre/call-backs/{call_back_no}/called` (已回电话).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{CallBacks, ErrorBody};

use super::caller::Caller;
use super::centre_staff::{CENTRE_STAFF, centre_of};
use super::extract::ApiPath;
use super::{ApiError, blocking};
use crate::call_backs::{self, CallBackError};
use crate::state::AppState;

#[utoipa::path(
    get,
    path = "/api/v1/centre/call-backs",
    tag = "help",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The open call-backs of the caller's centre's district, oldest first", body = CallBacks),
        (status = 403, description = "Only a centre's staff see its call-backs", body = ErrorBody)
    )
)]
pub async fn of_centre(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<CallBacks>, ApiError> {
    let staff = caller.require(CENTRE_STAFF)?.account_id.clone();
    let call_backs = blocking(move || {
        let centre = centre_of(&state, &staff)?;
        Ok::<_, ApiError>(call_backs::of_centre(&state, &centre)?)
    })
    .await?;
    Ok(Json(CallBacks { call_backs }))
}

#[utoipa::path(
    post,
    path = "/api/v1/centre/call-backs/{call_back_no}/called",
    tag = "help",
    security(("bearer" = [])),
    params(("call_back_no" = String, Path, description = "The 诉求 number of an open call-back of the caller's centre's district")),
    responses(
        (status = 200, description = "Marked called; what is still open", body = CallBacks),
        (status = 403, description = "Only a centre's staff mark its call-backs", body = ErrorBody),
        (status = 404, description = "No open call-back of the caller's centre's district has this number", body = ErrorBody)
    )
)]
pub async fn called(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(call_back_no): ApiPath<String>,
) -> Result<Json<CallBacks>, ApiError> {
    let staff = caller.require(CENTRE_STAFF)?.account_id.clone();
    let call_backs = blocking(move || {
        let centre = centre_of(&state, &staff)?;
        Ok::<_, ApiError>(call_backs::called(&state, &centre, &staff, &call_back_no)?)
    })
    .await?;
    Ok(Json(CallBacks { call_backs }))
}

impl From<CallBackError> for ApiError {
    fn from(error: CallBackError) -> Self {
        match error {
            CallBackError::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "call_back_not_found",
                "没有这个回电请求，可能已经回过电话了。",
                "No open call-back of your centre's district has this number.",
            ),
            CallBackError::Request(error) => error.into(),
            CallBackError::Store(error) => error.into(),
        }
    }
}
