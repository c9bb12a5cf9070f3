//! 诉求 in the outbox: a new request (its photos sent first, filed under its client id as the
//! Idempotency-Key), and the 回访 answers and 评价 at the end of its loop. Each is kept here before
//! it is sent, and sent until the platform has it exactly once.

use std::collections::HashMap;

use huiban_api::{EvaluationRequest, FollowUp, NewRequest, ServiceRequest};
use reqwest::StatusCode;
use serde::{Deserialize, Serialize};

use super::upload::{CHUNK_BYTES, UploadError, upload_kept_file};
use crate::client::{ClientError, PlatformClient};
use crate::store::{AccountStore, OutboxKind, OutboxRow, OutboxState, StoreError};

/// 回访 answers waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RequestFollowUp {
    /// 诉求编号.
    pub request_no: String,
    /// The answers.
    pub follow_up: FollowUp,
}

/// A request's 评价 waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RequestEvaluation {
    /// 诉求编号.
    pub request_no: String,
    /// The level and reason.
    pub evaluation: EvaluationRequest,
}

/// Commits a new request to the outbox; returns its client id.
pub fn enqueue_request(
    store: &AccountStore<'_>,
    request: &NewRequest,
    now_ms: i64,
) -> Result<String, StoreError> {
    super::enqueue(store, OutboxKind::Request, request, now_ms)
}

/// Commits 回访 answers to the outbox; returns their client id.
pub fn enqueue_follow_up(
    store: &AccountStore<'_>,
    follow_up: &RequestFollowUp,
    now_ms: i64,
) -> Result<String, StoreError> {
    super::enqueue(store, OutboxKind::RequestFollowUp, follow_up, now_ms)
}

/// Commits a request's 评价 to the outbox; returns its client id.
pub fn enqueue_request_evaluation(
    store: &AccountStore<'_>,
    evaluation: &RequestEvaluation,
    now_ms: i64,
) -> Result<String, StoreError> {
    super::enqueue(store, OutboxKind::RequestEvaluation, evaluation, now_ms)
}

/// What this computer holds about one request besides the pulled copy: the kinds of answers
/// (回访, 评价) waiting to be sent, and those given here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HereOfRequest {
    /// Kinds waiting to be sent.
    pub waiting: Vec<OutboxKind>,
    /// Kinds given here that its copy may not show yet: waiting to be sent, or sent and the request
    /// not pulled back since. A page asks for neither again while it is here, so nobody answers twice.
    pub given: Vec<OutboxKind>,
}

/// What this computer holds about each request, by request number, in one pass over the outbox.
pub fn here_of_requests(
    store: &AccountStore<'_>,
) -> Result<HashMap<String, HereOfRequest>, StoreError> {
    let mut by_request: HashMap<String, HereOfRequest> = HashMap::new();
    for kind in [OutboxKind::RequestFollowUp, OutboxKind::RequestEvaluation] {
        for row in store.outbox_rows_of_kind(kind)? {
            if row.is_purged() {
                continue;
            }
            let about = if kind == OutboxKind::RequestFollowUp {
                serde_json::from_str::<RequestFollowUp>(&row.body)?.request_no
            } else {
                serde_json::from_str::<RequestEvaluation>(&row.body)?.request_no
            };
            let here = by_request.entry(about).or_default();
            here.given.push(kind);
            if row.state != OutboxState::Sent {
                here.waiting.push(kind);
            }
        }
    }
    Ok(by_request)
}

/// New requests kept here and not yet filed, oldest first.
pub fn unfiled(store: &AccountStore<'_>) -> Result<Vec<(OutboxRow, NewRequest)>, StoreError> {
    let mut unfiled = Vec::new();
    for row in store.outbox_rows_of_kind(OutboxKind::Request)? {
        if row.state != OutboxState::Sent {
            let request = serde_json::from_str(&row.body)?;
            unfiled.push((row, request));
        }
    }
    Ok(unfiled)
}

/// Sends 回访 answers; answers with the 诉求编号 once the request holds them.
pub(super) async fn follow_up(
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let answers: RequestFollowUp =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    let sent = client
        .request_follow_up(
            access_token,
            &row.client_id,
            &answers.request_no,
            &answers.follow_up,
        )
        .await;
    landed(client, access_token, &answers.request_no, sent, |r| {
        r.follow_up.is_some()
    })
    .await
}

/// Sends a request's 评价; answers with the 诉求编号 once the request holds it.
pub(super) async fn evaluate(
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let evaluation: RequestEvaluation =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    let sent = client
        .request_evaluate(
            access_token,
            &row.client_id,
            &evaluation.request_no,
            &evaluation.evaluation,
        )
        .await;
    landed(client, access_token, &evaluation.request_no, sent, |r| {
        r.evaluation.is_some()
    })
    .await
}

/// Files a new request (its photos first); answers with the 诉求编号.
pub(super) async fn file(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let request: NewRequest =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    for photo in &request.photos {
        upload_kept_file(store, client, access_token, photo, CHUNK_BYTES).await?;
    }
    Ok(client
        .submit_request(access_token, &row.client_id, &request)
        .await?
        .request_no)
}

/// The request's number once `sent` landed; a conflict after a lost answer counts as landed when
/// the platform's copy already holds what was sent (`holds`).
async fn landed(
    client: &PlatformClient,
    access_token: &str,
    request_no: &str,
    sent: Result<ServiceRequest, ClientError>,
    holds: impl Fn(&ServiceRequest) -> bool,
) -> Result<String, UploadError> {
    match sent {
        Ok(request) => Ok(request.request_no),
        Err(error) => {
            if error.answered(StatusCode::CONFLICT) {
                let now = client.requests(access_token).await?;
                if now.iter().any(|r| r.request_no == request_no && holds(r)) {
                    return Ok(request_no.to_owned());
                }
            }
            Err(UploadError::Client(error))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Keychain;
    use crate::store::{LocalStore, OutboxUpdate};
    use huiban_api::{IntakeChannel, RequestKind, RequestStatus};

    fn revisiting(request_no: &str) -> ServiceRequest {
        ServiceRequest {
            request_no: request_no.to_owned(),
            kind: RequestKind::Complaint,
            description: "路灯坏了".to_owned(),
            location: None,
            photos: Vec::new(),
            channel: IntakeChannel::Desktop,
            status: RequestStatus::Revisiting,
            department: None,
            submitted_at: "2026-11-26T09:00:00+08:00".to_owned(),
            reply: None,
            follow_up: None,
            evaluation: None,
            steps: Vec::new(),
            agent: None,
            call_back: false,
        }
    }

    #[test]
    fn answers_sent_count_as_given_until_the_request_is_pulled_back() {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "given");
        let (local, _) = LocalStore::open(&dir.path().join("h.db"), &keys).unwrap();
        let store = local.of_account("a");
        store.replace_cached_requests(&[revisiting("SQ1")]).unwrap();
        let answers = RequestFollowUp {
            request_no: "SQ1".to_owned(),
            follow_up: FollowUp {
                resolved: true,
                contacted: true,
                comment: None,
            },
        };
        let id = enqueue_follow_up(&store, &answers, 1).unwrap();
        let follow_up = vec![OutboxKind::RequestFollowUp];
        let here = |store: &AccountStore<'_>| {
            here_of_requests(store)
                .unwrap()
                .remove("SQ1")
                .unwrap_or_default()
        };
        let waiting_and_given = HereOfRequest {
            waiting: follow_up.clone(),
            given: follow_up.clone(),
        };
        assert_eq!(here(&store), waiting_and_given);

        // Sent: no longer waiting, but the copy here still asks for the answers until pulled.
        let sent = OutboxUpdate {
            state: OutboxState::Sent,
            attempts: 1,
            next_attempt_ms: 0,
            last_error: None,
            case_number: Some("SQ1"),
        };
        store.outbox_update(&id, &sent, 5).unwrap();
        let given_only = HereOfRequest {
            waiting: Vec::new(),
            given: follow_up,
        };
        assert_eq!(here(&store), given_only);
        assert_eq!(here(&local.of_account("b")), HereOfRequest::default());

        // A pull asked before the sending does not count; one asked after does.
        store.outbox_purge_pulled_bodies(5).unwrap();
        assert_eq!(here(&store), given_only);
        store.outbox_purge_pulled_bodies(6).unwrap();
        assert_eq!(here(&store), HereOfRequest::default());
    }
}
