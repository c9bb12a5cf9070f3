//! Repeatable groups (e.g. family members): a list of items, each answering the group's own
//! questions one a page, listed on the group's page in plain words with 修改 and 删除.

use huiban_api::{Answers, Question};
use serde::Serialize;
use serde_json::Value;

use super::journey;
use super::review::answer_text;
use crate::i18n::Localizer;
use huiban_rules::check_answer;

pub use huiban_rules::group::{GROUP_MAX_ITEMS, item_answers};

/// The items of a group's answer, in order; anything that is not an item counts as an empty one.
pub fn items(value: Option<&Value>) -> Vec<Answers> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| item_answers(item).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default()
}

/// The question of the group asked after `current` for an item with `item`'s answers (the first
/// when `None`); `None` when the item is done.
pub fn next_in_item<'a>(
    group: &'a Question,
    item: &Answers,
    current: Option<&str>,
) -> Option<&'a Question> {
    journey::next_among(&group.questions, item, current)
}

/// The question of the group asked before `current` for the item; `None` on its first question.
pub fn previous_in_item<'a>(
    group: &'a Question,
    item: &Answers,
    current: &str,
) -> Option<&'a Question> {
    journey::previous_among(&group.questions, item, current)
}

/// One item as the group's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// The group's questions asked of an item with `item`'s answers.
fn asked_in<'a>(group: &'a Question, item: &Answers) -> Vec<&'a Question> {
    group
        .questions
        .iter()
        .filter(|child| child.is_asked(item))
        .collect()
}

/// The answers of one item in words, joined by "，".
fn item_text(asked: &[&Question], item: &Answers, localizer: &Localizer) -> String {
    asked
        .iter()
        .filter_map(|child| {
            item.get(&child.id)
                .map(|value| answer_text(child, value, localizer))
        })
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("，")
}

/// The whole group's answer in words: "1. 李四，配偶；2. 王五，子女".
pub fn group_text(group: &Question, value: &Value, localizer: &Localizer) -> String {
    items(Some(value))
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let asked = asked_in(group, item);
            format!("{}. {}", index + 1, item_text(&asked, item, localizer))
        })
        .collect::<Vec<_>>()
        .join("；")
}

#[cfg(test)]
mod tests;
