//! The on-screen pinyin keyboard's candidates: for the letters she has typed (`zhongguo`, `w`,
//! `louxialoushui`), the words she can pick, each saying how many of the letters it stands for, so
//! a word for the first syllables leaves the rest typed. The words and their order come from the
//! dictionary shipped in `inputx-pinyin` (MIT OR Apache-2.0; built from Unicode's Unihan, jieba and
//! pypinyin, licences recorded in docs/kiosk.md). Nothing is learned from her picks: on a kiosk the
//! next person would see what the last one typed.

use std::sync::OnceLock;

use inputx_pinyin::PinyinDict;
use inputx_pinyin::segmenter::segment;
use serde::Serialize;

/// The most letters the keyboard holds before a word is picked.
pub const MOST_LETTERS: usize = 30;

/// The most candidates offered at once.
pub const MOST_CANDIDATES: usize = 48;

/// A word offered for the letters typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PinyinCandidate {
    /// The word (one character or more).
    pub word: String,
    /// How many of the typed letters, from the first, it stands for; the rest stay typed.
    pub letters: u32,
}

/// The words for `typed` (letters only; `v` for ü), best first: words for all the letters, then
/// words whose pinyin begins with them (a syllable not finished yet), then words for the first
/// syllables.
pub fn candidates(typed: &str) -> Vec<PinyinCandidate> {
    let typed: String = typed
        .chars()
        .filter_map(|c| match c {
            'ü' | 'Ü' => Some('v'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .take(MOST_LETTERS)
        .collect();
    let mut offered = Offered::default();
    if typed.is_empty() {
        return offered.list;
    }
    let whole = segment(&typed).into_iter().next();
    offered.add(dictionary().lookup(&typed), typed.len());
    if whole.is_none() {
        offered.add(completions(&typed), typed.len());
    }
    for front in fronts(&typed, whole.map(|s| s.syllables)) {
        offered.add(dictionary().lookup(&front), front.len());
    }
    offered.list
}

/// The dictionary, opened once (it is compiled into the program).
fn dictionary() -> &'static PinyinDict {
    static DICTIONARY: OnceLock<PinyinDict> = OnceLock::new();
    DICTIONARY.get_or_init(PinyinDict::embedded)
}

/// The candidates gathered so far, each word once, at most [`MOST_CANDIDATES`].
#[derive(Default)]
struct Offered {
    list: Vec<PinyinCandidate>,
}

impl Offered {
    fn add(&mut self, words: Vec<String>, letters: usize) {
        let letters = u32::try_from(letters).unwrap_or(u32::MAX);
        for word in words {
            if self.list.len() >= MOST_CANDIDATES {
                return;
            }
            if !self.list.iter().any(|c| c.word == word) {
                self.list.push(PinyinCandidate { word, letters });
            }
        }
    }
}

/// The most common words whose pinyin begins with `typed` (its last syllable half typed).
fn completions(typed: &str) -> Vec<String> {
    /// How many completions are worth showing.
    const MOST: usize = 16;
    let mut best: Vec<(u64, String)> = Vec::new();
    dictionary().prefix_for_each(typed, |_pinyin, word, frequency| {
        if best.len() < MOST || best.last().is_some_and(|(f, _)| frequency > *f) {
            let at = best.partition_point(|(f, _)| *f >= frequency);
            best.insert(at, (frequency, word.to_owned()));
            best.truncate(MOST);
        }
    });
    best.into_iter().map(|(_, word)| word).collect()
}

/// The pinyin of the first syllables, most syllables first, short of all of them: of the whole
/// when it splits into syllables, else of the longest front part that does.
fn fronts(typed: &str, whole: Option<Vec<String>>) -> Vec<String> {
    let syllables = whole.unwrap_or_else(|| {
        (1..typed.len())
            .rev()
            .find_map(|end| segment(&typed[..end]).into_iter().next())
            .map(|front| {
                let mut syllables = front.syllables;
                // The front itself is worth offering: the rest is the half-typed syllable.
                syllables.push(String::new());
                syllables
            })
            .unwrap_or_default()
    });
    (1..syllables.len())
        .rev()
        .map(|count| syllables[..count].concat())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(typed: &str) -> Vec<(String, u32)> {
        candidates(typed)
            .into_iter()
            .map(|c| (c.word, c.letters))
            .collect()
    }

    fn has(typed: &str, word: &str, letters: u32) -> bool {
        words(typed).contains(&(word.to_owned(), letters))
    }

    #[test]
    fn a_whole_word_comes_first() {
        assert_eq!(words("zhongguo")[0], ("中国".to_owned(), 8));
        assert!(words("jiedao")[..3].contains(&("街道".to_owned(), 6)));
        assert!(has("shequ", "社区", 5));
    }

    #[test]
    fn common_characters_for_one_syllable() {
        let wang = words("wang");
        assert!(wang[..10].contains(&("王".to_owned(), 4)), "{wang:?}");
        assert!(has("zhang", "张", 5));
    }

    #[test]
    fn a_sentence_is_picked_word_by_word_from_the_front() {
        // No word for all of 楼下漏水: the words for the first syllables, standing for their letters.
        assert!(has("louxialoushui", "楼下", 6));
        assert!(has("louxialoushui", "楼", 3));
        // Once 楼下 is picked the rest is whole again.
        assert_eq!(words("loushui")[0], ("漏水".to_owned(), 7));
    }

    #[test]
    fn a_half_typed_syllable_is_completed() {
        let w = words("w");
        assert!(!w.is_empty());
        assert!(w.iter().all(|(_, letters)| *letters == 1));
        assert!(has("zhongg", "中国", 6));
        // The syllables before the half-typed one are offered on their own too.
        assert!(has("shuiguanl", "水管", 8));
    }

    #[test]
    fn v_and_u_umlaut_stand_for_the_same() {
        assert!(has("lv", "绿", 2));
        assert!(has("lü", "绿", 2));
        assert!(has("NV", "女", 2));
    }

    #[test]
    fn what_is_no_pinyin_offers_nothing() {
        assert!(candidates("").is_empty());
        assert!(candidates("123，。").is_empty());
        assert!(candidates("vvvv").is_empty());
    }

    #[test]
    fn each_word_once_and_never_too_many() {
        for typed in [
            "a",
            "z",
            "shi",
            "yi",
            "zhonghuarenmingongheguo",
            &"a".repeat(100),
        ] {
            let list = candidates(typed);
            assert!(list.len() <= MOST_CANDIDATES);
            let mut seen: Vec<&str> = list.iter().map(|c| c.word.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), list.len(), "{typed}");
            assert!(list.iter().all(|c| c.letters as usize <= MOST_LETTERS));
        }
    }

    #[test]
    fn nothing_is_learned_from_what_was_picked_before() {
        // The order for the same letters never changes between one person and the next.
        assert_eq!(candidates("wang"), candidates("wang"));
    }
}
