//! Every request is bounded: at most so many run at once (more are turned away at once with 503
//! and Retry-After, instead of piling up), and each must finish within a time limit (503 too), so a
//! flood or a stuck dependency cannot take the platform down. Both answer in the platform's JSON.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use super::ApiError;

/// How long a request may take by default (a 10 MiB upload on a slow line included).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Requests one platform node serves at once by default.
pub const AT_ONCE: usize = 256;

/// The bounds of every request.
#[derive(Debug, Clone)]
pub struct RequestBounds {
    permits: Arc<Semaphore>,
    timeout: Duration,
}

impl RequestBounds {
    /// At most `at_once` requests at a time, each within `timeout`.
    pub fn new(at_once: usize, timeout: Duration) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(at_once.max(1))),
            timeout,
        }
    }
}

impl Default for RequestBounds {
    fn default() -> Self {
        Self::new(AT_ONCE, REQUEST_TIMEOUT)
    }
}

/// Runs the request within the bounds.
pub async fn bounded(
    State(bounds): State<RequestBounds>,
    request: Request,
    next: Next,
) -> Response {
    let Ok(_permit) = bounds.permits.clone().try_acquire_owned() else {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "现在办事的人太多了，请稍等几秒再试。",
            "The platform is busy; try again in a few seconds.",
        )
        .with_retry_after(2)
        .into_response();
    };
    match tokio::time::timeout(bounds.timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            "办事平台这次处理得太慢了，请再试一次。",
            "The request took too long; try again.",
        )
        .with_retry_after(2)
        .into_response(),
    }
}
