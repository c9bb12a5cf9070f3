//! 证照 commands: the licences kept here, checked offline, and the QR code of one; a few lines each
//! over `app.wallet()`.

use huiban_core::wallet::WalletEntry;
use tauri::State;

use crate::{AppState, IpcError};

/// The person's electronic licences kept on this computer, each checked offline.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn wallet_licences(state: State<'_, AppState>) -> Result<Vec<WalletEntry>, IpcError> {
    Ok(state.wallet().licences().await?)
}

/// The licences a licence question may be answered with: checked out, of its type when it names one.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn wallet_licences_offered(
    state: State<'_, AppState>,
    licence_type: Option<String>,
) -> Result<Vec<WalletEntry>, IpcError> {
    Ok(state.wallet().offered_for(licence_type.as_deref()).await?)
}

/// The QR code (SVG) of one kept licence, for a verifier to scan.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn wallet_licence_qr(
    state: State<'_, AppState>,
    licence_no: String,
) -> Result<String, IpcError> {
    Ok(state.wallet().qr(&licence_no).await?)
}
