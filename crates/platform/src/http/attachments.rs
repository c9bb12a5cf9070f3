//! `/api/v1/attachments`: upload a photo or PDF, read back one's own.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use huiban_api::attachments::{CONTENT_SHA256_HEADER, MAX_ATTACHMENT_BYTES, media_type_of};
use huiban_api::{Attachment, ErrorBody};
use sha2::{Digest, Sha256};

use super::caller::Caller;
use super::extract::ApiPath;
use super::file_refusals::too_large;
use super::{ApiError, blocking};
use crate::state::AppState;

/// Uploads a photo or PDF (raw bytes as the body); answers with its SHA-256 name.
#[utoipa::path(
    post,
    path = "/api/v1/attachments",
    tag = "applications",
    security(("bearer" = [])),
    params(("x-content-sha256" = Option<String>, Header, description = "The SHA-256 the client computed; checked when sent")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file, at most 10 MiB"),
    responses(
        (status = 201, description = "Stored", body = Attachment),
        (status = 413, description = "Larger than 10 MiB", body = ErrorBody),
        (status = 415, description = "Not a JPEG, PNG, WebP or PDF", body = ErrorBody),
        (status = 429, description = "The account sent its 24-hour quota of files (`upload_quota`)", body = ErrorBody),
        (status = 422, description = "The bytes do not match x-content-sha256", body = ErrorBody)
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<(StatusCode, Json<Attachment>), ApiError> {
    let owner = caller.subject();
    // Over the route's body limit the extractor fails; answer with the platform's own 413.
    let body = body.map_err(|_| too_large())?;
    if body.len() > MAX_ATTACHMENT_BYTES {
        return Err(too_large());
    }
    let media_type = media_type_of(&body).ok_or_else(unsupported_file)?;
    let sha256 = hex::encode(Sha256::digest(&body));
    if let Some(claimed) = headers
        .get(CONTENT_SHA256_HEADER)
        .and_then(|v| v.to_str().ok())
        && !claimed.trim().eq_ignore_ascii_case(&sha256)
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "content_hash_mismatch",
            "文件在上传时损坏了，请重新上传。",
            "The uploaded bytes do not match x-content-sha256.",
        ));
    }
    let size = u64::try_from(body.len()).unwrap_or(u64::MAX);
    let name = sha256.clone();
    blocking(move || {
        if !crate::uploads::within_quota(&state, &owner, size)? {
            return Err(super::file_refusals::over_quota());
        }
        let now_ms = state.clock.now().timestamp_millis();
        state
            .store
            .put_attachment(&name, media_type, &body, &owner, now_ms)
            .map_err(ApiError::from)
    })
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(Attachment {
            sha256,
            media_type: media_type.to_owned(),
            size,
        }),
    ))
}

/// The platform's 415 for a file that is not a photo or PDF.
pub(super) fn unsupported_file() -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_file",
        "只能上传照片（JPG、PNG、WebP）或PDF文件。",
        "Only JPEG, PNG, WebP images and PDF files are accepted.",
    )
}

/// One of the caller's uploads; anyone else's is 404.
#[utoipa::path(
    get,
    path = "/api/v1/attachments/{sha256}",
    tag = "applications",
    security(("bearer" = [])),
    params(("sha256" = String, Path, description = "SHA-256 of the file")),
    responses(
        (status = 200, description = "The bytes, with their media type"),
        (status = 404, description = "No such upload of the caller", body = ErrorBody)
    )
)]
pub async fn download(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(sha256): ApiPath<String>,
) -> Result<Response, ApiError> {
    let owner = caller.subject();
    let sha256 = sha256.to_ascii_lowercase();
    let name = sha256.clone();
    let found = blocking(move || state.store.attachment_for(&sha256, &owner)).await?;
    let (media_type, body) = found.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "attachment_not_found",
            "没有找到这个文件。",
            "No such attachment.",
        )
    })?;
    // Never shown inline as something else: saved as the file it is, under its hash.
    let extension = match media_type.as_str() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/webp" => "webp",
        "application/pdf" => "pdf",
        _ => "bin",
    };
    let disposition = format!("attachment; filename=\"{name}.{extension}\"");
    Ok((
        [
            (header::CONTENT_TYPE, media_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
