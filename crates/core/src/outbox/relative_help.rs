//! 请家人帮忙 queued like every submission: she taps once, offline too, and the relative is texted
//! once when it reaches the platform (its client id is the Idempotency-Key).

use huiban_api::RelativeHelpWanted;

use super::upload::UploadError;
use crate::client::PlatformClient;
use crate::store::{AccountStore, OutboxKind, OutboxRow, StoreError};

/// A text to a relative, waiting to be sent or sent.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QueuedHelp {
    /// The grant of the relative to text.
    pub grant_id: String,
    /// What she was doing (the page 求助 was pressed on).
    pub about: Option<String>,
    /// When she tapped, ms.
    pub asked_ms: i64,
}

/// Queues `help`; answers its client id.
pub fn enqueue_help(
    store: &AccountStore<'_>,
    help: &QueuedHelp,
    now_ms: i64,
) -> Result<String, StoreError> {
    super::enqueue(store, OutboxKind::RelativeHelp, help, now_ms)
}

/// Every text to a relative in `store`, oldest first, with where it stands.
pub fn helps_asked(store: &AccountStore<'_>) -> Result<Vec<(QueuedHelp, OutboxRow)>, StoreError> {
    Ok(store
        .outbox_rows_of_kind(OutboxKind::RelativeHelp)?
        .into_iter()
        .filter_map(|row| Some((serde_json::from_str(&row.body).ok()?, row)))
        .collect())
}

/// Sends a queued text; the grant's id stands for its number.
pub(super) async fn deliver(
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let queued: QueuedHelp =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    let wanted = RelativeHelpWanted {
        about: queued.about,
    };
    client
        .ask_relative_for_help(access_token, &row.client_id, &queued.grant_id, &wanted)
        .await?;
    Ok(queued.grant_id)
}
