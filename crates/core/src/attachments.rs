//! Files for answers: checked and kept in the local store before anything is sent, so a photo taken
//! offline is queued with the form and never lost.

use huiban_api::attachments::{MAX_ATTACHMENT_BYTES, media_type_of};
use sha2::{Digest, Sha256};

use crate::store::{AccountStore, StoreError};

/// Why a file cannot be attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachmentError {
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// Larger than the platform accepts.
    #[error("the file is larger than 10 MiB")]
    TooLarge,
    /// Not a photo or PDF.
    #[error("only JPEG, PNG, WebP and PDF files can be attached")]
    Unsupported,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AttachmentError {
    /// The Fluent message id that explains this error to the user.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Empty => "attachment-empty",
            Self::TooLarge => "attachment-too-large",
            Self::Unsupported => "attachment-unsupported",
            Self::Store(_) => "error-local-store",
        }
    }
}

/// A file kept for an answer: the answer holds its `sha256`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct KeptFile {
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// The file's media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// Checks a file and keeps it in the local store until the platform has it.
pub fn keep(
    store: &AccountStore<'_>,
    bytes: &[u8],
    now_ms: i64,
) -> Result<KeptFile, AttachmentError> {
    if bytes.is_empty() {
        return Err(AttachmentError::Empty);
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(AttachmentError::TooLarge);
    }
    let media_type = media_type_of(bytes).ok_or(AttachmentError::Unsupported)?;
    let sha256 = hex::encode(Sha256::digest(bytes));
    store.attachment_put(&sha256, media_type, bytes, now_ms)?;
    Ok(KeptFile {
        sha256,
        media_type: media_type.to_owned(),
        size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
    })
}
