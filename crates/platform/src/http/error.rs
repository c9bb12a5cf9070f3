//! The platform's error answer: a status and a JSON [`ErrorBody`] in plain Chinese and English.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use huiban_api::ErrorBody;

use crate::store::StoreError;

/// An error answer; internal causes are logged, never sent.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
    retry_after: Option<u64>,
}

impl ApiError {
    /// What went wrong, in plain Chinese.
    pub fn message(&self) -> &str {
        &self.body.message
    }

    /// An error with the given status, code and messages.
    pub fn new(status: StatusCode, code: &str, message: &str, message_en: &str) -> Self {
        Self {
            status,
            body: ErrorBody {
                code: code.to_owned(),
                message: message.to_owned(),
                message_en: message_en.to_owned(),
                field: None,
            },
            retry_after: None,
        }
    }

    /// The same error, telling the client how many seconds to wait (`Retry-After`).
    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The same error, about one request field.
    pub fn with_field(mut self, field: &str) -> Self {
        self.body.field = Some(field.to_owned());
        self
    }

    /// 422 `invalid_body`: the body does not match the contract; `detail` says how, in English.
    pub fn invalid_body(detail: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_body",
            "提交的内容缺少必要的项目，或者某一项的格式不对。",
            detail,
        )
    }

    /// A failure inside the platform; the cause goes to the log only.
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "平台内部出错了，请稍后再试。",
            "The platform had an internal error. Please try again later.",
        )
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        Self::internal(&error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// Answers a known path called with a method it does not take.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "这个地址不支持这种请求方式。",
        "This address does not accept this method.",
    )
}

/// Turns a panic in a handler into the generic 500, logging the cause only.
pub fn panicked(cause: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let text = cause
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| cause.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    ApiError::internal(&text).into_response()
}

/// Answers any path the platform does not serve.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "没有找到这个地址。",
        "There is nothing at this address.",
    )
}
