//! The end of a clerk's session with a resident (结束办理), as the store keeps it: what she confirmed
//! and is not sent yet stays, marked ended, and is forgotten the moment it is sent.

use rusqlite::{Connection, params};

use super::{AccountStore, LocalStore, StoreError};

impl LocalStore {
    /// Forgets everything of every resident in a staff window's store but what a clerk confirmed
    /// for her and is not sent yet, which is marked ended: at the start of a staff window no session
    /// is open, so what a closed (or crashed) window left is only still to send.
    pub fn forget_residents_but_unsent(&self) -> Result<(), StoreError> {
        self.forget_pulled_except(None)?;
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for sql in [
            "UPDATE outbox SET assisted_ended = 1 WHERE assisted_session IS NOT NULL",
            "DELETE FROM outbox WHERE state = 'sent'",
            "DELETE FROM draft",
            "DELETE FROM local_attachment
                 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.account_id = local_attachment.account_id)",
            super::assisted_delivery::DELIVERY_KEYS_NO_LONGER_NEEDED,
        ] {
            transaction.execute(sql, [])?;
        }
        transaction.commit()?;
        drop(connection);
        self.scrub()
    }

    /// How many submissions confirmed in the assisted session `session` are not sent yet (waiting,
    /// or refused and to be looked at); its close is not counted.
    pub fn unsent_in_session(&self, session: &str) -> Result<u64, StoreError> {
        let count: i64 = self.lock()?.query_row(
            "SELECT count(*) FROM outbox WHERE assisted_session = ?1 AND state <> 'sent'
                 AND kind <> 'assisted_close'",
            params![session],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Writes what the pages of deleted rows held over, and empties the write-ahead log, so that
    /// nothing forgotten can be read back from the file.
    pub fn scrub(&self) -> Result<(), StoreError> {
        let connection = self.lock()?;
        connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

impl AccountStore<'_> {
    /// Marks this account's submissions of `session` as ended: each is forgotten once it is sent.
    pub fn end_assisted_session(&self, session: &str) -> Result<(), StoreError> {
        self.with(|connection, account| {
            connection.execute(
                "UPDATE outbox SET assisted_ended = 1 WHERE account_id = ?1 AND assisted_session = ?2",
                params![account, session],
            )?;
            Ok(())
        })
    }
}

/// Forgets the sent submission `client_id` of `account` if its assisted session ended, and the
/// account's kept files once none of its submissions waits for them.
pub(super) fn forget_if_ended(
    connection: &Connection,
    account: &str,
    client_id: &str,
) -> Result<(), StoreError> {
    let forgotten = connection.execute(
        "DELETE FROM outbox WHERE client_id = ?1 AND account_id = ?2 AND state = 'sent'
             AND assisted_ended = 1",
        params![client_id, account],
    )?;
    if forgotten > 0 {
        connection.execute(super::account::FILES_NO_LONGER_NEEDED, params![account])?;
        connection.execute(super::assisted_delivery::DELIVERY_KEYS_NO_LONGER_NEEDED, [])?;
    }
    Ok(())
}
