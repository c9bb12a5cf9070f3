//! The audit log: append-only rows, each holding the SHA-256 of the row before it.

use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Store, StoreError};

/// Hash the chain starts from.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, by whom, for whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, ms since the epoch.
    pub at_ms: i64,
    /// The request (or CLI run) it belongs to.
    pub request_id: String,
    /// The acting account, when known.
    pub actor: Option<String>,
    /// The actor's role.
    pub role: Option<String>,
    /// The person acted for (staff acting as 代理人).
    pub on_behalf_of: Option<String>,
    /// What was done, e.g. `POST /api/v1/applications`.
    pub action: String,
    /// What it was done to, e.g. a case number.
    pub subject: Option<String>,
    /// HTTP status, or 0 for success outside HTTP.
    pub outcome: u16,
}

/// The first thing wrong with the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditProblem {
    /// Row `seq`'s content does not match its hash.
    Changed(i64),
    /// Row `seq` is missing (the row after it does not link to the row before).
    Removed(i64),
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Changed(seq) => write!(
                f,
                "audit row {seq} was changed: its content does not match its hash"
            ),
            Self::Removed(seq) => {
                write!(f, "audit row {seq} was removed: the chain is broken there")
            }
        }
    }
}

fn row_hash(prev_hash: &str, seq: i64, entry: &AuditEntry) -> String {
    let mut hasher = Sha256::new();
    let none = "\u{0}";
    for field in [
        prev_hash,
        &seq.to_string(),
        &entry.at_ms.to_string(),
        &entry.request_id,
        entry.actor.as_deref().unwrap_or(none),
        entry.role.as_deref().unwrap_or(none),
        entry.on_behalf_of.as_deref().unwrap_or(none),
        &entry.action,
        entry.subject.as_deref().unwrap_or(none),
        &entry.outcome.to_string(),
    ] {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    hex::encode(hasher.finalize())
}

impl Store {
    /// Appends an entry to the chain.
    pub fn append_audit(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let head: Option<(i64, String)> = transaction
            .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        let (prev_seq, prev_hash) = head.unwrap_or((0, GENESIS.to_owned()));
        let seq = prev_seq + 1;
        let hash = row_hash(&prev_hash, seq, entry);
        transaction.execute(
            "INSERT INTO audit_log (seq, at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                seq,
                entry.at_ms,
                entry.request_id,
                entry.actor,
                entry.role,
                entry.on_behalf_of,
                entry.action,
                entry.subject,
                entry.outcome,
                prev_hash,
                hash
            ],
        )?;
        transaction.execute(
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            params![seq, hash],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Entries whose actor or person acted for is `account_id`, oldest first.
    pub fn audit_of(&self, account_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome FROM audit_log
             WHERE actor = ?1 OR on_behalf_of = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map(params![account_id], |row| {
            Ok(AuditEntry {
                at_ms: row.get(0)?,
                request_id: row.get(1)?,
                actor: row.get(2)?,
                role: row.get(3)?,
                on_behalf_of: row.get(4)?,
                action: row.get(5)?,
                subject: row.get(6)?,
                outcome: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Walks the whole chain; returns the number of rows, or the first problem.
    pub fn verify_audit(&self) -> Result<Result<u64, AuditProblem>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT seq, at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, prev_hash, hash
             FROM audit_log ORDER BY seq",
        )?;
        let mut rows = statement.query([])?;
        let mut expected_seq = 1;
        let mut prev_hash = GENESIS.to_owned();
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            let entry = AuditEntry {
                at_ms: row.get(1)?,
                request_id: row.get(2)?,
                actor: row.get(3)?,
                role: row.get(4)?,
                on_behalf_of: row.get(5)?,
                action: row.get(6)?,
                subject: row.get(7)?,
                outcome: row.get(8)?,
            };
            let stored_prev: String = row.get(9)?;
            let stored_hash: String = row.get(10)?;
            if seq != expected_seq || stored_prev != prev_hash {
                // Either a row vanished before this one, or this row's link was rewritten.
                let recomputed_with_link = row_hash(&stored_prev, seq, &entry);
                return Ok(Err(
                    if seq != expected_seq || recomputed_with_link == stored_hash {
                        AuditProblem::Removed(expected_seq)
                    } else {
                        AuditProblem::Changed(seq)
                    },
                ));
            }
            if row_hash(&prev_hash, seq, &entry) != stored_hash {
                return Ok(Err(AuditProblem::Changed(seq)));
            }
            prev_hash = stored_hash;
            expected_seq += 1;
        }
        let head: Option<(i64, String)> = connection
            .query_row("SELECT seq, hash FROM audit_head WHERE id = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        let last_seq = expected_seq - 1;
        match head {
            Some((head_seq, _)) if head_seq > last_seq => {
                Ok(Err(AuditProblem::Removed(last_seq + 1)))
            }
            Some((head_seq, head_hash)) if head_seq == last_seq && head_hash != prev_hash => {
                Ok(Err(AuditProblem::Changed(last_seq)))
            }
            _ => Ok(Ok(u64::try_from(last_seq).unwrap_or(0))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: i64) -> AuditEntry {
        AuditEntry {
            at_ms: n,
            request_id: format!("r{n}"),
            actor: Some("c-demo-zhang".into()),
            role: Some("citizen".into()),
            on_behalf_of: None,
            action: "GET /api/v1/applications".into(),
            subject: None,
            outcome: 200,
        }
    }

    fn tampered_store(rows: i64) -> (tempfile::TempDir, Store, rusqlite::Connection) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for n in 1..=rows {
            store.append_audit(&entry(n)).unwrap();
        }
        let raw = rusqlite::Connection::open(dir.path().join(super::super::DATABASE_FILE)).unwrap();
        raw.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
            .unwrap();
        (dir, store, raw)
    }

    #[test]
    fn an_intact_chain_verifies_and_the_log_refuses_edits() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        for n in 1..=5 {
            store.append_audit(&entry(n)).unwrap();
        }
        assert_eq!(store.verify_audit().unwrap(), Ok(5));
        let raw = rusqlite::Connection::open(dir.path().join(super::super::DATABASE_FILE)).unwrap();
        assert!(
            raw.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2", [])
                .is_err()
        );
        assert!(
            raw.execute("DELETE FROM audit_log WHERE seq = 2", [])
                .is_err()
        );
    }

    #[test]
    fn a_changed_row_is_named() {
        let (_dir, store, raw) = tampered_store(5);
        raw.execute(
            "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3",
            [],
        )
        .unwrap();
        assert_eq!(store.verify_audit().unwrap(), Err(AuditProblem::Changed(3)));
    }

    #[test]
    fn a_removed_middle_row_is_named() {
        let (_dir, store, raw) = tampered_store(5);
        raw.execute("DELETE FROM audit_log WHERE seq = 2", [])
            .unwrap();
        assert_eq!(store.verify_audit().unwrap(), Err(AuditProblem::Removed(2)));
    }

    #[test]
    fn a_removed_last_row_is_named() {
        let (_dir, store, raw) = tampered_store(5);
        raw.execute("DELETE FROM audit_log WHERE seq = 5", [])
            .unwrap();
        assert_eq!(store.verify_audit().unwrap(), Err(AuditProblem::Removed(5)));
    }

    #[test]
    fn a_rewritten_link_is_named() {
        let (_dir, store, raw) = tampered_store(4);
        raw.execute("UPDATE audit_log SET prev_hash = 'ff' WHERE seq = 3", [])
            .unwrap();
        assert_eq!(store.verify_audit().unwrap(), Err(AuditProblem::Changed(3)));
    }
}
