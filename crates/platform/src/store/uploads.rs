//! Resumable-upload repository: one row per account and file, whose bytes grow chunk by chunk.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Store, StoreError};

/// Where one resumable upload stands (its bytes are read separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRow {
    /// The upload's id.
    pub upload_id: String,
    /// SHA-256 the whole file must have.
    pub sha256: String,
    /// Size of the whole file.
    pub size: u64,
    /// Bytes held so far.
    pub received: u64,
    /// The media type, once complete.
    pub media_type: Option<String>,
}

const COLUMNS: &str = "upload_id, sha256, size, received, media_type";

fn from_row(row: &Row<'_>) -> rusqlite::Result<UploadRow> {
    Ok(UploadRow {
        upload_id: row.get(0)?,
        sha256: row.get(1)?,
        size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        received: u64::try_from(row.get::<_, i64>(3)?).unwrap_or(0),
        media_type: row.get(4)?,
    })
}

fn row_of(
    connection: &Connection,
    upload_id: &str,
    account_id: &str,
) -> Result<Option<UploadRow>, StoreError> {
    Ok(connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM upload WHERE upload_id = ?1 AND account_id = ?2"),
            params![upload_id, account_id],
            from_row,
        )
        .optional()?)
}

/// Marks an upload complete as `media_type`, dropping the bytes it held (the attachment has them).
fn mark_complete_in(
    connection: &Connection,
    upload_id: &str,
    media_type: &str,
) -> Result<(), StoreError> {
    connection.execute(
        "UPDATE upload SET body = x'', received = size, media_type = ?1 WHERE upload_id = ?2",
        params![media_type, upload_id],
    )?;
    Ok(())
}

fn signed(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

impl Store {
    /// The account's upload of this file, started now under `new_id` unless one exists; a file
    /// announced again with another size starts over.
    pub fn upload_open(
        &self,
        new_id: &str,
        account_id: &str,
        sha256: &str,
        size: u64,
        now_ms: i64,
    ) -> Result<UploadRow, StoreError> {
        self.write(|transaction| {
        transaction.execute(
            "INSERT INTO upload (upload_id, account_id, sha256, size, created_ms) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (account_id, sha256) DO UPDATE
               SET size = excluded.size, received = 0, body = x'', media_type = NULL
               WHERE upload.size <> excluded.size",
            params![new_id, account_id, sha256, signed(size), now_ms],
        )?;
        Ok(transaction.query_row(
            &format!("SELECT {COLUMNS} FROM upload WHERE account_id = ?1 AND sha256 = ?2"),
            params![account_id, sha256],
            from_row,
        )?)
        })
    }

    /// One of the account's uploads.
    pub fn upload_row(
        &self,
        upload_id: &str,
        account_id: &str,
    ) -> Result<Option<UploadRow>, StoreError> {
        row_of(&*self.lock()?, upload_id, account_id)
    }

    /// Appends `chunk` if the upload holds exactly `offset` bytes and is not complete; answers with
    /// the row as it then stands (unchanged when the offset was wrong), `None` when there is no such upload.
    pub fn upload_append(
        &self,
        upload_id: &str,
        account_id: &str,
        offset: u64,
        chunk: &[u8],
    ) -> Result<Option<UploadRow>, StoreError> {
        self.write(|transaction| {
            let length = i64::try_from(chunk.len()).unwrap_or(i64::MAX);
            transaction.execute(
                "UPDATE upload SET body = CAST(body || ?1 AS BLOB), received = received + ?2
             WHERE upload_id = ?3 AND account_id = ?4 AND received = ?5 AND media_type IS NULL
               AND received + ?2 <= size",
                params![chunk, length, upload_id, account_id, signed(offset)],
            )?;
            row_of(transaction, upload_id, account_id)
        })
    }

    /// The bytes an upload holds.
    pub fn upload_body(&self, upload_id: &str) -> Result<Vec<u8>, StoreError> {
        Ok(self.lock()?.query_row(
            "SELECT body FROM upload WHERE upload_id = ?1",
            params![upload_id],
            |row| row.get(0),
        )?)
    }

    /// Marks an upload complete as `media_type`, storing its bytes as the account's attachment, all at once.
    pub fn upload_complete(
        &self,
        row: &UploadRow,
        account_id: &str,
        media_type: &str,
        body: &[u8],
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.write(|transaction| {
            super::attachments::put_attachment_in(
                transaction,
                &row.sha256,
                media_type,
                body,
                account_id,
                now_ms,
            )?;
            mark_complete_in(transaction, &row.upload_id, media_type)?;
            Ok(())
        })
    }

    /// Marks an upload complete without storing bytes: the account already owns the attachment.
    pub fn upload_mark_complete(
        &self,
        upload_id: &str,
        media_type: &str,
    ) -> Result<(), StoreError> {
        mark_complete_in(&*self.lock()?, upload_id, media_type)
    }

    /// Throws away what an upload holds, so that it starts again from the first byte.
    pub fn upload_reset(&self, upload_id: &str) -> Result<(), StoreError> {
        self.write(|transaction| {
            Ok(transaction.execute(
            "UPDATE upload SET body = x'', received = 0, media_type = NULL WHERE upload_id = ?1",
            params![upload_id],
        )?)
        })?;
        Ok(())
    }

    /// The media type of an attachment `account_id` already owns.
    pub fn owned_attachment_type(
        &self,
        sha256: &str,
        account_id: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT a.media_type FROM attachment a
                 JOIN attachment_owner o ON o.sha256 = a.sha256
                 WHERE a.sha256 = ?1 AND o.account_id = ?2",
                params![sha256, account_id],
                |row| row.get(0),
            )
            .optional()?)
    }
}

impl Store {
    /// Bytes `account_id` sent since `since_ms`: files first owned since then, and uploads begun
    /// since then and not finished.
    pub fn bytes_uploaded_since(&self, account_id: &str, since_ms: i64) -> Result<u64, StoreError> {
        let connection = self.lock()?;
        let owned: i64 = connection.query_row(
            "SELECT COALESCE(SUM(a.size), 0) FROM attachment_owner o
             JOIN attachment a ON a.sha256 = o.sha256
             WHERE o.account_id = ?1 AND o.owned_ms >= ?2",
            params![account_id, since_ms],
            |row| row.get(0),
        )?;
        let unfinished: i64 = connection.query_row(
            "SELECT COALESCE(SUM(size), 0) FROM upload
             WHERE account_id = ?1 AND created_ms >= ?2 AND received < size",
            params![account_id, since_ms],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(owned.saturating_add(unfinished)).unwrap_or(0))
    }
}
