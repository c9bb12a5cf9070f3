//! `GET /metrics`: the platform's counters in Prometheus' text format, for an operator's scraper.
//! Every routed request is counted by method, route template and status, and timed
//! (`http_requests_total`, `http_request_duration_seconds`); no path, query or body is recorded, so
//! nothing personal. The recorder is the `metrics` crate's, rendered by
//! `metrics-exporter-prometheus`; one per process, installed when the first router is built.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// The latency buckets, in seconds: from a cached catalog answer to a slow upload.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's recorder, installed on first use; `None` where another recorder was installed first.
pub fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("http_request_duration_seconds".to_owned()),
                    BUCKETS,
                )
                .inspect_err(|error| tracing::warn!(%error, "metrics buckets"))
                .ok()?;
            builder
                .install_recorder()
                .inspect_err(|error| tracing::warn!(%error, "no metrics recorder"))
                .ok()
        })
        .as_ref()
}

/// Counts and times the request under its route template.
pub async fn observe(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(
        "http_requests_total",
        "method" => method.clone(),
        "route" => route.clone(),
        "status" => status
    )
    .increment(1);
    metrics::histogram!(
        "http_request_duration_seconds",
        "method" => method,
        "route" => route
    )
    .record(started.elapsed().as_secs_f64());
    response
}

/// The counters in Prometheus' text exposition format.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "health",
    responses((status = 200, description = "Request counts and latencies in Prometheus' text format", body = String, content_type = "text/plain"))
)]
pub async fn metrics() -> Response {
    let text = handle().map(PrometheusHandle::render).unwrap_or_default();
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        text,
    )
        .into_response()
}
