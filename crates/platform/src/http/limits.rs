//! Every request is bounded: token buckets per client address and for the whole node (more than
//! they allow get 429 and Retry-After), at most so many run at once (more are turned away at once
//! with 503 and Retry-After, instead of piling up), and each must finish within a time limit (503
//! too), so a flood or a stuck dependency cannot take the platform down. All answer in the
//! platform's JSON.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};
use tokio::sync::Semaphore;

use super::ApiError;

/// How long a request may take by default (a 10 MiB upload on a slow line included).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Requests one platform node serves at once by default.
pub const AT_ONCE: usize = 256;

/// Requests one client address may make per second by default, and in one burst (a service
/// centre's counters or a hall of kiosks may share one address).
pub const PER_ADDRESS: Rate = Rate {
    per_second: 100,
    burst: 1000,
};
/// Requests one node takes per second by default, and in one burst.
pub const PER_NODE: Rate = Rate {
    per_second: 1000,
    burst: 5000,
};

/// A token bucket's size: refilled at `per_second`, holding at most `burst`.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// Tokens added each second.
    pub per_second: u32,
    /// Most tokens held.
    pub burst: u32,
}

impl Rate {
    fn quota(self) -> Quota {
        let nonzero = |n: u32| NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
        Quota::per_second(nonzero(self.per_second)).allow_burst(nonzero(self.burst))
    }
}

/// The bounds of every request.
#[derive(Clone)]
pub struct RequestBounds {
    permits: Arc<Semaphore>,
    timeout: Duration,
    per_address: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    per_node: Arc<DefaultDirectRateLimiter>,
}

impl std::fmt::Debug for RequestBounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestBounds")
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl RequestBounds {
    /// At most `at_once` requests at a time, each within `timeout`, at the default rates.
    pub fn new(at_once: usize, timeout: Duration) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(at_once.max(1))),
            timeout,
            per_address: Arc::new(DefaultKeyedRateLimiter::keyed(PER_ADDRESS.quota())),
            per_node: Arc::new(DefaultDirectRateLimiter::direct(PER_NODE.quota())),
        }
    }

    /// The same bounds with other token buckets per client address and per node.
    pub fn with_rates(mut self, per_address: Rate, per_node: Rate) -> Self {
        self.per_address = Arc::new(DefaultKeyedRateLimiter::keyed(per_address.quota()));
        self.per_node = Arc::new(DefaultDirectRateLimiter::direct(per_node.quota()));
        self
    }

    /// Seconds to wait when a bucket is empty for `address`, or `None` when the request may go.
    fn wait_for(&self, address: IpAddr) -> Option<u64> {
        let now = DefaultClock::default().now();
        let refused = self
            .per_node
            .check()
            .err()
            .or_else(|| self.per_address.check_key(&address).err())?;
        Some(refused.wait_time_from(now).as_secs() + 1)
    }

    /// Forgets addresses whose buckets are full again, so the table does not grow without end.
    pub fn forget_idle_addresses(&self) {
        self.per_address.retain_recent();
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
    // Served in-process (tests) there is no peer address: all such requests share one bucket.
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
    if let Some(wait) = bounds.wait_for(address) {
        return ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "请求太频繁了，请稍等几秒再试。",
            "Too many requests from here; try again after Retry-After seconds.",
        )
        .with_retry_after(wait)
        .into_response();
    }
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
