//! Staff-mode commands: a clerk's password login, her screen lock (PIN or password) and her working
//! day; granted only to the staff window (capabilities/staff.json). One line each over `app.staff()`.

use huiban_core::staff::StaffStatus;
use tauri::State;

use crate::{AppState, IpcError};

/// Logs the clerk in with her platform account and password.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn staff_log_in(
    state: State<'_, AppState>,
    username: String,
    password: String,
) -> Result<StaffStatus, IpcError> {
    Ok(state.staff().log_in(&username, &password).await?)
}

/// Where the clerk stands: logged in, locked, her day's end.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_status(state: State<'_, AppState>) -> Result<StaffStatus, IpcError> {
    Ok(state.staff().status().await?)
}

/// She touched the screen (sent now and then, not on every key): the lock waits five more minutes.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state))]
pub fn staff_input(state: State<'_, AppState>) {
    state.staff().input();
}

/// 锁屏: she locks the screen before stepping away.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn staff_lock(state: State<'_, AppState>) -> Result<(), IpcError> {
    Ok(state.staff().lock()?)
}

/// Sets today's unlock PIN (4 to 6 digits).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub fn staff_set_pin(state: State<'_, AppState>, pin: String) -> Result<(), IpcError> {
    Ok(state.staff().set_pin(&pin)?)
}

/// Opens the lock with her PIN.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn staff_unlock_pin(
    state: State<'_, AppState>,
    pin: String,
) -> Result<StaffStatus, IpcError> {
    Ok(state.staff().unlock_with_pin(&pin).await?)
}

/// Opens the lock with her password, checked by the platform.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn staff_unlock_password(
    state: State<'_, AppState>,
    password: String,
) -> Result<StaffStatus, IpcError> {
    Ok(state.staff().unlock_with_password(&password).await?)
}

/// 下班退出: ends her login here and on the platform; refused while something confirmed for a
/// resident waits to be sent, unless `even_with_unsent` (then it goes out under the next clerk's
/// login at this computer).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn staff_log_out(
    state: State<'_, AppState>,
    even_with_unsent: bool,
) -> Result<(), IpcError> {
    Ok(state.staff().log_out(even_with_unsent).await?)
}
