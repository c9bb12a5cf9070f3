//! Repeatable groups (e.g. family members): a list of items, each answering the group's own
//! questions one a page, listed on the group's page in plain words with 修改 and 删除.

use huiban_api::{Answers, Question};
use serde_json::Value;

use super::journey;

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

/// The group's questions asked of an item with `item`'s answers.
pub(super) fn asked_in<'a>(group: &'a Question, item: &Answers) -> Vec<&'a Question> {
    group
        .questions
        .iter()
        .filter(|child| child.is_asked(item))
        .collect()
}

#[cfg(test)]
mod tests;
