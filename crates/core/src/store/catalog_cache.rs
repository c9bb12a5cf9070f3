//! Catalog cache repository: the last catalog the platform sent, and its ETag.

use huiban_api::{CatalogItem, FormDefinition};
use rusqlite::{OptionalExtension, params};

use super::{LocalStore, StoreError, cache_meta};

impl LocalStore {
    /// Replaces the cached catalog with `items` and remembers their ETag, in one transaction.
    pub fn replace_cached_catalog(
        &self,
        items: &[CatalogItem],
        etag: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        transaction.execute("DELETE FROM cached_catalog_item", [])?;
        for item in items {
            transaction.execute(
                "INSERT INTO cached_catalog_item (impl_code, name, body) VALUES (?1, ?2, ?3)",
                params![item.impl_code, item.name, serde_json::to_string(item)?],
            )?;
        }
        match etag {
            Some(etag) => cache_meta::write(&transaction, "catalog_etag", etag)?,
            None => {
                transaction.execute("DELETE FROM cache_meta WHERE name = 'catalog_etag'", [])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    /// The cached catalog, in the order the platform sent it (by name).
    pub fn cached_catalog(&self) -> Result<Vec<CatalogItem>, StoreError> {
        self.bodies("SELECT body FROM cached_catalog_item ORDER BY name, impl_code")
    }

    /// Keeps a form version (versions never change once published).
    pub fn cache_form(&self, form: &FormDefinition) -> Result<(), StoreError> {
        self.lock()?.execute(
            "INSERT INTO cached_form (form_id, version, body) VALUES (?1, ?2, ?3)
             ON CONFLICT (form_id, version) DO NOTHING",
            params![form.form_id, form.version, serde_json::to_string(form)?],
        )?;
        Ok(())
    }

    /// A kept form version.
    pub fn cached_form(
        &self,
        form_id: &str,
        version: u32,
    ) -> Result<Option<FormDefinition>, StoreError> {
        let body: Option<String> = self
            .lock()?
            .query_row(
                "SELECT body FROM cached_form WHERE form_id = ?1 AND version = ?2",
                params![form_id, version],
                |row| row.get(0),
            )
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }

    /// The newest kept version of a form.
    pub fn newest_cached_form(&self, form_id: &str) -> Result<Option<FormDefinition>, StoreError> {
        let body: Option<String> = self
            .lock()?
            .query_row(
                "SELECT body FROM cached_form WHERE form_id = ?1 ORDER BY version DESC LIMIT 1",
                params![form_id],
                |row| row.get(0),
            )
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }

    /// The ETag of the cached catalog.
    pub fn cached_catalog_etag(&self) -> Result<Option<String>, StoreError> {
        cache_meta::read(&*self.lock()?, "catalog_etag")
    }
}
