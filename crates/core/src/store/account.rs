//! The local data of one platform account: every draft, outbox row, kept file, read mark and pulled
//! copy is stored under the account that made or pulled it, and read back only through that
//! account's [`AccountStore`], so one computer can serve many people without one seeing, or sending,
//! another's.

use rusqlite::{Connection, OptionalExtension, params};

use super::{LocalStore, StoreError};

/// The tables whose rows are copies pulled from the platform for one account.
const PULLED_TABLES: [&str; 5] = [
    "cached_case",
    "cached_request",
    "cached_message",
    "cached_licence",
    "message_read_untold",
];

/// The local data of one account; made by [`LocalStore::of_account`].
#[derive(Debug, Clone)]
pub struct AccountStore<'a> {
    pub(super) store: &'a LocalStore,
    pub(super) account_id: String,
    /// The assisted session a clerk acts for this account in (staff mode): every submission
    /// queued through this store is marked with it and sent in it.
    pub(super) assisted_session: Option<String>,
    /// The relative grant a relative acts for a person in (亲友代办): every submission queued
    /// through this store is marked with it and sent in it, under his login.
    pub(super) relative_grant: Option<String>,
}

/// The key a relative's data for the person he acts for is kept under: `helper/person`, apart
/// from his own and from hers.
pub fn helping_key(helper: &str, person: &str) -> String {
    format!("{helper}/{person}")
}

impl LocalStore {
    /// The data of the account `account_id` (the platform's id, as `GET /me` and the login give it).
    pub fn of_account(&self, account_id: &str) -> AccountStore<'_> {
        AccountStore {
            store: self,
            account_id: account_id.to_owned(),
            assisted_session: None,
            relative_grant: None,
        }
    }

    /// The data a relative (`helper`) keeps for the person `person` he acts for in the grant
    /// `grant_id` (亲友代办): kept apart under [`helping_key`]; what is queued through it is filed
    /// for her in that grant.
    pub fn of_relative(&self, helper: &str, person: &str, grant_id: &str) -> AccountStore<'_> {
        AccountStore {
            store: self,
            account_id: helping_key(helper, person),
            assisted_session: None,
            relative_grant: Some(grant_id.to_owned()),
        }
    }

    /// The data of the resident `account_id` as a clerk acting for her in the assisted session
    /// `session_id` reaches it: what is queued through it is filed for her in that session.
    pub fn of_resident(&self, account_id: &str, session_id: &str) -> AccountStore<'_> {
        AccountStore {
            store: self,
            account_id: account_id.to_owned(),
            assisted_session: Some(session_id.to_owned()),
            relative_grant: None,
        }
    }

    /// Forgets every pulled copy (cases, 诉求, messages, licences, read marks, account, inbox
    /// cursor) of every account but `keep` (all of them when `None`): on this computer, pulled
    /// copies are kept for the one person logged in only. Drafts, the outbox and kept files stay,
    /// each with its own account.
    pub fn forget_pulled_except(&self, keep: Option<&str>) -> Result<(), StoreError> {
        let keep = keep.unwrap_or("");
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for table in PULLED_TABLES {
            transaction.execute(
                &format!("DELETE FROM {table} WHERE account_id <> ?1 OR ?1 = ''"),
                params![keep],
            )?;
        }
        transaction.execute(
            "DELETE FROM account_meta WHERE account_id <> ?1 OR ?1 = ''",
            params![keep],
        )?;
        transaction.commit()?;
        Ok(())
    }
}

/// Deletes the kept files of the account `?1` once none of its submissions is left to need them.
pub(super) const FILES_NO_LONGER_NEEDED: &str = "DELETE FROM local_attachment WHERE account_id = ?1
     AND NOT EXISTS (SELECT 1 FROM outbox WHERE account_id = ?1)";

impl AccountStore<'_> {
    /// The account whose data this is.
    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    /// The assisted session a clerk acts for this account in, if any.
    pub fn assisted_session(&self) -> Option<&str> {
        self.assisted_session.as_deref()
    }

    /// The platform account this data is about: the person a relative acts for (the part after
    /// the `/` of a [`helping_key`]), else the account itself.
    pub fn subject(&self) -> &str {
        match &self.relative_grant {
            Some(_) => self
                .account_id
                .split_once('/')
                .map_or(self.account_id.as_str(), |(_, person)| person),
            None => &self.account_id,
        }
    }

    /// The store itself, for what every account shares (the catalog, forms, department keys).
    pub fn shared(&self) -> &LocalStore {
        self.store
    }

    /// Forgets this account's pulled copies (cases, 诉求, messages, licences, read marks, account,
    /// inbox cursor); its drafts, outbox and kept files stay.
    pub fn forget_pulled(&self) -> Result<(), StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        for table in PULLED_TABLES {
            transaction.execute(
                &format!("DELETE FROM {table} WHERE account_id = ?1"),
                params![self.account_id],
            )?;
        }
        transaction.execute(
            "DELETE FROM account_meta WHERE account_id = ?1",
            params![self.account_id],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Deletes everything of this account that was not sent: drafts, submissions still waiting or
    /// refused, and kept files; what was sent stays as the record of it. Returns how many drafts
    /// and submissions went.
    pub fn discard_unsent(&self) -> Result<u64, StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        let drafts = transaction.execute(
            "DELETE FROM draft WHERE account_id = ?1",
            params![self.account_id],
        )?;
        let rows = transaction.execute(
            "DELETE FROM outbox WHERE account_id = ?1 AND state <> 'sent'",
            params![self.account_id],
        )?;
        transaction.execute(
            "DELETE FROM local_attachment WHERE account_id = ?1 AND uploaded = 0",
            params![self.account_id],
        )?;
        transaction.commit()?;
        Ok(u64::try_from(drafts + rows).unwrap_or(u64::MAX))
    }

    /// Forgets everything of this account but the submissions not yet sent (waiting, or refused and
    /// to be looked at) and the files they need: her pulled copies, drafts, sent submissions and
    /// kept files. For the end of a clerk's session with a resident, so nothing of hers stays on a
    /// shared computer but what must still go out.
    pub fn forget_all_but_unsent(&self) -> Result<(), StoreError> {
        self.forget_pulled()?;
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        for sql in [
            "DELETE FROM draft WHERE account_id = ?1",
            "DELETE FROM outbox WHERE account_id = ?1 AND state = 'sent'",
            FILES_NO_LONGER_NEEDED,
        ] {
            transaction.execute(sql, params![self.account_id])?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// Runs `work` on the connection.
    pub(super) fn with<T>(
        &self,
        work: impl FnOnce(&Connection, &str) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        work(&*self.store.lock()?, &self.account_id)
    }

    /// The value kept for this account under `name`, if any.
    pub(super) fn meta(&self, name: &str) -> Result<Option<String>, StoreError> {
        self.with(|connection, account| meta_in(connection, account, name))
    }

    /// Keeps `value` for this account under `name`.
    pub(super) fn set_meta(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.with(|connection, account| set_meta_in(connection, account, name, value))
    }
}

/// The value kept for `account` under `name` on `connection`.
pub(super) fn meta_in(
    connection: &Connection,
    account: &str,
    name: &str,
) -> Result<Option<String>, StoreError> {
    Ok(connection
        .query_row(
            "SELECT value FROM account_meta WHERE account_id = ?1 AND name = ?2",
            params![account, name],
            |row| row.get(0),
        )
        .optional()?)
}

/// Keeps `value` for `account` under `name` on `connection`.
pub(super) fn set_meta_in(
    connection: &Connection,
    account: &str,
    name: &str,
    value: &str,
) -> Result<(), StoreError> {
    connection.execute(
        "INSERT INTO account_meta (account_id, name, value) VALUES (?1, ?2, ?3)
         ON CONFLICT (account_id, name) DO UPDATE SET value = excluded.value",
        params![account, name, value],
    )?;
    Ok(())
}
