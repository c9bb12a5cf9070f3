//! Where the person is logged in: the list of her logins with 让它退出, and letting a kiosk in a
//! hall log in as her after she has checked which kiosk asks and where it stands; one line each over
//! `app.logins()`.

use huiban_core::kiosk_login::KioskAsking;
use huiban_core::logins::LoginLine;
use tauri::State;

use crate::{AppState, IpcError};

/// Where the person is logged in now, this computer first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn logins(state: State<'_, AppState>) -> Result<Vec<LoginLine>, IpcError> {
    Ok(state.logins().list().await?)
}

/// Ends another of the person's logins (this computer's is ended by 退出).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn login_end(state: State<'_, AppState>, login_id: String) -> Result<(), IpcError> {
    Ok(state.logins().end(&login_id).await?)
}

/// Which kiosk shows the code the person typed, and where it stands.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_asking(
    state: State<'_, AppState>,
    code: String,
) -> Result<KioskAsking, IpcError> {
    Ok(state.logins().kiosk_asking(&code).await?)
}

/// Lets the kiosk showing `code` log in as the person (`approve`), or refuses it.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, code), err)]
pub async fn kiosk_answer(
    state: State<'_, AppState>,
    code: String,
    approve: bool,
) -> Result<(), IpcError> {
    Ok(state.logins().kiosk_answer(&code, approve).await?)
}
