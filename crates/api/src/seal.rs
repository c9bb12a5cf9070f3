//! Checking a licence's electronic seal against the departments' public keys: the one check the
//! platform and the client both run (the client offline, with the keys it keeps).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, VerifyingKey};

use crate::licences::{ALGORITHM, DepartmentKey, Licence, signed_bytes};

/// Why a licence does not check out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealProblem {
    /// Not an Ed25519 seal.
    Format,
    /// No known department key has this id.
    UnknownKey,
    /// The key belongs to another department than the issuer.
    IssuerMismatch,
    /// The seal or the key is not well-formed.
    Damaged,
    /// The content was changed after sealing, or the seal is wrong.
    Tampered,
    /// Past its last valid day.
    Expired,
    /// Before its first valid day.
    NotYetValid,
}

impl SealProblem {
    /// The problem in plain Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Format => "证照的电子印章格式不对。",
            Self::UnknownKey => "不认识这个发证机关的电子印章。",
            Self::IssuerMismatch => "电子印章和发证机关对不上。",
            Self::Damaged => "证照的电子印章已损坏。",
            Self::Tampered => "证照内容被改动过，或者电子印章不对。",
            Self::Expired => "证照已经过了有效期。",
            Self::NotYetValid => "证照还没到生效的日子。",
        }
    }

    /// The Fluent id of the problem's message.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Format => "seal-format",
            Self::UnknownKey => "seal-unknown-key",
            Self::IssuerMismatch => "seal-issuer-mismatch",
            Self::Damaged => "seal-damaged",
            Self::Tampered => "seal-tampered",
            Self::Expired => "seal-expired",
            Self::NotYetValid => "seal-not-yet-valid",
        }
    }
}

/// Checks `licence`'s seal with `keys` and its validity on `today` (YYYY-MM-DD).
pub fn check_seal(
    licence: &Licence,
    keys: &[DepartmentKey],
    today: &str,
) -> Result<(), SealProblem> {
    if licence.signature.algorithm != ALGORITHM {
        return Err(SealProblem::Format);
    }
    let key = keys
        .iter()
        .find(|k| k.key_id == licence.signature.key_id)
        .ok_or(SealProblem::UnknownKey)?;
    if key.credit_code != licence.issuer.credit_code {
        return Err(SealProblem::IssuerMismatch);
    }
    let public = BASE64
        .decode(&key.public_key)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .and_then(|bytes| VerifyingKey::from_bytes(&bytes).ok())
        .ok_or(SealProblem::Damaged)?;
    let signature = BASE64
        .decode(&licence.signature.value)
        .ok()
        .and_then(|bytes| <[u8; 64]>::try_from(bytes).ok())
        .map(|bytes| Signature::from_bytes(&bytes))
        .ok_or(SealProblem::Damaged)?;
    public
        .verify_strict(&signed_bytes(licence), &signature)
        .map_err(|_| SealProblem::Tampered)?;
    if licence.valid_to.as_deref().is_some_and(|to| to < today) {
        return Err(SealProblem::Expired);
    }
    if licence.valid_from.as_str() > today {
        return Err(SealProblem::NotYetValid);
    }
    Ok(())
}
