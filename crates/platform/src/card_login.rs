//! Logging in at a kiosk with the ID card on its reader: the card names who she is, the login code
//! texted to her phone proves it. The kiosk learns only her phone with its middle hidden, so she
//! knows where to look; a card the platform does not know is told plainly (the card was in her
//! hand at the kiosk, and the kiosk's own login is needed to ask).

use huiban_api::CardCodeSent;
use huiban_api::id_number;

use crate::auth::{self, AuthError};
use crate::state::AppState;
use crate::store::{StoreError, mask_phone};

/// Why a card login was refused.
#[derive(Debug, thiserror::Error)]
pub enum CardLoginError {
    /// The number read fails its check digit (a misread card).
    #[error("the ID number read fails its check digit")]
    BadIdNumber,
    /// No citizen with this number and name has a phone on the platform.
    #[error("no citizen account has this card")]
    NotRegistered,
    /// The code or the kiosk's request was refused as in any login.
    #[error(transparent)]
    Auth(#[from] AuthError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The phone of the citizen with the card's `id_number` (and `name`, when given).
fn phone_of_card(
    state: &AppState,
    id_number: &str,
    name: Option<&str>,
) -> Result<String, CardLoginError> {
    let number = id_number.trim().to_ascii_uppercase();
    if !id_number::has_valid_check(&number) {
        return Err(CardLoginError::BadIdNumber);
    }
    let (account_id, known_name) = state
        .store
        .citizen_by_id_number(&number)?
        .ok_or(CardLoginError::NotRegistered)?;
    if let Some(name) = name
        && known_name.as_deref().map(str::trim) != Some(name.trim())
    {
        return Err(CardLoginError::NotRegistered);
    }
    state
        .store
        .phone_of(&account_id)?
        .ok_or(CardLoginError::NotRegistered)
}

/// Her card read at a kiosk: a login code is texted to the phone of its holder, within the same
/// limits as any login code; answers that phone masked.
pub fn send_code(
    state: &AppState,
    id_number: &str,
    name: &str,
) -> Result<CardCodeSent, CardLoginError> {
    let phone = phone_of_card(state, id_number, Some(name))?;
    let sent = auth::send_login_code(state, &phone)?;
    Ok(CardCodeSent {
        phone_masked: mask_phone(&phone),
        expires_in: sent.expires_in,
        resend_after: sent.resend_after,
    })
}

/// At the kiosk `kiosk`, the code texted for the card with `id_number` approves the request that
/// kiosk holds under `user_code` as the card's holder (no other kiosk's request).
pub fn approve(
    state: &AppState,
    kiosk: &str,
    user_code: &str,
    id_number: &str,
    code: &str,
) -> Result<(), CardLoginError> {
    let phone = phone_of_card(state, id_number, None)?;
    Ok(auth::approve_at_kiosk(
        state, kiosk, user_code, &phone, code,
    )?)
}
