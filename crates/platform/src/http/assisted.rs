//! `/api/v1/assisted-sessions`: staff act for residents with consent; residents see who acted for them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::assisted::ASSISTED_DELIVERY_HEADER;
use huiban_api::{
    ActedForMe, AssistedSession, CloseAssistedSession, Consent, ErrorBody, NewAssistedSession,
    Role, ServedToday, ServiceRequest,
};

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::page::{Page, PageQuery};
use super::{ApiError, blocking};
use crate::acted_for;
use crate::assisted::{self, SessionError};
use crate::assisted_day;
use crate::assisted_report::{self, ReportError};
use crate::state::AppState;

/// Staff identify a resident; a consent code goes to the resident's phone.
#[utoipa::path(
    post,
    path = "/api/v1/assisted-sessions",
    tag = "assisted",
    security(("bearer" = [])),
    request_body = NewAssistedSession,
    responses(
        (status = 201, description = "Waiting for consent (also when the name and ID number match nobody: that is told only at consent)", body = AssistedSession),
        (status = 422, description = "The ID number fails its check digit", body = ErrorBody),
        (status = 429, description = "Too many sessions started lately by this staff member or for this ID number", body = ErrorBody)
    )
)]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<NewAssistedSession>,
) -> Result<(StatusCode, Json<AssistedSession>), ApiError> {
    let staff = caller.require(&[Role::Staff])?.account_id.clone();
    let session =
        blocking(move || assisted::start(&state, &staff, &request.id_number, &request.name))
            .await?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// Records the resident's consent (the SMS code, or an uploaded signature) and opens the session.
#[utoipa::path(
    post,
    path = "/api/v1/assisted-sessions/{session_id}/consent",
    tag = "assisted",
    security(("bearer" = [])),
    params(("session_id" = String, Path, description = "Session id")),
    request_body = Consent,
    responses(
        (status = 200, description = "Open: send its id in the assisted-session header", body = AssistedSession),
        (status = 400, description = "Wrong or expired code", body = ErrorBody),
        (status = 404, description = "No such session of yours, or the name and ID number matched nobody", body = ErrorBody),
        (status = 403, description = "The approval is not a right password of a manager of your centre", body = ErrorBody),
        (status = 409, description = "The session is not waiting for consent", body = ErrorBody),
        (status = 422, description = "The signature is not an image you uploaded in this session", body = ErrorBody),
        (status = 429, description = "Too many wrong passwords of that manager; try again after Retry-After", body = ErrorBody),
        (status = 503, description = "Too many password checks at once; try again after Retry-After", body = ErrorBody)
    )
)]
pub async fn consent(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(session_id): ApiPath<String>,
    ApiJson(consent): ApiJson<Consent>,
) -> Result<Json<AssistedSession>, ApiError> {
    let staff = caller.require(&[Role::Staff])?.account_id.clone();
    blocking(move || assisted::consent(&state, &staff, &session_id, &consent))
        .await
        .map(Json)
}

/// Ends a session: by its clerk, or by a colleague of her centre sending the session's delivery key
/// (the counter's computer sending a close made offline). The body (optional) names what was
/// confirmed for the resident in it and has not arrived yet: those submissions, and no others, are
/// still filed for her in this session.
#[utoipa::path(
    post,
    path = "/api/v1/assisted-sessions/{session_id}/close",
    tag = "assisted",
    security(("bearer" = [])),
    params(
        ("session_id" = String, Path, description = "Session id"),
        ("assisted-delivery" = Option<String>, Header, description = "The session's delivery key: a colleague of the clerk's centre closes it")
    ),
    request_body(content = CloseAssistedSession, description = "Optional: what is still to arrive"),
    responses(
        (status = 200, description = "Closed", body = AssistedSession),
        (status = 404, description = "No such session of yours", body = ErrorBody),
        (status = 409, description = "Closed already", body = ErrorBody),
        (status = 422, description = "More than 100 pending submissions, or a key that is not a UUID", body = ErrorBody)
    )
)]
pub async fn close(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(session_id): ApiPath<String>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<AssistedSession>, ApiError> {
    let staff = caller.require(&[Role::Staff])?.account_id.clone();
    let close: CloseAssistedSession = if body.is_empty() {
        CloseAssistedSession::default()
    } else {
        serde_json::from_slice(&body).map_err(|error| {
            ApiError::invalid_body(&format!(
                "The request body does not match the contract: {error}"
            ))
        })?
    };
    let delivery_key = headers
        .get(ASSISTED_DELIVERY_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    blocking(move || {
        assisted::close(
            &state,
            &staff,
            &session_id,
            &close.pending,
            delivery_key.as_deref(),
        )
    })
    .await
    .map(Json)
}

/// The caller's day at the counter: the sessions she started today (Beijing time), newest first,
/// each resident's name and ID number masked, with what was done for her.
#[utoipa::path(
    get,
    path = "/api/v1/assisted-sessions/today",
    tag = "assisted",
    security(("bearer" = [])),
    responses((status = 200, description = "Today's sessions of the caller, newest first (at most 300)", body = [ServedToday]))
)]
pub async fn served_today(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<ServedToday>>, ApiError> {
    let staff = caller.require(&[Role::Staff])?.account_id.clone();
    blocking(move || assisted_day::served_today(&state, &staff))
        .await
        .map(Json)
}

/// Picks up again a resident served today who consented then: a new session, waiting for her
/// consent again (a new code goes to her phone).
#[utoipa::path(
    post,
    path = "/api/v1/assisted-sessions/{session_id}/again",
    tag = "assisted",
    security(("bearer" = [])),
    params(("session_id" = String, Path, description = "Today's earlier session with her")),
    responses(
        (status = 201, description = "A new session waiting for her consent", body = AssistedSession),
        (status = 404, description = "No such session of yours", body = ErrorBody),
        (status = 409, description = "Not a session of today she consented to, or still open", body = ErrorBody),
        (status = 429, description = "Too many sessions started lately by this staff member or for her", body = ErrorBody)
    )
)]
pub async fn again(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(session_id): ApiPath<String>,
) -> Result<(StatusCode, Json<AssistedSession>), ApiError> {
    let staff = caller.require(&[Role::Staff])?.account_id.clone();
    let session = blocking(move || assisted_day::again(&state, &staff, &session_id)).await?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// Who acted for the caller, when, and what they did.
#[utoipa::path(
    get,
    path = "/api/v1/me/acted-for-me",
    tag = "assisted",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "A page of sessions and their actions, newest session first", body = [ActedForMe], headers(("Link" = String, description = "`<…>; rel=\"next\"`: the next page, while more remain"))))
)]
pub async fn acted_for_me(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> Result<Page<ActedForMe>, ApiError> {
    caller.require(&[Role::Citizen])?;
    let resident = caller.herself()?;
    let (sessions, page) = blocking(move || {
        acted_for::acted_for(&state, &resident, page.after(), page.rows_to_read())
            .map(|sessions| (sessions, page))
    })
    .await?;
    Ok(Page::of(
        sessions,
        &page,
        "/api/v1/me/acted-for-me",
        |acted| acted.session.session_id.clone(),
    ))
}

/// The resident reports a session she does not recognise: a 投诉 is filed for her and sent to the
/// clerk's centre (the same 投诉 if she reports it again).
#[utoipa::path(
    post,
    path = "/api/v1/me/acted-for-me/{session_id}/report",
    tag = "assisted",
    security(("bearer" = [])),
    params(("session_id" = String, Path, description = "A session of hers, from 谁帮我办过")),
    responses(
        (status = 201, description = "The 投诉, sent to the centre", body = ServiceRequest),
        (status = 404, description = "No session in which someone acted for you", body = ErrorBody)
    )
)]
pub async fn report(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(session_id): ApiPath<String>,
) -> Result<(StatusCode, Json<ServiceRequest>), ApiError> {
    caller.require(&[Role::Citizen])?;
    let resident = caller.herself()?;
    let filed = blocking(move || assisted_report::report(&state, &resident, &session_id)).await?;
    Ok((StatusCode::CREATED, Json(filed)))
}

impl From<ReportError> for ApiError {
    fn from(error: ReportError) -> Self {
        match error {
            ReportError::NotFound => SessionError::NotFound.into(),
            ReportError::Session(error) => error.into(),
            ReportError::Request(error) => error.into(),
        }
    }
}

impl From<SessionError> for ApiError {
    fn from(error: SessionError) -> Self {
        use SessionError as E;
        match error {
            E::BadIdNumber => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_id_number",
                "身份证号码不对，请对照身份证再核对一遍。",
                "The ID number fails its check digit.",
            )
            .with_field("id_number"),
            E::ResidentNotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "resident_not_found",
                "没有找到这位居民，请核对姓名和身份证号码。",
                "No resident with this ID number and name.",
            ),
            E::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "session_not_found",
                "没有找到这次代办。",
                "No such assisted session.",
            ),
            E::WrongCode => ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_consent_code",
                "验证码不对，请居民看清短信里的6位数字再说一次。",
                "The consent code is wrong.",
            )
            .with_field("code"),
            E::CodeGone => ApiError::new(
                StatusCode::BAD_REQUEST,
                "consent_code_expired",
                "验证码已经不能用了，请重新开始代办，系统会再发一条短信。",
                "The consent code expired or was tried too often; start again.",
            )
            .with_field("code"),
            E::BadSignature => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_signature",
                "没有收到这次代办里居民的签名，请让居民重新签名后再上传。",
                "The signature must be an image uploaded by you in this session.",
            )
            .with_field("signature_sha256"),
            E::ApprovalRefused => ApiError::new(
                StatusCode::FORBIDDEN,
                "approval_refused",
                "负责人的账号或密码不对，或者不是本中心的负责人。请本中心负责人本人输入。",
                "The approval must be the password of a manager of your own centre.",
            )
            .with_field("approval"),
            E::Approval(error) => ApiError::from(error),
            E::TooManyStarts => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_assisted_sessions",
                "刚才开始的代办太多了，请过一会儿再试。",
                "Too many assisted sessions were started lately; try again later.",
            )
            .with_retry_after(600),
            E::BadPending => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_pending",
                "结束代办时列出的待发送事项不对，请重试。",
                "At most 100 pending submissions, each named by its Idempotency-Key (a UUID).",
            )
            .with_field("pending"),
            E::WrongState => ApiError::new(
                StatusCode::CONFLICT,
                "wrong_status",
                "这次代办现在的状态不能做这件事。",
                "The session is not in a state that allows this.",
            ),
            E::Store(error) => ApiError::from(error),
        }
    }
}
