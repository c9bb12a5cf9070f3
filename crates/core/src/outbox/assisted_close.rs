//! 结束办理 made without the network (staff mode): the close is queued behind what was confirmed for
//! the resident in the session and sent like it, naming those submissions, so the platform still
//! files them for her in that session when they arrive, and nothing else.

use huiban_api::CloseAssistedSession;

use super::upload::UploadError;
use crate::client::PlatformClient;
use crate::store::{AccountStore, LocalStore, OutboxKind, OutboxRow, OutboxState, StoreError};

/// A close waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QueuedClose {
    /// The session to close.
    pub session_id: String,
    /// What it names as still to arrive.
    pub close: CloseAssistedSession,
}

/// The client ids (Idempotency-Keys) of the submissions confirmed for her in `session_id` that
/// have not been sent yet.
pub fn pending_in(store: &AccountStore<'_>, session_id: &str) -> Result<Vec<String>, StoreError> {
    Ok(store
        .outbox_rows()?
        .into_iter()
        .filter(|row| {
            row.assisted_session.as_deref() == Some(session_id)
                && matches!(row.kind, OutboxKind::Application | OutboxKind::Request)
                && matches!(row.state, OutboxState::Queued | OutboxState::Sending)
        })
        .map(|row| row.client_id)
        .collect())
}

/// How many submissions confirmed for residents (applications, 诉求, 补正…, not the sessions'
/// closes) still wait to be sent on this computer: they go out only under the clerk's login.
pub fn confirmed_waiting(store: &LocalStore) -> Result<usize, StoreError> {
    let mut waiting = 0;
    for account in store.accounts_acted_for()? {
        waiting += store
            .of_account(&account)
            .outbox_rows()?
            .iter()
            .filter(|row| {
                row.assisted_session.is_some()
                    && row.kind != OutboxKind::AssistedClose
                    && matches!(row.state, OutboxState::Queued | OutboxState::Sending)
            })
            .count();
    }
    Ok(waiting)
}

/// How many sessions' closes still wait to be sent on this computer.
pub fn closes_waiting(store: &LocalStore) -> Result<u64, StoreError> {
    let mut waiting = 0;
    for account in store.accounts_acted_for()? {
        waiting += store
            .of_account(&account)
            .outbox_waiting_of_kind(OutboxKind::AssistedClose)?;
    }
    Ok(waiting)
}

/// Queues the close of every session left without 结束办理 (the staff window was closed, or the
/// computer stopped, while a clerk acted for a resident) in which something confirmed for her
/// still waits: it is closed once that went out, as if the clerk had ended it. Answers how many.
pub fn close_sessions_left_open(store: &LocalStore, now_ms: i64) -> Result<usize, StoreError> {
    let mut queued = 0;
    for account in store.accounts_acted_for()? {
        let rows = store.of_account(&account).outbox_rows()?;
        let waiting =
            |row: &&OutboxRow| matches!(row.state, OutboxState::Queued | OutboxState::Sending);
        // A close in any state (waiting, sent, refused) is that session's close: never a second.
        let closing: std::collections::HashSet<&str> = rows
            .iter()
            .filter(|row| row.kind == OutboxKind::AssistedClose)
            .filter_map(|row| row.assisted_session.as_deref())
            .collect();
        let left_open: std::collections::BTreeSet<&str> = rows
            .iter()
            .filter(waiting)
            .filter_map(|row| row.assisted_session.as_deref())
            .filter(|session| !closing.contains(session))
            .collect();
        for session in left_open {
            let hers = store.of_resident(&account, session);
            let close = CloseAssistedSession {
                pending: pending_in(&hers, session)?,
            };
            enqueue_close(&hers, session, &close, now_ms)?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Queues the close of `session_id` in her outbox (`store` is hers, in that session).
pub fn enqueue_close(
    store: &AccountStore<'_>,
    session_id: &str,
    close: &CloseAssistedSession,
    now_ms: i64,
) -> Result<String, StoreError> {
    let queued = QueuedClose {
        session_id: session_id.to_owned(),
        close: close.clone(),
    };
    super::enqueue(store, OutboxKind::AssistedClose, &queued, now_ms)
}

/// Sends a queued close; the session's id stands for its number. A session the platform has
/// closed already (the answer to an earlier try was lost) counts as closed.
pub(super) async fn deliver(
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let queued: QueuedClose =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    match client
        .close_assisted(access_token, &queued.session_id, &queued.close)
        .await
    {
        Ok(_) => Ok(queued.session_id),
        Err(crate::client::ClientError::Platform { status, body, .. })
            if status == reqwest::StatusCode::CONFLICT && body.code == "wrong_status" =>
        {
            Ok(queued.session_id)
        }
        Err(error) => Err(UploadError::Client(error)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

    use super::*;

    #[test]
    fn a_session_left_without_its_close_gets_one_naming_what_waits() {
        let dir = tempfile::tempdir().unwrap();
        let keychain = crate::secrets::Keychain::in_store(
            keyring_core::mock::Store::new().unwrap(),
            "left-open",
        );
        let (store, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
        let left = store.of_resident("c-1", "as-left");
        let waiting = super::super::enqueue(&left, OutboxKind::Request, &"诉求", 1).unwrap();
        let ended = store.of_resident("c-1", "as-ended");
        super::super::enqueue(&ended, OutboxKind::Request, &"诉求", 1).unwrap();
        enqueue_close(&ended, "as-ended", &CloseAssistedSession::default(), 2).unwrap();

        assert_eq!(close_sessions_left_open(&store, 3).unwrap(), 1);
        let closes: Vec<QueuedClose> = store
            .of_account("c-1")
            .outbox_rows_of_kind(OutboxKind::AssistedClose)
            .unwrap()
            .iter()
            .map(|row| serde_json::from_str(&row.body).unwrap())
            .collect();
        assert_eq!(closes.len(), 2);
        let queued = closes
            .iter()
            .find(|close| close.session_id == "as-left")
            .unwrap();
        assert_eq!(queued.close.pending, [waiting]);
        assert_eq!(close_sessions_left_open(&store, 4).unwrap(), 0, "once only");

        // A close sent already is that session's close too.
        let sent_close = store
            .of_account("c-1")
            .outbox_rows_of_kind(OutboxKind::AssistedClose)
            .unwrap()
            .into_iter()
            .find(|row| row.assisted_session.as_deref() == Some("as-ended"))
            .unwrap();
        let sent = crate::store::OutboxUpdate {
            state: OutboxState::Sent,
            attempts: 1,
            next_attempt_ms: 5,
            last_error: None,
            case_number: Some("as-ended"),
        };
        ended
            .outbox_update(&sent_close.client_id, &sent, 5)
            .unwrap();
        assert_eq!(close_sessions_left_open(&store, 6).unwrap(), 0);
    }
}
