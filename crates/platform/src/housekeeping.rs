//! Housekeeping: once an hour (and at start) the server removes what no check reads any more, so
//! that spent codes, ended logins, stale grants and abandoned uploads do not pile up.

use std::time::Duration as StdDuration;

use chrono::Duration;

use crate::state::AppState;
use crate::store::{Horizons, StoreError, Swept};

/// How often the server sweeps.
pub const EVERY: StdDuration = StdDuration::from_secs(60 * 60);
/// Codes and device grants are kept this long after they expire (for the daily SMS count).
pub const EXPIRED_KEPT: Duration = Duration::days(2);
/// Marks (failed logins, session starts) are kept this long: longer than any window reading them
/// (15 minutes for passwords, an hour for session starts).
pub const MARKS_KEPT: Duration = Duration::days(2);
/// An upload not finished within this long is dropped.
pub const UPLOAD_KEPT: Duration = Duration::days(1);
/// First answers kept for Idempotency-Key retries this long (a phone offline for weeks retries).
pub const ANSWERS_KEPT: Duration = Duration::days(60);

/// Removes what is past its horizon as of the state's clock.
pub fn sweep(state: &AppState) -> Result<Swept, StoreError> {
    let now = state.clock.now();
    let before = |kept: Duration| (now - kept).timestamp_millis();
    state.store.sweep(&Horizons {
        expired_before_ms: before(EXPIRED_KEPT),
        logins_ended_before_ms: now.timestamp_millis(),
        marks_before_ms: before(MARKS_KEPT),
        uploads_begun_before_ms: before(UPLOAD_KEPT),
        answers_before_ms: before(ANSWERS_KEPT),
    })
}

/// Sweeps now and then every [`EVERY`], for as long as the server runs.
pub async fn keep_tidy(state: AppState) {
    let mut ticks = tokio::time::interval(EVERY);
    loop {
        ticks.tick().await;
        state.bounds.forget_idle_addresses();
        let sweeping = state.clone();
        match tokio::task::spawn_blocking(move || sweep(&sweeping)).await {
            Ok(Ok(swept)) => tracing::info!(?swept, "housekeeping"),
            Ok(Err(error)) => tracing::warn!(%error, "housekeeping failed"),
            Err(error) => tracing::warn!(%error, "housekeeping stopped"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};
    use huiban_api::Role;

    use super::*;
    use crate::clock::{Clock, ManualClock};
    use crate::store::{NewAccount, Store};

    #[test]
    fn what_no_check_reads_any_more_is_removed_and_the_rest_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap());
        let state = AppState::new(store.clone()).with_clock(Arc::new(clock.clone()));
        store
            .create_account(&NewAccount::citizen("c-1", "13800000011"), 0)
            .unwrap();
        let old_login = crate::auth::issue(&state, "c-1", Role::Citizen).unwrap();
        let raw = rusqlite::Connection::open(dir.path().join(crate::store::DATABASE_FILE)).unwrap();
        let at = |days: i64| (clock.now() + Duration::days(days)).timestamp_millis();
        raw.execute_batch(&format!(
            "INSERT INTO sms_code (phone, code_hash, created_ms, expires_ms) VALUES ('13800000011', 'x', {0}, {0});
             INSERT INTO login_failure (login_key, at_ms) VALUES ('user:x', {0});
             INSERT INTO upload (upload_id, account_id, sha256, size, received, created_ms) VALUES ('u-old', 'c-1', 'a', 10, 3, {0});",
            at(0)
        ))
        .unwrap();

        // Three months on: the first login has ended, the code and the mark are long past.
        clock.advance(Duration::days(95));
        let new_login = crate::auth::issue(&state, "c-1", Role::Citizen).unwrap();
        raw.execute_batch(&format!(
            "INSERT INTO sms_code (phone, code_hash, created_ms, expires_ms) VALUES ('13800000011', 'y', {0}, {0});
             INSERT INTO upload (upload_id, account_id, sha256, size, received, created_ms) VALUES ('u-new', 'c-1', 'b', 10, 3, {0});",
            clock.now().timestamp_millis()
        ))
        .unwrap();
        let swept = sweep(&state).unwrap();
        assert_eq!(
            (swept.codes, swept.logins, swept.uploads, swept.marks),
            (1, 1, 1, 1)
        );
        let count = |sql: &str| -> i64 { raw.query_row(sql, [], |row| row.get(0)).unwrap() };
        assert_eq!(count("SELECT COUNT(*) FROM sms_code"), 1);
        assert_eq!(
            count("SELECT COUNT(*) FROM upload WHERE upload_id = 'u-new'"),
            1
        );
        assert_eq!(count("SELECT COUNT(*) FROM token_family"), 1);
        assert_ne!(old_login.access_token, new_login.access_token);
        // Sweeping again finds nothing more.
        assert_eq!(sweep(&state).unwrap(), Swept::default());
    }
}
