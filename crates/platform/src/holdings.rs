//! What an applicant holds: every attachment and licence an answer names must be hers
//! (uploaded by her, or for her in an assisted session; issued to her), so nobody can file another
//! person's documents by their number.

use huiban_api::{Answers, Question, QuestionKind};
use huiban_rules::group::item_answers;
use huiban_rules::is_file_name;
use serde_json::Value;

use crate::state::AppState;
use crate::store::StoreError;

/// The id of the first answer among `questions` (items of groups included) that names a file or
/// licence `account_id` does not hold, if any.
pub fn first_not_held(
    state: &AppState,
    account_id: &str,
    questions: &[Question],
    answers: &Answers,
) -> Result<Option<String>, StoreError> {
    for question in questions {
        let Some(value) = answers.get(&question.id) else {
            continue;
        };
        let held = match question.kind {
            QuestionKind::Attachment => files_held(state, account_id, value)?,
            QuestionKind::Licence => match value.as_str() {
                Some(name) if is_file_name(name) => file_held(state, account_id, name)?,
                Some(licence_no) => licence_held(state, account_id, licence_no)?,
                None => true,
            },
            QuestionKind::Group => {
                for item in value.as_array().into_iter().flatten() {
                    let Some(item) = item_answers(item) else {
                        continue;
                    };
                    if let Some(id) = first_not_held(state, account_id, &question.questions, &item)?
                    {
                        return Ok(Some(format!("{}.{id}", question.id)));
                    }
                }
                true
            }
            _ => true,
        };
        if !held {
            return Ok(Some(question.id.clone()));
        }
    }
    Ok(None)
}

/// Whether `value` (a 补正 photo) names a file `account_id` uploaded; anything but a file name is not.
pub fn photo_held(state: &AppState, account_id: &str, value: &Value) -> Result<bool, StoreError> {
    match value.as_str() {
        Some(name) => file_held(state, account_id, name),
        None => Ok(false),
    }
}

/// Whether every file an attachment answer names (one, or a list) is held; an empty answer is.
fn files_held(state: &AppState, account_id: &str, value: &Value) -> Result<bool, StoreError> {
    let names: Vec<&Value> = match value {
        Value::Null => return Ok(true),
        Value::Array(files) => files.iter().collect(),
        single => vec![single],
    };
    for name in names {
        if !name
            .as_str()
            .map(|name| file_held(state, account_id, name))
            .transpose()?
            .unwrap_or(false)
        {
            return Ok(false);
        }
    }
    Ok(true)
}

fn file_held(state: &AppState, account_id: &str, name: &str) -> Result<bool, StoreError> {
    Ok(is_file_name(name)
        && state
            .store
            .attachment_owned(&name.to_ascii_lowercase(), account_id)?
            .is_some())
}

fn licence_held(state: &AppState, account_id: &str, licence_no: &str) -> Result<bool, StoreError> {
    Ok(state
        .store
        .licence(licence_no)?
        .is_some_and(|(holder, _)| holder == account_id))
}
