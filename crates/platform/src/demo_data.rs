//! The demo district of `huiban-demo` loaded into this platform's store.

use huiban_demo::centres::service_centres;
use huiban_demo::{catalog_items, form_definitions};

/// Loads the demo catalog, forms and service centres into an empty catalog; returns whether
/// anything was loaded. A data directory seeded before the centres existed gets them too.
pub fn seed(store: &crate::Store) -> Result<bool, crate::StoreError> {
    if store.service_centres()?.is_empty() {
        store.upsert_service_centres(&service_centres())?;
    }
    if store.catalog_count()? > 0 {
        return Ok(false);
    }
    store.publish_forms(&form_definitions())?;
    store.upsert_catalog_items(&catalog_items())?;
    Ok(true)
}
