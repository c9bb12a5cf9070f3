//! One field of every item in the order of its text, so that the items whose field starts with a
//! query are one stretch, found by two binary searches, whatever the query.

/// The ranks of the items sorted by one field's text.
#[derive(Debug, Clone, Default)]
pub struct Prefixes {
    sorted: Vec<u32>,
}

impl Prefixes {
    /// Sorts the ranks `0..count` by `text_of`.
    pub fn build<'a>(count: usize, text_of: impl Fn(u32) -> &'a str) -> Self {
        let mut sorted: Vec<u32> = (0..count as u32).collect();
        sorted.sort_by(|a, b| text_of(*a).cmp(text_of(*b)));
        Self { sorted }
    }

    /// The bytes it takes.
    pub fn bytes(&self) -> usize {
        self.sorted.capacity() * size_of::<u32>()
    }

    /// The ranks of the items whose text (by `text_of`) starts with `query`, ascending.
    pub fn starting_with<'a>(&self, query: &str, text_of: impl Fn(u32) -> &'a str) -> Vec<u32> {
        let from = self.sorted.partition_point(|&rank| text_of(rank) < query);
        let rest = &self.sorted[from..];
        let count = rest.partition_point(|&rank| text_of(rank).starts_with(query));
        let mut ranks = rest[..count].to_vec();
        ranks.sort_unstable();
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_items_starting_with_a_query_come_back_in_rank_order() {
        let texts = [
            "yanglaobaoxian",
            "dibao",
            "yanglaojin",
            "yang",
            "ya",
            "zhang",
        ];
        let text_of = |rank: u32| texts[rank as usize];
        let prefixes = Prefixes::build(texts.len(), text_of);
        assert_eq!(prefixes.starting_with("yang", text_of), [0, 2, 3]);
        assert_eq!(prefixes.starting_with("y", text_of), [0, 2, 3, 4]);
        assert_eq!(prefixes.starting_with("yanglaojin", text_of), [2]);
        assert!(prefixes.starting_with("a", text_of).is_empty());
        assert!(prefixes.starting_with("zz", text_of).is_empty());
    }
}
