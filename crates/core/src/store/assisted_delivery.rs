//! The delivery keys of the assisted sessions started at this computer (staff mode): with a
//! session's key, this computer sends what a clerk confirmed in it, and its close, under whichever
//! clerk of her centre is logged in, also after the session's lifetime ran out. A key is kept while
//! anything of its session is still in the outbox, and no longer.

use rusqlite::{OptionalExtension, params};

use super::{LocalStore, StoreError};

/// Deletes the keys of sessions of which nothing is left in the outbox.
pub(super) const DELIVERY_KEYS_NO_LONGER_NEEDED: &str = "DELETE FROM assisted_delivery
     WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.assisted_session = assisted_delivery.session_id)";

impl LocalStore {
    /// Keeps the delivery key the platform gave for the session `session_id` when it began.
    pub fn keep_delivery_key(&self, session_id: &str, key: &str) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO assisted_delivery (session_id, delivery_key) VALUES (?1, ?2)
             ON CONFLICT (session_id) DO UPDATE SET delivery_key = excluded.delivery_key",
            params![session_id, key],
        )?;
        Ok(())
    }

    /// The delivery key of the session `session_id`, if this computer began it and still needs it.
    pub fn delivery_key(&self, session_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT delivery_key FROM assisted_delivery WHERE session_id = ?1",
                params![session_id],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Forgets the keys of sessions of which nothing waits in the outbox (after 结束办理).
    pub fn forget_delivery_keys_not_needed(&self) -> Result<(), StoreError> {
        self.lock()?.execute(DELIVERY_KEYS_NO_LONGER_NEEDED, [])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

    use super::*;

    #[test]
    fn a_key_is_kept_while_its_session_has_something_to_send_and_no_longer() {
        let dir = tempfile::tempdir().unwrap();
        let keychain = crate::secrets::Keychain::in_store(
            keyring_core::mock::Store::new().unwrap(),
            "delivery",
        );
        let (store, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
        store.keep_delivery_key("as-1", "key-1").unwrap();
        store.keep_delivery_key("as-2", "key-2").unwrap();
        let hers = store.of_resident("c-1", "as-1");
        let queued =
            crate::outbox::enqueue(&hers, crate::store::OutboxKind::Request, &"诉求", 1).unwrap();

        store.forget_delivery_keys_not_needed().unwrap();
        assert_eq!(
            store.delivery_key("as-1").unwrap().as_deref(),
            Some("key-1")
        );
        assert_eq!(
            store.delivery_key("as-2").unwrap(),
            None,
            "nothing of it waits"
        );

        store.forget_residents_but_unsent().unwrap();
        assert_eq!(
            store.delivery_key("as-1").unwrap().as_deref(),
            Some("key-1")
        );
        let sent = crate::store::OutboxUpdate {
            state: crate::store::OutboxState::Sent,
            attempts: 1,
            next_attempt_ms: 2,
            last_error: None,
            case_number: Some("D-1"),
        };
        hers.outbox_update(&queued, &sent, 2).unwrap();
        store.forget_residents_but_unsent().unwrap();
        assert_eq!(store.delivery_key("as-1").unwrap(), None, "sent: forgotten");
    }
}
