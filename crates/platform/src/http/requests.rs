//! `/api/v1/requests`: the caller's requests (诉求) and their closed loop.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{ErrorBody, EvaluationRequest, FollowUp, NewRequest, ServiceRequest};

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::page::{Page, PageQuery};
use super::{ApiError, blocking, idempotent};
use crate::requests::{self, RequestError};
use crate::state::AppState;

/// Files a request; it is 受理 at once and the author is told its number. Filed again with the same
/// `Idempotency-Key`, it answers with the same request.
#[utoipa::path(
    post,
    path = "/api/v1/requests",
    tag = "requests",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Option<String>, Header, description = "A UUID the client chose when the request was made")),
    request_body = NewRequest,
    responses(
        (status = 201, description = "Accepted", body = ServiceRequest),
        (status = 422, description = "Empty or too long, or bad photos", body = ErrorBody),
        (status = 403, description = "Staff acting for the resident may not do this: only she may", body = ErrorBody)
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    ApiJson(request): ApiJson<NewRequest>,
) -> Result<(StatusCode, Json<ServiceRequest>), ApiError> {
    let (account_id, filed_by) = caller.applicant()?;
    if caller.is_acting() && !assisted_may_see(request.kind) {
        return Err(super::caller::only_the_resident());
    }
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let created = blocking(move || {
        requests::submit(&state, (&account_id, filed_by), key.as_deref(), &request)
    })
    .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The caller's requests, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/requests",
    tag = "requests",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "A page of the caller's requests, newest first (staff acting for her see no 投诉/举报)", body = [ServiceRequest], headers(("Link" = String, description = "`<…>; rel=\"next\"`: the next page, while more remain"))))
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> Result<Page<ServiceRequest>, ApiError> {
    let account_id = caller.subject();
    let acting = caller.is_acting();
    let (mine, page) = blocking(move || {
        requests::list(&state, &account_id, page.after(), page.rows_to_read())
            .map(|mine| (mine, page))
    })
    .await?;
    Ok(Page::of(mine, &page, "/api/v1/requests", |request| {
        request.request_no.clone()
    })
    .filter(|request| !acting || assisted_may_see(request.kind)))
}

/// One of the caller's requests with its whole loop; another person's is 404.
#[utoipa::path(
    get,
    path = "/api/v1/requests/{request_no}",
    tag = "requests",
    security(("bearer" = [])),
    params(("request_no" = String, Path, description = "诉求编号")),
    responses(
        (status = 200, description = "The request", body = ServiceRequest),
        (status = 404, description = "No such request of the caller", body = ErrorBody)
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(request_no): ApiPath<String>,
) -> Result<Json<ServiceRequest>, ApiError> {
    let account_id = caller.subject();
    let acting = caller.is_acting();
    let request = blocking(move || requests::view(&state, &account_id, &request_no)).await?;
    if acting && !assisted_may_see(request.kind) {
        return Err(RequestError::NotFound.into());
    }
    Ok(Json(request))
}

/// Answers the 回访 questions.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{request_no}/follow-up",
    tag = "requests",
    security(("bearer" = [])),
    params(("request_no" = String, Path, description = "诉求编号"), ("Idempotency-Key" = Option<String>, Header, description = "A UUID the client chose when the person gave it; a retry with it gets the first answer")),
    request_body = FollowUp,
    responses(
        (status = 200, description = "Recorded", body = ServiceRequest),
        (status = 404, description = "No such request of the caller", body = ErrorBody),
        (status = 409, description = "No 回访 is waiting", body = ErrorBody),
        (status = 403, description = "Staff acting for the resident may not do this: only she may", body = ErrorBody)
    )
)]
pub async fn follow_up(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    ApiPath(request_no): ApiPath<String>,
    ApiJson(answers): ApiJson<FollowUp>,
) -> Result<Json<ServiceRequest>, ApiError> {
    let account_id = caller.herself()?;
    let key = idempotent::key_of(&headers)?;
    blocking(move || {
        let action = format!("follow-up {request_no}");
        idempotent::once(
            &state,
            &account_id,
            key.as_deref(),
            (&action, &answers),
            || {
                requests::follow_up(&state, &account_id, &request_no, &answers)
                    .map_err(ApiError::from)
            },
        )
    })
    .await
    .map(Json)
}

/// 评价, once, after 办结.
#[utoipa::path(
    post,
    path = "/api/v1/requests/{request_no}/evaluation",
    tag = "requests",
    security(("bearer" = [])),
    params(("request_no" = String, Path, description = "诉求编号"), ("Idempotency-Key" = Option<String>, Header, description = "A UUID the client chose when the person gave it; a retry with it gets the first answer")),
    request_body = EvaluationRequest,
    responses(
        (status = 200, description = "Recorded", body = ServiceRequest),
        (status = 404, description = "No such request of the caller", body = ErrorBody),
        (status = 409, description = "Not closed yet, or already evaluated", body = ErrorBody),
        (status = 422, description = "Bad level, or a reason is missing", body = ErrorBody),
        (status = 403, description = "Staff acting for the resident may not do this: only she may", body = ErrorBody)
    )
)]
pub async fn evaluation(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    ApiPath(request_no): ApiPath<String>,
    ApiJson(evaluation): ApiJson<EvaluationRequest>,
) -> Result<Json<ServiceRequest>, ApiError> {
    let account_id = caller.herself()?;
    let key = idempotent::key_of(&headers)?;
    blocking(move || {
        let action = format!("evaluate {request_no}");
        idempotent::once(
            &state,
            &account_id,
            key.as_deref(),
            (&action, &evaluation),
            || {
                requests::evaluate(&state, &account_id, &request_no, &evaluation)
                    .map_err(ApiError::from)
            },
        )
    })
    .await
    .map(Json)
}

/// Whether staff acting for a resident may see or file a request of `kind`: never her 投诉 or 举报,
/// which may be about the very office serving her.
fn assisted_may_see(kind: huiban_api::RequestKind) -> bool {
    !matches!(
        kind,
        huiban_api::RequestKind::Complaint | huiban_api::RequestKind::Report
    )
}

impl From<RequestError> for ApiError {
    fn from(error: RequestError) -> Self {
        use RequestError as E;
        let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
        match error {
            E::EmptyDescription => ApiError::new(
                unprocessable,
                "description_required",
                "请说一说遇到了什么问题，或者想咨询什么。",
                "Describe the problem or question.",
            )
            .with_field("description"),
            E::TooLong => ApiError::new(
                unprocessable,
                "description_too_long",
                "写得太长了，请少于2000个字。",
                "The description is too long; use fewer than 2000 characters.",
            )
            .with_field("description"),
            E::BadPhotos => ApiError::new(
                unprocessable,
                "invalid_photos",
                "照片有问题：最多9张，请重新添加。",
                "At most 9 photos, each named by its SHA-256.",
            )
            .with_field("photos"),
            E::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "request_not_found",
                "没有找到这个诉求。",
                "No such request.",
            ),
            E::WrongStatus(status) => ApiError::new(
                StatusCode::CONFLICT,
                "wrong_status",
                "这个诉求现在的状态不能做这件事。",
                &format!("The request is {status:?}; this is not possible now."),
            ),
            E::BadLevel => ApiError::new(
                unprocessable,
                "invalid_level",
                "请从“非常满意”到“非常不满意”五项里选一项。",
                "The level must be 1 to 5.",
            )
            .with_field("level"),
            E::ReasonRequired => ApiError::new(
                unprocessable,
                "reason_required",
                "选择“不满意”或“非常不满意”时，请说一说原因。",
                "Levels 4 and 5 need a reason.",
            )
            .with_field("reason"),
            E::OtherDepartment => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "这个诉求不归您的部门办理。",
                "This request belongs to another department.",
            ),
            E::Store(error) => ApiError::from(error),
        }
    }
}
