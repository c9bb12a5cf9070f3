//! Repository of files attached to answers: kept here, encrypted, until the platform has them.

use rusqlite::{OptionalExtension, params};

use super::{AccountStore, StoreError};

/// A file kept here for an answer (its bytes are read a chunk at a time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalAttachment {
    /// SHA-256 of the bytes, hex; the answer holds this.
    pub sha256: String,
    /// The file's media type.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// Whether the platform has it.
    pub uploaded: bool,
}

impl AccountStore<'_> {
    /// Keeps a file under its SHA-256; keeping the same bytes again changes nothing.
    pub fn attachment_put(
        &self,
        sha256: &str,
        media_type: &str,
        body: &[u8],
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.lock()?.execute(
            "INSERT INTO local_attachment (account_id, sha256, media_type, size, body, created_ms)
             VALUES (?6, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (account_id, sha256) DO NOTHING",
            params![
                sha256,
                media_type,
                i64::try_from(body.len()).unwrap_or(i64::MAX),
                body,
                now_ms,
                self.account_id
            ],
        )?;
        Ok(())
    }

    /// The file kept under `sha256`, if there is one.
    pub fn attachment(&self, sha256: &str) -> Result<Option<LocalAttachment>, StoreError> {
        Ok(self
            .store
            .lock()?
            .query_row(
                "SELECT sha256, media_type, size, uploaded FROM local_attachment
                 WHERE sha256 = ?1 AND account_id = ?2",
                params![sha256, self.account_id],
                |row| {
                    Ok(LocalAttachment {
                        sha256: row.get(0)?,
                        media_type: row.get(1)?,
                        size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
                        uploaded: row.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Up to `length` bytes of a kept file, starting at `offset`.
    pub fn attachment_chunk(
        &self,
        sha256: &str,
        offset: u64,
        length: usize,
    ) -> Result<Vec<u8>, StoreError> {
        Ok(self.store.lock()?.query_row(
            "SELECT substr(body, ?2, ?3) FROM local_attachment WHERE sha256 = ?1 AND account_id = ?4",
            params![
                sha256,
                i64::try_from(offset).unwrap_or(i64::MAX - 1) + 1,
                i64::try_from(length).unwrap_or(i64::MAX),
                self.account_id
            ],
            |row| row.get(0),
        )?)
    }

    /// The whole of a kept file.
    pub fn attachment_body(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .store
            .lock()?
            .query_row(
                "SELECT body FROM local_attachment WHERE sha256 = ?1 AND account_id = ?2",
                params![sha256, self.account_id],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Records that the platform has the file.
    pub fn attachment_mark_uploaded(&self, sha256: &str) -> Result<(), StoreError> {
        self.store.lock()?.execute(
            "UPDATE local_attachment SET uploaded = 1 WHERE sha256 = ?1 AND account_id = ?2",
            params![sha256, self.account_id],
        )?;
        Ok(())
    }
}
