//! 求助 commands: the numbers she can call (her district's centre among them), 请家人帮忙 and
//! 请工作人员给我回电话, a few lines over `app.help()`.

use huiban_core::help::{CallBack, CentreHelp, DistrictPage, FamilyHelp, HelpPage};
use tauri::State;

use crate::{AppState, IpcError};

/// The 求助 page: the numbers to call, and whether a call-back may be asked or is asked.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn help_page(state: State<'_, AppState>) -> Result<HelpPage, IpcError> {
    Ok(state.help().page().await?)
}

/// Asks staff to call her back (once while one is open), naming the page she was looking at.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, looking_at), err)]
pub async fn help_call_back(
    state: State<'_, AppState>,
    looking_at: Option<String>,
) -> Result<CallBack, IpcError> {
    Ok(state.help().call_back(looking_at.as_deref()).await?)
}

/// Her district's service centre as the platform lists it now (kept here when it cannot be asked).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn help_centre(state: State<'_, AppState>) -> Result<CentreHelp, IpcError> {
    Ok(state.help().centre().await?)
}

/// 您住在哪个区？: the districts to pick from, and the one shown now.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn help_districts(state: State<'_, AppState>) -> Result<DistrictPage, IpcError> {
    Ok(state.help().districts().await?)
}

/// Keeps the district picked on this computer for 求助's centre.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn help_pick_district(state: State<'_, AppState>, code: String) -> Result<(), IpcError> {
    Ok(state.help().pick_district(&code)?)
}

/// 请家人帮忙 with her relatives as the platform lists them now (as kept here when it cannot be
/// asked).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn help_family(state: State<'_, AppState>) -> Result<FamilyHelp, IpcError> {
    Ok(state.help().family().await?)
}

/// Texts the relative of `grant_id` that she needs help, naming the page she was looking at (queued,
/// sent once, offline too).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, looking_at), err)]
pub async fn help_ask_family(
    state: State<'_, AppState>,
    grant_id: String,
    looking_at: Option<String>,
) -> Result<FamilyHelp, IpcError> {
    Ok(state
        .help()
        .ask_family(&grant_id, looking_at.as_deref())
        .await?)
}
