//! Checking a licence's electronic seal against the departments' public keys: the one check the
//! platform and the client both run (the client offline, with the keys it keeps).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sm2::dsa::signature::Verifier;

use crate::licences::{
    ALGORITHM_ED25519, ALGORITHM_SM2, DepartmentKey, Licence, SM2_DISTID, signed_bytes,
};

/// Why a licence does not check out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealProblem {
    /// Not a seal in a known algorithm, or not in its key's algorithm.
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
    let algorithm = licence.signature.algorithm.as_str();
    if algorithm != ALGORITHM_SM2 && algorithm != ALGORITHM_ED25519 {
        return Err(SealProblem::Format);
    }
    let key = keys
        .iter()
        .find(|k| k.key_id == licence.signature.key_id)
        .ok_or(SealProblem::UnknownKey)?;
    if key.credit_code != licence.issuer.credit_code {
        return Err(SealProblem::IssuerMismatch);
    }
    if key.algorithm != algorithm {
        return Err(SealProblem::Format);
    }
    let public = BASE64
        .decode(&key.public_key)
        .map_err(|_| SealProblem::Damaged)?;
    let signature = BASE64
        .decode(&licence.signature.value)
        .map_err(|_| SealProblem::Damaged)?;
    let bytes = signed_bytes(licence);
    if algorithm == ALGORITHM_SM2 {
        let public = sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_DISTID, &public)
            .map_err(|_| SealProblem::Damaged)?;
        let signature =
            sm2::dsa::Signature::from_slice(&signature).map_err(|_| SealProblem::Damaged)?;
        public
            .verify(&bytes, &signature)
            .map_err(|_| SealProblem::Tampered)?;
    } else {
        let public = <[u8; 32]>::try_from(public)
            .ok()
            .and_then(|bytes| ed25519_dalek::VerifyingKey::from_bytes(&bytes).ok())
            .ok_or(SealProblem::Damaged)?;
        let signature = <[u8; 64]>::try_from(signature)
            .map(|bytes| ed25519_dalek::Signature::from_bytes(&bytes))
            .map_err(|_| SealProblem::Damaged)?;
        public
            .verify_strict(&bytes, &signature)
            .map_err(|_| SealProblem::Tampered)?;
    }
    if licence.valid_to.as_deref().is_some_and(|to| to < today) {
        return Err(SealProblem::Expired);
    }
    if licence.valid_from.as_str() > today {
        return Err(SealProblem::NotYetValid);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use sm2::dsa::signature::Signer;

    use super::*;
    use crate::licences::{LicenceIssuer, LicenceSignature};

    fn licence() -> Licence {
        Licence {
            licence_no: "DZZZ20260302000001".into(),
            licence_type: "老年人优待证".into(),
            holder_name: "张秀英".into(),
            holder_id_number: "110101194403151029".into(),
            issuer: LicenceIssuer {
                name: "北京市东城区民政局".into(),
                credit_code: "111101014001000200".into(),
            },
            issued_on: "2026-03-02".into(),
            valid_from: "2026-03-02".into(),
            valid_to: None,
            fields: BTreeMap::new(),
            signature: LicenceSignature {
                algorithm: String::new(),
                key_id: "k1".into(),
                value: String::new(),
            },
        }
    }

    fn key(algorithm: &str, public: &[u8]) -> DepartmentKey {
        DepartmentKey {
            key_id: "k1".into(),
            department: "北京市东城区民政局".into(),
            credit_code: "111101014001000200".into(),
            algorithm: algorithm.into(),
            public_key: BASE64.encode(public),
        }
    }

    /// A licence sealed with SM2 over SM3, and the department key that checks it.
    fn sealed_with_sm2() -> (Licence, DepartmentKey) {
        let signing = sm2::dsa::SigningKey::from_slice(SM2_DISTID, &[7; 32]).unwrap();
        let mut licence = licence();
        licence.signature.algorithm = ALGORITHM_SM2.into();
        let signature: sm2::dsa::Signature = signing.sign(&signed_bytes(&licence));
        licence.signature.value = BASE64.encode(signature.to_bytes());
        let public = signing.verifying_key().to_sec1_bytes();
        (licence, key(ALGORITHM_SM2, &public))
    }

    #[test]
    fn an_sm2_seal_checks_out_and_a_changed_licence_does_not() {
        let (licence, key) = sealed_with_sm2();
        assert_eq!(
            check_seal(&licence, std::slice::from_ref(&key), "2026-03-02"),
            Ok(())
        );
        let mut changed = licence.clone();
        changed.holder_name = "李建国".into();
        assert_eq!(
            check_seal(&changed, std::slice::from_ref(&key), "2026-03-02"),
            Err(SealProblem::Tampered)
        );
        // A seal is checked only in its key's algorithm.
        let mut relabelled = licence.clone();
        relabelled.signature.algorithm = ALGORITHM_ED25519.into();
        assert_eq!(
            check_seal(&relabelled, std::slice::from_ref(&key), "2026-03-02"),
            Err(SealProblem::Format)
        );
        let mut broken = key;
        broken.public_key = BASE64.encode([4_u8; 65]);
        assert_eq!(
            check_seal(&licence, &[broken], "2026-03-02"),
            Err(SealProblem::Damaged)
        );
    }

    #[test]
    fn an_ed25519_seal_made_before_still_checks_out() {
        let signing = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
        let mut licence = licence();
        licence.signature.algorithm = ALGORITHM_ED25519.into();
        let signature = ed25519_dalek::Signer::sign(&signing, &signed_bytes(&licence));
        licence.signature.value = BASE64.encode(signature.to_bytes());
        let key = key(ALGORITHM_ED25519, signing.verifying_key().as_bytes());
        assert_eq!(
            check_seal(&licence, std::slice::from_ref(&key), "2026-03-02"),
            Ok(())
        );
        licence.valid_to = Some("2026-03-01".into());
        assert_eq!(
            check_seal(&licence, &[key], "2026-03-02"),
            Err(SealProblem::Tampered)
        );
    }

    #[test]
    fn an_unknown_algorithm_is_not_a_seal() {
        let (mut licence, key) = sealed_with_sm2();
        licence.signature.algorithm = "RSA".into();
        assert_eq!(
            check_seal(&licence, &[key], "2026-03-02"),
            Err(SealProblem::Format)
        );
    }
}
