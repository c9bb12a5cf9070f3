//! The index of one field of every item: for each character, each pair and (for pinyin, whose
//! letters repeat a lot) each run of three neighbouring characters, the items (by rank) whose field
//! holds it, kept as one sorted array of keys with their lists side by side. A query's candidates are
//! the items holding every pair (or run of three) of the query, or its one character; each is then
//! checked in full, so the index only narrows, never decides.

/// One to three neighbouring characters, as one number: their count, then 21 bits each.
type Key = u128;

/// The key of `chars` (one to three characters).
fn key(chars: &[char]) -> Key {
    chars.iter().fold(chars.len() as Key, |key, &c| {
        (key << 21) | Key::from(u32::from(c))
    })
}

/// What a query's candidates are, before they are checked.
#[derive(Debug)]
pub enum Candidates<'a> {
    /// The items in all of these lists (each ascending).
    InAll(Vec<&'a [u32]>),
    /// No item can hold the query.
    None,
    /// The index cannot narrow this query (one character where single characters are not
    /// indexed): every item must be checked.
    Every,
}

/// What a field's index holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Kept {
    /// Single characters as well (else a one-character query cannot be narrowed).
    pub singles: bool,
    /// Runs of three as well as pairs (for fields of few different letters).
    pub threes: bool,
}

/// One field's index.
#[derive(Debug, Clone, Default)]
pub struct Grams {
    /// Every key, ascending.
    keys: Vec<Key>,
    /// Where each key's list starts in `ranks` (one more entry than `keys`).
    starts: Vec<u32>,
    /// The lists, one after another, each ascending.
    ranks: Vec<u32>,
    /// What is indexed.
    kept: Kept,
}

impl Grams {
    /// Indexes `fields` (each item's rank and text), keeping what `kept` says.
    pub fn build<'a>(fields: impl Iterator<Item = (u32, &'a str)>, kept: Kept) -> Self {
        let mut pairs: Vec<(Key, u32)> = Vec::new();
        let mut keys: Vec<Key> = Vec::new();
        for (rank, text) in fields {
            let chars: Vec<char> = text.chars().collect();
            keys.clear();
            for (at, c) in chars.iter().enumerate() {
                if kept.singles {
                    keys.push(key(&[*c]));
                }
                if at >= 1 {
                    keys.push(key(&chars[at - 1..=at]));
                }
                if kept.threes && at >= 2 {
                    keys.push(key(&chars[at - 2..=at]));
                }
            }
            // One entry per key and item.
            keys.sort_unstable();
            keys.dedup();
            pairs.extend(keys.iter().map(|&key| (key, rank)));
        }
        pairs.sort_unstable();
        let mut grams = Grams {
            kept,
            ..Grams::default()
        };
        for (key, rank) in pairs {
            if grams.keys.last() != Some(&key) {
                grams.keys.push(key);
                grams
                    .starts
                    .push(u32::try_from(grams.ranks.len()).unwrap_or(u32::MAX));
            }
            grams.ranks.push(rank);
        }
        grams
            .starts
            .push(u32::try_from(grams.ranks.len()).unwrap_or(u32::MAX));
        grams.keys.shrink_to_fit();
        grams.starts.shrink_to_fit();
        grams.ranks.shrink_to_fit();
        grams
    }

    /// The bytes its arrays take.
    pub fn bytes(&self) -> usize {
        self.keys.capacity() * size_of::<Key>()
            + (self.starts.capacity() + self.ranks.capacity()) * size_of::<u32>()
    }

    /// The items whose field holds `key`, ascending.
    fn list(&self, key: Key) -> &[u32] {
        match self.keys.binary_search(&key) {
            Ok(at) => {
                let from = self.starts[at] as usize;
                let to = self.starts[at + 1] as usize;
                &self.ranks[from..to]
            }
            Err(_) => &[],
        }
    }

    /// The items that may hold `query`.
    pub fn candidates(&self, query: &str) -> Candidates<'_> {
        let chars: Vec<char> = query.chars().collect();
        let width = if self.kept.threes && chars.len() >= 3 {
            3
        } else {
            2
        };
        let lists: Vec<&[u32]> = match chars.as_slice() {
            [] => return Candidates::Every,
            [only] if self.kept.singles => vec![self.list(key(&[*only]))],
            [_] => return Candidates::Every,
            _ => {
                let mut keys: Vec<Key> = chars.windows(width).map(key).collect();
                keys.sort_unstable();
                keys.dedup();
                keys.into_iter().map(|key| self.list(key)).collect()
            }
        };
        if lists.iter().any(|list| list.is_empty()) {
            Candidates::None
        } else {
            Candidates::InAll(lists)
        }
    }
}

/// Calls `each` with every rank in all of `lists` (each ascending), ascending, until it returns
/// false.
pub fn in_all(lists: &[&[u32]], mut each: impl FnMut(u32) -> bool) {
    let Some(shortest) = lists.iter().min_by_key(|list| list.len()) else {
        return;
    };
    // Where each list was last looked at: ranks only grow, so the search gallops on from there.
    let mut from = vec![0usize; lists.len()];
    'driver: for &rank in *shortest {
        for (list, at) in lists.iter().zip(from.iter_mut()) {
            *at = gallop(list, *at, rank);
            if list.get(*at) != Some(&rank) {
                continue 'driver;
            }
        }
        if !each(rank) {
            return;
        }
    }
}

/// The first place at or after `from` in `list` (ascending) whose rank is not below `rank`: steps
/// of 1, 2, 4… then a binary search in the last step, so a near rank is found in a few looks.
fn gallop(list: &[u32], from: usize, rank: u32) -> usize {
    let mut step = 1;
    let mut low = from;
    let mut high = from;
    while high < list.len() && list[high] < rank {
        low = high + 1;
        high += step;
        step *= 2;
    }
    let high = high.min(list.len());
    low + list[low..high].partition_point(|&r| r < rank)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(texts: &[&str], singles: bool) -> Grams {
        Grams::build(
            texts
                .iter()
                .enumerate()
                .map(|(rank, text)| (rank as u32, *text)),
            Kept {
                singles,
                threes: true,
            },
        )
    }

    fn found(grams: &Grams, query: &str) -> Option<Vec<u32>> {
        match grams.candidates(query) {
            Candidates::InAll(lists) => {
                let mut out = Vec::new();
                in_all(&lists, |rank| {
                    out.push(rank);
                    true
                });
                Some(out)
            }
            Candidates::None => Some(Vec::new()),
            Candidates::Every => None,
        }
    }

    #[test]
    fn a_query_s_candidates_hold_every_pair_of_it() {
        let index = grams(&["养老保险", "老年人优待证", "养老金", "yanglao"], true);
        assert_eq!(found(&index, "养老"), Some(vec![0, 2]));
        assert_eq!(found(&index, "老"), Some(vec![0, 1, 2]));
        assert_eq!(found(&index, "lao"), Some(vec![3]));
        // Pairs, not order: a candidate is checked in full afterwards.
        assert_eq!(found(&index, "保险老"), Some(vec![]));
        assert_eq!(found(&index, "医保"), Some(vec![]));
    }

    #[test]
    fn without_single_characters_one_character_cannot_be_narrowed() {
        let index = grams(&["养老保险"], false);
        assert_eq!(found(&index, "养"), None);
        assert_eq!(found(&index, "养老"), Some(vec![0]));
    }

    #[test]
    fn galloping_finds_the_first_rank_not_below() {
        let list: Vec<u32> = (0..100).map(|n| n * 3).collect();
        for rank in [0, 1, 3, 50, 151, 297, 298, 400] {
            for from in [0, 10, 50] {
                let expected = from + list[from..].partition_point(|&r| r < rank);
                assert_eq!(gallop(&list, from, rank), expected, "{rank} from {from}");
            }
        }
    }

    #[test]
    fn in_all_stops_when_told() {
        let a: &[u32] = &[1, 3, 5, 7, 9];
        let b: &[u32] = &[3, 4, 5, 9];
        let mut seen = Vec::new();
        in_all(&[a, b], |rank| {
            seen.push(rank);
            seen.len() < 2
        });
        assert_eq!(seen, [3, 5]);
    }
}
