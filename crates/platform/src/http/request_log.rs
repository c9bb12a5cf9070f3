//! Each request gets an id (`x-request-id`: the one a load balancer sent, else a new UUID), kept in
//! the audit row and sent back with the answer, and one log line when it ends: method, route
//! template, status, time taken and the id (tower-http's request-id and trace layers). The path
//! itself, the query and the body are never logged: they can name a person.

use std::time::Duration;

use axum::extract::MatchedPath;
use axum::http::{Request, Response};
use tower_http::classify::ServerErrorsFailureClass;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{HttpMakeClassifier, TraceLayer};
use tracing::Span;

/// The header carrying the request id.
pub const REQUEST_ID: &str = "x-request-id";

/// The id of `request`, as the outer layer set it.
pub fn request_id<B>(request: &Request<B>) -> Option<String> {
    request
        .headers()
        .get(REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The longest id taken from a caller; a longer one, or one with other characters than letters,
/// digits, `-`, `_` and `.`, is replaced by a new one (it would go into the audit row).
pub const MAX_ID_LEN: usize = 64;

/// Drops an incoming id that is too long or oddly written, so that the next layer makes one.
pub async fn tidy_incoming_id(mut request: Request<axum::body::Body>) -> Request<axum::body::Body> {
    let fits = request.headers().get(REQUEST_ID).is_none_or(|id| {
        let id = id.as_bytes();
        !id.is_empty()
            && id.len() <= MAX_ID_LEN
            && id
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
    });
    if !fits {
        request.headers_mut().remove(REQUEST_ID);
    }
    request
}

/// Gives each request an id, unless it came with one.
pub fn set_id() -> SetRequestIdLayer<MakeRequestUuid> {
    SetRequestIdLayer::x_request_id(MakeRequestUuid)
}

/// Sends the request's id back with the answer.
pub fn propagate_id() -> PropagateRequestIdLayer {
    PropagateRequestIdLayer::x_request_id()
}

/// The span of a routed request: method, route template and id.
fn span_of<B>(request: &Request<B>) -> Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", MatchedPath::as_str);
    tracing::info_span!(
        "request",
        method = %request.method(),
        route,
        id = request_id(request).unwrap_or_default(),
    )
}

/// Makes a request's span.
type MakeSpan = fn(&Request<axum::body::Body>) -> Span;
/// Logs an answer.
type OnResponse = fn(&Response<axum::body::Body>, Duration, &Span);
/// Logs a server error.
type OnFailure = fn(ServerErrorsFailureClass, Duration, &Span);
/// The trace layer as [`trace`] sets it up.
pub type RequestTrace = TraceLayer<HttpMakeClassifier, MakeSpan, (), OnResponse, (), (), OnFailure>;

/// One line per answer, at info; server errors at error.
pub fn trace() -> RequestTrace {
    TraceLayer::new_for_http()
        .make_span_with(span_of as MakeSpan)
        .on_request(())
        .on_response(answered as OnResponse)
        .on_body_chunk(())
        .on_eos(())
        .on_failure(failed as OnFailure)
}

fn answered(response: &Response<axum::body::Body>, latency: Duration, _: &Span) {
    tracing::info!(
        status = response.status().as_u16(),
        ms = latency.as_secs_f64() * 1000.0,
        "answered"
    );
}

fn failed(class: ServerErrorsFailureClass, latency: Duration, _: &Span) {
    tracing::error!(%class, ms = latency.as_secs_f64() * 1000.0, "failed");
}
