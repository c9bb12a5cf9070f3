//! Preference repository: the person's choices, kept as one JSON value.

use rusqlite::{OptionalExtension, params};

use super::{LocalStore, StoreError};
use crate::preferences::Preferences;

impl LocalStore {
    /// The saved choices, or the defaults when none were saved.
    pub fn preferences(&self) -> Result<Preferences, StoreError> {
        let value: Option<String> = self
            .lock()?
            .query_row(
                "SELECT value FROM preference WHERE name = 'ui'",
                [],
                |row| row.get(0),
            )
            .optional()?;
        Ok(match value {
            Some(text) => serde_json::from_str(&text)?,
            None => Preferences::default(),
        })
    }

    /// Saves the choices, durable on return.
    pub fn save_preferences(&self, preferences: &Preferences) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO preference (name, value) VALUES ('ui', ?1)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![serde_json::to_string(preferences)?],
        )?;
        Ok(())
    }
}
