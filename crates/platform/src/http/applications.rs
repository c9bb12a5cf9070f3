//! `/api/v1/applications`: a citizen's cases (办件).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use huiban_api::{
    Application, ErrorBody, EvaluationRequest, NewApplication, SupplementRequest, WithdrawRequest,
};

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::page::{Page, PageQuery};
use super::{ApiError, blocking, idempotent};
use crate::cases::{self, CaseError};
use crate::state::AppState;

/// Submits an application. The same `Idempotency-Key` with the same body always answers with the
/// same case; with another body, 422.
#[utoipa::path(
    post,
    path = "/api/v1/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(("Idempotency-Key" = String, Header, description = "A UUID the client chose when the application was made")),
    request_body = NewApplication,
    responses(
        (status = 201, description = "The case (also when the request is a replay; then the header Idempotent-Replayed is true)", body = Application),
        (status = 400, description = "No Idempotency-Key", body = ErrorBody),
        (status = 409, description = "The form has a newer version", body = ErrorBody),
        (status = 422, description = "A missing or wrong answer (`answer_required`, `invalid_answer`, `invalid_id_number`), a file or licence not the applicant's (`not_held`), or a reused Idempotency-Key", body = ErrorBody)
    )
)]
pub async fn submit(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewApplication>,
) -> Result<Response, ApiError> {
    let (account_id, filed_by) = caller.applicant()?;
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (application, replayed) =
        blocking(move || cases::submit(&state, (&account_id, filed_by), key.as_deref(), &request))
            .await?;
    let mut response = (StatusCode::CREATED, Json(application)).into_response();
    if replayed {
        response.headers_mut().insert(
            "idempotent-replayed",
            axum::http::HeaderValue::from_static("true"),
        );
    }
    Ok(response)
}

/// The caller's own cases, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/applications",
    tag = "applications",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "A page of the caller's cases, newest first", body = [Application], headers(("Link" = String, description = "`<…>; rel=\"next\"`: the next page, while more remain"))))
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> Result<Page<Application>, ApiError> {
    let account_id = caller.subject();
    let (rows, page) = blocking(move || {
        cases::list(&state, &account_id, page.after(), page.rows_to_read()).map(|rows| (rows, page))
    })
    .await?;
    Ok(Page::of(rows, &page, "/api/v1/applications", |case| {
        case.application_no.clone()
    }))
}

/// One of the caller's cases with its whole timeline; another person's case is 404.
#[utoipa::path(
    get,
    path = "/api/v1/applications/{application_no}",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_no" = String, Path, description = "办件编号")),
    responses(
        (status = 200, description = "The case", body = Application),
        (status = 404, description = "No such case of the caller", body = ErrorBody)
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(application_no): ApiPath<String>,
) -> Result<Json<Application>, ApiError> {
    let account_id = caller.subject();
    blocking(move || cases::view(&state, &account_id, &application_no))
        .await
        .map(Json)
}

/// Withdraws a case, allowed within 10 minutes of submission.
#[utoipa::path(
    post,
    path = "/api/v1/applications/{application_no}/withdraw",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_no" = String, Path, description = "办件编号")),
    request_body = WithdrawRequest,
    responses(
        (status = 200, description = "Withdrawn", body = Application),
        (status = 404, description = "No such case of the caller", body = ErrorBody),
        (status = 409, description = "More than 10 minutes after submission, or already finished", body = ErrorBody)
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(application_no): ApiPath<String>,
    ApiJson(request): ApiJson<WithdrawRequest>,
) -> Result<Json<Application>, ApiError> {
    let account_id = caller.subject();
    blocking(move || {
        cases::withdraw(
            &state,
            &account_id,
            &application_no,
            request.reason.as_deref(),
        )
    })
    .await
    .map(Json)
}

/// Answers a 补正 request.
#[utoipa::path(
    post,
    path = "/api/v1/applications/{application_no}/supplements",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_no" = String, Path, description = "办件编号"), ("Idempotency-Key" = Option<String>, Header, description = "A UUID the client chose when the person gave it; a retry with it gets the first answer")),
    request_body = SupplementRequest,
    responses(
        (status = 200, description = "Supplement received; back to 审查", body = Application),
        (status = 404, description = "No such case of the caller", body = ErrorBody),
        (status = 409, description = "No supplement was requested", body = ErrorBody),
        (status = 422, description = "An answer the 补正 did not ask for (`not_asked`), one that breaks its rules (`invalid_answer`), or a file not the applicant's (`not_held`)", body = ErrorBody)
    )
)]
pub async fn supplements(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiPath(application_no): ApiPath<String>,
    ApiJson(request): ApiJson<SupplementRequest>,
) -> Result<Json<Application>, ApiError> {
    let account_id = caller.subject();
    let key = idempotent::key_of(&headers)?;
    blocking(move || {
        let action = format!("supplement {application_no}");
        idempotent::once(
            &state,
            &account_id,
            key.as_deref(),
            (&action, &request),
            || {
                cases::supplement(
                    &state,
                    &account_id,
                    &application_no,
                    &request.answers,
                    request.note.as_deref(),
                )
                .map_err(ApiError::from)
            },
        )
    })
    .await
    .map(Json)
}

/// 好差评: once per case, after 办结; levels 4 and 5 need a reason and open a rectification order.
#[utoipa::path(
    post,
    path = "/api/v1/applications/{application_no}/evaluation",
    tag = "applications",
    security(("bearer" = [])),
    params(("application_no" = String, Path, description = "办件编号"), ("Idempotency-Key" = Option<String>, Header, description = "A UUID the client chose when the person gave it; a retry with it gets the first answer")),
    request_body = EvaluationRequest,
    responses(
        (status = 200, description = "Evaluation recorded", body = Application),
        (status = 404, description = "No such case of the caller", body = ErrorBody),
        (status = 409, description = "Not finished yet, or already evaluated", body = ErrorBody),
        (status = 422, description = "Bad level, or a reason is missing", body = ErrorBody),
        (status = 403, description = "Staff acting for the resident may not do this: only she may", body = ErrorBody)
    )
)]
pub async fn evaluation(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiPath(application_no): ApiPath<String>,
    ApiJson(request): ApiJson<EvaluationRequest>,
) -> Result<Json<Application>, ApiError> {
    let account_id = caller.herself()?;
    let key = idempotent::key_of(&headers)?;
    blocking(move || {
        let action = format!("evaluate {application_no}");
        idempotent::once(
            &state,
            &account_id,
            key.as_deref(),
            (&action, &request),
            || {
                cases::evaluate(
                    &state,
                    &account_id,
                    &application_no,
                    request.level,
                    request.reason.as_deref(),
                )
                .map_err(ApiError::from)
            },
        )
    })
    .await
    .map(Json)
}

impl From<CaseError> for ApiError {
    fn from(error: CaseError) -> Self {
        refused_submission(error).unwrap_or_else(refused_step)
    }
}

/// The answer to an application refused as it arrives (its key, its item, its form, its answers);
/// any other error comes back for [`refused_step`].
fn refused_submission(error: CaseError) -> Result<ApiError, CaseError> {
    use CaseError as E;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(match error {
        E::BadIdempotencyKey => ApiError::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_required",
            "提交时缺少唯一编号（Idempotency-Key），请更新惠办后再试。",
            "An Idempotency-Key header holding a UUID is required.",
        ),
        E::KeyReused => ApiError::new(
            unprocessable,
            "idempotency_key_reused",
            "这个提交编号已经用过，但内容不一样。请重新提交一次。",
            "This Idempotency-Key was used with a different body.",
        ),
        E::UnknownItem => ApiError::new(
            unprocessable,
            "unknown_item",
            "没有找到要办理的事项，它可能已经停止办理。",
            "No such service item.",
        )
        .with_field("impl_code"),
        E::NoOnlineForm => ApiError::new(
            unprocessable,
            "not_online",
            "这个事项不能在网上办理，请到窗口办理。",
            "This item cannot be applied for online.",
        )
        .with_field("impl_code"),
        E::FormOutdated { current } => ApiError::new(
            StatusCode::CONFLICT,
            "form_outdated",
            "这份表格已经更新了，请按新表格再确认一遍，已经填好的内容会保留。",
            &format!("The form has changed; the current version is {current}."),
        )
        .with_field("form_version"),
        E::AnswerRequired { id, label } => ApiError::new(
            unprocessable,
            "answer_required",
            &format!("还没有回答：{label}"),
            &format!("Question {id} needs an answer."),
        )
        .with_field(&id),
        E::UnknownQuestion(id) => ApiError::new(
            unprocessable,
            "unknown_question",
            "提交的内容里有表格中没有的问题，请更新惠办后再试。",
            &format!("The form has no question {id}."),
        )
        .with_field(&id),
        E::BadAnswer { id, label, rule } => ApiError::new(
            unprocessable,
            "invalid_answer",
            &format!("“{label}”{}", plain_rule(&rule)),
            &format!("Question {id} breaks the rule {}.", rule.message_id()),
        )
        .with_field(&id),
        E::BadIdNumber(id) => ApiError::new(
            unprocessable,
            "invalid_id_number",
            "身份证号码不对，请对照身份证再核对一遍。",
            "The ID number fails its check digit.",
        )
        .with_field(&id),
        E::NotHeld(id) => ApiError::new(
            unprocessable,
            "not_held",
            "材料或证照不是您本人的，请用您自己上传的材料或您自己的证照。",
            &format!("Answer {id} names a file or licence the applicant does not hold."),
        )
        .with_field(&id),
        other => return Err(other),
    })
}

/// The answer to a refused step on an existing case (withdraw, 补正, 评价, an officer's move).
fn refused_step(error: CaseError) -> ApiError {
    use CaseError as E;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    match error {
        E::NotFound => ApiError::new(
            StatusCode::NOT_FOUND,
            "application_not_found",
            "没有找到这个办件。",
            "No such application.",
        ),
        E::WithdrawClosed { department } => ApiError::new(
            StatusCode::CONFLICT,
            "withdraw_window_closed",
            &format!("提交已经超过10分钟，不能在网上撤回了。如需撤回，请联系{department}。"),
            "More than 10 minutes have passed since submission; contact the department to withdraw.",
        ),
        E::WrongStatus(status) => ApiError::new(
            StatusCode::CONFLICT,
            "wrong_status",
            "这个办件现在的状态不能做这件事。",
            &format!("The application is {status:?}; this is not possible now."),
        ),
        E::NotFinished => ApiError::new(
            StatusCode::CONFLICT,
            "not_finished",
            "办件办结以后才能评价。",
            "An application can be evaluated once it is finished.",
        ),
        E::AlreadyEvaluated => ApiError::new(
            StatusCode::CONFLICT,
            "already_evaluated",
            "这个办件已经评价过了，每个办件只能评价一次。",
            "This application has already been evaluated.",
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
            "选择“不满意”或“非常不满意”时，请说一说原因，我们会督促改进。",
            "Levels 4 and 5 need a reason.",
        )
        .with_field("reason"),
        E::OtherDepartment => ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "这个办件不归您的部门办理。",
            "This application belongs to another department.",
        ),
        E::NotAsked(id) => ApiError::new(
            unprocessable,
            "not_asked",
            "补正只能补充部门这次要求的内容，其他内容不能改。",
            &format!("The supplement request did not ask for {id}."),
        )
        .with_field(&id),
        E::IdentityFrozen(id) => ApiError::new(
            unprocessable,
            "identity_frozen",
            "姓名和身份证号码提交后不能再改。",
            &format!("Identity question {id} is frozen once submitted."),
        )
        .with_field(&id),
        E::Store(error) => ApiError::from(error),
        // Answered by `refused_submission` before this is asked.
        submission => ApiError::internal(&submission),
    }
}

/// What is wrong with an answer, in plain words, after the question's label.
fn plain_rule(rule: &huiban_rules::Rule) -> String {
    use huiban_rules::Rule as R;
    match rule {
        R::TooLong { max } => format!("最多写{max}个字，请删掉一些。"),
        R::NotNumber => "要填一个数。".to_owned(),
        R::BadMoney => "要填一个金额，最多两位小数。".to_owned(),
        R::BadDate => "不是一个真实的日期。".to_owned(),
        R::NotAnOption => "要从给出的选项里选。".to_owned(),
        R::BadPhone => "要填11位手机号码。".to_owned(),
        R::BankCardShape | R::BankCardCheck => "银行卡号不对，请对照银行卡再核对一遍。".to_owned(),
        R::AddressRegion => "要从列表里选出所在的区县。".to_owned(),
        R::AddressTooShort => "要写上街道、楼号和门牌号。".to_owned(),
        R::BadAttachment => "要上传照片或PDF文件。".to_owned(),
        R::BadSignature => "还没有签名。".to_owned(),
        R::TooManyItems { max } => format!("最多填{max}项。"),
        R::ItemUnfinished { item } => format!("的第{item}项还没填好。"),
        R::Required => "还没有回答。".to_owned(),
        R::IdNumberShape | R::IdNumberRegion | R::IdNumberBirthDate | R::IdNumberCheck => {
            "身份证号码不对，请对照身份证再核对一遍。".to_owned()
        }
        R::WrongType => "的回答格式不对，请更新惠办后再试。".to_owned(),
    }
}
