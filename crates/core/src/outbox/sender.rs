//! One sending pass over the due submissions.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::StatusCode;

use super::{APPLICATION, Backoff, application_of};
use crate::client::{ClientError, PlatformClient};
use crate::store::{LocalStore, OutboxState, OutboxUpdate, StoreError};

/// What one pass did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SendPass {
    /// Now on the platform.
    pub sent: usize,
    /// To be tried again later.
    pub retrying: usize,
    /// Refused by the platform.
    pub needs_attention: usize,
}

/// What to do after a failed attempt.
enum Verdict {
    Retry(Option<Duration>, String),
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
                || *status == StatusCode::UNAUTHORIZED
                || status.is_server_error();
            if transient {
                Verdict::Retry(retry_after.map(Duration::from_secs), body.message.clone())
            } else {
                Verdict::Refused(body.message.clone())
            }
        }
        other => Verdict::Retry(None, other.to_string()),
    }
}

/// Sends every due submission once, recording each outcome durably before the next.
pub async fn send_due(
    store: &LocalStore,
    client: &PlatformClient,
    access_token: &str,
    now: DateTime<Utc>,
    policy: &Backoff,
) -> Result<SendPass, StoreError> {
    let mut pass = SendPass::default();
    let now_ms = now.timestamp_millis();
    for row in store.outbox_due(now_ms, 500)? {
        if row.kind != APPLICATION {
            continue;
        }
        let attempts = row.attempts.saturating_add(1);
        let sending = OutboxUpdate {
            state: OutboxState::Sending,
            attempts,
            next_attempt_ms: row.next_attempt_ms,
            last_error: row.last_error.as_deref(),
            case_number: None,
        };
        store.outbox_update(&row.client_id, &sending, now_ms)?;
        let application = application_of(&row)?;
        match client
            .submit_application(access_token, &row.client_id, &application)
            .await
        {
            Ok(case) => {
                let sent = OutboxUpdate {
                    state: OutboxState::Sent,
                    attempts,
                    next_attempt_ms: now_ms,
                    last_error: None,
                    case_number: Some(&case.application_no),
                };
                store.outbox_update(&row.client_id, &sent, now_ms)?;
                pass.sent += 1;
            }
            Err(error) => match verdict(&error) {
                Verdict::Retry(retry_after, reason) => {
                    let delay = policy.delay(row.attempts, retry_after);
                    let next = now_ms + i64::try_from(delay.as_millis()).unwrap_or(i64::MAX / 2);
                    let retry = OutboxUpdate {
                        state: OutboxState::Queued,
                        attempts,
                        next_attempt_ms: next,
                        last_error: Some(&reason),
                        case_number: None,
                    };
                    store.outbox_update(&row.client_id, &retry, now_ms)?;
                    pass.retrying += 1;
                }
                Verdict::Refused(message) => {
                    let refused = OutboxUpdate {
                        state: OutboxState::NeedsAttention,
                        attempts,
                        next_attempt_ms: now_ms,
                        last_error: Some(&message),
                        case_number: None,
                    };
                    store.outbox_update(&row.client_id, &refused, now_ms)?;
                    pass.needs_attention += 1;
                }
            },
        }
    }
    Ok(pass)
}
