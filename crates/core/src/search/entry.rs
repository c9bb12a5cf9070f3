//! One catalog item as it is searched: its name, the name's full pinyin and initials, and the
//! words of its summary, department and materials, all lowercase; and the query as it is matched.

use huiban_api::CatalogItem;
use pinyin::ToPinyin;

/// One item as it is searched.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The name, lowercase.
    pub name: String,
    /// The name's full pinyin, without tones or spaces.
    pub pinyin: String,
    /// The first letter of each syllable of the name.
    pub initials: String,
    /// Summary, department and materials: found, but ranked after the name.
    pub details: String,
}

impl Entry {
    /// `item` made searchable.
    pub fn of(item: &CatalogItem) -> Self {
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
    }
}

/// Full pinyin (no tones, no spaces) and initials of `text`; characters without pinyin are kept as
/// they are (lowercased).
pub fn pinyin_forms(text: &str) -> (String, String) {
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
pub fn normalise(query: &str) -> String {
    query
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
