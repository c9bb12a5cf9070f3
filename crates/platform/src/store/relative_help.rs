//! Texts a person had sent to a relative who helps her (请家人帮忙), counted to limit them.

use rusqlite::params;

use super::{Store, StoreError};

impl Store {
    /// Takes one help text of `grant_id` if fewer than `limit` were sent since `since_ms`, in one
    /// step with the count (racing taps cannot get past the limit). `false` when the limit is
    /// reached.
    pub fn take_relative_help_text(
        &self,
        grant_id: &str,
        since_ms: i64,
        limit: i64,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        self.write(|transaction| {
            let sent: i64 = transaction.query_row(
                "SELECT COUNT(*) FROM relative_help_text WHERE grant_id = ?1 AND sent_ms >= ?2",
                params![grant_id, since_ms],
                |row| row.get(0),
            )?;
            if sent >= limit {
                return Ok(false);
            }
            transaction.execute(
                "INSERT INTO relative_help_text (grant_id, sent_ms) VALUES (?1, ?2)",
                params![grant_id, now_ms],
            )?;
            Ok(true)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_stop_at_the_limit_and_start_again_the_next_day() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(dir.path()).expect("store");
        store
            .lock()
            .expect("lock")
            .execute_batch(
                "INSERT INTO account (account_id, role, created_ms) VALUES ('c-1', 'citizen', 0);
                 INSERT INTO relative_grant (grant_id, helper_account_id, phone_masked, kinship,
                    state, asked_ms) VALUES ('rg-1', 'c-1', '138****0001', 'son', 'granted', 0);",
            )
            .expect("grant");
        for at in 1..=3 {
            assert!(
                store
                    .take_relative_help_text("rg-1", 0, 3, at)
                    .expect("take")
            );
        }
        assert!(
            !store
                .take_relative_help_text("rg-1", 0, 3, 4)
                .expect("take")
        );
        assert!(
            store
                .take_relative_help_text("rg-1", 2, 3, 5)
                .expect("take")
        );
    }
}
