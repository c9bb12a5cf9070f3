//! `GET /api/v1/catalog/items` and `GET /api/v1/catalog/items/{impl_code}`: the public catalog.

use axum::Json;
use axum::extract::State;
use axum::http::header::{ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use huiban_api::{CatalogItem, CatalogPage, ErrorBody};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;

use super::extract::{ApiPath, ApiQuery};
use super::{ApiError, blocking};
use crate::store::Store;

/// Longest search text accepted, in characters.
const MAX_QUERY_CHARS: usize = 100;

/// Query string of the catalog listing.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogQuery {
    /// Text the item name must contain.
    q: Option<String>,
    /// Only items changed after this catalog revision.
    since: Option<u64>,
}

/// Lists the catalog; answers 304 when `If-None-Match` holds the current strong ETag.
#[utoipa::path(
    get,
    path = "/api/v1/catalog/items",
    tag = "catalog",
    params(CatalogQuery),
    responses(
        (status = 200, description = "The catalog, or the changes since a revision", body = CatalogPage,
         headers(("ETag" = String, description = "Strong validator of this answer"))),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match"),
        (status = 400, description = "Malformed query", body = ErrorBody)
    )
)]
pub async fn list_items(
    State(store): State<Store>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<CatalogQuery>,
) -> Result<Response, ApiError> {
    let text = query
        .q
        .map(|q| q.trim().to_owned())
        .filter(|q| !q.is_empty());
    if text
        .as_ref()
        .is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS)
    {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "query_too_long",
            "搜索的字太多了，请少于100个字。",
            "The search text is too long; use fewer than 100 characters.",
        )
        .with_field("q"));
    }
    let since = query.since;
    let page = blocking(move || store.catalog_page(text.as_deref(), since)).await?;
    let body = serde_json::to_vec(&page).map_err(|error| ApiError::internal(&error))?;
    let etag = format!("\"{}\"", hex::encode(&Sha256::digest(&body)[..16]));
    let etag_value = HeaderValue::from_str(&etag).map_err(|error| ApiError::internal(&error))?;
    if if_none_match_hits(&headers, &etag) {
        return Ok((StatusCode::NOT_MODIFIED, [(ETAG, etag_value)]).into_response());
    }
    Ok((
        [
            (ETAG, etag_value),
            (
                axum::http::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
        ],
        body,
    )
        .into_response())
}

/// Whether `If-None-Match` names `etag` (strong comparison) or is `*`.
fn if_none_match_hits(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .any(|candidate| candidate == etag || candidate == "*")
}

/// One service item by its 实施编码.
#[utoipa::path(
    get,
    path = "/api/v1/catalog/items/{impl_code}",
    tag = "catalog",
    params(("impl_code" = String, Path, description = "实施编码 of the item")),
    responses(
        (status = 200, description = "The item", body = CatalogItem),
        (status = 404, description = "No such item", body = ErrorBody)
    )
)]
pub async fn item_detail(
    State(store): State<Store>,
    ApiPath(impl_code): ApiPath<String>,
) -> Result<Json<CatalogItem>, ApiError> {
    blocking(move || store.catalog_item(&impl_code))
        .await?
        .map(Json)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "item_not_found",
                "没有找到这个事项，它可能已经停止办理。",
                "No such service item; it may have been withdrawn.",
            )
        })
}
