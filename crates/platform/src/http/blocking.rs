//! Blocking work (the store, password hashing) run off the async workers, carrying the request's
//! audit scope.

use super::error::ApiError;

/// Runs blocking work (the store, password hashing) off the async workers; its error becomes the answer.
pub(super) async fn blocking<T: Send + 'static, E: Into<ApiError> + Send + 'static>(
    work: impl FnOnce() -> Result<T, E> + Send + 'static,
) -> Result<T, ApiError> {
    // The store commits the request's audit row with its first change: carry the scope along.
    let scope = crate::store::audit_scope::current();
    tokio::task::spawn_blocking(move || crate::store::audit_scope::carry(scope, work))
        .await
        .map_err(|error| ApiError::internal(&error))?
        .map_err(Into::into)
}
