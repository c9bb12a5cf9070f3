//! One chart of the figures: bars with their length as a share of the longest and a fill pattern
//! of their own (patterns, not colour alone, tell them apart), and the same numbers as a table.

/// How many fill patterns the charts have; bars take them in turn.
pub const PATTERNS: u8 = 6;

/// One bar.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct Bar {
    /// What it counts, e.g. 高龄津贴申领.
    pub label: String,
    /// The number.
    pub value: u32,
    /// The number in words, e.g. `2件`.
    pub value_words: String,
    /// Its length as a share of the longest bar, 0 to 1.
    pub share: f64,
    /// Its fill pattern, `0` to [`PATTERNS`] − 1.
    pub pattern: u8,
}

/// A chart with its table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct ChartView {
    /// A name for the chart's elements in the page, e.g. `today-channel`.
    pub id: String,
    /// Its title, e.g. 办件（按办理渠道）.
    pub title: String,
    /// What it shows, in one sentence (the chart's accessible description).
    pub summary: String,
    /// The bars, in the order of the table's rows.
    pub bars: Vec<Bar>,
    /// The table's column headings.
    pub columns: Vec<String>,
    /// The table's rows, the same numbers as the bars.
    pub rows: Vec<Vec<String>>,
    /// Said instead of the chart when there is nothing to draw.
    pub empty_words: Option<String>,
}

/// Bars for `(label, value, value_words)`, each as long as its share of the largest value, with
/// patterns in turn.
pub fn bars(values: Vec<(String, u32, String)>) -> Vec<Bar> {
    let largest = values.iter().map(|(_, value, _)| *value).max().unwrap_or(0);
    values
        .into_iter()
        .enumerate()
        .map(|(index, (label, value, value_words))| Bar {
            label,
            value,
            value_words,
            share: if largest == 0 {
                0.0
            } else {
                f64::from(value) / f64::from(largest)
            },
            pattern: u8::try_from(index % usize::from(PATTERNS)).unwrap_or(0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(values: &[u32]) -> Vec<(String, u32, String)> {
        values
            .iter()
            .map(|v| (format!("x{v}"), *v, format!("{v}件")))
            .collect()
    }

    #[test]
    fn the_largest_bar_is_full_and_the_others_in_proportion() {
        let drawn = bars(counted(&[4, 2, 1, 0]));
        let shares: Vec<f64> = drawn.iter().map(|bar| bar.share).collect();
        assert_eq!(shares, [1.0, 0.5, 0.25, 0.0]);
    }

    #[test]
    fn nothing_counted_draws_empty_bars_not_a_division_by_zero() {
        assert!(bars(counted(&[0, 0])).iter().all(|bar| bar.share == 0.0));
        assert!(bars(Vec::new()).is_empty());
    }

    #[test]
    fn patterns_go_round_so_that_neighbours_differ() {
        let drawn = bars(counted(&[1; 8]));
        let patterns: Vec<u8> = drawn.iter().map(|bar| bar.pattern).collect();
        assert_eq!(patterns, [0, 1, 2, 3, 4, 5, 0, 1]);
    }
}
