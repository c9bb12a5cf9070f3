//! The audit log: append-only rows, each holding the SHA-256 of the row before it and an HMAC of its
//! own hash under a key kept outside the database (`keys/audit.key` in the data directory, or the
//! file `HUIBAN_AUDIT_KEY_FILE` names), so that whoever can write the database but not read the key
//! cannot rewrite rows and recompute the chain. The head (last row) is kept apart, under its own HMAC.

use std::io::Write;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use rand::RngCore;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Store, StoreError};

/// Environment variable naming the audit key file, to keep it away from the data directory.
pub const AUDIT_KEY_FILE_VARIABLE: &str = "HUIBAN_AUDIT_KEY_FILE";

/// The secret the audit rows are keyed with.
pub struct AuditKey([u8; 32]);

impl AuditKey {
    /// Reads the key, making it (owner-only) the first time.
    pub fn load_or_create(data_dir: &Path) -> Result<Self, StoreError> {
        let path = std::env::var_os(AUDIT_KEY_FILE_VARIABLE)
            .map_or_else(|| data_dir.join("keys").join("audit.key"), PathBuf::from);
        let failed = |source: std::io::Error| StoreError::DataDir {
            path: path.clone(),
            source,
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => hex::decode(text.trim())
                .ok()
                .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
                .map(Self)
                .ok_or_else(|| failed(std::io::Error::other("the audit key file is corrupt"))),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(failed)?;
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                            .map_err(failed)?;
                    }
                }
                let mut key = [0_u8; 32];
                rand::rng().fill_bytes(&mut key);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(&path).map_err(failed)?;
                file.write_all(hex::encode(key).as_bytes())
                    .map_err(failed)?;
                file.sync_all().map_err(failed)?;
                Ok(Self(key))
            }
            Err(error) => Err(failed(error)),
        }
    }

    /// HMAC-SHA256 of `text` under the key, in hex.
    fn mac(&self, text: &str) -> String {
        // HMAC takes a key of any length; were it ever refused, no MAC would match and every keyed
        // row would fail its check rather than pass.
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.0) else {
            return String::new();
        };
        mac.update(text.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The MAC of the head: the last row's number and hash, and the first keyed row.
    fn head_mac(&self, seq: i64, hash: &str, keyed_from: i64) -> String {
        self.mac(&format!("head\u{1f}{seq}\u{1f}{hash}\u{1f}{keyed_from}"))
    }
}

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
    /// The head (the record of the last row) is gone.
    HeadMissing,
    /// The head was written without the key.
    HeadForged,
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
            Self::HeadMissing => write!(
                f,
                "the audit head is missing: the record of the last row was removed"
            ),
            Self::HeadForged => write!(f, "the audit head was changed without the audit key"),
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
        append_in(&transaction, &self.audit_key, entry)?;
        transaction.commit()?;
        Ok(())
    }

    /// What `actor` did on behalf of `resident` between `from_ms` and `to_ms`, oldest first.
    pub fn audit_on_behalf(
        &self,
        resident: &str,
        actor: &str,
        from_ms: i64,
        to_ms: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome FROM audit_log
             WHERE on_behalf_of = ?1 AND actor = ?2 AND at_ms BETWEEN ?3 AND ?4 ORDER BY seq",
        )?;
        let rows = statement.query_map(params![resident, actor, from_ms, to_ms], audit_entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Entries whose actor or person acted for is `account_id`, oldest first.
    pub fn audit_of(&self, account_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome FROM audit_log
             WHERE actor = ?1 OR on_behalf_of = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map(params![account_id], audit_entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Walks the whole chain; returns the number of rows, or the first problem.
    pub fn verify_audit(&self) -> Result<Result<u64, AuditProblem>, StoreError> {
        let connection = self.lock()?;
        let head: Option<(i64, String, Option<i64>, Option<String>)> = connection
            .query_row(
                "SELECT seq, hash, keyed_from, mac FROM audit_head WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        // The store writes a keyed head when it opens, so a head without one was tampered with.
        let Some((head_seq, head_hash, Some(keyed_from), Some(head_mac))) = head else {
            return Ok(Err(AuditProblem::HeadMissing));
        };
        if self.audit_key.head_mac(head_seq, &head_hash, keyed_from) != head_mac {
            return Ok(Err(AuditProblem::HeadForged));
        }
        let mut statement = connection.prepare(
            "SELECT seq, at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, prev_hash, hash, mac
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
            let stored_mac: Option<String> = row.get(11)?;
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
            // From the first keyed row on, a row whose chain was recomputed without the key shows.
            if seq >= keyed_from && stored_mac.as_deref() != Some(&self.audit_key.mac(&stored_hash))
            {
                return Ok(Err(AuditProblem::Changed(seq)));
            }
            prev_hash = stored_hash;
            expected_seq += 1;
        }
        let last_seq = expected_seq - 1;
        if head_seq > last_seq {
            return Ok(Err(AuditProblem::Removed(last_seq + 1)));
        }
        if head_seq == last_seq && head_hash != prev_hash {
            return Ok(Err(AuditProblem::Changed(last_seq)));
        }
        Ok(Ok(u64::try_from(last_seq).unwrap_or(0)))
    }
}

/// Gives a head with no key yet (a new log, or one made before audit rows were keyed) its key:
/// every row from the next one on will be keyed. A log with rows and no head is left to fail
/// `verify_audit`, never given a new head.
pub(super) fn key_the_head(connection: &Connection, key: &AuditKey) -> Result<(), StoreError> {
    let head: Option<(i64, String, Option<i64>)> = connection
        .query_row(
            "SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let (seq, hash) = match head {
        Some((_, _, Some(_))) => return Ok(()),
        Some((seq, hash, None)) => (seq, hash),
        None => {
            let rows: i64 =
                connection.query_row("SELECT COUNT(*) FROM audit_log", [], |row| row.get(0))?;
            if rows > 0 {
                return Ok(());
            }
            (0, GENESIS.to_owned())
        }
    };
    let keyed_from = seq + 1;
    connection.execute(
        "INSERT INTO audit_head (id, seq, hash, keyed_from, mac) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET keyed_from = excluded.keyed_from, mac = excluded.mac",
        params![seq, hash, keyed_from, key.head_mac(seq, &hash, keyed_from)],
    )?;
    Ok(())
}

/// Appends `entry` to the chain inside `transaction`, keyed with `key`: committed with whatever
/// else the transaction holds, or not at all.
pub(super) fn append_in(
    transaction: &rusqlite::Transaction<'_>,
    key: &AuditKey,
    entry: &AuditEntry,
) -> Result<(), StoreError> {
    let head: Option<(i64, String, Option<i64>)> = transaction
        .query_row(
            "SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let (prev_seq, prev_hash, keyed_from) = head.unwrap_or((0, GENESIS.to_owned(), None));
    let seq = prev_seq + 1;
    let keyed_from = keyed_from.unwrap_or(seq);
    let hash = row_hash(&prev_hash, seq, entry);
    let mac = key.mac(&hash);
    let head_mac = key.head_mac(seq, &hash, keyed_from);
    transaction.execute(
        "INSERT INTO audit_log (seq, at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, prev_hash, hash, mac)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
            hash,
            mac
        ],
    )?;
    transaction.execute(
        "INSERT INTO audit_head (id, seq, hash, keyed_from, mac) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
             keyed_from = excluded.keyed_from, mac = excluded.mac",
        params![seq, hash, keyed_from, head_mac],
    )?;
    Ok(())
}

/// An audit entry from a row of `at_ms, request_id, actor, role, on_behalf_of, action, subject,
/// outcome`.
fn audit_entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
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

    /// Rewrites row `from` on as someone with the database but not the key would: new content, the
    /// SHA-256 chain and the head recomputed.
    fn rewrite_from(raw: &rusqlite::Connection, from: i64, rows: i64) {
        let mut prev: String = raw
            .query_row(
                "SELECT prev_hash FROM audit_log WHERE seq = ?1",
                params![from],
                |row| row.get(0),
            )
            .unwrap();
        for seq in from..=rows {
            let mut forged = entry(seq);
            forged.actor = Some("c-demo-li".into());
            let hash = row_hash(&prev, seq, &forged);
            raw.execute(
                "UPDATE audit_log SET actor = 'c-demo-li', prev_hash = ?2, hash = ?3 WHERE seq = ?1",
                params![seq, prev, hash],
            )
            .unwrap();
            prev = hash;
        }
        raw.execute(
            "UPDATE audit_head SET seq = ?1, hash = ?2",
            params![rows, prev],
        )
        .unwrap();
    }

    #[test]
    fn rows_rewritten_with_the_chain_recomputed_but_without_the_key_are_caught() {
        let (_dir, store, raw) = tampered_store(5);
        rewrite_from(&raw, 2, 5);
        assert_eq!(store.verify_audit().unwrap(), Err(AuditProblem::HeadForged));
        // A keyed row whose MAC was taken away is named.
        let (_dir, store, raw) = tampered_store(3);
        raw.execute("UPDATE audit_log SET mac = NULL WHERE seq = 2", [])
            .unwrap();
        assert_eq!(store.verify_audit().unwrap(), Err(AuditProblem::Changed(2)));
    }

    #[test]
    fn a_removed_head_fails_the_check() {
        let (_dir, store, raw) = tampered_store(3);
        raw.execute("DELETE FROM audit_head", []).unwrap();
        assert_eq!(
            store.verify_audit().unwrap(),
            Err(AuditProblem::HeadMissing)
        );
        // Opening again does not give the log a new head.
        let reopened = Store::open(_dir.path()).unwrap();
        assert_eq!(
            reopened.verify_audit().unwrap(),
            Err(AuditProblem::HeadMissing)
        );
    }

    #[test]
    fn a_log_from_before_keying_verifies_and_is_keyed_from_then_on() {
        let (dir, store, raw) = tampered_store(3);
        // As a database from before migration 17: no MACs, a head without a key.
        raw.execute_batch(
            "UPDATE audit_log SET mac = NULL; UPDATE audit_head SET keyed_from = NULL, mac = NULL;",
        )
        .unwrap();
        drop(store);
        let reopened = Store::open(dir.path()).unwrap();
        assert_eq!(reopened.verify_audit().unwrap(), Ok(3));
        reopened.append_audit(&entry(4)).unwrap();
        assert_eq!(reopened.verify_audit().unwrap(), Ok(4));
        raw.execute("UPDATE audit_log SET mac = NULL WHERE seq = 4", [])
            .unwrap();
        assert_eq!(
            reopened.verify_audit().unwrap(),
            Err(AuditProblem::Changed(4))
        );
    }

    #[test]
    fn who_acted_for_whom_is_found_by_index() {
        let dir = tempfile::tempdir().unwrap();
        let _store = Store::open(dir.path()).unwrap();
        let raw = rusqlite::Connection::open(dir.path().join(super::super::DATABASE_FILE)).unwrap();
        let mut plan = raw
            .prepare(
                "EXPLAIN QUERY PLAN SELECT at_ms FROM audit_log
                 WHERE actor = ?1 OR on_behalf_of = ?1 ORDER BY seq",
            )
            .unwrap();
        let steps: Vec<String> = plan
            .query_map(["c-demo-zhang"], |row| row.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let plan = steps.join("; ");
        assert!(plan.contains("audit_log_actor"), "{plan}");
        assert!(plan.contains("audit_log_on_behalf_of"), "{plan}");

        // 谁代我办过: one session's actions.
        let mut plan = raw
            .prepare(
                "EXPLAIN QUERY PLAN SELECT at_ms FROM audit_log
                 WHERE on_behalf_of = ?1 AND actor = ?2 AND at_ms BETWEEN ?3 AND ?4 ORDER BY seq",
            )
            .unwrap();
        let steps: Vec<String> = plan
            .query_map(rusqlite::params!["c-demo-zhang", "s-1", 0, 1], |row| {
                row.get::<_, String>(3)
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let plan = steps.join("; ");
        assert!(plan.contains("USING INDEX audit_log_"), "{plan}");
    }
}
