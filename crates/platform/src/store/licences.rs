//! Licence repository: signed licences by holder, and the counters that number them.

use huiban_api::Licence;
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

impl Store {
    /// The next value of a named counter (1, 2, …).
    pub fn next_counter(&self, name: &str) -> Result<i64, StoreError> {
        let connection = self.lock()?;
        Ok(super::columns::next_counter_in(&connection, name)?)
    }

    /// Stores a signed licence for its holder's account.
    pub fn insert_licence(
        &self,
        account_id: &str,
        licence: &Licence,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.write(|transaction| Ok(transaction.execute(
            "INSERT INTO licence (licence_no, account_id, licence_type, body, issued_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![licence.licence_no, account_id, licence.licence_type, serde_json::to_string(licence)?, now_ms],
        )?))?;
        Ok(())
    }

    /// At most `limit` licences held by an account, newest first, after the licence `after`.
    pub fn licences_of(
        &self,
        account_id: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<Licence>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT body FROM licence WHERE account_id = ?1
               AND (?2 IS NULL OR (issued_ms, licence_no) <
                    (SELECT issued_ms, licence_no FROM licence
                     WHERE licence_no = ?2 AND account_id = ?1))
             ORDER BY issued_ms DESC, licence_no DESC LIMIT ?3",
        )?;
        let bodies = statement
            .query_map(params![account_id, after, limit], |row| {
                row.get::<_, String>(0)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(bodies
            .iter()
            .map(|b| serde_json::from_str(b))
            .collect::<Result<_, _>>()?)
    }

    /// One licence with the account holding it.
    pub fn licence(&self, licence_no: &str) -> Result<Option<(String, Licence)>, StoreError> {
        let found: Option<(String, String)> = self
            .lock()?
            .query_row(
                "SELECT account_id, body FROM licence WHERE licence_no = ?1",
                params![licence_no],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        Ok(found
            .map(|(a, b)| serde_json::from_str(&b).map(|l| (a, l)))
            .transpose()?)
    }

    /// Departments (name, credit code) of the catalog, each once.
    pub fn catalog_departments(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut departments: Vec<(String, String)> = self
            .catalog_page(None, None)?
            .items
            .into_iter()
            .map(|item| (item.department.name, item.department.credit_code))
            .collect();
        departments.sort();
        departments.dedup();
        Ok(departments)
    }
}
