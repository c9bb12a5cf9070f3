//! `/api/v1/auth/*` and `/api/v1/me`: logging in, refreshing, logging out, who am I.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{
    Account, DeviceApproval, DeviceAuthorization, DeviceLookup, DeviceRequest, DeviceSmsApproval,
    ErrorBody, Role, SmsCodeRequest, SmsCodeSent, TokenRequest, TokenResponse,
};

use super::caller::Caller;
use super::extract::ApiJson;
use super::{ApiError, blocking};
use crate::auth;
use crate::state::AppState;

/// Sends a 6-digit login code to a phone through the SMS gateway.
#[utoipa::path(
    post,
    path = "/api/v1/auth/sms-code",
    tag = "auth",
    request_body = SmsCodeRequest,
    responses(
        (status = 200, description = "Code sent", body = SmsCodeSent),
        (status = 400, description = "Not a mobile number", body = ErrorBody),
        (status = 429, description = "Asked too soon or too often", body = ErrorBody,
         headers(("Retry-After" = u64, description = "Seconds to wait")))
    )
)]
pub async fn sms_code(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<SmsCodeRequest>,
) -> Result<Json<SmsCodeSent>, ApiError> {
    let phone = request.phone.trim().to_owned();
    blocking(move || auth::send_login_code(&state, &phone))
        .await
        .map(Json)
}

/// Issues tokens for an SMS code, a password, a refresh token or an approved device code.
#[utoipa::path(
    post,
    path = "/api/v1/auth/token",
    tag = "auth",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "Tokens", body = TokenResponse),
        (status = 400, description = "invalid_grant, code_expired, refresh_token_reused, …", body = ErrorBody),
        (status = 429, description = "Too many failed logins", body = ErrorBody),
        (status = 503, description = "Too many password checks at once; try again after Retry-After", body = ErrorBody)
    )
)]
pub async fn token(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<TokenRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    blocking(move || auth::grant(&state, &request))
        .await
        .map(Json)
}

/// Ends the caller's login: its access and refresh tokens stop working.
#[utoipa::path(
    post,
    path = "/api/v1/auth/logout",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Logged out"),
        (status = 401, description = "Not logged in", body = ErrorBody)
    )
)]
pub async fn logout(State(state): State<AppState>, caller: Caller) -> Result<StatusCode, ApiError> {
    let family = caller.0.family_id;
    blocking(move || {
        let now_ms = state.clock.now().timestamp_millis();
        state.store.revoke_token_family(&family, now_ms)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's own account; for staff acting in an open assisted session, the resident's (whose
/// name and phone her forms are filled in with).
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller's account, or the resident's when staff act for her", body = Account),
        (status = 401, description = "Not logged in", body = ErrorBody)
    )
)]
pub async fn me(State(state): State<AppState>, caller: Caller) -> Result<Json<Account>, ApiError> {
    let account_id = caller.subject();
    let account = blocking(move || state.store.account(&account_id)).await?;
    account
        .map(Json)
        .ok_or_else(|| ApiError::internal(&"token of a missing account"))
}

/// A kiosk asks to log a citizen in (RFC 8628): codes to show and to poll `/auth/token` with.
#[utoipa::path(
    post,
    path = "/api/v1/auth/device",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Codes; poll /api/v1/auth/token with the device code", body = DeviceAuthorization),
        (status = 403, description = "Only kiosk devices may ask", body = ErrorBody)
    )
)]
pub async fn device(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<DeviceAuthorization>, ApiError> {
    let kiosk = caller.require(&[Role::KioskDevice])?.account_id.clone();
    blocking(move || auth::start_device(&state, &kiosk))
        .await
        .map(Json)
}

/// Which kiosk shows a user code, for the citizen to check it is the one in front of her before
/// she approves.
#[utoipa::path(
    post,
    path = "/api/v1/auth/device/lookup",
    tag = "auth",
    security(("bearer" = [])),
    request_body = DeviceLookup,
    responses(
        (status = 200, description = "The kiosk asking, its place, and the seconds left", body = DeviceRequest),
        (status = 404, description = "No live kiosk request with this code", body = ErrorBody)
    )
)]
pub async fn device_lookup(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<DeviceLookup>,
) -> Result<Json<DeviceRequest>, ApiError> {
    caller.require(&[Role::Citizen])?;
    blocking(move || auth::device_asking(&state, &request.user_code))
        .await
        .map(Json)
}

/// A logged-in citizen approves or refuses the kiosk that shows a user code.
#[utoipa::path(
    post,
    path = "/api/v1/auth/device/approve",
    tag = "auth",
    security(("bearer" = [])),
    request_body = DeviceApproval,
    responses(
        (status = 204, description = "Answer recorded"),
        (status = 404, description = "No live kiosk request with this code", body = ErrorBody)
    )
)]
pub async fn approve_device(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<DeviceApproval>,
) -> Result<StatusCode, ApiError> {
    let citizen = caller.require(&[Role::Citizen])?.account_id.clone();
    blocking(move || auth::answer_device(&state, &citizen, &request.user_code, request.approve))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// At the kiosk itself, a citizen who cannot scan its code logs in with her phone number and the
/// code texted to it, typed on the kiosk's keypad: the kiosk's own request (the user code it shows)
/// is approved as her, and its next poll gets her kiosk login. Only the kiosk's device login sends
/// it, for its own code.
#[utoipa::path(
    post,
    path = "/api/v1/auth/device/sms",
    tag = "auth",
    security(("bearer" = [])),
    request_body = DeviceSmsApproval,
    responses(
        (status = 204, description = "Approved: the kiosk's next poll gets her login"),
        (status = 400, description = "Wrong or spent code, or not a mobile number", body = ErrorBody),
        (status = 403, description = "Only a kiosk's device login sends it", body = ErrorBody),
        (status = 404, description = "This kiosk shows no live request with this code", body = ErrorBody)
    )
)]
pub async fn approve_at_kiosk(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<DeviceSmsApproval>,
) -> Result<StatusCode, ApiError> {
    let kiosk = caller.require(&[Role::KioskDevice])?.account_id.clone();
    blocking(move || {
        auth::approve_at_kiosk(
            &state,
            &kiosk,
            &request.user_code,
            &request.phone,
            &request.code,
        )
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
