//! 证照 commands: the licences kept here, checked offline, and the QR code of one.

use huiban_api::Licence;
use huiban_core::wallet;
use serde::Serialize;
use tauri::State;

use super::forms::today_text;
use super::own_store_if_any;
use crate::{AppState, IpcError};

/// A licence as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalletEntry {
    /// The licence.
    pub licence: Licence,
    /// Whether its seal checked out offline and it is valid today.
    pub verified: bool,
    /// Why not, in plain words, when it did not.
    pub problem: Option<String>,
}

async fn entries(state: &AppState) -> Result<Vec<WalletEntry>, IpcError> {
    let Some(store) = own_store_if_any(state).await? else {
        return Ok(Vec::new());
    };
    let checked = wallet::licences(&store, &today_text())?;
    Ok(checked
        .into_iter()
        .map(|entry| WalletEntry {
            problem: entry.problem.map(|id| state.localizer().text(id, &[])),
            verified: entry.verified,
            licence: entry.licence,
        })
        .collect())
}

/// The person's electronic licences kept on this computer, each checked offline.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn wallet_licences(state: State<'_, AppState>) -> Result<Vec<WalletEntry>, IpcError> {
    entries(&state).await
}

/// The QR code (SVG) of one kept licence, for a verifier to scan.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn wallet_licence_qr(
    state: State<'_, AppState>,
    licence_no: String,
) -> Result<String, IpcError> {
    let kept = match own_store_if_any(&state).await? {
        Some(store) => store.cached_licences()?,
        None => Vec::new(),
    };
    kept.iter()
        .find(|licence| licence.licence_no == licence_no)
        .and_then(wallet::qr_svg)
        .ok_or_else(|| IpcError::plain("licence-not-found"))
}
