//! The audit log as the store offers it: appending outside a change, reading who acted for whom, and
//! checking the whole chain (kept by [`super::audit_chain`]).

use rusqlite::{OptionalExtension, params};

use super::audit_chain::{AuditEntry, AuditProblem, GENESIS, append_in, audit_entry, row_hash};
use super::{Store, StoreError};

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

    /// What was done on behalf of `resident` in the assisted session `session`, oldest first: the
    /// requests made in it (by its clerk, or delivered after her by a colleague), and, of rows
    /// written before requests named their session, what `actor` did for her between `from_ms`
    /// and `to_ms`.
    pub fn audit_in_session(
        &self,
        resident: &str,
        session: &str,
        actor: &str,
        (from_ms, to_ms): (i64, i64),
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, assisted_session FROM audit_log
             WHERE on_behalf_of = ?1 AND (assisted_session = ?2
                 OR (assisted_session IS NULL AND actor = ?3 AND at_ms BETWEEN ?4 AND ?5))
             ORDER BY seq",
        )?;
        let rows = statement.query_map(
            params![resident, session, actor, from_ms, to_ms],
            audit_entry,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Entries whose actor or person acted for is `account_id`, oldest first.
    pub fn audit_of(&self, account_id: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, assisted_session FROM audit_log
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
            "SELECT seq, at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, prev_hash, hash, mac, assisted_session
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
                assisted_session: row.get(12)?,
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
            assisted_session: None,
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
                 WHERE on_behalf_of = ?1 AND (assisted_session = ?2
                     OR (assisted_session IS NULL AND actor = ?3 AND at_ms BETWEEN ?4 AND ?5))
                 ORDER BY seq",
            )
            .unwrap();
        let steps: Vec<String> = plan
            .query_map(
                rusqlite::params!["c-demo-zhang", "as-1", "s-1", 0, 1],
                |row| row.get::<_, String>(3),
            )
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let plan = steps.join("; ");
        assert!(plan.contains("USING INDEX audit_log_"), "{plan}");
    }
}
