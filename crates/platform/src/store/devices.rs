//! Device-grant repository (RFC 8628): a kiosk's pending login and the citizen's answer.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// A stored device grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceGrant {
    /// SHA-256 of the device code.
    pub device_code_hash: String,
    /// The user code, normalised (8 letters, no dash).
    pub user_code: String,
    /// The kiosk that asked.
    pub kiosk_account_id: String,
    /// Expiry, ms.
    pub expires_ms: i64,
    /// Current polling interval, seconds.
    pub interval_s: i64,
}

/// The state of a grant as a poll reads it.
struct GrantState {
    expires_ms: i64,
    interval_s: i64,
    last_poll_ms: Option<i64>,
    approved: Option<String>,
    denied: bool,
    consumed: bool,
    kiosk_account_id: String,
}

/// What a poll found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Poll {
    /// No such device code, or already used.
    Invalid,
    /// Past its expiry.
    Expired,
    /// Polled before the interval passed; the interval has grown by 5 seconds.
    SlowDown,
    /// The citizen has not answered yet.
    Pending,
    /// The citizen refused.
    Denied,
    /// The citizen approved: log in as her account on that kiosk (the grant is now spent).
    Approved {
        /// The approving citizen.
        account_id: String,
        /// The kiosk that asked.
        kiosk_account_id: String,
    },
}

impl Store {
    /// Stores a new grant.
    pub fn insert_device_grant(&self, grant: &DeviceGrant, now_ms: i64) -> Result<(), StoreError> {
        self.write(|transaction| Ok(transaction.execute(
            "INSERT INTO device_grant (device_code_hash, user_code, kiosk_account_id, created_ms, expires_ms, interval_s)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![grant.device_code_hash, grant.user_code, grant.kiosk_account_id, now_ms, grant.expires_ms, grant.interval_s],
        )?))?;
        Ok(())
    }

    /// The kiosk (name, place) asking under a live, unanswered `user_code`, and when it expires.
    pub fn device_grant_asking(
        &self,
        user_code: &str,
        now_ms: i64,
    ) -> Result<Option<(String, String, i64)>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT COALESCE(k.name, k.username, ''), COALESCE(k.department, ''), g.expires_ms
                 FROM device_grant g JOIN account k ON k.account_id = g.kiosk_account_id
                 WHERE g.user_code = ?1 AND g.expires_ms > ?2 AND g.consumed = 0
                   AND g.approved_account_id IS NULL AND g.denied = 0",
                params![user_code, now_ms],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?)
    }

    /// Records a citizen's answer to a live, unanswered grant; returns false when there is none.
    pub fn answer_device_grant(
        &self,
        user_code: &str,
        account_id: &str,
        approve: bool,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        self.answer_grant(user_code, None, account_id, approve, now_ms)
    }

    /// Approves as `account_id` the live, unanswered grant under `user_code` of the kiosk `kiosk`
    /// only; false when that kiosk shows no such code.
    pub fn approve_own_device_grant(
        &self,
        user_code: &str,
        kiosk: &str,
        account_id: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        self.answer_grant(user_code, Some(kiosk), account_id, true, now_ms)
    }

    /// Whether the kiosk `kiosk` shows a live, unanswered request under `user_code`.
    pub fn device_grant_shown_by(
        &self,
        user_code: &str,
        kiosk: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT 1 FROM device_grant
                 WHERE user_code = ?1 AND kiosk_account_id = ?2 AND expires_ms > ?3 AND consumed = 0
                   AND approved_account_id IS NULL AND denied = 0",
                params![user_code, kiosk, now_ms],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    fn answer_grant(
        &self,
        user_code: &str,
        kiosk: Option<&str>,
        account_id: &str,
        approve: bool,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| Ok(transaction.execute(
            "UPDATE device_grant SET approved_account_id = CASE WHEN ?3 THEN ?2 ELSE NULL END, denied = CASE WHEN ?3 THEN 0 ELSE 1 END
             WHERE user_code = ?1 AND expires_ms > ?4 AND consumed = 0 AND approved_account_id IS NULL AND denied = 0
               AND (?5 IS NULL OR kiosk_account_id = ?5)",
            params![user_code, account_id, approve, now_ms, kiosk],
        )?))?;
        Ok(changed == 1)
    }

    /// One poll by the kiosk, applying RFC 8628's rules in one transaction.
    pub fn poll_device_grant(
        &self,
        device_code_hash: &str,
        now_ms: i64,
    ) -> Result<Poll, StoreError> {
        let mut connection = self.lock()?;
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let row = transaction
            .query_row(
                "SELECT expires_ms, interval_s, last_poll_ms, approved_account_id, denied, consumed,
                        kiosk_account_id
                 FROM device_grant WHERE device_code_hash = ?1",
                params![device_code_hash],
                |row| {
                    Ok(GrantState {
                        expires_ms: row.get(0)?,
                        interval_s: row.get(1)?,
                        last_poll_ms: row.get(2)?,
                        approved: row.get(3)?,
                        denied: row.get(4)?,
                        consumed: row.get(5)?,
                        kiosk_account_id: row.get(6)?,
                    })
                },
            )
            .optional()?;
        let Some(GrantState {
            expires_ms,
            interval_s,
            last_poll_ms,
            approved,
            denied,
            consumed,
            kiosk_account_id,
        }) = row
        else {
            return Ok(Poll::Invalid);
        };
        if consumed {
            return Ok(Poll::Invalid);
        }
        if expires_ms <= now_ms {
            return Ok(Poll::Expired);
        }
        let too_soon = last_poll_ms.is_some_and(|last| now_ms - last < interval_s * 1000);
        transaction.execute(
            "UPDATE device_grant SET last_poll_ms = ?2, interval_s = interval_s + ?3 WHERE device_code_hash = ?1",
            params![device_code_hash, now_ms, if too_soon { 5 } else { 0 }],
        )?;
        let outcome = if too_soon {
            Poll::SlowDown
        } else if denied {
            Poll::Denied
        } else if let Some(account_id) = approved {
            transaction.execute(
                "UPDATE device_grant SET consumed = 1 WHERE device_code_hash = ?1",
                params![device_code_hash],
            )?;
            Poll::Approved {
                account_id,
                kiosk_account_id,
            }
        } else {
            Poll::Pending
        };
        transaction.commit()?;
        Ok(outcome)
    }
}
