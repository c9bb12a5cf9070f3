//! A group's page: its items listed in plain words, with what is still unfinished in each.

use huiban_rules::check_answer;
use serde::Serialize;
use serde_json::Value;

use huiban_api::Question;

use super::answer_text::item_text;
use super::group::{asked_in, items};
use crate::i18n::Localizer;

/// One item as the group's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ItemSummary {
    /// Its answers in plain words, e.g. "李四，配偶，1950年3月5日".
    pub summary: String,
    /// Whether every question asked of it is answered by its rules.
    pub finished: bool,
    /// The first question of it that is not, to go back to.
    pub first_unfinished: Option<String>,
}

/// Every item of the group's answer `value` in plain words, as of `today`.
pub fn summaries(
    group: &Question,
    value: Option<&Value>,
    today: chrono::NaiveDate,
    localizer: &Localizer,
) -> Vec<ItemSummary> {
    items(value)
        .iter()
        .map(|item| {
            let asked = asked_in(group, item);
            let first_unfinished = asked
                .iter()
                .find(|child| check_answer(child, item.get(&child.id), today).is_err())
                .map(|child| child.id.clone());
            ItemSummary {
                summary: item_text(&asked, item, localizer),
                finished: first_unfinished.is_none(),
                first_unfinished,
            }
        })
        .collect()
}
