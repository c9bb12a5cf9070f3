//! `/api/v1/uploads`: a photo or PDF sent in chunks of at most 1 MiB that resume after a broken line.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use huiban_api::attachments::UPLOAD_OFFSET_HEADER;
use huiban_api::kiosk::KIOSK_GRANT_FILE_HEADER;
use huiban_api::{ErrorBody, NewUpload, UploadStatus};

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath};
use super::file_refusals::{over_quota, too_large};
use super::{ApiError, blocking};
use crate::state::AppState;
use crate::uploads::{self, UploadError};

/// Announces a file by its SHA-256 and size; the same file announced again finds the same upload.
#[utoipa::path(
    post,
    path = "/api/v1/uploads",
    tag = "applications",
    security(("bearer" = [])),
    request_body = NewUpload,
    responses(
        (status = 201, description = "Where the upload stands; `attachment` is set when the caller already has the file", body = UploadStatus),
        (status = 400, description = "sha256 is not 64 hex digits", body = ErrorBody),
        (status = 413, description = "Empty or larger than 10 MiB", body = ErrorBody),
        (status = 429, description = "The account sent its 24-hour quota of files (`upload_quota`)", body = ErrorBody)
    )
)]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(file): ApiJson<NewUpload>,
) -> Result<(StatusCode, Json<UploadStatus>), ApiError> {
    of_granted_file(&headers, &file.sha256)?;
    let account_id = caller.subject();
    let status = blocking(move || uploads::start(&state, &account_id, &file)).await?;
    Ok((StatusCode::CREATED, Json(status)))
}

/// Where an upload stands: how many bytes the platform holds, so the next chunk starts there.
#[utoipa::path(
    get,
    path = "/api/v1/uploads/{upload_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(("upload_id" = String, Path, description = "The upload")),
    responses(
        (status = 200, description = "Where it stands", body = UploadStatus),
        (status = 404, description = "No such upload of the caller", body = ErrorBody)
    )
)]
pub async fn status(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiPath(upload_id): ApiPath<String>,
) -> Result<Json<UploadStatus>, ApiError> {
    let account_id = caller.subject();
    let status = blocking(move || uploads::status(&state, &account_id, &upload_id)).await?;
    of_granted_file(&headers, &status.sha256)?;
    Ok(Json(status))
}

/// Adds the chunk that starts at `upload-offset`; after the last one the file is checked and stored.
#[utoipa::path(
    patch,
    path = "/api/v1/uploads/{upload_id}",
    tag = "applications",
    security(("bearer" = [])),
    params(
        ("upload_id" = String, Path, description = "The upload"),
        ("upload-offset" = u64, Header, description = "Where in the file this chunk starts")
    ),
    request_body(content = Vec<u8>, content_type = "application/offset+octet-stream", description = "At most 1 MiB"),
    responses(
        (status = 200, description = "Where it stands; `attachment` is set after the last chunk", body = UploadStatus),
        (status = 400, description = "No upload-offset header", body = ErrorBody),
        (status = 404, description = "No such upload of the caller", body = ErrorBody),
        (status = 409, description = "The chunk does not start where the platform's copy ends; ask where it stands", body = ErrorBody),
        (status = 413, description = "A chunk larger than 1 MiB", body = ErrorBody),
        (status = 415, description = "The whole file is not a JPEG, PNG, WebP or PDF; the upload starts over", body = ErrorBody),
        (status = 422, description = "The whole file does not have the announced sha256; the upload starts over", body = ErrorBody)
    )
)]
pub async fn append(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(upload_id): ApiPath<String>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Json<UploadStatus>, ApiError> {
    let account_id = caller.subject();
    let chunk = body.map_err(|_| UploadError::ChunkTooLarge)?;
    let offset = headers
        .get(UPLOAD_OFFSET_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "upload_offset_required",
                "上传出了问题，请更新惠办后再试。",
                "An upload-offset header holding a byte count is required.",
            )
        })?;
    let granted_file = headers.contains_key(KIOSK_GRANT_FILE_HEADER);
    blocking(move || {
        if granted_file {
            let upload = uploads::status(&state, &account_id, &upload_id)?;
            of_granted_file(&headers, &upload.sha256)?;
        }
        uploads::append(&state, &account_id, &upload_id, offset, &chunk).map_err(ApiError::from)
    })
    .await
    .map(Json)
}

/// A kiosk uploading a person's file under that file's grant uploads that file only.
fn of_granted_file(headers: &HeaderMap, sha256: &str) -> Result<(), ApiError> {
    match headers
        .get(KIOSK_GRANT_FILE_HEADER)
        .and_then(|value| value.to_str().ok())
    {
        Some(granted) if !granted.trim().eq_ignore_ascii_case(sha256.trim()) => Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "您的账号不能做这件事。",
            "The grant is of another file.",
        )),
        _ => Ok(()),
    }
}

impl From<UploadError> for ApiError {
    fn from(error: UploadError) -> Self {
        use UploadError as E;
        match error {
            E::TooLarge => too_large(),
            E::OverQuota => over_quota(),
            E::BadHash => ApiError::new(
                StatusCode::BAD_REQUEST,
                "bad_sha256",
                "上传出了问题，请更新惠办后再试。",
                "sha256 must be 64 hex digits.",
            )
            .with_field("sha256"),
            E::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "upload_not_found",
                "没有找到这次上传，请重新上传这个文件。",
                "No such upload.",
            ),
            E::ChunkTooLarge => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "chunk_too_large",
                "上传出了问题，请更新惠办后再试。",
                "A chunk may be at most 1 MiB.",
            ),
            E::OffsetMismatch { received } => ApiError::new(
                StatusCode::CONFLICT,
                "upload_offset_mismatch",
                "上传中断过，会从断开的地方接着传。",
                &format!("upload-offset does not match; the platform holds {received} bytes."),
            ),
            E::HashMismatch => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "content_hash_mismatch",
                "文件在上传时损坏了，请重新上传。",
                "The uploaded bytes do not match the announced sha256.",
            ),
            E::Unsupported => super::attachments::unsupported_file(),
            E::Store(error) => error.into(),
        }
    }
}
