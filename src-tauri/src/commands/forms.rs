//! Form commands: a form's definition (kept offline once seen), checking an answer by the rules in
//! core, the shipped list of places, and a group's items in words; one line each over core.

use huiban_api::FormDefinition;
use huiban_core::drafts::AnswerProblem;
use huiban_core::forms::group_list::ItemSummary;
use tauri::State;

use crate::{AppState, IpcError};

/// The definition of a form version (kept offline once seen).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn form_definition(
    state: State<'_, AppState>,
    form_id: String,
    version: u32,
) -> Result<FormDefinition, IpcError> {
    Ok(state.forms().definition(&form_id, version).await?)
}

/// Checks one answer of a form version, the question found among the form's and its groups';
/// `null` when it is fine.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, value), err)]
pub async fn form_check_answer(
    state: State<'_, AppState>,
    form_id: String,
    version: u32,
    question_id: String,
    value: serde_json::Value,
) -> Result<Option<AnswerProblem>, IpcError> {
    Ok(state
        .forms()
        .check_answer(&form_id, version, &question_id, &value)
        .await?)
}

/// The places to pick from for an address: the provinces, or what lies under `code` (shipped with
/// the app, so it works offline).
#[tauri::command]
#[specta::specta]
#[tracing::instrument]
pub fn regions(code: Option<String>) -> Vec<huiban_core::regions::Region> {
    huiban_core::regions::choices(code.as_deref())
}

/// The places from the province down to `code`, to show what was picked; empty when unknown.
#[tauri::command]
#[specta::specta]
#[tracing::instrument]
pub fn region_path(code: String) -> Vec<huiban_core::regions::Region> {
    huiban_core::regions::path(&code).unwrap_or_default()
}

/// The items of a group's answer `value` (as the page holds it now) in plain words, each with the
/// first of its questions still to answer.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, value), err)]
pub async fn group_items(
    state: State<'_, AppState>,
    form_id: String,
    version: u32,
    group_id: String,
    value: serde_json::Value,
) -> Result<Vec<ItemSummary>, IpcError> {
    Ok(state
        .forms()
        .group_items(&form_id, version, &group_id, &value)
        .await?)
}
