//! Resumable uploads: a file announced by its hash and size, sent in chunks that may stop and pick up
//! where the platform's copy ends, checked and stored as an attachment when the last byte arrives.

use huiban_api::attachments::{MAX_ATTACHMENT_BYTES, MAX_CHUNK_BYTES, media_type_of};
use huiban_api::{Attachment, NewUpload, UploadStatus};
use sha2::{Digest, Sha256};

use crate::state::AppState;
use crate::store::{StoreError, UploadRow};

/// Bytes one account may send in 24 hours (files and begun uploads): far more than any person's
/// errands need, little enough that one login cannot fill the platform's disk.
pub const DAILY_QUOTA: u64 = 200 * 1024 * 1024;

/// Whether `account_id` may send `size` more bytes now.
pub fn within_quota(state: &AppState, account_id: &str, size: u64) -> Result<bool, StoreError> {
    let since = (state.clock.now() - chrono::Duration::days(1)).timestamp_millis();
    let used = state.store.bytes_uploaded_since(account_id, since)?;
    Ok(used.saturating_add(size) <= DAILY_QUOTA)
}

/// Why an upload step was refused.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// The announced file is empty or larger than 10 MiB.
    #[error("file size out of range")]
    TooLarge,
    /// The announced SHA-256 is not 64 hex digits.
    #[error("sha256 is not 64 hex digits")]
    BadHash,
    /// The account sent [`DAILY_QUOTA`] bytes in the last 24 hours already.
    #[error("upload quota used up")]
    OverQuota,
    /// No such upload of the caller.
    #[error("upload not found")]
    NotFound,
    /// A chunk larger than 1 MiB.
    #[error("chunk larger than 1 MiB")]
    ChunkTooLarge,
    /// The chunk does not start where the platform's copy ends.
    #[error("offset does not match; {received} bytes held")]
    OffsetMismatch {
        /// Bytes the platform holds.
        received: u64,
    },
    /// The whole file does not have the announced SHA-256; the upload starts over.
    #[error("content does not match sha256")]
    HashMismatch,
    /// The whole file is not a photo or PDF; the upload starts over.
    #[error("not a photo or PDF")]
    Unsupported,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn status_of(row: UploadRow) -> UploadStatus {
    let attachment = row.media_type.map(|media_type| Attachment {
        sha256: row.sha256.clone(),
        media_type,
        size: row.size,
    });
    UploadStatus {
        upload_id: row.upload_id,
        sha256: row.sha256,
        size: row.size,
        received: row.received,
        attachment,
    }
}

/// Starts (or finds again) the caller's upload of a file; complete at once when they already have it.
pub fn start(
    state: &AppState,
    account_id: &str,
    file: &NewUpload,
) -> Result<UploadStatus, UploadError> {
    let sha256 = file.sha256.trim().to_ascii_lowercase();
    if !huiban_rules::is_file_name(&sha256) {
        return Err(UploadError::BadHash);
    }
    let max = u64::try_from(MAX_ATTACHMENT_BYTES).unwrap_or(u64::MAX);
    if file.size == 0 || file.size > max {
        return Err(UploadError::TooLarge);
    }
    if !within_quota(state, account_id, file.size)? {
        return Err(UploadError::OverQuota);
    }
    let new_id = uuid::Uuid::new_v4().simple().to_string();
    let now_ms = state.clock.now().timestamp_millis();
    let mut row = state
        .store
        .upload_open(&new_id, account_id, &sha256, file.size, now_ms)?;
    if row.media_type.is_none()
        && let Some(media_type) = state.store.owned_attachment_type(&sha256, account_id)?
    {
        state
            .store
            .upload_mark_complete(&row.upload_id, &media_type)?;
        row.received = row.size;
        row.media_type = Some(media_type);
    }
    Ok(status_of(row))
}

/// Where the caller's upload stands.
pub fn status(
    state: &AppState,
    account_id: &str,
    upload_id: &str,
) -> Result<UploadStatus, UploadError> {
    state
        .store
        .upload_row(upload_id, account_id)?
        .map(status_of)
        .ok_or(UploadError::NotFound)
}

/// Adds a chunk starting at `offset`; a chunk already held (a retry whose answer was lost) is accepted
/// again. After the last byte the file is checked and stored.
pub fn append(
    state: &AppState,
    account_id: &str,
    upload_id: &str,
    offset: u64,
    chunk: &[u8],
) -> Result<UploadStatus, UploadError> {
    if chunk.len() > MAX_CHUNK_BYTES {
        return Err(UploadError::ChunkTooLarge);
    }
    let length = u64::try_from(chunk.len()).unwrap_or(u64::MAX);
    let row = state
        .store
        .upload_append(upload_id, account_id, offset, chunk)?
        .ok_or(UploadError::NotFound)?;
    if row.media_type.is_some() {
        return Ok(status_of(row));
    }
    if row.received != offset.saturating_add(length) {
        return Err(UploadError::OffsetMismatch {
            received: row.received,
        });
    }
    if row.received < row.size {
        return Ok(status_of(row));
    }
    finish(state, account_id, row)
}

fn finish(
    state: &AppState,
    account_id: &str,
    mut row: UploadRow,
) -> Result<UploadStatus, UploadError> {
    let body = state.store.upload_body(&row.upload_id)?;
    if hex::encode(Sha256::digest(&body)) != row.sha256 {
        state.store.upload_reset(&row.upload_id)?;
        return Err(UploadError::HashMismatch);
    }
    let Some(media_type) = media_type_of(&body) else {
        state.store.upload_reset(&row.upload_id)?;
        return Err(UploadError::Unsupported);
    };
    let now_ms = state.clock.now().timestamp_millis();
    state
        .store
        .upload_complete(&row, account_id, media_type, &body, now_ms)?;
    row.media_type = Some(media_type.to_owned());
    Ok(status_of(row))
}
