//! 补正 in the outbox: what the department asked for (a photo of the missing material, a note),
//! kept here and sent — its files first — until the platform has it exactly once.

use huiban_api::SupplementRequest;
use reqwest::StatusCode;
use serde::{Deserialize, Serialize};

use super::upload::{CHUNK_BYTES, UploadError, attachment_names, upload_kept_file};
use crate::client::{ClientError, PlatformClient};
use crate::store::{LocalStore, OutboxRow, OutboxState, StoreError};

/// Kind of a 补正 in the outbox.
pub const SUPPLEMENT: &str = "supplement";

/// A 补正 waiting to be sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSupplement {
    /// 办件编号.
    pub application_no: String,
    /// The answers added and the note.
    pub supplement: SupplementRequest,
}

/// Commits a 补正 to the outbox; returns its client id.
pub fn enqueue_supplement(
    store: &LocalStore,
    supplement: &CaseSupplement,
    now_ms: i64,
) -> Result<String, StoreError> {
    super::enqueue(store, SUPPLEMENT, supplement, now_ms)
}

/// Whether a 补正 of `application_no` waits here to be sent.
pub fn supplement_waiting(store: &LocalStore, application_no: &str) -> Result<bool, StoreError> {
    for row in store.outbox_rows_of_kind(SUPPLEMENT)? {
        if row.state != OutboxState::Sent {
            let waiting: CaseSupplement = serde_json::from_str(&row.body)?;
            if waiting.application_no == application_no {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Sends one 补正 row (its files first); a conflict after a lost answer counts as delivered when
/// the case already holds the answers sent. Answers with the case's number.
pub(super) async fn deliver(
    store: &LocalStore,
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let queued: CaseSupplement =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    for name in attachment_names(&queued.supplement.answers) {
        upload_kept_file(store, client, access_token, &name, CHUNK_BYTES).await?;
    }
    match client
        .supplement(access_token, &queued.application_no, &queued.supplement)
        .await
    {
        Ok(case) => Ok(case.application_no),
        Err(error) => {
            let conflict = matches!(
                &error,
                ClientError::Platform { status, .. } if *status == StatusCode::CONFLICT
            );
            if conflict {
                let cases = client.applications(access_token).await?;
                let holds = cases.iter().any(|case| {
                    case.application_no == queued.application_no
                        && queued
                            .supplement
                            .answers
                            .iter()
                            .all(|(id, value)| case.answers.get(id) == Some(value))
                });
                if holds {
                    return Ok(queued.application_no);
                }
            }
            Err(UploadError::Client(error))
        }
    }
}
