//! Attachments: photos and PDFs, named by the SHA-256 of their bytes.

use serde::{Deserialize, Serialize};

/// Largest attachment accepted, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Header in which a client may send the SHA-256 (hex) it computed, to be checked.
pub const CONTENT_SHA256_HEADER: &str = "x-content-sha256";

/// Answer of `POST /api/v1/attachments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// SHA-256 of the bytes, hex; answers refer to attachments by it.
    pub sha256: String,
    /// The type found in the bytes: image/jpeg, image/png, image/webp or application/pdf.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}

/// The media type the bytes are, judged by their first bytes; only images and PDF are known.
pub fn media_type_of(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Some("image/png"),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Some("image/webp"),
        [b'%', b'P', b'D', b'F', b'-', ..] => Some("application/pdf"),
        _ => None,
    }
}

/// Largest chunk of a resumable upload, in bytes.
pub const MAX_CHUNK_BYTES: usize = 1024 * 1024;
/// Header of `PATCH /api/v1/uploads/{upload_id}` naming where in the file the chunk starts.
pub const UPLOAD_OFFSET_HEADER: &str = "upload-offset";

/// Body of `POST /api/v1/uploads`: announce a file to be sent in chunks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewUpload {
    /// SHA-256 of the whole file, hex; checked when the last chunk arrives.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9a-fA-F]{64}$"))]
    pub sha256: String,
    /// Size of the whole file in bytes, at most 10 MiB.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 10485760))]
    pub size: u64,
}

/// Where a resumable upload stands; the answer of every `/api/v1/uploads` call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadStatus {
    /// The upload's id, for the next chunk.
    pub upload_id: String,
    /// SHA-256 of the whole file, hex.
    pub sha256: String,
    /// Size of the whole file.
    pub size: u64,
    /// Bytes the platform holds; the next chunk starts here.
    pub received: u64,
    /// The stored attachment, once every byte has arrived and checked out.
    pub attachment: Option<Attachment>,
}

#[cfg(test)]
mod tests {
    use super::media_type_of;

    #[test]
    fn only_images_and_pdf_are_recognised() {
        assert_eq!(
            media_type_of(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Some("image/jpeg")
        );
        assert_eq!(media_type_of(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(media_type_of(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(media_type_of(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(media_type_of(b"MZ\x90\0"), None);
        assert_eq!(media_type_of(b"<html>"), None);
        assert_eq!(media_type_of(b""), None);
    }
}
