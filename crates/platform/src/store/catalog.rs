//! Catalog repository: service items stored as their wire JSON, indexed by code and name.

use huiban_api::{CatalogItem, CatalogPage};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};

impl Store {
    /// Lists catalog items ordered by name: those whose name contains `query` when given, and only
    /// those changed after revision `since` when given.
    pub fn catalog_page(
        &self,
        query: Option<&str>,
        since: Option<u64>,
    ) -> Result<CatalogPage, StoreError> {
        let connection = self.lock()?;
        let revision: i64 = connection.query_row(
            "SELECT revision FROM catalog_meta WHERE id = 1",
            [],
            |row| row.get(0),
        )?;
        let pattern = query.map(|q| format!("%{}%", escape_like(q)));
        let mut statement = connection.prepare(
            "SELECT body FROM catalog_item
             WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\') AND revision > ?2
             ORDER BY name, impl_code",
        )?;
        let since = i64::try_from(since.unwrap_or(0)).unwrap_or(i64::MAX);
        let bodies = statement
            .query_map(params![pattern, since], |row| row.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let items = bodies
            .iter()
            .map(|body| serde_json::from_str(body))
            .collect::<Result<Vec<CatalogItem>, _>>()?;
        Ok(CatalogPage {
            revision: u64::try_from(revision).unwrap_or(0),
            items,
        })
    }

    /// One item by its 实施编码.
    pub fn catalog_item(&self, impl_code: &str) -> Result<Option<CatalogItem>, StoreError> {
        let connection = self.lock()?;
        let body: Option<String> = connection
            .query_row(
                "SELECT body FROM catalog_item WHERE impl_code = ?1",
                params![impl_code],
                |row| row.get(0),
            )
            .optional()?;
        Ok(body.map(|b| serde_json::from_str(&b)).transpose()?)
    }

    /// Number of items in the catalog.
    pub fn catalog_count(&self) -> Result<u64, StoreError> {
        let connection = self.lock()?;
        let count: i64 =
            connection.query_row("SELECT COUNT(*) FROM catalog_item", [], |row| row.get(0))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Inserts or replaces items in one transaction and bumps the catalog revision once.
    pub fn upsert_catalog_items(&self, items: &[CatalogItem]) -> Result<u64, StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        transaction.execute(
            "UPDATE catalog_meta SET revision = revision + 1 WHERE id = 1",
            [],
        )?;
        let revision: i64 = transaction.query_row(
            "SELECT revision FROM catalog_meta WHERE id = 1",
            [],
            |row| row.get(0),
        )?;
        for item in items {
            transaction.execute(
                "INSERT INTO catalog_item (impl_code, name, body, revision) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (impl_code) DO UPDATE SET
                     name = excluded.name, body = excluded.body, revision = excluded.revision",
                params![
                    item.impl_code,
                    item.name,
                    serde_json::to_string(item)?,
                    revision
                ],
            )?;
        }
        transaction.commit()?;
        Ok(u64::try_from(revision).unwrap_or(0))
    }
}

/// Escapes LIKE wildcards so that a user's `%` or `_` match only themselves.
fn escape_like(query: &str) -> String {
    let mut escaped = String::with_capacity(query.len());
    for ch in query.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_survive_a_reopen_and_search_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let revision = store
            .upsert_catalog_items(&huiban_demo::catalog_items())
            .unwrap();
        assert_eq!(revision, 1);
        drop(store);

        let store = Store::open(dir.path()).unwrap();
        let all = store.catalog_page(None, None).unwrap();
        assert_eq!(all.revision, 1);
        assert_eq!(
            u64::try_from(all.items.len()).unwrap(),
            store.catalog_count().unwrap()
        );
        let found = store.catalog_page(Some("高龄津贴"), None).unwrap();
        assert_eq!(found.items.len(), 1);
        assert_eq!(found.items[0].name, "高龄津贴申领");
    }

    #[test]
    fn since_returns_only_later_changes_and_detail_finds_one_item() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let items = huiban_demo::catalog_items();
        store.upsert_catalog_items(&items).unwrap();
        assert!(store.catalog_page(None, Some(1)).unwrap().items.is_empty());
        let mut changed = items[3].clone();
        changed.summary = "新的说明".into();
        store
            .upsert_catalog_items(std::slice::from_ref(&changed))
            .unwrap();
        let delta = store.catalog_page(None, Some(1)).unwrap();
        assert_eq!(delta.revision, 2);
        assert_eq!(delta.items, vec![changed.clone()]);
        assert_eq!(
            store.catalog_item(&changed.impl_code).unwrap(),
            Some(changed)
        );
        assert_eq!(store.catalog_item("nope").unwrap(), None);
    }

    #[test]
    fn like_wildcards_in_a_query_match_literally() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .upsert_catalog_items(&huiban_demo::catalog_items())
            .unwrap();
        assert!(
            store
                .catalog_page(Some("%"), None)
                .unwrap()
                .items
                .is_empty()
        );
        assert!(
            store
                .catalog_page(Some("_"), None)
                .unwrap()
                .items
                .is_empty()
        );
    }

    #[test]
    fn upserting_twice_keeps_one_row_per_code() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let items = huiban_demo::catalog_items();
        store.upsert_catalog_items(&items).unwrap();
        assert_eq!(store.upsert_catalog_items(&items).unwrap(), 2);
        assert_eq!(
            store.catalog_count().unwrap(),
            u64::try_from(items.len()).unwrap()
        );
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path()).unwrap());
        let connection =
            rusqlite::Connection::open(dir.path().join(super::super::DATABASE_FILE)).unwrap();
        connection.pragma_update(None, "user_version", 99).unwrap();
        drop(connection);
        assert!(matches!(
            Store::open(dir.path()),
            Err(StoreError::SchemaTooNew { found: 99, .. })
        ));
    }
}
