//! Relative-grant repository (亲友代办).

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};

/// A stored relative grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRecord {
    /// Id.
    pub grant_id: String,
    /// The relative who asked to help.
    pub helper_account_id: String,
    /// The person; `None` when the phone he typed matched nobody (it can never be granted).
    pub person_account_id: Option<String>,
    /// The phone he typed, masked.
    pub phone_masked: String,
    /// Who he is to her, as the contract spells it (`son`, `daughter` …).
    pub kinship: String,
    /// `asked`, `granted`, `refused` or `ended` (a granted one past `expires_ms` has expired).
    pub state: String,
    /// SHA-256 of the code texted to her.
    pub code_hash: Option<String>,
    /// Codes tried.
    pub code_attempts: i64,
    /// Asked, ms.
    pub asked_ms: i64,
    /// Answered, ms.
    pub answered_ms: Option<i64>,
    /// Runs out, ms, once granted.
    pub expires_ms: Option<i64>,
    /// Ended, ms.
    pub ended_ms: Option<i64>,
}

/// One row of 谁帮我办过: an assisted session or a relative grant, by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActedForRow {
    /// An assisted session.
    Session(String),
    /// A relative grant she agreed to.
    Grant(String),
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<GrantRecord> {
    Ok(GrantRecord {
        grant_id: row.get("grant_id")?,
        helper_account_id: row.get("helper_account_id")?,
        person_account_id: row.get("person_account_id")?,
        phone_masked: row.get("phone_masked")?,
        kinship: row.get("kinship")?,
        state: row.get("state")?,
        code_hash: row.get("code_hash")?,
        code_attempts: row.get("code_attempts")?,
        asked_ms: row.get("asked_ms")?,
        answered_ms: row.get("answered_ms")?,
        expires_ms: row.get("expires_ms")?,
        ended_ms: row.get("ended_ms")?,
    })
}

impl Store {
    /// Stores a new grant waiting for her answer.
    pub fn insert_relative_grant(&self, grant: &GrantRecord) -> Result<(), StoreError> {
        self.write(|transaction| {
            Ok(transaction.execute(
                "INSERT INTO relative_grant (grant_id, helper_account_id, person_account_id,
                    phone_masked, kinship, state, code_hash, asked_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'asked', ?6, ?7)",
                params![
                    grant.grant_id,
                    grant.helper_account_id,
                    grant.person_account_id,
                    grant.phone_masked,
                    grant.kinship,
                    grant.code_hash,
                    grant.asked_ms
                ],
            )?)
        })?;
        Ok(())
    }

    /// One grant.
    pub fn relative_grant(&self, grant_id: &str) -> Result<Option<GrantRecord>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT * FROM relative_grant WHERE grant_id = ?1",
                params![grant_id],
                from_row,
            )
            .optional()?)
    }

    /// The grants `helper` asked for, newest first, at most `limit`.
    pub fn relative_grants_of_helper(
        &self,
        helper: &str,
        limit: u32,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        self.relative_grants_where("helper_account_id", helper, limit)
    }

    /// The grants asked of `person`, newest first, at most `limit`.
    pub fn relative_grants_of_person(
        &self,
        person: &str,
        limit: u32,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        self.relative_grants_where("person_account_id", person, limit)
    }

    /// The grants whose `column` (one of the two account columns) is `account`, newest first.
    fn relative_grants_where(
        &self,
        column: &'static str,
        account: &str,
        limit: u32,
    ) -> Result<Vec<GrantRecord>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(&format!(
            "SELECT * FROM relative_grant WHERE {column} = ?1
             ORDER BY asked_ms DESC, grant_id DESC LIMIT ?2"
        ))?;
        let rows = statement.query_map(params![account, limit], from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many grants `helper` asked for since `since_ms`.
    pub fn relative_grants_asked_since(
        &self,
        helper: &str,
        since_ms: i64,
    ) -> Result<i64, StoreError> {
        Ok(self.lock()?.query_row(
            "SELECT COUNT(*) FROM relative_grant WHERE helper_account_id = ?1 AND asked_ms >= ?2",
            params![helper, since_ms],
            |row| row.get(0),
        )?)
    }

    /// Records her answer to a grant still asked: `granted` (until `expires_ms`) or `refused`.
    /// `false` when it was not waiting for one.
    pub fn answer_relative_grant(
        &self,
        grant_id: &str,
        granted: bool,
        now_ms: i64,
        expires_ms: i64,
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            Ok(transaction.execute(
                "UPDATE relative_grant SET state = ?2, answered_ms = ?3, expires_ms = ?4
                 WHERE grant_id = ?1 AND state = 'asked'",
                params![
                    grant_id,
                    if granted { "granted" } else { "refused" },
                    now_ms,
                    granted.then_some(expires_ms)
                ],
            )?)
        })?;
        Ok(changed == 1)
    }

    /// Takes one try at the grant's code, in one step with its count: `false` when `limit` tries
    /// were taken already.
    pub fn take_relative_code_try(&self, grant_id: &str, limit: i64) -> Result<bool, StoreError> {
        let changed = self.lock()?.execute(
            "UPDATE relative_grant SET code_attempts = code_attempts + 1
             WHERE grant_id = ?1 AND code_attempts < ?2",
            params![grant_id, limit],
        )?;
        Ok(changed == 1)
    }

    /// Ends a grant still asked or granted. `false` when it had ended already.
    pub fn end_relative_grant(&self, grant_id: &str, now_ms: i64) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            Ok(transaction.execute(
                "UPDATE relative_grant SET state = 'ended', ended_ms = ?2
                 WHERE grant_id = ?1 AND state IN ('asked', 'granted')",
                params![grant_id, now_ms],
            )?)
        })?;
        Ok(changed == 1)
    }

    /// At most `limit` rows of 谁帮我办过 of `person`, newest first, those after the row `after`
    /// (a session or grant id): her assisted sessions, and the grants she agreed to.
    pub fn acted_for_rows(
        &self,
        person: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<ActedForRow>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "WITH acted (kind, id, at_ms) AS (
                SELECT 'session', session_id, created_ms FROM assisted_session
                 WHERE resident_account_id = ?1
                UNION ALL
                SELECT 'grant', grant_id, asked_ms FROM relative_grant
                 WHERE person_account_id = ?1 AND answered_ms IS NOT NULL AND expires_ms IS NOT NULL
             )
             SELECT kind, id FROM acted
             WHERE ?2 IS NULL OR (at_ms, id) < (SELECT at_ms, id FROM acted WHERE id = ?2)
             ORDER BY at_ms DESC, id DESC LIMIT ?3",
        )?;
        let rows = statement.query_map(params![person, after, limit], |row| {
            let kind: String = row.get(0)?;
            let id: String = row.get(1)?;
            Ok(if kind == "grant" {
                ActedForRow::Grant(id)
            } else {
                ActedForRow::Session(id)
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
