//! Login commands: a citizen logs in with the code sent to their phone; the login is kept in the
//! OS keychain until 退出. One line each over `app.session()`.

use huiban_api::SmsCodeSent;
use huiban_core::session::{LoggedIn, SessionStatus, UnsentView};
use huiban_core::unsent::LeaveUnsent;
use tauri::State;

use crate::{AppState, IpcError};

/// Asks the platform to send a login code to `phone` by SMS.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn login_request_code(
    state: State<'_, AppState>,
    phone: String,
) -> Result<SmsCodeSent, IpcError> {
    Ok(state.session().request_code(&phone).await?)
}

/// Logs in with the code from the SMS; the copies pulled for anyone else are forgotten at once, and
/// the outbox then sends whatever this person left waiting.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn login_with_code(
    state: State<'_, AppState>,
    phone: String,
    code: String,
) -> Result<LoggedIn, IpcError> {
    Ok(state.session().log_in(&phone, &code).await?)
}

/// Whether someone is logged in.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn session_status(state: State<'_, AppState>) -> Result<SessionStatus, IpcError> {
    Ok(state.session().status().await?)
}

/// What the person logged in has not sent yet (forms begun, waiting, refused), to ask about at 退出.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn unsent(state: State<'_, AppState>) -> Result<UnsentView, IpcError> {
    Ok(state.session().unsent().await?)
}

/// 退出: does what the person chose with what they have not sent (`keep`, the default; `discard`),
/// ends the login here and on the platform, and forgets every copy pulled for them.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn logout(
    state: State<'_, AppState>,
    leave: Option<LeaveUnsent>,
) -> Result<(), IpcError> {
    let leave = leave.unwrap_or(LeaveUnsent::Keep);
    Ok(state.session().log_out(leave).await?)
}
