//! SMS repository: the sink's outbox and the login codes sent through it.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// A text message the sink recorded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SentSms {
    /// Sequence number.
    pub id: i64,
    /// Recipient.
    pub phone: String,
    /// The message.
    pub text: String,
    /// When it was recorded, ms since the epoch.
    pub sent_ms: i64,
}

/// The newest login code of a phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsCode {
    /// Row id.
    pub id: i64,
    /// SHA-256 of phone and code, hex.
    pub code_hash: String,
    /// Expiry, ms since the epoch.
    pub expires_ms: i64,
    /// Wrong guesses so far.
    pub attempts: i64,
    /// Whether it has been used to log in.
    pub used: bool,
}

impl Store {
    /// Records a message in the SMS sink.
    pub fn record_sms(&self, phone: &str, text: &str) -> Result<(), StoreError> {
        let now_ms = chrono::Utc::now().timestamp_millis();
        self.lock()?.execute(
            "INSERT INTO sms_outbox (phone, text, sent_ms) VALUES (?1, ?2, ?3)",
            params![phone, text, now_ms],
        )?;
        Ok(())
    }

    /// Every message in the sink, oldest first.
    pub fn sent_sms(&self) -> Result<Vec<SentSms>, StoreError> {
        let connection = self.lock()?;
        let mut statement =
            connection.prepare("SELECT id, phone, text, sent_ms FROM sms_outbox ORDER BY id")?;
        let rows = statement.query_map([], |row| {
            Ok(SentSms {
                id: row.get(0)?,
                phone: row.get(1)?,
                text: row.get(2)?,
                sent_ms: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stores a new login code for `phone`.
    pub fn insert_sms_code(
        &self,
        phone: &str,
        code_hash: &str,
        now_ms: i64,
        expires_ms: i64,
    ) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO sms_code (phone, code_hash, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4)",
            params![phone, code_hash, now_ms, expires_ms],
        )?;
        Ok(())
    }

    /// How many codes were sent to `phone` at or after `since_ms`.
    pub fn sms_codes_since(&self, phone: &str, since_ms: i64) -> Result<u64, StoreError> {
        let count: i64 = self.lock()?.query_row(
            "SELECT COUNT(*) FROM sms_code WHERE phone = ?1 AND created_ms >= ?2",
            params![phone, since_ms],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// When the newest code of `phone` was sent.
    pub fn last_sms_code_ms(&self, phone: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT MAX(created_ms) FROM sms_code WHERE phone = ?1",
                params![phone],
                |row| row.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten())
    }

    /// The newest code of `phone`.
    pub fn latest_sms_code(&self, phone: &str) -> Result<Option<SmsCode>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT id, code_hash, expires_ms, attempts, used FROM sms_code
                 WHERE phone = ?1 ORDER BY created_ms DESC, id DESC LIMIT 1",
                params![phone],
                |row| {
                    Ok(SmsCode {
                        id: row.get(0)?,
                        code_hash: row.get(1)?,
                        expires_ms: row.get(2)?,
                        attempts: row.get(3)?,
                        used: row.get::<_, i64>(4)? != 0,
                    })
                },
            )
            .optional()?)
    }

    /// Counts a wrong guess against a code.
    pub fn count_sms_code_attempt(&self, id: i64) -> Result<(), StoreError> {
        self.lock()?.execute(
            "UPDATE sms_code SET attempts = attempts + 1 WHERE id = ?1",
            params![id],
        )?;
        Ok(())
    }

    /// Spends a code; returns false when it was already spent.
    pub fn use_sms_code(&self, id: i64) -> Result<bool, StoreError> {
        let changed = self.lock()?.execute(
            "UPDATE sms_code SET used = 1 WHERE id = ?1 AND used = 0",
            params![id],
        )?;
        Ok(changed == 1)
    }
}
