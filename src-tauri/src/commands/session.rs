//! Login commands: a citizen logs in with the code sent to their phone; the login is kept in the
//! OS keychain until 退出.

use huiban_api::{SmsCodeSent, TokenRequest};
use huiban_core::session::LoggedIn;
use huiban_core::unsent::{self, LeaveUnsent, Unsent};
use serde::Serialize;
use tauri::State;

use super::own_store_if_any;
use crate::{AppState, IpcError};

/// Whether someone is logged in on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionStatus {
    /// True while a login is kept.
    pub logged_in: bool,
}

/// Asks the platform to send a login code to `phone` by SMS.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn login_request_code(
    state: State<'_, AppState>,
    phone: String,
) -> Result<SmsCodeSent, IpcError> {
    let phone: String = phone.chars().filter(char::is_ascii_digit).collect();
    state
        .client()
        .request_sms_code(&phone)
        .await
        .map_err(IpcError::from)
}

/// Logs in with the code from the SMS; the copies pulled for anyone else are forgotten at once, and
/// the outbox then sends whatever this person left waiting.
#[tauri::command]
#[tracing::instrument(skip_all, err)]
pub async fn login_with_code(
    state: State<'_, AppState>,
    phone: String,
    code: String,
) -> Result<LoggedIn, IpcError> {
    let request = TokenRequest::SmsCode {
        phone: phone.chars().filter(char::is_ascii_digit).collect(),
        code: code.chars().filter(char::is_ascii_digit).collect(),
    };
    let who = state.session().log_in(state.client(), &request).await?;
    if let Some(store) = &state.store() {
        let _held = state.pull_gate().hold().await;
        store.forget_pulled_except(Some(&who.account_id))?;
    }
    state.wake().notify_one();
    state.pull_now().notify_one();
    Ok(who)
}

/// Whether someone is logged in.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn session_status(state: State<'_, AppState>) -> Result<SessionStatus, IpcError> {
    let logged_in = state.session().is_logged_in().await?;
    Ok(SessionStatus { logged_in })
}

/// What is not sent yet, as 退出 asks about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct UnsentView {
    /// How many of each.
    #[serde(flatten)]
    pub unsent: Unsent,
    /// Whether there is nothing to ask about (core's rule), so 退出 logs out at once.
    pub nothing: bool,
}

/// What the person logged in has not sent yet (forms begun, waiting, refused), to ask about at 退出.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn unsent(state: State<'_, AppState>) -> Result<UnsentView, IpcError> {
    let unsent = match own_store_if_any(&state).await? {
        Some(store) => Unsent::of(&store)?,
        None => Unsent::default(),
    };
    Ok(UnsentView {
        unsent,
        nothing: unsent.is_empty(),
    })
}

/// 退出: does what the person chose with what they have not sent (`keep`, the default: kept here,
/// encrypted, for their next login only; `discard`: deleted), ends the login here (and on the
/// platform now, or once it can be reached), wipes it from the keychain and forgets every copy
/// pulled for them (account, cases, 诉求, messages, licences).
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn logout(
    state: State<'_, AppState>,
    leave: Option<LeaveUnsent>,
) -> Result<(), IpcError> {
    // No pull runs meanwhile, and none begun before writes after the copies are forgotten.
    let _held = state.pull_gate().hold().await;
    if let Some(store) = own_store_if_any(&state).await? {
        unsent::leave(&store, leave.unwrap_or(LeaveUnsent::Keep))?;
    }
    state.session().log_out(state.client()).await?;
    if let Some(store) = &state.store() {
        store.forget_pulled_except(None)?;
    }
    state.wake().notify_one();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_reads_the_counts_and_core_s_verdict_side_by_side() {
        let unsent = Unsent {
            drafts: 1,
            waiting: 0,
            refused: 0,
        };
        let view = UnsentView {
            unsent,
            nothing: unsent.is_empty(),
        };
        assert_eq!(
            serde_json::to_value(view).unwrap_or_default(),
            serde_json::json!({"drafts": 1, "waiting": 0, "refused": 0, "nothing": false})
        );
    }
}
