//! 进度 commands: the person's cases as kept here, one case's timeline in plain words, what she does
//! to a case, and pulling fresh copies from the platform on request. Each is a few lines over
//! `app.cases()`.

use huiban_core::cases::asked_again::AskedAgain;
use huiban_core::cases::{CaseDetail, CaseSummary, LevelChoice, ReceiptView};
use huiban_core::pull::Pulled;
use tauri::State;

use crate::{AppState, IpcError};

/// The person's cases kept on this computer, newest first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn cases(state: State<'_, AppState>) -> Result<Vec<CaseSummary>, IpcError> {
    Ok(state.cases().list().await?)
}

/// One kept case with its timeline in plain words.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn case_detail(
    state: State<'_, AppState>,
    application_no: String,
) -> Result<CaseDetail, IpcError> {
    Ok(state.cases().detail(&application_no).await?)
}

/// A case's 受理回执, every line in plain words (pulled first when it was only just sent).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn case_receipt(
    state: State<'_, AppState>,
    application_no: String,
) -> Result<ReceiptView, IpcError> {
    Ok(state.cases().receipt(&application_no).await?)
}

/// The five 好差评 levels, best first, in the person's words.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state))]
pub fn evaluation_levels(state: State<'_, AppState>) -> Vec<LevelChoice> {
    state.cases().levels()
}

/// Queues the 好差评 of a finished case (sent with the applications, offline too).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, reason), err)]
pub async fn case_evaluate(
    state: State<'_, AppState>,
    application_no: String,
    level: u8,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let cases = state.cases();
    Ok(cases
        .evaluate(&application_no, level, reason.as_deref())
        .await?)
}

/// The questions a 补正 of the case asks to answer again, with the answers the case holds now.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn case_asked_again(
    state: State<'_, AppState>,
    application_no: String,
) -> Result<Vec<AskedAgain>, IpcError> {
    Ok(state.cases().asked_again(&application_no).await?)
}

/// 补正: queues new answers, a photo and a note for what the department asked (offline too).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, note, answers), err)]
pub async fn case_supplement(
    state: State<'_, AppState>,
    application_no: String,
    note: Option<String>,
    photo: Option<String>,
    answers: Option<huiban_api::Answers>,
) -> Result<(), IpcError> {
    let answers = answers.unwrap_or_default();
    let (note, photo) = (note.as_deref(), photo.as_deref());
    let cases = state.cases();
    Ok(cases
        .supplement(&application_no, note, photo, &answers)
        .await?)
}

/// 撤回 within 10 minutes of sending (online only); the kept copies are refreshed afterwards.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, reason), err)]
pub async fn case_withdraw(
    state: State<'_, AppState>,
    application_no: String,
    reason: Option<String>,
) -> Result<(), IpcError> {
    Ok(state
        .cases()
        .withdraw(&application_no, reason.as_deref())
        .await?)
}

/// Pulls fresh copies of the person's cases, messages and licences now, and announces what is new.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, state), err)]
pub async fn copies_refresh(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Pulled, IpcError> {
    let pulled = state.refresh_copies().await?;
    crate::notifications::announce(&app, &pulled.to_announce);
    Ok(pulled)
}
