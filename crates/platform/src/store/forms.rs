//! Form repository: every published version of every form, kept forever.

use huiban_api::FormDefinition;
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

impl Store {
    /// Publishes form definitions; a (form, version) already published is left untouched.
    pub fn publish_forms(&self, forms: &[FormDefinition]) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for form in forms {
            transaction.execute(
                "INSERT INTO form_definition (form_id, version, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (form_id, version) DO NOTHING",
                params![form.form_id, form.version, serde_json::to_string(form)?],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// One version of a form.
    pub fn form(&self, form_id: &str, version: u32) -> Result<Option<FormDefinition>, StoreError> {
        let connection = self.lock()?;
        let body: Option<String> = connection
            .query_row(
                "SELECT body FROM form_definition WHERE form_id = ?1 AND version = ?2",
                params![form_id, version],
                |row| row.get(0),
            )
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_versions_are_immutable() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let forms = huiban_demo::form_definitions();
        store.publish_forms(&forms).unwrap();
        let mut changed = forms[0].clone();
        changed.title = "改过的标题".into();
        store.publish_forms(&[changed]).unwrap();
        let stored = store
            .form(&forms[0].form_id, forms[0].version)
            .unwrap()
            .unwrap();
        assert_eq!(stored, forms[0]);
        assert_eq!(store.form(&forms[0].form_id, 99).unwrap(), None);
    }
}
