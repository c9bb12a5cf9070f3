//! Repository of the first answers to actions sent under an Idempotency-Key.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// The first answer kept for a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAnswer {
    /// What was done, e.g. `POST /applications/{no}/supplements`.
    pub action: String,
    /// SHA-256 of the request that got it.
    pub request_hash: String,
    /// The answer, JSON.
    pub answer: String,
}

impl Store {
    /// The answer kept for `account_id`'s `idempotency_key`, if any.
    pub fn kept_answer(
        &self,
        account_id: &str,
        idempotency_key: &str,
    ) -> Result<Option<KeptAnswer>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT action, request_hash, answer FROM idempotent_answer
                 WHERE account_id = ?1 AND idempotency_key = ?2",
                params![account_id, idempotency_key],
                |row| {
                    Ok(KeptAnswer {
                        action: row.get(0)?,
                        request_hash: row.get(1)?,
                        answer: row.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Keeps the first answer for a key; a later one for the same key is ignored.
    pub fn keep_answer(
        &self,
        account_id: &str,
        idempotency_key: &str,
        kept: &KeptAnswer,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO idempotent_answer (account_id, idempotency_key, action, request_hash, answer, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
            params![
                account_id,
                idempotency_key,
                kept.action,
                kept.request_hash,
                kept.answer,
                now_ms
            ],
        )?;
        Ok(())
    }
}
