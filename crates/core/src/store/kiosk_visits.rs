//! What a kiosk's store keeps between two visitors: nothing of anyone but what a visitor confirmed
//! and is not sent yet (with the files it needs and its grant).

use super::{LocalStore, StoreError};

impl LocalStore {
    /// Forgets every visitor's pulled copies, drafts, sent submissions, kept files no waiting
    /// submission needs and chosen text size or colours, and scrubs the file, so the next person
    /// finds nothing of the one before.
    pub fn forget_visitors_but_unsent(&self) -> Result<(), StoreError> {
        // What waits gets its grant before anything of the visit is forgotten.
        self.grant_waiting()?;
        self.forget_pulled_except(None)?;
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for sql in [
            "DELETE FROM draft",
            "DELETE FROM outbox WHERE state = 'sent'",
            "DELETE FROM local_attachment
                 WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.account_id = local_attachment.account_id)",
            "DELETE FROM preference",
            super::kiosk_grants::GRANTS_NO_LONGER_NEEDED,
            super::kiosk_grants::FILE_GRANTS_NO_LONGER_NEEDED,
        ] {
            transaction.execute(sql, [])?;
        }
        transaction.commit()?;
        drop(connection);
        self.scrub()
    }

    /// How many confirmed submissions wait to be sent, whoever's.
    pub fn waiting_submissions(&self) -> Result<u64, StoreError> {
        let count: i64 = self.lock()?.query_row(
            "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')",
            [],
            |row| row.get(0),
        )?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}
