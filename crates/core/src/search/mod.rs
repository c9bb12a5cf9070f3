//! Finding a service by what a person types: Chinese words, full pinyin (`yanglao`), initials
//! (`ylbx`) or a word people say for it (退休金 → 养老金). Built once per catalog as an index
//! (`grams`: for each character and pair of characters of the names, their pinyin and initials and
//! their details, the items holding it), so a query looks only at the items that can match, tier by
//! tier from the best (`tiers`), in the order results are shown, and stops once it has enough. It
//! finds exactly what the plain scan (`scan`) finds, in the same order; at 100,000 items it answers
//! in well under 2 ms (`cargo xtask bench search`).

mod entry;
mod grams;
mod prefixes;
pub mod scan;
mod synonyms;
mod tiers;

use std::collections::HashSet;

use huiban_api::CatalogItem;

use entry::{Entry, normalise};
use grams::{Candidates, Grams, Kept, in_all};
use prefixes::Prefixes;
pub use synonyms::SYNONYMS;
use synonyms::Synonyms;
use tiers::Tier;

/// A catalog made searchable.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    items: Vec<CatalogItem>,
    entries: Vec<Entry>,
    /// The items in the order results are shown among equals (shorter name first, then earlier
    /// item): the rank of an item is its place here, and the index lists ranks.
    by_rank: Vec<usize>,
    names: Grams,
    pinyin: Grams,
    initials: Grams,
    /// Pairs only: single characters of long texts would cost more memory than they save.
    details: Grams,
    /// The names, their pinyin and initials in text order, for the tiers that want a beginning.
    name_starts: Prefixes,
    pinyin_starts: Prefixes,
    initials_starts: Prefixes,
    synonyms: Synonyms,
}

impl SearchIndex {
    /// Indexes `items`.
    pub fn new(items: Vec<CatalogItem>) -> Self {
        let entries: Vec<Entry> = items.iter().map(Entry::of).collect();
        let mut by_rank: Vec<usize> = (0..entries.len()).collect();
        by_rank.sort_by_key(|&at| (entries[at].name.len(), at));
        let field = |pick: fn(&Entry) -> &str, singles: bool, threes: bool| {
            let texts = by_rank
                .iter()
                .enumerate()
                .map(|(rank, &at)| (rank as u32, pick(&entries[at])));
            Grams::build(texts, Kept { singles, threes })
        };
        // Chinese pairs say a lot; pinyin's few letters need runs of three to narrow as much.
        let names = field(|e| &e.name, true, false);
        let pinyin = field(|e| &e.pinyin, true, true);
        let initials = field(|e| &e.initials, true, true);
        let details = field(|e| &e.details, false, false);
        let starts = |pick: fn(&Entry) -> &str| {
            Prefixes::build(by_rank.len(), |rank| pick(&entries[by_rank[rank as usize]]))
        };
        let name_starts = starts(|e| &e.name);
        let pinyin_starts = starts(|e| &e.pinyin);
        let initials_starts = starts(|e| &e.initials);
        Self {
            items,
            entries,
            by_rank,
            names,
            pinyin,
            initials,
            details,
            name_starts,
            pinyin_starts,
            initials_starts,
            synonyms: Synonyms::new(),
        }
    }

    /// The items indexed.
    pub fn items(&self) -> &[CatalogItem] {
        &self.items
    }

    /// The bytes the index itself takes (beyond the items and their searchable texts).
    pub fn index_bytes(&self) -> usize {
        [&self.names, &self.pinyin, &self.initials, &self.details]
            .iter()
            .map(|grams| grams.bytes())
            .sum::<usize>()
            + [
                &self.name_starts,
                &self.pinyin_starts,
                &self.initials_starts,
            ]
            .iter()
            .map(|starts| starts.bytes())
            .sum::<usize>()
            + self.by_rank.capacity() * size_of::<usize>()
    }

    /// The items matching `query`, best first, at most `limit`; a blank query matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&CatalogItem> {
        self.positions(query, limit)
            .into_iter()
            .map(|at| &self.items[at])
            .collect()
    }

    /// The positions of the items matching `query`, best first, at most `limit`.
    pub fn positions(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = normalise(query);
        let mut found = Vec::new();
        if query.is_empty() || limit == 0 {
            return found;
        }
        let formal = self.synonyms.formal_for(&query);
        // Every item of a better tier was taken (else the search would have stopped): an item
        // already taken is not taken again for a weaker way it matches.
        let mut taken: HashSet<u32> = HashSet::new();
        for tier in Tier::ALL.into_iter().filter(|t| t.possible(query.len())) {
            if found.len() >= limit {
                break;
            }
            // Beginnings and everyday words are listed whole (in rank order); the rest are
            // followed through the index until enough are found.
            let listed = match tier {
                Tier::Synonym => Some(self.holding_any(&formal, limit - found.len(), &taken)),
                Tier::NamePrefix | Tier::PinyinPrefix | Tier::InitialsPrefix => {
                    Some(self.starting_with(tier, &query))
                }
                _ => None,
            };
            let mut take = |rank: u32| {
                let at = self.by_rank[rank as usize];
                if !taken.contains(&rank) && tier.matches(&self.entries[at], &query, &formal) {
                    taken.insert(rank);
                    found.push(at);
                }
                found.len() < limit
            };
            match listed {
                Some(ranks) => {
                    for rank in ranks {
                        if !take(rank) {
                            break;
                        }
                    }
                }
                None => self.each_candidate(tier, &query, &mut take),
            }
        }
        found
    }

    /// The field of the items a tier looks at.
    fn field(&self, tier: Tier) -> &Grams {
        match tier {
            Tier::NamePrefix | Tier::NameContains | Tier::Synonym => &self.names,
            Tier::PinyinPrefix | Tier::PinyinContains => &self.pinyin,
            Tier::InitialsPrefix | Tier::InitialsContains => &self.initials,
            Tier::Details => &self.details,
        }
    }

    /// Calls `take` with the rank of every item `tier` may match for `query`, ascending, until it
    /// returns false.
    fn each_candidate(&self, tier: Tier, query: &str, take: &mut impl FnMut(u32) -> bool) {
        match self.field(tier).candidates(query) {
            Candidates::InAll(lists) => in_all(&lists, take),
            Candidates::None => {}
            Candidates::Every => {
                for rank in 0..self.by_rank.len() as u32 {
                    if !take(rank) {
                        return;
                    }
                }
            }
        }
    }

    /// The ranks of the items whose field (as `tier` reads it) starts with `query`, ascending.
    fn starting_with(&self, tier: Tier, query: &str) -> Vec<u32> {
        let entry = |rank: u32| &self.entries[self.by_rank[rank as usize]];
        match tier {
            Tier::PinyinPrefix => self
                .pinyin_starts
                .starting_with(query, |rank| entry(rank).pinyin.as_str()),
            Tier::InitialsPrefix => self
                .initials_starts
                .starting_with(query, |rank| entry(rank).initials.as_str()),
            _ => self
                .name_starts
                .starting_with(query, |rank| entry(rank).name.as_str()),
        }
    }

    /// The ranks of the items whose name holds one of `words` and that are not `taken` yet,
    /// ascending, the first `need` of each word: the first `need` of the union are among them, so
    /// no word is followed further.
    fn holding_any(&self, words: &[&str], need: usize, taken: &HashSet<u32>) -> Vec<u32> {
        let mut ranks: Vec<u32> = Vec::new();
        for word in words {
            let mut found = 0;
            let mut gather = |rank: u32| {
                if !taken.contains(&rank)
                    && self.entries[self.by_rank[rank as usize]]
                        .name
                        .contains(word)
                {
                    ranks.push(rank);
                    found += 1;
                }
                found < need
            };
            self.each_candidate(Tier::NameContains, word, &mut gather);
        }
        ranks.sort_unstable();
        ranks.dedup();
        ranks
    }
}

#[cfg(test)]
mod tests;
