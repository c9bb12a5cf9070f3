//! The catalog as the person sees it: fresh from the platform when it can be reached, the saved copy
//! when it cannot.

mod service;
mod view;
pub mod words;

pub use service::CatalogService;
pub use view::{CatalogEntry, CatalogView};

use huiban_api::{CatalogItem, FormDefinition};

use crate::client::{ClientError, PlatformClient};
use crate::store::{LocalStore, StoreError};

/// The catalog as it could be had: fresh, or the copy saved last time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogCopy {
    /// The items.
    pub items: Vec<CatalogItem>,
    /// True when the platform could not be reached and these are the items saved last time.
    pub offline: bool,
}

impl CatalogCopy {
    /// `items`, the saved copy when `offline`.
    pub fn new(items: Vec<CatalogItem>, offline: bool) -> Self {
        Self { items, offline }
    }
}

/// Why no catalog can be shown.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The platform failed and nothing is saved yet.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The platform sent a form that cannot be asked, and no earlier version is kept.
    #[error("the platform sent a form that cannot be used: {0}")]
    BadDefinition(#[from] crate::forms::DefinitionProblem),
}

/// Refreshes the saved catalog from the platform (revalidating with its ETag) and returns the copy to show.
pub async fn refresh(
    store: &LocalStore,
    client: &PlatformClient,
) -> Result<CatalogCopy, CatalogError> {
    let etag = store.cached_catalog_etag()?;
    match client.catalog_if_changed(etag.as_deref()).await {
        Ok(Some((page, etag))) => {
            store.replace_cached_catalog(&page.items, etag.as_deref())?;
            Ok(CatalogCopy::new(page.items, false))
        }
        Ok(None) => Ok(CatalogCopy::new(store.cached_catalog()?, false)),
        Err(error) => {
            let saved = store.cached_catalog()?;
            if saved.is_empty() {
                return Err(error.into());
            }
            tracing::warn!(%error, "showing the saved catalog");
            Ok(CatalogCopy::new(saved, true))
        }
    }
}

/// Keeps every form the saved catalog offers, so that a form never opened on this computer can be
/// filled in offline too; forms kept already are not asked for again. How many were fetched now.
pub async fn keep_forms_on_offer(
    store: &LocalStore,
    client: &PlatformClient,
) -> Result<usize, CatalogError> {
    let mut fetched = 0;
    for item in store.cached_catalog()? {
        let Some(offered) = item.form else { continue };
        if store
            .cached_form(&offered.form_id, offered.version)?
            .is_none()
        {
            form(store, client, &offered.form_id, offered.version).await?;
            fetched += 1;
        }
    }
    Ok(fetched)
}

/// A form version: the kept copy when there is one (versions never change), else fetched, checked and
/// kept. A fetched version that cannot be asked is refused, never kept; the newest good version kept
/// before it is used instead, so a person can still fill the form.
pub async fn form(
    store: &LocalStore,
    client: &PlatformClient,
    form_id: &str,
    version: u32,
) -> Result<FormDefinition, CatalogError> {
    if let Some(form) = store.cached_form(form_id, version)? {
        return Ok(form);
    }
    let form = client.form(form_id, version).await?;
    if let Err(problem) = crate::forms::check_definition(&form) {
        tracing::error!(form_id, version, %problem, "refused a form definition from the platform");
        return match store.newest_cached_form(form_id)? {
            Some(good) => Ok(good),
            None => Err(problem.into()),
        };
    }
    store.cache_form(&form)?;
    Ok(form)
}
