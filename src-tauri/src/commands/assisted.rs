//! Acting for a resident at the counter (staff window only): her ID number checked, her card read,
//! the session started, her consent code, the session now, 结束办理, the day's residents and
//! picking one up again. One line each over `app.assisted()`.

use huiban_core::assisted::{AssistedView, IdCard, ServedTodayView};
use tauri::State;

use crate::{AppState, IpcError};

/// Checks the ID number typed on the keypad; answers it cleaned (upper-case X, no spaces).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub fn assisted_check_id_number(
    state: State<'_, AppState>,
    id_number: String,
) -> Result<String, IpcError> {
    Ok(state.assisted().check_id_number(&id_number)?)
}

/// The ID card on the reader now, if any.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub fn assisted_read_card(state: State<'_, AppState>) -> Result<Option<IdCard>, IpcError> {
    Ok(state.assisted().read_card()?)
}

/// Starts a session for the resident: the platform texts her a consent code.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn assisted_start(
    state: State<'_, AppState>,
    id_number: String,
    name: String,
) -> Result<AssistedView, IpcError> {
    Ok(state.assisted().start(&id_number, &name).await?)
}

/// Records the code the resident read out from her SMS; the session opens.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn assisted_consent_code(
    state: State<'_, AppState>,
    code: String,
) -> Result<AssistedView, IpcError> {
    Ok(state.assisted().consent_by_code(&code).await?)
}

/// Records her signature drawn on the pad (its PNG data URL), approved by the centre's manager at the
/// counter with her account and password; the session opens.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn assisted_consent_signature(
    state: State<'_, AppState>,
    drawing: String,
    manager_username: String,
    manager_password: String,
) -> Result<AssistedView, IpcError> {
    Ok(state
        .assisted()
        .consent_by_signature(&drawing, &manager_username, &manager_password)
        .await?)
}

/// The session at the counter, if any.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub fn assisted_current(state: State<'_, AppState>) -> Result<Option<AssistedView>, IpcError> {
    Ok(state.assisted().current()?)
}

/// 结束办理: ends the session here and on the platform.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn assisted_end(state: State<'_, AppState>) -> Result<(), IpcError> {
    Ok(state.assisted().end().await?)
}

/// 今天办过的居民: the clerk's sessions of today, residents masked, with what waits to be sent.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn assisted_served_today(
    state: State<'_, AppState>,
) -> Result<Vec<ServedTodayView>, IpcError> {
    Ok(state.assisted().served_today().await?)
}

/// 再次办理: a new session for a resident served today; she is asked to consent again.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn assisted_again(
    state: State<'_, AppState>,
    session_id: String,
) -> Result<AssistedView, IpcError> {
    Ok(state.assisted().again(&session_id).await?)
}
