//! The items of a repeatable group (e.g. family members): a list of objects, each holding the
//! group's own answers.

use huiban_api::Answers;
use serde_json::Value;

/// Most items one group takes.
pub const GROUP_MAX_ITEMS: usize = 20;

/// One item's answers, when `value` is an object of them.
pub fn item_answers(value: &Value) -> Option<Answers> {
    value
        .as_object()
        .map(|object| object.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}
