//! Attachment repository: bytes stored once per content, owners recorded per upload.

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError};

impl Store {
    /// Stores bytes (once per hash) and records `account_id` as an owner.
    pub fn put_attachment(
        &self,
        sha256: &str,
        media_type: &str,
        body: &[u8],
        account_id: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.write(|transaction| {
            put_attachment_in(transaction, sha256, media_type, body, account_id, now_ms)?;
            Ok(())
        })
    }

    /// The media type and bytes of an attachment, if `account_id` uploaded it.
    pub fn attachment_for(
        &self,
        sha256: &str,
        account_id: &str,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT a.media_type, a.body FROM attachment a
                 JOIN attachment_owner o ON o.sha256 = a.sha256
                 WHERE a.sha256 = ?1 AND o.account_id = ?2",
                params![sha256, account_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }
}

impl Store {
    /// The media type of an attachment `account_id` uploaded, and when they first did, if they did.
    pub fn attachment_owned(
        &self,
        sha256: &str,
        account_id: &str,
    ) -> Result<Option<(String, i64)>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT a.media_type, o.owned_ms FROM attachment a
                 JOIN attachment_owner o ON o.sha256 = a.sha256
                 WHERE a.sha256 = ?1 AND o.account_id = ?2",
                params![sha256, account_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }
}

/// Stores bytes (once per hash) and records `account_id` as an owner (from `now_ms`, the first time
/// they upload it), inside the caller's transaction.
pub(super) fn put_attachment_in(
    connection: &Connection,
    sha256: &str,
    media_type: &str,
    body: &[u8],
    account_id: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    connection.execute(
        "INSERT INTO attachment (sha256, media_type, size, body, created_ms) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (sha256) DO NOTHING",
        params![sha256, media_type, i64::try_from(body.len()).unwrap_or(i64::MAX), body, now_ms],
    )?;
    connection.execute(
        "INSERT INTO attachment_owner (sha256, account_id, owned_ms) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        params![sha256, account_id, now_ms],
    )?;
    Ok(())
}
