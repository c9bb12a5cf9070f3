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

/// What asking to store a new login code came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsCodeTaken {
    /// Stored; send it.
    Stored,
    /// The last one went out too recently; wait this long.
    TooSoon {
        /// Milliseconds to wait.
        wait_ms: i64,
    },
    /// The day's codes are used up.
    TooManyToday,
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

    /// Stores a new login code for `phone` unless one was sent less than `resend_after_ms` ago or
    /// `per_day` were sent in the last day: the checks and the insert are one step, so requests
    /// racing each other cannot send more. Says which limit stopped it.
    pub fn take_sms_code(
        &self,
        phone: &str,
        code_hash: &str,
        (now_ms, expires_ms): (i64, i64),
        (resend_after_ms, per_day): (i64, u64),
    ) -> Result<SmsCodeTaken, StoreError> {
        let mut connection = self.lock()?;
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let day_ago = now_ms - 86_400_000;
        let (last, today): (Option<i64>, i64) = transaction.query_row(
            "SELECT MAX(created_ms), SUM(created_ms >= ?2) FROM sms_code WHERE phone = ?1",
            params![phone, day_ago],
            |row| Ok((row.get(0)?, row.get::<_, Option<i64>>(1)?.unwrap_or(0))),
        )?;
        if let Some(last) = last
            && last + resend_after_ms > now_ms
        {
            return Ok(SmsCodeTaken::TooSoon {
                wait_ms: last + resend_after_ms - now_ms,
            });
        }
        if u64::try_from(today).unwrap_or(0) >= per_day {
            return Ok(SmsCodeTaken::TooManyToday);
        }
        transaction.execute(
            "INSERT INTO sms_code (phone, code_hash, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4)",
            params![phone, code_hash, now_ms, expires_ms],
        )?;
        transaction.commit()?;
        Ok(SmsCodeTaken::Stored)
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

    /// Takes one try at the code `id`, counted in the same step as the check: `false` when it is
    /// spent, expired at `now_ms` or had `limit` tries, so no more than `limit` guesses are ever
    /// compared, however many arrive at once.
    pub fn take_sms_code_try(&self, id: i64, limit: i64, now_ms: i64) -> Result<bool, StoreError> {
        let changed = self.lock()?.execute(
            "UPDATE sms_code SET attempts = attempts + 1
             WHERE id = ?1 AND used = 0 AND expires_ms > ?3 AND attempts < ?2",
            params![id, limit, now_ms],
        )?;
        Ok(changed == 1)
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
