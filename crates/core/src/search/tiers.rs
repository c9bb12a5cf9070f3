//! How an item can match a query, best first: each tier is one way, with the score it gives. The
//! scan and the index both apply these, so they find the same items in the same order.

use super::entry::Entry;

/// How well an item matched; higher is better.
pub type Score = u32;

/// One way to match, from the best (the name starts with the query) to the weakest (the summary,
/// department or materials hold it). A colloquial word standing for a formal one ranks between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// The name starts with the query.
    NamePrefix,
    /// The name holds the query.
    NameContains,
    /// The full pinyin of the name starts with the query.
    PinyinPrefix,
    /// The initials of the name start with the query (two letters or more).
    InitialsPrefix,
    /// The full pinyin holds the query (three letters or more).
    PinyinContains,
    /// The initials hold the query (two letters or more).
    InitialsContains,
    /// The name holds a formal word that the query's everyday word stands for.
    Synonym,
    /// The summary, department or materials hold the query.
    Details,
}

impl Tier {
    /// Every tier, best first.
    pub const ALL: [Tier; 8] = [
        Tier::NamePrefix,
        Tier::NameContains,
        Tier::PinyinPrefix,
        Tier::InitialsPrefix,
        Tier::PinyinContains,
        Tier::InitialsContains,
        Tier::Synonym,
        Tier::Details,
    ];

    /// The score this tier gives.
    pub fn score(self) -> Score {
        match self {
            Tier::NamePrefix => 100,
            Tier::NameContains => 95,
            Tier::PinyinPrefix => 90,
            Tier::InitialsPrefix => 88,
            Tier::PinyinContains => 80,
            Tier::InitialsContains => 75,
            Tier::Synonym => 70,
            Tier::Details => 50,
        }
    }

    /// Whether this tier can match a query of `query_len` bytes at all (the initials need two
    /// letters, the full pinyin's middle three).
    pub fn possible(self, query_len: usize) -> bool {
        match self {
            Tier::InitialsPrefix | Tier::InitialsContains => query_len >= 2,
            Tier::PinyinContains => query_len >= 3,
            _ => true,
        }
    }

    /// Whether `entry` matches `query` (normalised) this way; `formal` are the formal words the
    /// query stands for (only [`Tier::Synonym`] reads them).
    pub fn matches(self, entry: &Entry, query: &str, formal: &[&str]) -> bool {
        match self {
            Tier::NamePrefix => entry.name.starts_with(query),
            Tier::NameContains => entry.name.contains(query),
            Tier::PinyinPrefix => entry.pinyin.starts_with(query),
            Tier::InitialsPrefix => query.len() >= 2 && entry.initials.starts_with(query),
            Tier::PinyinContains => query.len() >= 3 && entry.pinyin.contains(query),
            Tier::InitialsContains => query.len() >= 2 && entry.initials.contains(query),
            Tier::Synonym => formal.iter().any(|word| entry.name.contains(word)),
            Tier::Details => entry.details.contains(query),
        }
    }
}

/// The best score `entry` gets for `query`, if it matches at all.
pub fn best_score(entry: &Entry, query: &str, formal: &[&str]) -> Option<Score> {
    Tier::ALL
        .iter()
        .find(|tier| tier.matches(entry, query, formal))
        .map(|tier| tier.score())
}
