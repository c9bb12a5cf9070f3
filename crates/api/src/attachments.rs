//! Attachments: photos and PDFs, named by the SHA-256 of their bytes.

use serde::{Deserialize, Serialize};

/// Largest attachment accepted, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Header in which a client may send the SHA-256 (hex) it computed, to be checked.
pub const CONTENT_SHA256_HEADER: &str = "x-content-sha256";

/// Answer of `POST /api/v1/attachments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// SHA-256 of the bytes, hex; answers refer to attachments by it.
    pub sha256: String,
    /// The type found in the bytes: image/jpeg, image/png, image/webp or application/pdf.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}
