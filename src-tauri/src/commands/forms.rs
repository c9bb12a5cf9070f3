//! Form commands: a form's definition (kept offline once seen) and checking an answer by the rules in
//! core, so the UI holds none of them.

use huiban_api::{FormDefinition, Question, QuestionKind};
use huiban_core::catalog;
use huiban_core::forms::group_list::{self, ItemSummary};
use huiban_core::forms::{self, Rule};
use serde::Serialize;
use tauri::State;

use crate::{AppState, IpcError};

/// A rule the answer breaks, with what to tell the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerProblem {
    /// The rule broken.
    pub rule: Rule,
    /// What to tell the person, in plain words.
    pub message: String,
}

/// The definition of a form version: the request form from core, the saved copy, or the platform's
/// when none is saved yet.
pub(crate) async fn form_of(
    state: &AppState,
    form_id: &str,
    version: u32,
) -> Result<FormDefinition, IpcError> {
    if huiban_core::request_form::is_request_form(form_id) {
        return Ok(huiban_core::request_form::definition(state.localizer()));
    }
    match &state.store() {
        Some(store) => catalog::form(store, state.client(), form_id, version)
            .await
            .map_err(IpcError::from),
        None => state
            .client()
            .form(form_id, version)
            .await
            .map_err(IpcError::from),
    }
}

/// Today, where the person is (for birth dates and other date rules).
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The definition of a form version (kept offline once seen).
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn form_definition(
    state: State<'_, AppState>,
    form_id: String,
    version: u32,
) -> Result<FormDefinition, IpcError> {
    form_of(&state, &form_id, version).await
}

/// Checks one answer of a form version (kept offline once seen), the question found among the
/// form's and its groups'; `null` when it is fine.
#[tauri::command]
#[tracing::instrument(skip(state, value), err)]
pub async fn form_check_answer(
    state: State<'_, AppState>,
    form_id: String,
    version: u32,
    question_id: String,
    value: serde_json::Value,
) -> Result<Option<AnswerProblem>, IpcError> {
    let form = form_of(&state, &form_id, version).await?;
    let Some(question) = Question::find(&form.questions, &question_id) else {
        return Err(IpcError::plain("error-unknown"));
    };
    Ok(forms::check_answer(question, Some(&value), today())
        .err()
        .map(|rule| AnswerProblem {
            message: forms::message(state.localizer(), question, &rule),
            rule,
        }))
}

/// The places to pick from for an address: the provinces, or what lies under `code` (shipped with
/// the app, so it works offline).
#[tauri::command]
#[tracing::instrument]
pub fn regions(code: Option<String>) -> Vec<huiban_core::regions::Region> {
    huiban_core::regions::choices(code.as_deref())
}

/// The places from the province down to `code`, to show what was picked; empty when unknown.
#[tauri::command]
#[tracing::instrument]
pub fn region_path(code: String) -> Vec<huiban_core::regions::Region> {
    huiban_core::regions::path(&code).unwrap_or_default()
}

/// The items of a group's answer `value` (as the page holds it now) in plain words, each with the
/// first of its questions still to answer.
#[tauri::command]
#[tracing::instrument(skip(state, value), err)]
pub async fn group_items(
    state: State<'_, AppState>,
    form_id: String,
    version: u32,
    group_id: String,
    value: serde_json::Value,
) -> Result<Vec<ItemSummary>, IpcError> {
    let form = form_of(&state, &form_id, version).await?;
    let group = group_of(&form, &group_id)?;
    Ok(group_list::summaries(
        group,
        Some(&value),
        today(),
        state.localizer(),
    ))
}

/// The group question `group_id` of `form`.
pub(crate) fn group_of<'a>(
    form: &'a FormDefinition,
    group_id: &str,
) -> Result<&'a Question, IpcError> {
    form.questions
        .iter()
        .find(|q| q.id == group_id && q.kind == QuestionKind::Group)
        .ok_or_else(|| IpcError::plain("error-unknown"))
}
