//! The demo district of `huiban-demo` loaded into this platform's store.

use huiban_demo::{catalog_items, form_definitions};

/// Loads the demo catalog and forms into an empty catalog; returns whether anything was loaded.
pub fn seed(store: &crate::Store) -> Result<bool, crate::StoreError> {
    if store.catalog_count()? > 0 {
        return Ok(false);
    }
    store.publish_forms(&form_definitions())?;
    store.upsert_catalog_items(&catalog_items())?;
    Ok(true)
}
