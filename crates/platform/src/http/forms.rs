//! `GET /api/v1/forms/{form_id}/versions/{version}`: one published version of a form.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{ErrorBody, FormDefinition};

use super::extract::ApiPath;
use super::{ApiError, blocking};
use crate::store::Store;

/// A published form version; versions never change once published.
#[utoipa::path(
    get,
    path = "/api/v1/forms/{form_id}/versions/{version}",
    tag = "catalog",
    params(
        ("form_id" = String, Path, description = "Stable id of the form"),
        ("version" = u32, Path, description = "Version number")
    ),
    responses(
        (status = 200, description = "The form definition", body = FormDefinition),
        (status = 400, description = "Version is not a number", body = ErrorBody),
        (status = 404, description = "No such form version", body = ErrorBody)
    )
)]
pub async fn form_version(
    State(store): State<Store>,
    ApiPath((form_id, version)): ApiPath<(String, u32)>,
) -> Result<
    (
        [(axum::http::HeaderName, &'static str); 1],
        Json<FormDefinition>,
    ),
    ApiError,
> {
    let form = blocking(move || store.form(&form_id, version)).await?;
    let form = form.ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "form_not_found",
            "没有找到这份表格。",
            "No such form version.",
        )
    })?;
    // A published version never changes, so clients may cache it for good.
    Ok((
        [(
            axum::http::header::CACHE_CONTROL,
            "public, max-age=31536000, immutable",
        )],
        Json(form),
    ))
}
