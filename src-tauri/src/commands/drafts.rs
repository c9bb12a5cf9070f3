//! Draft commands: a form being filled in one question a page, saved answer by answer, checked as a
//! whole, then queued for sending; and what became of it once queued. One line each over
//! `app.drafts()`.

use huiban_core::drafts::{
    AnswerOutcome, CheckPage, QuestionPage, SubmissionView, SubmitOutcome, Unfinished,
};
use huiban_core::store::Draft;
use tauri::State;

use crate::{AppState, IpcError};

/// Starts an empty draft of an item's form; it is saved at once.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_start(
    state: State<'_, AppState>,
    impl_code: String,
    form_id: String,
    version: u32,
) -> Result<Draft, IpcError> {
    Ok(state.drafts().start(&impl_code, &form_id, version).await?)
}

/// One question's page: the draft opened, and the question before it (where 返回 goes).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_page(
    state: State<'_, AppState>,
    draft_id: String,
    question_id: String,
) -> Result<QuestionPage, IpcError> {
    Ok(state.drafts().page(&draft_id, &question_id).await?)
}

/// Saves one answer as it is typed (`null` clears it); durable when this returns.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, value), err)]
pub async fn draft_answer(
    state: State<'_, AppState>,
    draft_id: String,
    question_id: String,
    value: serde_json::Value,
) -> Result<(), IpcError> {
    Ok(state.drafts().save(&draft_id, &question_id, &value).await?)
}

/// 下一步: keeps the answer, checks it, and names the next question (`null`: time for 核对).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, value), err)]
pub async fn draft_next(
    state: State<'_, AppState>,
    draft_id: String,
    question_id: String,
    value: serde_json::Value,
) -> Result<AnswerOutcome, IpcError> {
    Ok(state
        .drafts()
        .answer(&draft_id, &question_id, &value)
        .await?)
}

/// Every unfinished form, most recently changed first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_list(state: State<'_, AppState>) -> Result<Vec<Draft>, IpcError> {
    Ok(state.drafts().list().await?)
}

/// 我没办完的事: her unfinished forms, each named and with how much is left.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn drafts_unfinished(state: State<'_, AppState>) -> Result<Vec<Unfinished>, IpcError> {
    Ok(state.drafts().unfinished().await?)
}

/// The question after `after` (the first when absent), or before it when `back`; `null` after the
/// last one (time to check the answers) or before the first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_step(
    state: State<'_, AppState>,
    draft_id: String,
    after: Option<String>,
    back: bool,
) -> Result<Option<String>, IpcError> {
    Ok(state
        .drafts()
        .step(&draft_id, after.as_deref(), back)
        .await?)
}

/// The question of a group for item `index` after `after`, or before it when `back`; `null` when
/// the item is done (back to the group's page).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_item_step(
    state: State<'_, AppState>,
    draft_id: String,
    group_id: String,
    index: usize,
    after: Option<String>,
    back: bool,
) -> Result<Option<String>, IpcError> {
    let drafts = state.drafts();
    let after = after.as_deref();
    Ok(drafts
        .item_step(&draft_id, &group_id, index, after, back)
        .await?)
}

/// 核对's page: the form's title, every asked question with its answer in plain words, and what
/// still stops sending.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_review(
    state: State<'_, AppState>,
    draft_id: String,
) -> Result<CheckPage, IpcError> {
    Ok(state.drafts().review(&draft_id).await?)
}

/// One question of one item of a group on its page: the draft opened, and where 返回 goes.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_item_page(
    state: State<'_, AppState>,
    draft_id: String,
    group_id: String,
    index: usize,
    question_id: String,
) -> Result<QuestionPage, IpcError> {
    let drafts = state.drafts();
    Ok(drafts
        .item_page(&draft_id, &group_id, index, &question_id)
        .await?)
}

/// 下一步 on an item's question: keeps the group's list, checks the answer, names the next one.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, items), err)]
pub async fn draft_item_next(
    state: State<'_, AppState>,
    draft_id: String,
    group_id: String,
    index: usize,
    question_id: String,
    items: serde_json::Value,
) -> Result<AnswerOutcome, IpcError> {
    let drafts = state.drafts();
    Ok(drafts
        .item_next(&draft_id, &group_id, index, &question_id, &items)
        .await?)
}

/// 确认提交: queues the draft when every answer is good; otherwise says what to fix.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn draft_submit(
    state: State<'_, AppState>,
    draft_id: String,
) -> Result<SubmitOutcome, IpcError> {
    Ok(state.drafts().submit(&draft_id).await?)
}

/// Where the submission `client_id` stands, with the item's name.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn submission_status(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<SubmissionView, IpcError> {
    Ok(state.drafts().submission(&client_id).await?)
}

/// The QR code (SVG) of a 办件编号, to be scanned at a counter.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(err)]
pub fn case_number_qr(application_no: String) -> Result<String, IpcError> {
    huiban_core::qr::svg_of(&application_no).ok_or_else(|| IpcError::plain("error-unknown"))
}
