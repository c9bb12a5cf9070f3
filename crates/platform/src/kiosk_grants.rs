//! Filing, with a kiosk's own device login, what a person confirmed on it and could not be sent
//! before her login there ended (我办完了, or she walked away while the network was down). Her
//! kiosk login came with a submission key; the kiosk keeps, for each submission, only the grant made
//! of it (`huiban_api::kiosk::submission_grant`: her login's id and an HMAC of the key over the
//! submission's Idempotency-Key). A grant files that one submission, for her, as come through that
//! kiosk, within [`SUBMISSION_GRANT_DAYS`](huiban_api::kiosk::SUBMISSION_GRANT_DAYS) of her login,
//! and nothing else: never a read, another submission, or another kiosk. A photo such a submission
//! names and the kiosk had not uploaded has its own grant, over the file's SHA-256, which uploads
//! that one file as hers (`huiban_api::kiosk::KIOSK_GRANT_FILE_HEADER`).

use chrono::Duration;
use huiban_api::Role;
use huiban_api::kiosk::{SUBMISSION_GRANT_DAYS, grant_matches};

use crate::state::AppState;
use crate::store::{StoreError, TokenOwner};

/// Why a grant files nothing.
#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    /// Not `login_id.mac`, no kiosk login of that id, another kiosk's, a mac of another submission,
    /// or older than the grant's days.
    #[error("the grant files nothing")]
    Refused,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The person `grant` files the submission under `idempotency_key` for, when the kiosk
/// `kiosk_account_id` presents it: her as a citizen at that kiosk.
pub fn granted(
    state: &AppState,
    kiosk_account_id: &str,
    grant: &str,
    idempotency_key: &str,
) -> Result<TokenOwner, GrantError> {
    let (login_id, mac) = grant.split_once('.').ok_or(GrantError::Refused)?;
    let login = state
        .store
        .kiosk_login_key(login_id)?
        .ok_or(GrantError::Refused)?;
    let lasts_until = login.created_ms + Duration::days(SUBMISSION_GRANT_DAYS).num_milliseconds();
    let fits = login.kiosk_account_id.as_deref() == Some(kiosk_account_id)
        && state.clock.now().timestamp_millis() < lasts_until
        && grant_matches(&login.submission_key, idempotency_key, mac);
    if !fits {
        return Err(GrantError::Refused);
    }
    Ok(TokenOwner {
        account_id: login.account_id,
        role: Role::Citizen,
        family_id: login_id.to_owned(),
        at_kiosk: true,
    })
}
