//! `/api/v1/licences`: the caller's electronic licences, the departments' keys, and verification.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{DepartmentKey, ErrorBody, Licence, Verification};

use super::caller::Caller;
use super::extract::{ApiJson, ApiPath, ApiQuery};
use super::page::{Page, PageQuery};
use super::{ApiError, blocking};
use crate::licences;
use crate::state::AppState;

/// The caller's licences, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/licences",
    tag = "licences",
    security(("bearer" = [])),
    params(PageQuery),
    responses((status = 200, description = "A page of the caller's licences, newest first", body = [Licence], headers(("Link" = String, description = "`<…>; rel=\"next\"`: the next page, while more remain"))))
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> Result<Page<Licence>, ApiError> {
    let account_id = caller.subject();
    let (held, page) = blocking(move || {
        state
            .store
            .licences_of(&account_id, page.after(), page.rows_to_read())
            .map(|held| (held, page))
    })
    .await?;
    Ok(Page::of(held, &page, "/api/v1/licences", |licence| {
        licence.licence_no.clone()
    }))
}

/// One of the caller's licences; another person's licence is 404.
#[utoipa::path(
    get,
    path = "/api/v1/licences/{licence_no}",
    tag = "licences",
    security(("bearer" = [])),
    params(("licence_no" = String, Path, description = "证照编号")),
    responses(
        (status = 200, description = "The licence", body = Licence),
        (status = 404, description = "No such licence of the caller", body = ErrorBody)
    )
)]
pub async fn detail(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(licence_no): ApiPath<String>,
) -> Result<Json<Licence>, ApiError> {
    let account_id = caller.subject();
    let found = blocking(move || state.store.licence(&licence_no)).await?;
    match found {
        Some((holder, licence)) if holder == account_id => Ok(Json(licence)),
        _ => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "licence_not_found",
            "没有找到这个证照。",
            "No such licence.",
        )),
    }
}

/// Every issuing department's public keys (SM2, and Ed25519 for seals made before), for checking seals offline.
#[utoipa::path(
    get,
    path = "/api/v1/licences/keys",
    tag = "licences",
    responses((status = 200, description = "Public keys", body = [DepartmentKey]))
)]
pub async fn keys(State(state): State<AppState>) -> Json<Vec<DepartmentKey>> {
    Json(state.keys.public_keys())
}

/// Checks a licence's seal and validity dates.
#[utoipa::path(
    post,
    path = "/api/v1/licences/verify",
    tag = "licences",
    request_body = Licence,
    responses((status = 200, description = "The verdict", body = Verification))
)]
pub async fn verify(
    State(state): State<AppState>,
    ApiJson(licence): ApiJson<Licence>,
) -> Json<Verification> {
    Json(licences::verify(&state, &licence))
}
