//! Repository of what was pulled from the platform: the platform's word replaces the copy here.

use huiban_api::{Account, Application, DepartmentKey, Licence, Message, ServiceRequest};
use rusqlite::params;

use super::{LocalStore, StoreError, cache_meta};

impl LocalStore {
    /// Replaces the cached cases with the platform's list (the platform wins for case state).
    pub fn replace_cached_cases(&self, cases: &[Application]) -> Result<(), StoreError> {
        self.replace_bodies("cached_case", "application_no", cases, |case| {
            &case.application_no
        })
    }

    /// The cached cases, newest case number first.
    pub fn cached_cases(&self) -> Result<Vec<Application>, StoreError> {
        self.bodies("SELECT body FROM cached_case ORDER BY application_no DESC")
    }

    /// Replaces the cached requests (诉求) with the platform's list.
    pub fn replace_cached_requests(&self, requests: &[ServiceRequest]) -> Result<(), StoreError> {
        self.replace_bodies("cached_request", "request_no", requests, |request| {
            &request.request_no
        })
    }

    /// The cached requests, newest number first.
    pub fn cached_requests(&self) -> Result<Vec<ServiceRequest>, StoreError> {
        self.bodies("SELECT body FROM cached_request ORDER BY request_no DESC")
    }

    /// Adds or updates messages and moves the inbox cursor, in one transaction.
    pub fn add_cached_messages(&self, messages: &[Message], cursor: i64) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for message in messages {
            transaction.execute(
                "INSERT INTO cached_message (message_id, body) VALUES (?1, ?2)
                 ON CONFLICT (message_id) DO UPDATE SET body = excluded.body",
                params![message.message_id, serde_json::to_string(message)?],
            )?;
        }
        cache_meta::write(&transaction, "message_cursor", &cursor.to_string())?;
        transaction.commit()?;
        Ok(())
    }

    /// The inbox cursor: the id of the newest message pulled.
    pub fn message_cursor(&self) -> Result<i64, StoreError> {
        let value = cache_meta::read(&*self.lock()?, "message_cursor")?;
        Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
    }

    /// The cached inbox, oldest first.
    pub fn cached_messages(&self) -> Result<Vec<Message>, StoreError> {
        self.bodies("SELECT body FROM cached_message ORDER BY message_id")
    }

    /// Marks a kept message read, to be told to the platform (`message_reads_untold`); `false` when
    /// there is no such message here.
    pub fn mark_cached_message_read(&self, message_id: i64) -> Result<bool, StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        let body: Option<String> = rusqlite::OptionalExtension::optional(transaction.query_row(
            "SELECT body FROM cached_message WHERE message_id = ?1",
            params![message_id],
            |row| row.get(0),
        ))?;
        let Some(body) = body else {
            return Ok(false);
        };
        let mut message: Message = serde_json::from_str(&body)?;
        message.read = true;
        transaction.execute(
            "UPDATE cached_message SET body = ?2 WHERE message_id = ?1",
            params![message_id, serde_json::to_string(&message)?],
        )?;
        transaction.execute(
            "INSERT OR IGNORE INTO message_read_untold (message_id) VALUES (?1)",
            params![message_id],
        )?;
        transaction.commit()?;
        Ok(true)
    }

    /// Messages read here that the platform has not been told of yet, oldest first.
    pub fn message_reads_untold(&self) -> Result<Vec<i64>, StoreError> {
        let connection = self.lock()?;
        let mut statement =
            connection.prepare("SELECT message_id FROM message_read_untold ORDER BY message_id")?;
        let ids = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    /// Notes that the platform now knows `message_id` was read.
    pub fn message_read_told(&self, message_id: i64) -> Result<(), StoreError> {
        self.lock()?.execute(
            "DELETE FROM message_read_untold WHERE message_id = ?1",
            params![message_id],
        )?;
        Ok(())
    }

    /// Replaces the cached licences with the platform's list.
    pub fn replace_cached_licences(&self, licences: &[Licence]) -> Result<(), StoreError> {
        self.replace_bodies("cached_licence", "licence_no", licences, |licence| {
            &licence.licence_no
        })
    }

    /// The cached licences, the newest issued first.
    pub fn cached_licences(&self) -> Result<Vec<Licence>, StoreError> {
        self.bodies(
            "SELECT body FROM cached_licence
             ORDER BY json_extract(body, '$.issued_on') DESC, licence_no DESC",
        )
    }

    /// Keeps the logged-in person's account (name and phone) as the platform gave it.
    pub fn keep_profile(&self, account: &Account) -> Result<(), StoreError> {
        cache_meta::write(&*self.lock()?, "profile", &serde_json::to_string(account)?)
    }

    /// The logged-in person's account as last pulled, if any.
    pub fn profile(&self) -> Result<Option<Account>, StoreError> {
        let value = cache_meta::read(&*self.lock()?, "profile")?;
        Ok(value.map(|v| serde_json::from_str(&v)).transpose()?)
    }

    /// Forgets every copy pulled for the person who was logged in (account, cases, 诉求, messages,
    /// licences), so the next person on this computer sees none of it; drafts and the outbox stay.
    pub fn forget_pulled(&self) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for table in [
            "cached_case",
            "cached_request",
            "cached_message",
            "cached_licence",
            "message_read_untold",
        ] {
            transaction.execute(&format!("DELETE FROM {table}"), [])?;
        }
        transaction.execute(
            "DELETE FROM cache_meta WHERE name IN ('profile', 'message_cursor')",
            [],
        )?;
        transaction.commit()?;
        Ok(())
    }

    /// Replaces every row of `table` with `rows`, each under its key in `key_column` and as JSON in
    /// `body`, in one transaction: the platform's list replaces the copy here.
    fn replace_bodies<T: serde::Serialize>(
        &self,
        table: &str,
        key_column: &str,
        rows: &[T],
        key: impl Fn(&T) -> &str,
    ) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        transaction.execute(&format!("DELETE FROM {table}"), [])?;
        let insert = format!("INSERT INTO {table} ({key_column}, body) VALUES (?1, ?2)");
        for row in rows {
            transaction.execute(&insert, params![key(row), serde_json::to_string(row)?])?;
        }
        transaction.commit()?;
        Ok(())
    }

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

    /// Replaces the kept department keys with the platform's list.
    pub fn replace_cached_keys(&self, keys: &[DepartmentKey]) -> Result<(), StoreError> {
        self.replace_bodies("cached_department_key", "key_id", keys, |key| &key.key_id)
    }

    /// The kept department keys.
    pub fn cached_keys(&self) -> Result<Vec<DepartmentKey>, StoreError> {
        self.bodies("SELECT body FROM cached_department_key ORDER BY key_id")
    }
}
