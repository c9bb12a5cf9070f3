//! The catalog as the person reads it: each item with how long it takes and what it costs in plain
//! words, and the items older people use most offered first.

use huiban_api::CatalogItem;
use serde::Serialize;

use super::CatalogCopy;
use super::words::{duration_words, fee_words};
use crate::i18n::Localizer;

/// The catalog to show, and whether it is the saved copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CatalogView {
    /// The items.
    pub items: Vec<CatalogEntry>,
    /// True when the platform could not be reached and these are the items saved last time.
    pub offline: bool,
    /// The implementation codes of the items older people use most, to offer first (老年人常办).
    pub shortcuts: Vec<String>,
}

/// One item as the person reads it: the platform's item, and its time and cost in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CatalogEntry {
    /// The item as the platform lists it.
    #[serde(flatten)]
    pub item: CatalogItem,
    /// How long it takes: 需要15个工作日办好, or 当场就能办好.
    pub duration_words: String,
    /// What it costs: 不收费, or 收费80元（不动产登记费）.
    pub fee_words: String,
}

impl CatalogEntry {
    /// `item` with its plain words.
    pub fn of(item: CatalogItem, localizer: &Localizer) -> Self {
        Self {
            duration_words: duration_words(&item, localizer),
            fee_words: fee_words(&item, localizer),
            item,
        }
    }
}

impl CatalogView {
    /// The view of `copy`.
    pub fn of(copy: CatalogCopy, localizer: &Localizer) -> Self {
        Self {
            shortcuts: crate::shortcuts::shortcuts(&copy.items),
            offline: copy.offline,
            items: copy
                .items
                .into_iter()
                .map(|item| CatalogEntry::of(item, localizer))
                .collect(),
        }
    }
}
