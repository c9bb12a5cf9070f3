//! Removing what is no longer needed: spent codes and device grants, ended logins, failed-login
//! marks, unfinished uploads, rate-limit marks and kept idempotent answers, once past the window
//! any check reads them in.

use rusqlite::params;

use super::{Store, StoreError};

/// The moments before which each kind of row is no longer read by any check, in ms.
#[derive(Debug, Clone, Copy)]
pub struct Horizons {
    /// SMS codes and device grants that expired before this.
    pub expired_before_ms: i64,
    /// Logins (token families) whose every token expired before this, or revoked before this.
    pub logins_ended_before_ms: i64,
    /// Failed-login and session-start marks made before this.
    pub marks_before_ms: i64,
    /// Uploads still unfinished that were begun before this.
    pub uploads_begun_before_ms: i64,
    /// Idempotent answers kept since before this.
    pub answers_before_ms: i64,
}

/// How many rows a sweep removed, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// SMS codes.
    pub codes: usize,
    /// Device grants.
    pub grants: usize,
    /// Ended logins (families, with their tokens).
    pub logins: usize,
    /// Unfinished uploads.
    pub uploads: usize,
    /// Failed-login and session-start marks.
    pub marks: usize,
    /// Kept idempotent answers.
    pub answers: usize,
}

impl Store {
    /// Removes every row past its horizon, in one transaction.
    pub fn sweep(&self, horizons: &Horizons) -> Result<Swept, StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let codes = transaction.execute(
            "DELETE FROM sms_code WHERE expires_ms < ?1",
            params![horizons.expired_before_ms],
        )?;
        let grants = transaction.execute(
            "DELETE FROM device_grant WHERE expires_ms < ?1",
            params![horizons.expired_before_ms],
        )?;
        // A login is over when it was ended, or when none of its tokens lives any more.
        let ended = "SELECT family_id FROM token_family f
             WHERE (f.revoked_ms IS NOT NULL AND f.revoked_ms < ?1)
                OR (f.created_ms < ?1
                    AND NOT EXISTS (SELECT 1 FROM access_token a
                                    WHERE a.family_id = f.family_id AND a.expires_ms >= ?1)
                    AND NOT EXISTS (SELECT 1 FROM refresh_token r
                                    WHERE r.family_id = f.family_id AND r.expires_ms >= ?1))";
        // Its tokens first, then the login itself (counted).
        let mut logins = 0;
        for table in ["access_token", "refresh_token", "token_family"] {
            logins = transaction.execute(
                &format!("DELETE FROM {table} WHERE family_id IN ({ended})"),
                params![horizons.logins_ended_before_ms],
            )?;
        }
        let uploads = transaction.execute(
            "DELETE FROM upload WHERE received < size AND created_ms < ?1",
            params![horizons.uploads_begun_before_ms],
        )?;
        let marks = transaction.execute(
            "DELETE FROM login_failure WHERE at_ms < ?1",
            params![horizons.marks_before_ms],
        )? + transaction.execute(
            "DELETE FROM assisted_start WHERE at_ms < ?1",
            params![horizons.marks_before_ms],
        )?;
        let answers = transaction.execute(
            "DELETE FROM idempotent_answer WHERE created_ms < ?1",
            params![horizons.answers_before_ms],
        )?;
        transaction.commit()?;
        Ok(Swept {
            codes,
            grants,
            logins,
            uploads,
            marks,
            answers,
        })
    }
}
