//! Inbox repository.

use rusqlite::{Connection, params};

use super::{Store, StoreError};

/// A message to put in someone's inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Owner of the inbox.
    pub account_id: String,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Case it is about.
    pub application_no: Option<String>,
    /// Request it is about.
    pub request_no: Option<String>,
}

/// A stored message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    /// Id and cursor.
    pub message_id: i64,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
    /// Case.
    pub application_no: Option<String>,
    /// Request.
    pub request_no: Option<String>,
    /// Created, ms.
    pub created_ms: i64,
    /// Read, ms.
    pub read_ms: Option<i64>,
}

/// Inserts a message on an open connection (inside the caller's transaction).
pub(super) fn insert(
    connection: &Connection,
    notice: &Notice,
    now_ms: i64,
) -> rusqlite::Result<()> {
    connection.execute(
        "INSERT INTO message (account_id, title, body, application_no, request_no, created_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            notice.account_id,
            notice.title,
            notice.body,
            notice.application_no,
            notice.request_no,
            now_ms
        ],
    )?;
    Ok(())
}

impl Store {
    /// Puts a message in an inbox.
    pub fn add_message(&self, notice: &Notice, now_ms: i64) -> Result<(), StoreError> {
        let connection = self.lock()?;
        insert(&connection, notice, now_ms)?;
        Ok(())
    }

    /// Messages of an account with ids above `cursor`, oldest first, at most `limit`.
    pub fn messages_after(
        &self,
        account_id: &str,
        cursor: i64,
        limit: u32,
    ) -> Result<Vec<StoredMessage>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT message_id, title, body, application_no, request_no, created_ms, read_ms FROM message
             WHERE account_id = ?1 AND message_id > ?2 ORDER BY message_id LIMIT ?3",
        )?;
        let rows = statement.query_map(params![account_id, cursor, limit], |row| {
            Ok(StoredMessage {
                message_id: row.get(0)?,
                title: row.get(1)?,
                body: row.get(2)?,
                application_no: row.get(3)?,
                request_no: row.get(4)?,
                created_ms: row.get(5)?,
                read_ms: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Unread messages of an account.
    pub fn unread_messages(&self, account_id: &str) -> Result<u64, StoreError> {
        let count: i64 = self.lock()?.query_row(
            "SELECT COUNT(*) FROM message WHERE account_id = ?1 AND read_ms IS NULL",
            params![account_id],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Marks a message of `account_id` read; returns false when it is not theirs.
    pub fn mark_message_read(
        &self,
        account_id: &str,
        message_id: i64,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        self.write(|transaction| {
        let owned: i64 = transaction.query_row(
            "SELECT COUNT(*) FROM message WHERE message_id = ?1 AND account_id = ?2",
            params![message_id, account_id],
            |row| row.get(0),
        )?;
        if owned == 0 {
            return Ok(false);
        }
        transaction.execute(
            "UPDATE message SET read_ms = COALESCE(read_ms, ?3) WHERE message_id = ?1 AND account_id = ?2",
            params![message_id, account_id, now_ms],
        )?;
        Ok(true)
        })
    }
}
