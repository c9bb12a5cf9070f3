//! A kiosk visitor's submission key and the grants made of it (`huiban_api::kiosk`): the key is
//! kept while she is logged in; when her visit ends, each submission of hers still waiting, and
//! each file of hers not uploaded yet, gets its own grant and the key is forgotten, so the kiosk can
//! send those submissions and upload those files, and nothing else, in her name under its own login.

use huiban_api::kiosk::{SubmissionKey, submission_grant};
use rusqlite::{OptionalExtension, params};

use super::{LocalStore, StoreError};

/// The kinds of submission a grant sends: what a person confirms (a case, a 诉求, a 补正, a 评价,
/// a 回访), never a clerk's close.
const GRANTED_KINDS: &str = "('application', 'request', 'supplement', 'evaluation', 'request_follow_up', 'request_evaluation')";

impl LocalStore {
    /// Keeps `key` of the visitor `account_id` while she is logged in.
    pub fn keep_submission_key(
        &self,
        account_id: &str,
        key: &SubmissionKey,
    ) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO kiosk_submission_key (account_id, login_id, submission_key)
             VALUES (?1, ?2, ?3)
             ON CONFLICT (account_id) DO UPDATE SET
                 login_id = excluded.login_id, submission_key = excluded.submission_key",
            params![account_id, key.login_id, key.key],
        )?;
        Ok(())
    }

    /// Makes, with each kept key, the grant of every waiting submission of its visitor that has
    /// none, then forgets the keys: her visit is over.
    pub fn grant_waiting(&self) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let keys: Vec<(String, SubmissionKey)> = {
            let mut statement = transaction
                .prepare("SELECT account_id, login_id, submission_key FROM kiosk_submission_key")?;
            let rows = statement.query_map([], |row| {
                Ok((
                    row.get(0)?,
                    SubmissionKey {
                        login_id: row.get(1)?,
                        key: row.get(2)?,
                    },
                ))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        for (account, key) in keys {
            let waiting: Vec<String> = {
                let mut statement = transaction.prepare(&format!(
                    "SELECT client_id FROM outbox WHERE account_id = ?1
                         AND state IN ('queued', 'sending') AND kind IN {GRANTED_KINDS}
                         AND client_id NOT IN (SELECT client_id FROM kiosk_grant)"
                ))?;
                let rows = statement.query_map(params![account], |row| row.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            for client_id in waiting {
                transaction.execute(
                    "INSERT INTO kiosk_grant (client_id, account_id, grant) VALUES (?1, ?2, ?3)",
                    params![client_id, account, submission_grant(&key, &client_id)],
                )?;
            }
            // Each file of hers not uploaded yet, its own (only those her waiting submissions name
            // are ever uploaded with it; the rest go with her last waiting submission).
            let files: Vec<String> = {
                let mut statement = transaction.prepare(
                    "SELECT sha256 FROM local_attachment WHERE account_id = ?1 AND uploaded = 0",
                )?;
                let rows = statement.query_map(params![account], |row| row.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            for sha256 in files {
                transaction.execute(
                    "INSERT OR REPLACE INTO kiosk_file_grant (account_id, sha256, grant)
                     VALUES (?1, ?2, ?3)",
                    params![account, sha256, submission_grant(&key, &sha256)],
                )?;
            }
        }
        transaction.execute("DELETE FROM kiosk_submission_key", [])?;
        transaction.commit()?;
        Ok(())
    }

    /// The grant of the submission `client_id`, if it has one.
    pub fn kiosk_grant(&self, client_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT grant FROM kiosk_grant WHERE client_id = ?1",
                params![client_id],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// The grant of the file `sha256` kept for the visitor `account_id`, if it has one.
    pub fn kiosk_file_grant(
        &self,
        account_id: &str,
        sha256: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT grant FROM kiosk_file_grant WHERE account_id = ?1 AND sha256 = ?2",
                params![account_id, sha256],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// The accounts with granted submissions still waiting, each once.
    pub fn accounts_granted(&self) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT DISTINCT g.account_id FROM kiosk_grant g
                 JOIN outbox o ON o.client_id = g.client_id
             WHERE o.state IN ('queued', 'sending') ORDER BY g.account_id",
        )?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Forgets the grants of submissions no longer waiting.
pub(super) const GRANTS_NO_LONGER_NEEDED: &str = "DELETE FROM kiosk_grant WHERE client_id NOT IN
     (SELECT client_id FROM outbox WHERE state IN ('queued', 'sending'))";

/// Forgets the file grants of visitors with nothing waiting any more.
pub(super) const FILE_GRANTS_NO_LONGER_NEEDED: &str = "DELETE FROM kiosk_file_grant
     WHERE account_id NOT IN (SELECT account_id FROM outbox WHERE state IN ('queued', 'sending'))";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OutboxKind;

    #[test]
    fn her_waiting_submissions_and_files_get_a_grant_each_and_her_key_is_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let keys =
            crate::secrets::Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "k");
        let (store, _) = LocalStore::open(&dir.path().join("k.db"), &keys).unwrap();
        let hers = store.of_account("zhang");
        hers.outbox_insert("k-1", OutboxKind::Application, "{}", 1)
            .unwrap();
        hers.outbox_insert("k-2", OutboxKind::Request, "{}", 1)
            .unwrap();
        hers.outbox_insert("k-3", OutboxKind::Evaluation, "{}", 1)
            .unwrap();
        hers.outbox_insert("k-4", OutboxKind::AssistedClose, "{}", 1)
            .unwrap();
        let (photo, sent) = ("a".repeat(64), "b".repeat(64));
        hers.attachment_put(&photo, "image/png", b"png", 1).unwrap();
        hers.attachment_put(&sent, "image/png", b"png2", 1).unwrap();
        hers.attachment_mark_uploaded(&sent).unwrap();
        let key = SubmissionKey {
            login_id: "login-1".to_owned(),
            key: "ab".repeat(32),
        };
        store.keep_submission_key("zhang", &key).unwrap();
        store.grant_waiting().unwrap();
        assert_eq!(
            store.kiosk_grant("k-1").unwrap(),
            Some(submission_grant(&key, "k-1"))
        );
        assert_eq!(
            store.kiosk_grant("k-2").unwrap(),
            Some(submission_grant(&key, "k-2"))
        );
        assert_eq!(
            store.kiosk_grant("k-3").unwrap(),
            Some(submission_grant(&key, "k-3")),
            "her 评价 too"
        );
        assert_eq!(
            store.kiosk_grant("k-4").unwrap(),
            None,
            "only what a person confirms"
        );
        assert_eq!(
            store.kiosk_file_grant("zhang", &photo).unwrap(),
            Some(submission_grant(&key, &photo)),
            "her photo not uploaded yet has its own"
        );
        assert_eq!(store.kiosk_file_grant("zhang", &sent).unwrap(), None);
        assert_eq!(store.kiosk_file_grant("wang", &photo).unwrap(), None);
        assert_eq!(store.accounts_granted().unwrap(), ["zhang"]);
        let keys: i64 = store
            .lock()
            .unwrap()
            .query_row("SELECT count(*) FROM kiosk_submission_key", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(keys, 0, "her key is gone");
    }
}
