//! `app.catalog()`: the service items she can apply for (fresh, or the saved copy when the platform
//! cannot be reached; on a kiosk only the services its remote config offers) and finding one by what
//! she types.

use std::sync::Arc;

use super::{CatalogCopy, CatalogEntry, CatalogView, refresh};
use crate::Error;
use crate::app::App;
use crate::search::SearchIndex;

/// Results shown for one search.
const SEARCH_LIMIT: usize = 50;

impl App {
    /// The service items she can apply for, and finding one.
    pub fn catalog(&self) -> CatalogService<'_> {
        CatalogService { app: self }
    }
}

/// The catalog, as `app.catalog()` offers it.
pub struct CatalogService<'a> {
    pub(crate) app: &'a App,
}

impl CatalogService<'_> {
    /// The catalog: fresh from the platform, or the saved copy (marked offline) when it is
    /// unreachable; searching uses it from now on.
    pub async fn items(&self) -> Result<CatalogView, Error> {
        let mut copy = match self.app.store() {
            Some(store) => refresh(store, self.app.client()).await?,
            None => CatalogCopy::new(self.app.client().catalog_items().await?, false),
        };
        if let Some(kiosk) = self.app.kiosk_here() {
            // The services on offer as the platform says now (as last heard when it cannot be asked).
            if let Err(error) = self.app.kiosk().config().await {
                tracing::warn!(%error, "the kiosk's config was not heard: the last one is used");
            }
            copy.items = kiosk.offered(copy.items);
        }
        self.remember(SearchIndex::new(copy.items.clone()));
        Ok(CatalogView::of(copy, self.app.localizer()))
    }

    /// The items matching what was typed (Chinese words, pinyin, initials or everyday words), best
    /// first, at most [`SEARCH_LIMIT`].
    pub fn search(&self, query: &str) -> Result<Vec<CatalogEntry>, Error> {
        let known = self
            .app
            .search_index()
            .lock()
            .ok()
            .and_then(|slot| slot.as_ref().map(Arc::clone));
        let index = match known {
            Some(index) => index,
            None => {
                let mut items = match self.app.store() {
                    Some(store) => store.cached_catalog()?,
                    None => Vec::new(),
                };
                if let Some(kiosk) = self.app.kiosk_here() {
                    items = kiosk.offered(items);
                }
                self.remember(SearchIndex::new(items))
            }
        };
        Ok(index
            .search(query, SEARCH_LIMIT)
            .into_iter()
            .map(|item| CatalogEntry::of(item.clone(), self.app.localizer()))
            .collect())
    }

    /// Keeps `index` for the searches to come.
    fn remember(&self, index: SearchIndex) -> Arc<SearchIndex> {
        let index = Arc::new(index);
        if let Ok(mut slot) = self.app.search_index().lock() {
            *slot = Some(Arc::clone(&index));
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use crate::fixtures::{app_with_store, logged_in};

    #[tokio::test]
    async fn the_saved_catalog_is_shown_and_searched_when_the_platform_is_gone() {
        let dir = tempfile::tempdir().expect("dir");
        let app = app_with_store(&dir, logged_in("a"));
        let store = app.kept_store().expect("store");
        let items = huiban_demo::catalog_items();
        store.replace_cached_catalog(&items, None).expect("saved");
        let view = app.catalog().items().await.expect("the saved copy");
        assert!(view.offline);
        assert_eq!(view.items.len(), items.len());
        let found = app.catalog().search("gl").expect("search");
        assert!(!found.is_empty(), "pinyin initials find something");
    }
}
