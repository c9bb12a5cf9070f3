//! The plain scan: every item checked against every tier, then sorted. It finds exactly what the
//! index finds, in the same order; `cargo xtask bench search` measures the index against it (the
//! fair baseline: the same matching, without an index) and the tests hold the index to it.

use huiban_api::CatalogItem;

use super::entry::{Entry, normalise};
use super::synonyms::Synonyms;
use super::tiers::{Score, best_score};

/// A catalog searched by looking at every item.
#[derive(Debug, Clone)]
pub struct Scan {
    entries: Vec<Entry>,
    synonyms: Synonyms,
}

impl Scan {
    /// Prepares `items` for scanning.
    pub fn new(items: &[CatalogItem]) -> Self {
        Self {
            entries: items.iter().map(Entry::of).collect(),
            synonyms: Synonyms::new(),
        }
    }

    /// The positions of the items matching `query`, best first (then the shorter name, then the
    /// earlier item), at most `limit`; a blank query matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = normalise(query);
        if query.is_empty() {
            return Vec::new();
        }
        let formal = self.synonyms.formal_for(&query);
        let mut found: Vec<(Score, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(at, entry)| best_score(entry, &query, &formal).map(|s| (s, at)))
            .collect();
        found.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| {
                    self.entries[a.1]
                        .name
                        .len()
                        .cmp(&self.entries[b.1].name.len())
                })
                .then_with(|| a.1.cmp(&b.1))
        });
        found.into_iter().take(limit).map(|(_, at)| at).collect()
    }
}
