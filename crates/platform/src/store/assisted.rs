//! Assisted-session repository.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};

/// A stored assisted session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Id.
    pub session_id: String,
    /// The staff member.
    pub staff_account_id: String,
    /// The resident; `None` when the name and ID number given matched nobody (it can never open).
    pub resident_account_id: Option<String>,
    /// The name the staff member typed.
    pub named_as: String,
    /// SHA-256 of the consent code sent to the resident.
    pub code_hash: Option<String>,
    /// Wrong codes tried.
    pub code_attempts: i64,
    /// `sms_code` or `signature`, once consented.
    pub consent_method: Option<String>,
    /// Created, ms.
    pub created_ms: i64,
    /// Consent given, ms.
    pub opened_ms: Option<i64>,
    /// Closed, ms.
    pub closed_ms: Option<i64>,
    /// The manager who approved a consent by signature.
    pub approved_by: Option<String>,
    /// SHA-256 of the session's delivery key (sessions begun before there were keys have none).
    pub delivery_key_hash: Option<String>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<SessionRecord> {
    Ok(SessionRecord {
        session_id: row.get("session_id")?,
        staff_account_id: row.get("staff_account_id")?,
        resident_account_id: row.get("resident_account_id")?,
        named_as: row.get("named_as")?,
        code_hash: row.get("code_hash")?,
        code_attempts: row.get("code_attempts")?,
        consent_method: row.get("consent_method")?,
        created_ms: row.get("created_ms")?,
        opened_ms: row.get("opened_ms")?,
        closed_ms: row.get("closed_ms")?,
        approved_by: row.get("approved_by")?,
        delivery_key_hash: row.get("delivery_key_hash")?,
    })
}

impl Store {
    /// The citizen account with this ID number.
    pub fn citizen_by_id_number(
        &self,
        id_number: &str,
    ) -> Result<Option<(String, Option<String>)>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT account_id, name FROM account WHERE id_number = ?1 AND role = 'citizen'",
                params![id_number],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    /// Stores a new session waiting for consent.
    pub fn insert_session(&self, session: &SessionRecord) -> Result<(), StoreError> {
        self.write(|transaction| Ok(transaction.execute(
            "INSERT INTO assisted_session (session_id, staff_account_id, resident_account_id, named_as, code_hash, created_ms, delivery_key_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                session.session_id,
                session.staff_account_id,
                session.resident_account_id,
                session.named_as,
                session.code_hash,
                session.created_ms,
                session.delivery_key_hash
            ],
        )?))?;
        Ok(())
    }

    /// One session.
    pub fn session(&self, session_id: &str) -> Result<Option<SessionRecord>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT * FROM assisted_session WHERE session_id = ?1",
                params![session_id],
                from_row,
            )
            .optional()?)
    }

    /// At most `limit` sessions in which `resident` was acted for, newest first, after `after`.
    pub fn sessions_of_resident(
        &self,
        resident: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<SessionRecord>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT * FROM assisted_session WHERE resident_account_id = ?1
               AND (?2 IS NULL OR (created_ms, session_id) <
                    (SELECT created_ms, session_id FROM assisted_session
                     WHERE session_id = ?2 AND resident_account_id = ?1))
             ORDER BY created_ms DESC, session_id DESC LIMIT ?3",
        )?;
        let rows = statement.query_map(params![resident, after, limit], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The sessions `staff` started since `since_ms`, newest first, at most `limit`.
    pub fn sessions_of_staff_since(
        &self,
        staff: &str,
        since_ms: i64,
        limit: u32,
    ) -> Result<Vec<SessionRecord>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT * FROM assisted_session WHERE staff_account_id = ?1 AND created_ms >= ?2
             ORDER BY created_ms DESC, session_id DESC LIMIT ?3",
        )?;
        let rows = statement.query_map(params![staff, since_ms, limit], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Takes one try at the session's consent code, in one step with its count: `false` when
    /// `limit` tries were taken already (so no more than `limit` codes are ever compared).
    pub fn take_consent_try(&self, session_id: &str, limit: i64) -> Result<bool, StoreError> {
        let changed = self.lock()?.execute(
            "UPDATE assisted_session SET code_attempts = code_attempts + 1
             WHERE session_id = ?1 AND code_attempts < ?2",
            params![session_id, limit],
        )?;
        Ok(changed == 1)
    }

    /// Counts a start of an assisted session by `staff` for the ID number hashed as
    /// `id_number_hash`, unless either already had `limit` starts since `since_ms` (then `false`):
    /// the check and the count are one step.
    pub fn take_assisted_start(
        &self,
        staff: &str,
        id_number_hash: &str,
        since_ms: i64,
        (per_staff, per_resident): (i64, i64),
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let mut connection = self.lock()?;
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (by_staff, for_resident): (i64, i64) = transaction.query_row(
            "SELECT
                 (SELECT COUNT(*) FROM assisted_start WHERE staff_account_id = ?1 AND at_ms >= ?3),
                 (SELECT COUNT(*) FROM assisted_start WHERE id_number_hash = ?2 AND at_ms >= ?3)",
            params![staff, id_number_hash, since_ms],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if by_staff >= per_staff || for_resident >= per_resident {
            return Ok(false);
        }
        transaction.execute(
            "INSERT INTO assisted_start (staff_account_id, id_number_hash, at_ms) VALUES (?1, ?2, ?3)",
            params![staff, id_number_hash, now_ms],
        )?;
        transaction.commit()?;
        Ok(true)
    }

    /// Opens a session waiting for consent (with the manager who approved a signature, if one
    /// did); false when it is not waiting.
    pub fn open_session(
        &self,
        session_id: &str,
        method: &str,
        evidence: &str,
        approved_by: Option<&str>,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            Ok(transaction.execute(
                "UPDATE assisted_session
             SET consent_method = ?2, consent_evidence = ?3, approved_by = ?4, opened_ms = ?5
             WHERE session_id = ?1 AND opened_ms IS NULL AND closed_ms IS NULL",
                params![session_id, method, evidence, approved_by, now_ms],
            )?)
        })?;
        Ok(changed == 1)
    }

    /// Closes a session, recording the Idempotency-Keys of what was confirmed in it and is still
    /// to arrive, in the same step; false (and nothing recorded) when it was already closed.
    pub fn close_session(
        &self,
        session_id: &str,
        now_ms: i64,
        pending: &[String],
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            let changed = transaction.execute(
                "UPDATE assisted_session SET closed_ms = ?2 WHERE session_id = ?1 AND closed_ms IS NULL",
                params![session_id, now_ms],
            )?;
            if changed == 1 {
                for key in pending {
                    transaction.execute(
                        "INSERT OR IGNORE INTO assisted_pending (session_id, idempotency_key)
                         VALUES (?1, ?2)",
                        params![session_id, key],
                    )?;
                }
            }
            Ok(changed)
        })?;
        Ok(changed == 1)
    }

    /// Whether the session was closed naming `idempotency_key` as confirmed in it and still to
    /// arrive.
    pub fn is_pending_in(
        &self,
        session_id: &str,
        idempotency_key: &str,
    ) -> Result<bool, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT 1 FROM assisted_pending WHERE session_id = ?1 AND idempotency_key = ?2",
                params![session_id, idempotency_key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}
