//! Failed-login records for rate limiting; durable, so a restart does not reset them.

use rusqlite::params;

use super::{Store, StoreError};

impl Store {
    /// Records a failed login for `key` (a username or phone).
    pub fn record_login_failure(&self, key: &str, now_ms: i64) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO login_failure (login_key, at_ms) VALUES (?1, ?2)",
            params![key, now_ms],
        )?;
        Ok(())
    }

    /// Failed logins for `key` at or after `since_ms`, and the newest of them.
    pub fn login_failures_since(
        &self,
        key: &str,
        since_ms: i64,
    ) -> Result<(u64, Option<i64>), StoreError> {
        let (count, newest): (i64, Option<i64>) = self.lock()?.query_row(
            "SELECT COUNT(*), MAX(at_ms) FROM login_failure WHERE login_key = ?1 AND at_ms >= ?2",
            params![key, since_ms],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok((u64::try_from(count).unwrap_or(0), newest))
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
