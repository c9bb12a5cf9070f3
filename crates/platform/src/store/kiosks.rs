//! Kiosk repository: each kiosk device account and the last heartbeat it sent.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

/// A kiosk device account with its last heartbeat, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskRecord {
    /// The device account.
    pub device: String,
    /// Its name, e.g. 一层大厅1号自助机.
    pub name: Option<String>,
    /// Where it stands (its account's department).
    pub place: Option<String>,
    /// Its last heartbeat (JSON) and when it came, ms.
    pub last: Option<(i64, String)>,
}

impl Store {
    /// Keeps `heartbeat` (JSON) as the kiosk `device`'s last, come at `at_ms`.
    pub fn record_heartbeat(
        &self,
        device: &str,
        heartbeat: &str,
        at_ms: i64,
    ) -> Result<(), StoreError> {
        self.write(|transaction| {
            Ok(transaction.execute(
                "INSERT INTO kiosk_heartbeat (account_id, at_ms, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (account_id) DO UPDATE SET at_ms = excluded.at_ms, body = excluded.body",
                params![device, at_ms, heartbeat],
            )?)
        })?;
        Ok(())
    }

    /// The config (JSON) set for the kiosk `device`, if any was.
    pub fn kiosk_config(&self, device: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT body FROM kiosk_config WHERE account_id = ?1",
                params![device],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Sets the config (JSON) of the kiosk `device`; false when no kiosk has that account.
    pub fn set_kiosk_config(&self, device: &str, config: &str) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            Ok(transaction.execute(
                "INSERT INTO kiosk_config (account_id, body)
                 SELECT account_id, ?2 FROM account WHERE account_id = ?1 AND role = 'kiosk_device'
                 ON CONFLICT (account_id) DO UPDATE SET body = excluded.body",
                params![device, config],
            )?)
        })?;
        Ok(changed == 1)
    }

    /// Every kiosk device account, by id, with its last heartbeat.
    pub fn kiosks(&self) -> Result<Vec<KioskRecord>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT a.account_id, a.name, a.department, h.at_ms, h.body
             FROM account a LEFT JOIN kiosk_heartbeat h ON h.account_id = a.account_id
             WHERE a.role = 'kiosk_device' ORDER BY a.account_id",
        )?;
        let rows = statement.query_map([], |row| {
            let at_ms: Option<i64> = row.get(3)?;
            let body: Option<String> = row.get(4)?;
            Ok(KioskRecord {
                device: row.get(0)?,
                name: row.get(1)?,
                place: row.get(2)?,
                last: at_ms.zip(body),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
