//! The staff window's view of her district's call-backs (请工作人员给我回电话): the open ones with
//! the phone to call, and 已回电话; granted only to the staff window (capabilities/staff.json). A
//! line each over `app.staff()`.

use huiban_core::staff::CallBackView;
use tauri::State;

use crate::{AppState, IpcError};

/// The open call-backs of her centre's district, oldest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_call_backs(state: State<'_, AppState>) -> Result<Vec<CallBackView>, IpcError> {
    Ok(state.staff().call_backs().await?)
}

/// 已回电话: she called the resident back; what is still open.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_call_back_called(
    state: State<'_, AppState>,
    request_no: String,
) -> Result<Vec<CallBackView>, IpcError> {
    Ok(state.staff().call_back_called(&request_no).await?)
}
