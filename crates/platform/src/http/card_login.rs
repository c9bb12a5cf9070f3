//! Logging in at a kiosk with the ID card on its reader, over HTTP: the card's code texted, then
//! the kiosk's own request approved by it. Only a kiosk's device login sends either.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{CardCodeRequest, CardCodeSent, DeviceCardApproval, ErrorBody, Role};

use super::caller::Caller;
use super::extract::ApiJson;
use super::{ApiError, blocking};
use crate::card_login::{self, CardLoginError};
use crate::state::AppState;

/// Texts a login code to the phone of the card's holder; answers that phone masked.
#[utoipa::path(
    post,
    path = "/api/v1/auth/device/card-code",
    tag = "auth",
    security(("bearer" = [])),
    request_body = CardCodeRequest,
    responses(
        (status = 200, description = "Code sent to her phone", body = CardCodeSent),
        (status = 403, description = "Only a kiosk's device login sends it", body = ErrorBody),
        (status = 404, description = "No citizen with this card on the platform", body = ErrorBody),
        (status = 422, description = "The number read fails its check digit", body = ErrorBody),
        (status = 429, description = "Asked too soon or too often", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait")))
    )
)]
pub async fn send_code(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<CardCodeRequest>,
) -> Result<Json<CardCodeSent>, ApiError> {
    caller.require(&[Role::KioskDevice])?;
    let sent =
        blocking(move || card_login::send_code(&state, &request.id_number, &request.name)).await?;
    Ok(Json(sent))
}

/// The code texted for the card approves the kiosk's own request (the user code it holds) as the
/// card's holder; the kiosk's next poll gets her login.
#[utoipa::path(
    post,
    path = "/api/v1/auth/device/card",
    tag = "auth",
    security(("bearer" = [])),
    request_body = DeviceCardApproval,
    responses(
        (status = 204, description = "Approved: the kiosk's next poll gets her login"),
        (status = 400, description = "Wrong or spent code", body = ErrorBody),
        (status = 403, description = "Only a kiosk's device login sends it", body = ErrorBody),
        (status = 404, description = "No such card, or this kiosk holds no live request with this code", body = ErrorBody)
    )
)]
pub async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<DeviceCardApproval>,
) -> Result<StatusCode, ApiError> {
    let kiosk = caller.require(&[Role::KioskDevice])?.account_id.clone();
    blocking(move || {
        card_login::approve(
            &state,
            &kiosk,
            &request.user_code,
            &request.id_number,
            &request.code,
        )
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

impl From<CardLoginError> for ApiError {
    fn from(error: CardLoginError) -> Self {
        match error {
            CardLoginError::BadIdNumber => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_id_number",
                "身份证没有读清楚，请把身份证拿起来，再平放到读卡器上。",
                "The ID number read fails its check digit; read the card again.",
            ),
            CardLoginError::NotRegistered => ApiError::new(
                StatusCode::NOT_FOUND,
                "card_not_registered",
                "这张身份证还没有在惠办登记过。请用手机号码登录，或者请工作人员帮忙。",
                "No citizen with this card on the platform; log in by phone number.",
            ),
            CardLoginError::Auth(error) => error.into(),
            CardLoginError::Store(error) => error.into(),
        }
    }
}
