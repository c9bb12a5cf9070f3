//! Repository of what was pulled from the platform for an account: the platform's word replaces the
//! copy here. The departments' keys are shared by every account.

use huiban_api::{
    Account, Application, DepartmentKey, Licence, Message, Relatives, ServiceRequest,
};
use rusqlite::params;

use super::account::set_meta_in;
use super::{AccountStore, LocalStore, StoreError};

impl AccountStore<'_> {
    /// Replaces this account's cached cases with the platform's list (the platform wins for case
    /// state).
    pub fn replace_cached_cases(&self, cases: &[Application]) -> Result<(), StoreError> {
        self.replace_own_bodies("cached_case", "application_no", cases, |case| {
            &case.application_no
        })
    }

    /// This account's cached cases, newest case number first.
    pub fn cached_cases(&self) -> Result<Vec<Application>, StoreError> {
        self.own_bodies(
            "SELECT body FROM cached_case WHERE account_id = ?1 ORDER BY application_no DESC",
        )
    }

    /// Replaces this account's cached requests (诉求) with the platform's list.
    pub fn replace_cached_requests(&self, requests: &[ServiceRequest]) -> Result<(), StoreError> {
        self.replace_own_bodies("cached_request", "request_no", requests, |request| {
            &request.request_no
        })
    }

    /// This account's cached requests, newest number first.
    pub fn cached_requests(&self) -> Result<Vec<ServiceRequest>, StoreError> {
        self.own_bodies(
            "SELECT body FROM cached_request WHERE account_id = ?1 ORDER BY request_no DESC",
        )
    }

    /// Adds or updates messages and moves the inbox cursor, in one transaction.
    pub fn add_cached_messages(&self, messages: &[Message], cursor: i64) -> Result<(), StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        for message in messages {
            transaction.execute(
                "INSERT INTO cached_message (account_id, message_id, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (account_id, message_id) DO UPDATE SET body = excluded.body",
                params![
                    self.account_id,
                    message.message_id,
                    serde_json::to_string(message)?
                ],
            )?;
        }
        set_meta_in(
            &transaction,
            &self.account_id,
            "message_cursor",
            &cursor.to_string(),
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// This account's inbox cursor: the id of the newest message pulled (0 before the first pull).
    pub fn message_cursor(&self) -> Result<i64, StoreError> {
        let value = self.meta("message_cursor")?;
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    /// This account's cached inbox, oldest first.
    pub fn cached_messages(&self) -> Result<Vec<Message>, StoreError> {
        self.own_bodies("SELECT body FROM cached_message WHERE account_id = ?1 ORDER BY message_id")
    }

    /// Marks a kept message read, to be told to the platform (`message_reads_untold`); `false` when
    /// this account has no such message here.
    pub fn mark_cached_message_read(&self, message_id: i64) -> Result<bool, StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        let body: Option<String> = rusqlite::OptionalExtension::optional(transaction.query_row(
            "SELECT body FROM cached_message WHERE account_id = ?1 AND message_id = ?2",
            params![self.account_id, message_id],
            |row| row.get(0),
        ))?;
        let Some(body) = body else {
            return Ok(false);
        };
        let mut message: Message = serde_json::from_str(&body)?;
        message.read = true;
        transaction.execute(
            "UPDATE cached_message SET body = ?3 WHERE account_id = ?1 AND message_id = ?2",
            params![
                self.account_id,
                message_id,
                serde_json::to_string(&message)?
            ],
        )?;
        transaction.execute(
            "INSERT OR IGNORE INTO message_read_untold (account_id, message_id) VALUES (?1, ?2)",
            params![self.account_id, message_id],
        )?;
        transaction.commit()?;
        Ok(true)
    }

    /// Messages read here that the platform has not been told of yet, oldest first.
    pub fn message_reads_untold(&self) -> Result<Vec<i64>, StoreError> {
        self.with(|connection, account| {
            let mut statement = connection.prepare(
                "SELECT message_id FROM message_read_untold WHERE account_id = ?1 ORDER BY message_id",
            )?;
            let ids = statement
                .query_map(params![account], |row| row.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            Ok(ids)
        })
    }

    /// Notes that the platform now knows `message_id` was read.
    pub fn message_read_told(&self, message_id: i64) -> Result<(), StoreError> {
        self.with(|connection, account| {
            connection.execute(
                "DELETE FROM message_read_untold WHERE account_id = ?1 AND message_id = ?2",
                params![account, message_id],
            )?;
            Ok(())
        })
    }

    /// Replaces this account's cached licences with the platform's list.
    pub fn replace_cached_licences(&self, licences: &[Licence]) -> Result<(), StoreError> {
        self.replace_own_bodies("cached_licence", "licence_no", licences, |licence| {
            &licence.licence_no
        })
    }

    /// This account's cached licences, the newest issued first.
    pub fn cached_licences(&self) -> Result<Vec<Licence>, StoreError> {
        self.own_bodies(
            "SELECT body FROM cached_licence WHERE account_id = ?1
             ORDER BY json_extract(body, '$.issued_on') DESC, licence_no DESC",
        )
    }

    /// Keeps the account (name and phone) as the platform gave it.
    pub fn keep_profile(&self, account: &Account) -> Result<(), StoreError> {
        self.set_meta("profile", &serde_json::to_string(account)?)
    }

    /// The account as last pulled, if any.
    pub fn profile(&self) -> Result<Option<Account>, StoreError> {
        let value = self.meta("profile")?;
        Ok(value.map(|v| serde_json::from_str(&v)).transpose()?)
    }

    /// Keeps her relatives (both sides of her grants) as the platform last listed them, for
    /// 请家人帮忙 offline.
    pub fn keep_relatives(&self, relatives: &Relatives) -> Result<(), StoreError> {
        self.set_meta("relatives", &serde_json::to_string(relatives)?)
    }

    /// Her relatives as last listed, if they ever were here.
    pub fn kept_relatives(&self) -> Result<Option<Relatives>, StoreError> {
        let value = self.meta("relatives")?;
        Ok(value.map(|v| serde_json::from_str(&v)).transpose()?)
    }

    /// Replaces this account's rows of `table` with `rows`, each under its key in `key_column` and
    /// as JSON in `body`, in one transaction: the platform's list replaces the copy here.
    fn replace_own_bodies<T: serde::Serialize>(
        &self,
        table: &str,
        key_column: &str,
        rows: &[T],
        key: impl Fn(&T) -> &str,
    ) -> Result<(), StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        transaction.execute(
            &format!("DELETE FROM {table} WHERE account_id = ?1"),
            params![self.account_id],
        )?;
        let insert =
            format!("INSERT INTO {table} (account_id, {key_column}, body) VALUES (?1, ?2, ?3)");
        for row in rows {
            transaction.execute(
                &insert,
                params![self.account_id, key(row), serde_json::to_string(row)?],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The JSON `body` column of every row `sql` selects with this account as `?1`, decoded.
    fn own_bodies<T: serde::de::DeserializeOwned>(&self, sql: &str) -> Result<Vec<T>, StoreError> {
        let bodies = self.with(|connection, account| {
            let mut statement = connection.prepare(sql)?;
            Ok(statement
                .query_map(params![account], |row| row.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?)
        })?;
        Ok(bodies
            .iter()
            .map(|b| serde_json::from_str(b))
            .collect::<Result<_, _>>()?)
    }
}

impl LocalStore {
    /// The JSON `body` column of every row `sql` selects, decoded.
    pub(super) fn bodies<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
    ) -> Result<Vec<T>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(sql)?;
        let bodies = statement
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(bodies
            .iter()
            .map(|b| serde_json::from_str(b))
            .collect::<Result<_, _>>()?)
    }

    /// Keeps the departments' keys the platform lists, pinning each the first time it is seen: a
    /// key offered later under the same id with other contents is not trusted, only noted (see
    /// [`LocalStore::changed_key_ids`]). Keys no longer listed stay, for older licences. Returns
    /// the ids of the keys offered changed this time.
    pub fn keep_department_keys(&self, keys: &[DepartmentKey]) -> Result<Vec<String>, StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let mut changed = Vec::new();
        for key in keys {
            let body = serde_json::to_string(key)?;
            let pinned: Option<String> =
                rusqlite::OptionalExtension::optional(transaction.query_row(
                    "SELECT body FROM cached_department_key WHERE key_id = ?1",
                    params![key.key_id],
                    |row| row.get(0),
                ))?;
            match pinned {
                None => {
                    transaction.execute(
                        "INSERT INTO cached_department_key (key_id, body) VALUES (?1, ?2)",
                        params![key.key_id, body],
                    )?;
                }
                Some(pinned) if serde_json::from_str::<DepartmentKey>(&pinned)? == *key => {}
                Some(_) => {
                    transaction.execute(
                        "UPDATE cached_department_key SET offered_instead = ?2 WHERE key_id = ?1",
                        params![key.key_id, body],
                    )?;
                    changed.push(key.key_id.clone());
                }
            }
        }
        transaction.commit()?;
        Ok(changed)
    }

    /// The pinned department keys.
    pub fn cached_keys(&self) -> Result<Vec<DepartmentKey>, StoreError> {
        self.bodies("SELECT body FROM cached_department_key ORDER BY key_id")
    }

    /// The ids of pinned keys for which the platform has since offered another key.
    pub fn changed_key_ids(&self) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT key_id FROM cached_department_key WHERE offered_instead IS NOT NULL
             ORDER BY key_id",
        )?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    }
}
