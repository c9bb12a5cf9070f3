//! Kiosk-mode commands: the welcome screen's login by the code on the screen, 是您本人吗？,
//! 我办完了, 请工作人员过来 and leaving kiosk mode with the staff PIN; granted only to the kiosk window
//! (capabilities/kiosk.json). One line each over `app.kiosk()`.

use huiban_api::SmsCodeSent;
use huiban_core::kiosk::visit::{LoginCode, LoginWait};
use huiban_core::kiosk::{CardCode, KioskView, LeavingSlip, StaffCallView};
use huiban_core::pinyin_input::{self, PinyinCandidate};
use tauri::{AppHandle, State};

use crate::{AppState, IpcError};

/// What the kiosk window shows: the welcome screen or a person's errands, and its idle seconds.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_status(state: State<'_, AppState>) -> Result<KioskView, IpcError> {
    Ok(state.kiosk().status().await?)
}

/// A new code and QR code for the next person to log in with.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_login_code(state: State<'_, AppState>) -> Result<LoginCode, IpcError> {
    Ok(state.kiosk().login_code().await?)
}

/// Whether she approved the code on her phone yet.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_login_wait(state: State<'_, AppState>) -> Result<LoginWait, IpcError> {
    Ok(state.kiosk().login_wait().await?)
}

/// 是您本人吗？: yes begins her login; no ends it at once.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_confirm(
    state: State<'_, AppState>,
    it_is_her: bool,
) -> Result<KioskView, IpcError> {
    Ok(state.kiosk().confirm(it_is_her).await?)
}

/// 我办完了, or the countdown ran out: everything of hers leaves the kiosk.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_finish(state: State<'_, AppState>) -> Result<KioskView, IpcError> {
    Ok(state.kiosk().finish().await?)
}

/// Leaves kiosk mode with the staff PIN: the app ends (a wrong PIN says how many tries are left).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_leave(
    app: AppHandle,
    state: State<'_, AppState>,
    pin: String,
) -> Result<(), IpcError> {
    state.kiosk().leave(&pin)?;
    tracing::info!("kiosk mode left with the staff PIN");
    crate::windows::allow_leaving();
    app.exit(0);
    Ok(())
}

/// 请工作人员过来: the staff of the kiosk's centre are asked to come.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_call_staff(state: State<'_, AppState>) -> Result<StaffCallView, IpcError> {
    Ok(state.kiosk().call_staff().await?)
}

/// The kiosk's call for staff as it stands: whether someone is coming.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_staff_call(state: State<'_, AppState>) -> Result<StaffCallView, IpcError> {
    Ok(state.kiosk().staff_call().await?)
}

/// 不用了: staff are no longer asked to come.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_cancel_staff_call(
    state: State<'_, AppState>,
) -> Result<StaffCallView, IpcError> {
    Ok(state.kiosk().cancel_staff_call().await?)
}

/// The slip to print as her visit ends, when something she confirmed is still to be sent.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_leaving_slip(
    state: State<'_, AppState>,
) -> Result<Option<LeavingSlip>, IpcError> {
    Ok(state.kiosk().leaving_slip().await?)
}

/// Texts a login code to the phone number she typed on the kiosk's keypad.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_send_sms_code(
    state: State<'_, AppState>,
    phone: String,
) -> Result<SmsCodeSent, IpcError> {
    Ok(state.kiosk().send_sms_code(&phone).await?)
}

/// Her ID card on the kiosk's reader: a login code texted to its holder's phone (none while no
/// card lies on the reader).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_card_code(state: State<'_, AppState>) -> Result<Option<CardCode>, IpcError> {
    Ok(state.kiosk().card_code().await?)
}

/// Logs in with the card just read and the code texted for it, typed on the kiosk's keypad.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_log_in_by_card(
    state: State<'_, AppState>,
    code: String,
) -> Result<LoginWait, IpcError> {
    Ok(state.kiosk().log_in_by_card(&code).await?)
}

/// Logs in with her phone number and the code texted to it, typed on the kiosk's keypad.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_log_in_by_sms(
    state: State<'_, AppState>,
    phone: String,
    code: String,
) -> Result<LoginWait, IpcError> {
    Ok(state.kiosk().log_in_by_sms(&phone, &code).await?)
}

/// The on-screen pinyin keyboard's words for the letters she typed (nothing learned from her picks).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn kiosk_pinyin_candidates(typed: String) -> Result<Vec<PinyinCandidate>, IpcError> {
    Ok(pinyin_input::candidates(&typed))
}

/// 还在吗？ began (`shown`) or stopped being asked: the platform hears it in the next heartbeat.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn kiosk_idle_warning(state: State<'_, AppState>, shown: bool) -> Result<(), IpcError> {
    Ok(state.kiosk().note_idle_warning(shown)?)
}
