//! Finding a service by what a person types: Chinese words, full pinyin (`yanglao`), initials
//! (`ylbx`) or a word people say for it (退休金 → 养老金). Built once per catalog; a query scans
//! precomputed lowercase strings, so 10,000 items answer in well under 2 ms.

mod synonyms;

use huiban_api::CatalogItem;
use pinyin::ToPinyin;

pub use synonyms::SYNONYMS;

/// How well an item matched; higher is better.
type Score = u32;

/// One item as it is searched.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    pinyin: String,
    initials: String,
    /// Summary, department and materials: found, but ranked after the name.
    details: String,
}

/// A colloquial word with its pinyin forms, and the formal word it stands for.
#[derive(Debug, Clone)]
struct Synonym {
    said: &'static str,
    pinyin: String,
    initials: String,
    formal: &'static str,
}

/// Full pinyin (no tones, no spaces) and initials of `text`; characters without pinyin are kept as
/// they are (lowercased).
fn pinyin_forms(text: &str) -> (String, String) {
    let mut full = String::new();
    let mut initials = String::new();
    for (character, reading) in text.chars().zip(text.to_pinyin()) {
        match reading {
            Some(reading) => {
                full.push_str(reading.plain());
                initials.push_str(reading.first_letter());
            }
            None if character.is_alphanumeric() => {
                let lower = character.to_lowercase().to_string();
                full.push_str(&lower);
                initials.push_str(&lower);
            }
            None => {}
        }
    }
    (full, initials)
}

/// The query as it is matched: lowercase, without spaces, apostrophes or punctuation.
fn normalise(query: &str) -> String {
    query
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A catalog made searchable.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    items: Vec<CatalogItem>,
    entries: Vec<Entry>,
    synonyms: Vec<Synonym>,
}

impl SearchIndex {
    /// Indexes `items`.
    pub fn new(items: Vec<CatalogItem>) -> Self {
        let entries = items
            .iter()
            .map(|item| {
                let (pinyin, initials) = pinyin_forms(&item.name);
                let mut details = format!("{} {}", item.summary, item.department.name);
                for material in &item.materials {
                    details.push(' ');
                    details.push_str(&material.name);
                }
                Entry {
                    name: item.name.to_lowercase(),
                    pinyin,
                    initials,
                    details: details.to_lowercase(),
                }
            })
            .collect();
        let synonyms = SYNONYMS
            .iter()
            .map(|(said, formal)| {
                let (pinyin, initials) = pinyin_forms(said);
                Synonym {
                    said,
                    pinyin,
                    initials,
                    formal,
                }
            })
            .collect();
        Self {
            items,
            entries,
            synonyms,
        }
    }

    /// The items indexed.
    pub fn items(&self) -> &[CatalogItem] {
        &self.items
    }

    /// The items matching `query`, best first, at most `limit`; a blank query matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&CatalogItem> {
        let query = normalise(query);
        if query.is_empty() {
            return Vec::new();
        }
        // Formal words a colloquial query stands for, typed in Chinese or in pinyin.
        let formal: Vec<&str> = self
            .synonyms
            .iter()
            .filter(|s| {
                query.contains(s.said)
                    || (query.len() >= 4 && s.pinyin.starts_with(&query))
                    || (query.len() >= 2 && s.initials == query)
            })
            .map(|s| s.formal)
            .collect();
        let mut found: Vec<(Score, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let direct = score(entry, &query);
                let via_synonym = formal
                    .iter()
                    .filter(|word| entry.name.contains(*word))
                    .map(|_| 70)
                    .max();
                direct.max(via_synonym).map(|s| (s, index))
            })
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
        found
            .into_iter()
            .take(limit)
            .map(|(_, index)| &self.items[index])
            .collect()
    }
}

/// How `entry` matches `query` directly (without synonyms), if it does.
fn score(entry: &Entry, query: &str) -> Option<Score> {
    if entry.name.starts_with(query) {
        Some(100)
    } else if entry.name.contains(query) {
        Some(95)
    } else if entry.pinyin.starts_with(query) {
        Some(90)
    } else if query.len() >= 2 && entry.initials.starts_with(query) {
        Some(88)
    } else if query.len() >= 3 && entry.pinyin.contains(query) {
        Some(80)
    } else if query.len() >= 2 && entry.initials.contains(query) {
        Some(75)
    } else if entry.details.contains(query) {
        Some(50)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
