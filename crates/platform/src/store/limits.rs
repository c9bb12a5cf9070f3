//! Failed-login records for rate limiting; durable, so a restart does not reset them.

use rusqlite::params;

use super::{Store, StoreError};

impl Store {
    /// Takes one password try for `key`, counted as a failure before the password is checked (and
    /// forgotten by [`Store::clear_login_failures`] when it was right), in one step with the check
    /// against `limit` failures since `since_ms`: racing tries cannot get past the limit. `Err`
    /// carries the newest failure when the limit is reached.
    pub fn take_login_try(
        &self,
        key: &str,
        since_ms: i64,
        limit: u64,
        now_ms: i64,
    ) -> Result<Result<(), Option<i64>>, StoreError> {
        let mut connection = self.lock()?;
        // Immediate: the write lock is waited for before the count is read. A deferred read that
        // then writes fails at once (SQLITE_BUSY_SNAPSHOT, not waited out) when another process,
        // such as the officer CLI beside the server, wrote in between.
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (count, newest): (i64, Option<i64>) = transaction.query_row(
            "SELECT COUNT(*), MAX(at_ms) FROM login_failure WHERE login_key = ?1 AND at_ms >= ?2",
            params![key, since_ms],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if u64::try_from(count).unwrap_or(0) >= limit {
            return Ok(Err(newest));
        }
        transaction.execute(
            "INSERT INTO login_failure (login_key, at_ms) VALUES (?1, ?2)",
            params![key, now_ms],
        )?;
        transaction.commit()?;
        Ok(Ok(()))
    }

    /// Forgets the failures of `key` after a successful login.
    pub fn clear_login_failures(&self, key: &str) -> Result<(), StoreError> {
        self.lock()?.execute(
            "DELETE FROM login_failure WHERE login_key = ?1",
            params![key],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_try_waits_for_another_process_writing_instead_of_failing() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(dir.path()).expect("store");
        // Another process (the server beside the CLI) holds the write lock and commits a change
        // while this one counts.
        let other = rusqlite::Connection::open(dir.path().join(super::super::DATABASE_FILE))
            .expect("other connection");
        other
            .execute_batch(
                "BEGIN IMMEDIATE; INSERT INTO login_failure (login_key, at_ms) VALUES ('user:x', 1);",
            )
            .expect("locked");
        let writer = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            other.execute_batch("COMMIT;").expect("committed");
        });
        let taken = store.take_login_try("user:officer01", 0, 5, 2);
        writer.join().expect("writer");
        assert_eq!(taken.expect("waited, not failed"), Ok(()));
    }
}
