//! The answers that refuse a file: too large, or over the account's day of uploads.

use axum::http::StatusCode;

use super::ApiError;

/// The platform's 413 for a file over 10 MiB.
pub(super) fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "file_too_large",
        "文件太大了，请上传小于10MB的文件；照片可以拍得小一些。",
        "The file is larger than 10 MiB.",
    )
}

/// The answer when an account has sent its day's worth of files.
pub(super) fn over_quota() -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "upload_quota",
        "今天上传的材料已经太多了，请明天再上传，或者到窗口办理。",
        "This account has sent its 24-hour quota of files; try again later.",
    )
}
