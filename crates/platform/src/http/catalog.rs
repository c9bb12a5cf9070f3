//! `GET /api/v1/catalog/items`: the public service catalog.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use huiban_api::CatalogPage;
use serde::Deserialize;

use super::ApiError;
use crate::store::Store;

/// Longest search text accepted, in characters.
const MAX_QUERY_CHARS: usize = 100;

/// Query string of the catalog listing.
#[derive(Debug, Deserialize)]
pub struct CatalogQuery {
    /// Text the item name must contain.
    q: Option<String>,
}

/// Lists the catalog, optionally only the items whose name contains `q`.
pub async fn list_items(
    State(store): State<Store>,
    query: Result<Query<CatalogQuery>, QueryRejection>,
) -> Result<Json<CatalogPage>, ApiError> {
    let Query(query) = query.map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad_query",
            "查询条件的格式不对。",
            "The query string is malformed.",
        )
    })?;
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
    let page = tokio::task::spawn_blocking(move || store.catalog_page(text.as_deref()))
        .await
        .map_err(|error| ApiError::internal(&error))??;
    Ok(Json(page))
}
