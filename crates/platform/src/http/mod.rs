//! The HTTP surface: routes, limits and the JSON error body.

mod catalog;
mod error;
mod health;

use axum::Router;
use axum::routing::get;
use tower_http::limit::RequestBodyLimitLayer;

use crate::store::Store;
pub use error::ApiError;

/// Largest request body the platform accepts, in bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Builds the platform's router over `store`.
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/api/v1/catalog/items", get(catalog::list_items))
        .fallback(error::not_found)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .with_state(store)
}

#[cfg(test)]
mod tests;
