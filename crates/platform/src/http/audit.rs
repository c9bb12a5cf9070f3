//! The audit middleware: every write, and every authenticated read, leaves a row in the chain.
//! A request that changes something has its row committed with its first change (see
//! [`crate::store::audit_scope`]); the others get theirs after the answer, with its status.

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;
use crate::store::audit_scope::AuditScope;

/// Runs the request inside its audit scope, then appends its row unless a change carried it; the
/// row carries the request's id (`x-request-id`, set by the outer layer and sent back with the
/// answer).
pub async fn audit(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let request_id = super::request_log::request_id(&request)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| path.clone(), |m| m.as_str().to_owned());
    let scope = AuditScope::new(
        state.clock.now().timestamp_millis(),
        &request_id,
        &format!("{method} {template}"),
        (path != template).then_some(path),
    );
    request.extensions_mut().insert(scope.clone());
    let response = scope.serve(next.run(request)).await;
    let is_write = !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS);
    let entry = scope
        .entry_after(response.status().as_u16())
        .filter(|entry| is_write || entry.actor.is_some());
    if let Some(entry) = entry {
        let store = state.store.clone();
        match tokio::task::spawn_blocking(move || store.append_audit(&entry)).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::error!(%error, "cannot write the audit log"),
            Err(error) => tracing::error!(%error, "audit writer failed"),
        }
    }
    response
}

/// Records the authenticated caller on the request's audit scope, if it has one, with the resident
/// and the assisted session when staff act for her.
pub fn record_caller(
    extensions: &axum::http::Extensions,
    owner: crate::store::TokenOwner,
    acting: Option<(String, String)>,
) {
    if let Some(scope) = extensions.get::<std::sync::Arc<AuditScope>>() {
        scope.set_caller(owner, acting);
    }
}
