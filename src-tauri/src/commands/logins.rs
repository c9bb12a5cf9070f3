//! Where the person is logged in: the list of her logins with 让它退出, and letting a kiosk in a
//! hall log in as her after she has checked which kiosk asks and where it stands.

use huiban_core::kiosk_login::{self, KioskAsking};
use huiban_core::logins::{self, LoginLine};
use tauri::State;

use super::online_token;
use crate::{AppState, IpcError};

/// Where the person is logged in now, this computer first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn logins(state: State<'_, AppState>) -> Result<Vec<LoginLine>, IpcError> {
    let token = online_token(&state).await?;
    let summaries = state.client().logins(&token.access_token).await?;
    Ok(logins::lines(&summaries, state.localizer()))
}

/// Ends another of the person's logins (this computer's is ended by 退出).
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn login_end(state: State<'_, AppState>, login_id: String) -> Result<(), IpcError> {
    let token = online_token(&state).await?;
    Ok(logins::end(state.client(), &token.access_token, &login_id).await?)
}

/// Which kiosk shows the code the person typed, and where it stands.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_asking(
    state: State<'_, AppState>,
    code: String,
) -> Result<KioskAsking, IpcError> {
    let code = kiosk_login::code(&code).map_err(|problem| IpcError::plain(problem.message_id()))?;
    let token = online_token(&state).await?;
    let asking = state
        .client()
        .kiosk_asking(&token.access_token, &code)
        .await?;
    Ok(KioskAsking::of(&code, asking, state.localizer()))
}

/// Lets the kiosk showing `code` log in as the person (`approve`), or refuses it.
#[tauri::command]
#[tracing::instrument(skip(state, code), err)]
pub async fn kiosk_answer(
    state: State<'_, AppState>,
    code: String,
    approve: bool,
) -> Result<(), IpcError> {
    let code = kiosk_login::code(&code).map_err(|problem| IpcError::plain(problem.message_id()))?;
    let token = online_token(&state).await?;
    state
        .client()
        .answer_kiosk(&token.access_token, &code, approve)
        .await
        .map_err(IpcError::from)
}
