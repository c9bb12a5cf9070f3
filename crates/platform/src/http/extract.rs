//! Extractors whose rejections are the platform's JSON errors instead of axum's plain text.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::StatusCode;

use super::ApiError;

/// `axum::Json` with JSON errors: 400 for malformed JSON, 422 for the wrong shape, 413, 415.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// `axum::extract::Path` with a JSON 400 error.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct ApiPath<T>(pub T);

/// `axum::extract::Query` with a JSON 400 error.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct ApiQuery<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonSyntaxError(_) => ApiError::new(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "提交的内容不是正确的JSON格式。",
                "The request body is not valid JSON.",
            ),
            JsonRejection::JsonDataError(error) => ApiError::invalid_body(&format!(
                "The request body does not match the contract: {}",
                error.body_text()
            )),
            JsonRejection::MissingJsonContentType(_) => ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "json_required",
                "请用JSON格式提交（Content-Type: application/json）。",
                "Send the body as JSON (Content-Type: application/json).",
            ),
            JsonRejection::BytesRejection(_) => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                "提交的内容太大了。",
                "The request body is too large.",
            ),
            _ => ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_body",
                "提交的内容无法读取。",
                "The request body cannot be read.",
            ),
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_path",
            "地址里的参数格式不对。",
            "A parameter in the path is malformed.",
        )
    }
}

impl From<QueryRejection> for ApiError {
    fn from(_: QueryRejection) -> Self {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_query",
            "查询条件的格式不对。",
            "The query string is malformed.",
        )
    }
}
