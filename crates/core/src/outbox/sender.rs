//! One sending pass over the due submissions.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;

use super::upload::{CHUNK_BYTES, UploadError, attachment_names, upload_kept_file};
use super::{Backoff, CaseEvaluation, application_of};
use crate::client::{ClientError, PlatformClient};
use crate::store::{AccountStore, OutboxKind, OutboxState, OutboxUpdate, StoreError};

/// What one pass did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SendPass {
    /// Now on the platform.
    pub sent: usize,
    /// To be tried again later.
    pub retrying: usize,
    /// Refused by the platform.
    pub needs_attention: usize,
    /// Of those retrying, how many because the platform refused the access token.
    pub token_refused: usize,
}

/// What to do after a failed attempt.
enum Verdict {
    Retry(Option<Duration>, String),
    TokenRefused(String),
    Refused(String),
}

fn verdict(error: &ClientError) -> Verdict {
    match error {
        ClientError::Platform {
            status,
            body,
            retry_after,
        } => {
            let transient = *status == StatusCode::TOO_MANY_REQUESTS
                || *status == StatusCode::REQUEST_TIMEOUT
                || status.is_server_error();
            if *status == StatusCode::UNAUTHORIZED {
                Verdict::TokenRefused(body.message.clone())
            } else if transient {
                Verdict::Retry(retry_after.map(Duration::from_secs), body.message.clone())
            } else {
                Verdict::Refused(body.message.clone())
            }
        }
        other => Verdict::Retry(None, other.to_string()),
    }
}

/// Whether the platform refused a submission because its form has a newer version.
fn is_form_outdated(error: &ClientError) -> bool {
    matches!(error, ClientError::Platform { status, body, .. }
        if *status == StatusCode::CONFLICT && body.code == "form_outdated")
}

/// Refused for an old form version: her application becomes her draft again, to move on and send
/// anew (not a resident's or a kiosk visitor's, who is not here to answer; theirs wait for staff).
/// Whether it did.
fn back_to_draft_if_outdated(
    store: &AccountStore<'_>,
    row: &crate::store::OutboxRow,
    delivered: &Result<String, UploadError>,
    now_ms: i64,
) -> Result<bool, StoreError> {
    let Err(UploadError::Client(error)) = delivered else {
        return Ok(false);
    };
    if row.kind != OutboxKind::Application
        || !is_form_outdated(error)
        || row.assisted_session.is_some()
        || store.shared().kiosk_grant(&row.client_id)?.is_some()
    {
        return Ok(false);
    }
    super::back_to_draft(store, row, now_ms)
}

/// Submissions in flight at once.
pub const IN_FLIGHT: usize = 4;

/// What became of one submission in a pass.
enum Outcome {
    Sent,
    Retrying,
    TokenRefused,
    NeedsAttention,
    Skipped,
}

/// Sends every due submission once, a few at a time, recording each outcome durably as it arrives.
pub async fn send_due(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
    now: DateTime<Utc>,
    policy: &Backoff,
) -> Result<SendPass, StoreError> {
    let now_ms = now.timestamp_millis();
    let rows = closes_last(store, store.outbox_due(now_ms, 500)?)?;
    send_rows(store, client, access_token, (now_ms, policy), rows).await
}

/// Sends every due submission of a kiosk's past visitor that has its grant, under the kiosk's own
/// `device_token` (the grant files each for her); the rest of hers wait for her next login here.
pub async fn send_granted(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    device_token: &str,
    now: DateTime<Utc>,
    policy: &Backoff,
) -> Result<SendPass, StoreError> {
    let now_ms = now.timestamp_millis();
    let mut rows = Vec::new();
    for row in store.outbox_due(now_ms, 500)? {
        if store.shared().kiosk_grant(&row.client_id)?.is_some() {
            rows.push(row);
        }
    }
    send_rows(store, client, device_token, (now_ms, policy), rows).await
}

/// Sends `rows`, a few at a time, recording each outcome durably as it arrives.
async fn send_rows(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
    (now_ms, policy): (i64, &Backoff),
    rows: Vec<crate::store::OutboxRow>,
) -> Result<SendPass, StoreError> {
    use futures_util::StreamExt;
    let outcomes: Vec<Result<Outcome, StoreError>> = futures_util::stream::iter(rows)
        .map(|row| send_one(store, client, access_token, now_ms, policy, row))
        .buffer_unordered(IN_FLIGHT)
        .collect()
        .await;
    let mut pass = SendPass::default();
    for outcome in outcomes {
        match outcome? {
            Outcome::Sent => pass.sent += 1,
            Outcome::Retrying => pass.retrying += 1,
            Outcome::TokenRefused => {
                pass.retrying += 1;
                pass.token_refused += 1;
            }
            Outcome::NeedsAttention => pass.needs_attention += 1,
            Outcome::Skipped => {}
        }
    }
    Ok(pass)
}

/// The due rows, but a session's close only once nothing else confirmed in that session waits: what
/// was confirmed for her (and the files it needs) goes out in the open session, before its close,
/// never beside it.
fn closes_last(
    store: &AccountStore<'_>,
    due: Vec<crate::store::OutboxRow>,
) -> Result<Vec<crate::store::OutboxRow>, StoreError> {
    let waiting: std::collections::HashSet<String> = store
        .outbox_rows()?
        .into_iter()
        .filter(|row| {
            row.kind != OutboxKind::AssistedClose
                && matches!(row.state, OutboxState::Queued | OutboxState::Sending)
        })
        .filter_map(|row| row.assisted_session)
        .collect();
    Ok(due
        .into_iter()
        .filter(|row| {
            row.kind != OutboxKind::AssistedClose
                || row
                    .assisted_session
                    .as_ref()
                    .is_none_or(|session| !waiting.contains(session))
        })
        .collect())
}

/// The client a row is sent with: one a clerk confirmed for a resident goes in the session she
/// consented to, and no other (the session's own close goes outside it: it may have lapsed), with
/// the session's delivery key while this computer keeps it, so that whichever clerk of her centre
/// is logged in now delivers it.
fn client_of(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    row: &crate::store::OutboxRow,
) -> Result<PlatformClient, StoreError> {
    // A kiosk visitor's submission after her visit: its grant files it for her under the kiosk's
    // own login.
    if let Some(grant) = store.shared().kiosk_grant(&row.client_id)? {
        return Ok(client.granted(&grant));
    }
    // What a relative confirmed for the person who agreed to it: in that grant, under his login.
    if let Some(grant) = &row.relative_grant {
        return Ok(client.for_relative(grant));
    }
    let Some(session) = &row.assisted_session else {
        return Ok(client.clone());
    };
    let client = if row.kind == OutboxKind::AssistedClose {
        client.clone()
    } else {
        client.acting_in(session)
    };
    Ok(match store.shared().delivery_key(session)? {
        Some(key) => client.delivering(&key),
        None => client,
    })
}

async fn send_one(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
    now_ms: i64,
    policy: &Backoff,
    row: crate::store::OutboxRow,
) -> Result<Outcome, StoreError> {
    // No durable "sending" mark: a submission left queued by a crash mid-send is simply sent again
    // under the same Idempotency-Key, and the platform answers with the same case.
    let client = &client_of(store, client, &row)?;
    let delivered = match row.kind {
        OutboxKind::Application => {
            let application = application_of(&row)?;
            submit(client, store, access_token, &row.client_id, &application)
                .await
                .map(|case| case.application_no)
        }
        OutboxKind::Evaluation => {
            let evaluation: CaseEvaluation = serde_json::from_str(&row.body)?;
            evaluate(client, access_token, &row.client_id, &evaluation).await
        }
        OutboxKind::Supplement => {
            super::supplement::deliver(store, client, access_token, &row).await
        }
        OutboxKind::Request => super::requests::file(store, client, access_token, &row).await,
        OutboxKind::RequestFollowUp => super::requests::follow_up(client, access_token, &row).await,
        OutboxKind::RequestEvaluation => {
            super::requests::evaluate(client, access_token, &row).await
        }
        OutboxKind::AssistedClose => {
            super::assisted_close::deliver(client, access_token, &row).await
        }
        OutboxKind::RelativeHelp => super::relative_help::deliver(client, access_token, &row).await,
        // Left by a newer version of the app: kept for it, never sent by this one.
        OutboxKind::Unknown => return Ok(Outcome::Skipped),
    };
    if back_to_draft_if_outdated(store, &row, &delivered, now_ms)? {
        return Ok(Outcome::NeedsAttention);
    }
    let attempts = row.attempts.saturating_add(1);
    let (update, outcome) = match delivered {
        Ok(case_number) => {
            let sent = OutboxUpdate {
                state: OutboxState::Sent,
                attempts,
                next_attempt_ms: now_ms,
                last_error: None,
                case_number: Some(&case_number),
            };
            store.outbox_update(&row.client_id, &sent, now_ms)?;
            return Ok(Outcome::Sent);
        }
        Err(UploadError::Store(error)) => return Err(error),
        Err(UploadError::Client(error)) => match verdict(&error) {
            Verdict::Retry(retry_after, reason) => {
                let next = now_ms + delay_ms(policy, row.attempts, retry_after);
                ((OutboxState::Queued, next, reason), Outcome::Retrying)
            }
            Verdict::TokenRefused(reason) => {
                let next = now_ms + delay_ms(policy, row.attempts, None);
                ((OutboxState::Queued, next, reason), Outcome::TokenRefused)
            }
            Verdict::Refused(message) => (
                (OutboxState::NeedsAttention, now_ms, message),
                Outcome::NeedsAttention,
            ),
        },
    };
    let (state, next_attempt_ms, reason) = update;
    let failed = OutboxUpdate {
        state,
        attempts,
        next_attempt_ms,
        last_error: Some(&reason),
        case_number: None,
    };
    store.outbox_update(&row.client_id, &failed, now_ms)?;
    Ok(outcome)
}

/// The wait before the next attempt, in ms.
fn delay_ms(policy: &Backoff, attempts: u32, retry_after: Option<Duration>) -> i64 {
    i64::try_from(policy.delay(attempts, retry_after).as_millis()).unwrap_or(i64::MAX / 2)
}

/// Sends the application's files that the platform lacks (resuming any begun), then the application.
async fn submit(
    client: &PlatformClient,
    store: &AccountStore<'_>,
    access_token: &str,
    client_id: &str,
    application: &huiban_api::NewApplication,
) -> Result<huiban_api::Application, UploadError> {
    for name in attachment_names(&application.answers) {
        upload_kept_file(store, client, access_token, &name, CHUNK_BYTES).await?;
    }
    Ok(client
        .submit_application(access_token, client_id, application)
        .await?)
}

/// Sends a 好差评; one the platform already holds (the answer to an earlier try was lost) counts as
/// delivered. Answers with the case's number.
async fn evaluate(
    client: &PlatformClient,
    access_token: &str,
    idempotency_key: &str,
    evaluation: &CaseEvaluation,
) -> Result<String, UploadError> {
    match client
        .evaluate(
            access_token,
            idempotency_key,
            &evaluation.application_no,
            &evaluation.evaluation,
        )
        .await
    {
        Ok(case) => Ok(case.application_no),
        Err(ClientError::Platform { status, body, .. })
            if status == StatusCode::CONFLICT && body.code == "already_evaluated" =>
        {
            Ok(evaluation.application_no.clone())
        }
        Err(error) => Err(UploadError::Client(error)),
    }
}
