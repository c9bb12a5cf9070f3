//! `/api/v1/relatives` and `/api/v1/me/relatives`: 亲友代办, a relative asks to act for a person;
//! she agrees (in her app, or by reading out the texted code), refuses or ends it.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{
    ErrorBody, NewRelativeGrant, RelativeConsentCode, RelativeGrant, RelativeHelpWanted, Relatives,
    Role,
};

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath};
use super::{ApiError, blocking, idempotent};
use crate::relative_help;
use crate::relatives::{self, GrantError};
use crate::state::AppState;

/// The caller's own citizen account, not while acting for someone.
fn citizen_herself(caller: &Caller) -> Result<String, ApiError> {
    caller.require(&[Role::Citizen])?;
    caller.herself()
}

/// A citizen asks to help the person with this phone (亲友代办); she is texted and asked in her
/// Huiban. A phone that matches nobody is answered the same way (the grant never opens).
#[utoipa::path(
    post,
    path = "/api/v1/relatives",
    tag = "relatives",
    security(("bearer" = [])),
    request_body = NewRelativeGrant,
    responses(
        (status = 201, description = "Asked (or the grant already asked of, or given by, her)", body = RelativeGrant),
        (status = 422, description = "Not an 11-digit mobile number, or the caller's own", body = ErrorBody),
        (status = 429, description = "Too many asks today", body = ErrorBody)
    )
)]
pub async fn ask(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<NewRelativeGrant>,
) -> Result<(StatusCode, Json<RelativeGrant>), ApiError> {
    let helper = citizen_herself(&caller)?;
    let grant =
        blocking(move || relatives::ask(&state, &helper, &request.phone, request.kinship)).await?;
    Ok((StatusCode::CREATED, Json(grant)))
}

/// The helper types the code texted to her, which she read out to him: she agreed.
#[utoipa::path(
    post,
    path = "/api/v1/relatives/{grant_id}/code",
    tag = "relatives",
    security(("bearer" = [])),
    params(("grant_id" = String, Path, description = "A grant the caller asked for")),
    request_body = RelativeConsentCode,
    responses(
        (status = 200, description = "Granted for a year: send its id in the relative-grant header", body = RelativeGrant),
        (status = 400, description = "Wrong or expired code", body = ErrorBody),
        (status = 404, description = "No such grant of yours", body = ErrorBody),
        (status = 409, description = "Not waiting for an answer", body = ErrorBody),
        (status = 422, description = "The code is not 6 digits", body = ErrorBody)
    )
)]
pub async fn agree_by_code(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(grant_id): ApiPath<String>,
    ApiJson(code): ApiJson<RelativeConsentCode>,
) -> Result<Json<RelativeGrant>, ApiError> {
    let helper = citizen_herself(&caller)?;
    blocking(move || relatives::agree_by_code(&state, &helper, &grant_id, &code.code))
        .await
        .map(Json)
}

/// The caller's relatives: who helps her or asks to (asked first), and whom she helps.
#[utoipa::path(
    get,
    path = "/api/v1/me/relatives",
    tag = "relatives",
    security(("bearer" = [])),
    responses((status = 200, description = "Both sides of the caller's grants", body = Relatives))
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Relatives>, ApiError> {
    let account = citizen_herself(&caller)?;
    blocking(move || relatives::list(&state, &account))
        .await
        .map(Json)
}

/// She agrees that the relative who asked may act for her, for a year.
#[utoipa::path(
    post,
    path = "/api/v1/me/relatives/{grant_id}/agree",
    tag = "relatives",
    security(("bearer" = [])),
    params(("grant_id" = String, Path, description = "A grant asked of the caller")),
    responses(
        (status = 200, description = "Granted", body = RelativeGrant),
        (status = 404, description = "No such grant asked of you", body = ErrorBody),
        (status = 409, description = "Not waiting for an answer", body = ErrorBody)
    )
)]
pub async fn agree(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(grant_id): ApiPath<String>,
) -> Result<Json<RelativeGrant>, ApiError> {
    let person = citizen_herself(&caller)?;
    blocking(move || relatives::answer(&state, &person, &grant_id, true))
        .await
        .map(Json)
}

/// She refuses.
#[utoipa::path(
    post,
    path = "/api/v1/me/relatives/{grant_id}/refuse",
    tag = "relatives",
    security(("bearer" = [])),
    params(("grant_id" = String, Path, description = "A grant asked of the caller")),
    responses(
        (status = 200, description = "Refused", body = RelativeGrant),
        (status = 404, description = "No such grant asked of you", body = ErrorBody),
        (status = 409, description = "Not waiting for an answer", body = ErrorBody)
    )
)]
pub async fn refuse(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(grant_id): ApiPath<String>,
) -> Result<Json<RelativeGrant>, ApiError> {
    let person = citizen_herself(&caller)?;
    blocking(move || relatives::answer(&state, &person, &grant_id, false))
        .await
        .map(Json)
}

/// Ends a grant, by her or by the relative; from then on he cannot act for her.
#[utoipa::path(
    post,
    path = "/api/v1/me/relatives/{grant_id}/end",
    tag = "relatives",
    security(("bearer" = [])),
    params(("grant_id" = String, Path, description = "A grant of the caller's, on either side")),
    responses(
        (status = 200, description = "Ended", body = RelativeGrant),
        (status = 404, description = "No such grant of yours", body = ErrorBody),
        (status = 409, description = "Ended already", body = ErrorBody)
    )
)]
pub async fn end(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(grant_id): ApiPath<String>,
) -> Result<Json<RelativeGrant>, ApiError> {
    let account = citizen_herself(&caller)?;
    blocking(move || relatives::end(&state, &account, &grant_id))
        .await
        .map(Json)
}

/// 请家人帮忙: she asks a relative who helps her to get in touch; he is texted what she was doing.
/// A retry with the same Idempotency-Key gets the first answer and sends nothing more.
#[utoipa::path(
    post,
    path = "/api/v1/me/relatives/{grant_id}/help",
    tag = "relatives",
    security(("bearer" = [])),
    params(("grant_id" = String, Path, description = "A grant the caller agreed to"), ("Idempotency-Key" = Option<String>, Header, description = "A UUID the client chose when she pressed the button; a retry with it gets the first answer")),
    request_body = RelativeHelpWanted,
    responses(
        (status = 200, description = "He was texted", body = RelativeGrant),
        (status = 404, description = "No such grant given by you", body = ErrorBody),
        (status = 409, description = "The grant ended or expired (`grant_not_active`)", body = ErrorBody),
        (status = 429, description = "Too many texts to him today", body = ErrorBody)
    )
)]
pub async fn help(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    ApiPath(grant_id): ApiPath<String>,
    ApiJson(wanted): ApiJson<RelativeHelpWanted>,
) -> Result<Json<RelativeGrant>, ApiError> {
    let person = citizen_herself(&caller)?;
    let key = idempotent::key_of(&headers)?;
    blocking(move || {
        let action = format!("relative help {grant_id}");
        idempotent::once(&state, &person, key.as_deref(), (&action, &wanted), || {
            relative_help::ask(&state, &person, &grant_id, wanted.about.as_deref())
                .map_err(ApiError::from)
        })
    })
    .await
    .map(Json)
}

impl From<GrantError> for ApiError {
    fn from(error: GrantError) -> Self {
        use GrantError as E;
        match error {
            E::BadPhone => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_phone",
                "手机号码不对，请填写家人的11位手机号码。",
                "Enter her 11-digit mainland mobile number.",
            )
            .with_field("phone"),
            E::OwnPhone => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "own_phone",
                "这是您自己的手机号码，请填写要帮的那位家人的号码。",
                "This is your own phone; enter the number of the person you help.",
            )
            .with_field("phone"),
            E::TooManyAsks => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_relative_asks",
                "今天请求帮家人办事的次数太多了，请明天再试。",
                "Too many asks today; try again tomorrow.",
            )
            .with_retry_after(86_400),
            E::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "grant_not_found",
                "没有找到这个代办授权。",
                "No such relative grant of yours.",
            ),
            E::BadCode => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_code",
                "验证码是6位数字，请看清短信里的数字再输入。",
                "The code is 6 digits.",
            )
            .with_field("code"),
            E::WrongCode => ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_consent_code",
                "验证码不对，请家人看清短信里的6位数字再告诉您一次。",
                "The code is wrong.",
            )
            .with_field("code"),
            E::CodeGone => ApiError::new(
                StatusCode::BAD_REQUEST,
                "consent_code_expired",
                "验证码已经不能用了，请重新请求帮家人办事，系统会再发一条短信。",
                "The code expired or was tried too often; ask again.",
            )
            .with_field("code"),
            E::NotActive => ApiError::new(
                StatusCode::CONFLICT,
                "grant_not_active",
                "这位家人现在不能帮您办事了：授权已经结束或者过期。",
                "The grant is not running: it ended or expired.",
            ),
            E::TooManyHelpTexts => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_help_texts",
                "今天已经给这位家人发过好几条短信了，请直接给他打电话。",
                "Too many help texts to this relative today; phone him.",
            )
            .with_retry_after(86_400),
            E::WrongState => ApiError::new(
                StatusCode::CONFLICT,
                "wrong_status",
                "这个代办授权现在的状态不能做这件事。",
                "The grant is not in a state that allows this.",
            ),
            E::Store(error) => ApiError::from(error),
        }
    }
}
