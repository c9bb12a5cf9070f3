//! The audit middleware: every write, and every authenticated read, leaves a row in the chain.

use std::sync::{Arc, Mutex};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;
use crate::store::{AuditEntry, TokenOwner};

/// Where the `Caller` extractor leaves who the caller was, for the audit row.
#[derive(Debug, Clone, Default)]
pub struct CallerSlot(Arc<Mutex<Option<SlotContent>>>);

/// The caller, and the resident they act for when staff use an assisted session.
type SlotContent = (TokenOwner, Option<String>);

impl CallerSlot {
    /// Records the authenticated caller and the resident they act for, if any.
    pub fn set(&self, owner: TokenOwner, on_behalf_of: Option<String>) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some((owner, on_behalf_of));
        }
    }

    fn take(&self) -> Option<SlotContent> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// Runs the request, then appends its audit row and tags the answer with `x-request-id`.
pub async fn audit(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let slot = CallerSlot::default();
    request.extensions_mut().insert(slot.clone());
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| path.clone(), |m| m.as_str().to_owned());
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    let (caller, on_behalf_of) = slot
        .take()
        .map_or((None, None), |(owner, behalf)| (Some(owner), behalf));
    let is_write = !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS);
    if is_write || caller.is_some() {
        let entry = AuditEntry {
            at_ms: state.clock.now().timestamp_millis(),
            request_id,
            actor: caller.as_ref().map(|c| c.account_id.clone()),
            role: caller.as_ref().map(|c| c.role.as_str().to_owned()),
            on_behalf_of,
            action: format!("{method} {template}"),
            subject: (path != template).then_some(path),
            outcome: response.status().as_u16(),
        };
        let store = state.store.clone();
        match tokio::task::spawn_blocking(move || store.append_audit(&entry)).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::error!(%error, "cannot write the audit log"),
            Err(error) => tracing::error!(%error, "audit writer failed"),
        }
    }
    response
}
