//! 亲友代办: 谁能帮我办 (her relatives: agree, refuse, end), asking to help a relative (by her
//! phone, or the code she read out), and the switch at the top between 我自己 and the person he
//! acts for; one line each over `app.relatives()`.

use huiban_api::Kinship;
use huiban_core::client::GrantAnswer;
use huiban_core::relatives::{
    ActingSwitch, GrantLine, KinshipChoice, RelativesPage, kinship_choices,
};
use tauri::State;

use crate::{AppState, IpcError};

/// 谁能帮我办: who helps her or asks to, whom she helps, and what a relative may and may not do.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn relatives_page(state: State<'_, AppState>) -> Result<RelativesPage, IpcError> {
    Ok(state.relatives().page().await?)
}

/// Who a relative may be to the person he asks to help, named.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state))]
pub fn relatives_kinships(state: State<'_, AppState>) -> Vec<KinshipChoice> {
    kinship_choices(state.localizer())
}

/// He asks to help the person with the phone typed, as her `kinship`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, phone), err)]
pub async fn relatives_ask(
    state: State<'_, AppState>,
    phone: String,
    kinship: Kinship,
) -> Result<GrantLine, IpcError> {
    Ok(state.relatives().ask(&phone, kinship).await?)
}

/// He types the code she read out to him: she agreed.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, code), err)]
pub async fn relatives_agree_by_code(
    state: State<'_, AppState>,
    grant_id: String,
    code: String,
) -> Result<GrantLine, IpcError> {
    Ok(state.relatives().agree_by_code(&grant_id, &code).await?)
}

/// She agrees to or refuses a grant asked of her, or either side ends one.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn relatives_answer(
    state: State<'_, AppState>,
    grant_id: String,
    answer: GrantAnswer,
) -> Result<RelativesPage, IpcError> {
    Ok(state.relatives().answer(&grant_id, answer).await?)
}

/// The switch at the top: 我自己 and everyone who agreed to his help.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn relatives_switch(state: State<'_, AppState>) -> Result<ActingSwitch, IpcError> {
    Ok(state.relatives().switch().await?)
}

/// He acts for the person who agreed to `grant_id` from now on (none: for himself again).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn relatives_act_for(
    state: State<'_, AppState>,
    grant_id: Option<String>,
) -> Result<ActingSwitch, IpcError> {
    Ok(state.relatives().act_for(grant_id.as_deref()).await?)
}
