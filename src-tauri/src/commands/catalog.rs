//! Catalog commands: the service items the citizen can apply for, and finding one by what is typed.

use std::sync::Arc;

use huiban_api::CatalogItem;
use huiban_core::catalog::{self, CatalogView};
use huiban_core::search::SearchIndex;
use tauri::State;

use crate::{AppState, IpcError};

/// Results shown for one search.
const SEARCH_LIMIT: usize = 50;

/// Returns the catalog: fresh from the platform, or the saved copy (marked offline) when it is unreachable.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn catalog_items(state: State<'_, AppState>) -> Result<CatalogView, IpcError> {
    let view = match &state.store() {
        Some(store) => catalog::refresh(store, state.client()).await?,
        None => state
            .client()
            .catalog_items()
            .await
            .map(|items| CatalogView::new(items, false))?,
    };
    remember_index(&state, SearchIndex::new(view.items.clone()));
    Ok(view)
}

fn remember_index(state: &AppState, index: SearchIndex) -> Arc<SearchIndex> {
    let index = Arc::new(index);
    if let Ok(mut slot) = state.search_index().lock() {
        *slot = Some(Arc::clone(&index));
    }
    index
}

/// The items matching what was typed (Chinese words, pinyin, initials or everyday words), best first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn catalog_search(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<CatalogItem>, IpcError> {
    let known = state
        .search_index()
        .lock()
        .ok()
        .and_then(|slot| slot.as_ref().map(Arc::clone));
    let index = match known {
        Some(index) => index,
        None => {
            let items = match &state.store() {
                Some(store) => store.cached_catalog()?,
                None => Vec::new(),
            };
            remember_index(&state, SearchIndex::new(items))
        }
    };
    Ok(index
        .search(&query, SEARCH_LIMIT)
        .into_iter()
        .cloned()
        .collect())
}
