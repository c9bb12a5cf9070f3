//! 证照 wallet: the person's electronic licences as kept here, each checked offline against the
//! departments' public keys kept with them, and shown with a QR code for verification.

use chrono::Offset;
use huiban_api::Licence;
use huiban_api::seal::{SealProblem, check_seal};
use serde::Serialize;

use crate::store::{AccountStore, StoreError};

/// One licence as the wallet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct WalletLicence {
    /// The licence.
    pub licence: Licence,
    /// Whether its seal checked out with the kept keys and it is valid today.
    pub verified: bool,
    /// The Fluent id of why not, when it did not.
    pub problem: Option<&'static str>,
}

fn checked(licence: Licence, keys: &[huiban_api::DepartmentKey], today: &str) -> WalletLicence {
    let outcome: Result<(), SealProblem> = check_seal(&licence, keys, today);
    WalletLicence {
        verified: outcome.is_ok(),
        problem: outcome.err().map(SealProblem::message_id),
        licence,
    }
}

/// Every kept licence, checked offline as of `today` (YYYY-MM-DD) against the pinned keys. One that
/// does not check out, sealed under a key id the platform has since offered another key for, says
/// so: the department's seal changed, and nobody confirmed the new one.
pub fn licences(store: &AccountStore<'_>, today: &str) -> Result<Vec<WalletLicence>, StoreError> {
    let keys = store.shared().cached_keys()?;
    let changed = store.shared().changed_key_ids()?;
    Ok(store
        .cached_licences()?
        .into_iter()
        .map(|licence| {
            let mut entry = checked(licence, &keys, today);
            if !entry.verified && changed.contains(&entry.licence.signature.key_id) {
                entry.problem = Some(KEY_CHANGED);
            }
            entry
        })
        .collect())
}

/// Today in China (UTC+8) as `YYYY-MM-DD`: a licence's dates are Beijing dates, whatever the
/// computer's own time zone (a licence issued at 01:00 Beijing time is valid that day, even where it
/// is still the day before).
pub fn licence_today() -> String {
    let china = chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| chrono::Utc.fix());
    chrono::Utc::now()
        .with_timezone(&china)
        .format("%Y-%m-%d")
        .to_string()
}

/// The Fluent id of the warning for a licence sealed under a key that changed after it was pinned.
pub const KEY_CHANGED: &str = "seal-key-changed";

/// What the licence's QR code holds: its number, the key that sealed it and the seal, so that a
/// verifier with the departments' keys can ask for it and check it.
pub fn qr_text(licence: &Licence) -> String {
    format!(
        "HUIBAN-LICENCE:{}:{}:{}",
        licence.licence_no, licence.signature.key_id, licence.signature.value
    )
}

/// The licence's QR code as an SVG image (dark modules on white, with a quiet zone).
pub fn qr_svg(licence: &Licence) -> Option<String> {
    crate::qr::svg_of(&qr_text(licence))
}

mod service;

pub use service::{WalletEntry, WalletService};

#[cfg(test)]
mod tests;
