//! The staff window's view of its centre's kiosk calls (请工作人员过来): the open calls (each new
//! one also announced by the system, for a clerk busy with a resident), 我过去 and 处理好了; granted
//! only to the staff window (capabilities/staff.json). A line or two each over `app.staff()`.

use huiban_core::staff::KioskCallView;
use tauri::{AppHandle, State};

use crate::{AppState, IpcError};

/// The open calls of her centre's kiosks, oldest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_kiosk_calls(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Vec<KioskCallView>, IpcError> {
    let calls = state.staff().kiosk_calls().await?;
    crate::notifications::announce_calls(&app, &calls);
    Ok(calls)
}

/// 我过去: she is going to the call.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_answer_kiosk_call(
    state: State<'_, AppState>,
    call_id: String,
) -> Result<Vec<KioskCallView>, IpcError> {
    Ok(state.staff().answer_kiosk_call(&call_id).await?)
}

/// 处理好了: the person at the kiosk was helped.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_end_kiosk_call(
    state: State<'_, AppState>,
    call_id: String,
) -> Result<Vec<KioskCallView>, IpcError> {
    Ok(state.staff().end_kiosk_call(&call_id).await?)
}
