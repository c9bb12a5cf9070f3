//! Electronic licences (电子证照), sealed by the issuing department's key: SM2 with SM3 (GM/T 0003,
//! GB/T 38540), the national algorithms, or Ed25519 for seals made before.
//!
//! The signature is over the canonical JSON ([`crate::canonical`]) of the licence with its `signature`
//! member removed; anyone with the department's public key can check it offline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// SM2 signatures over SM3 (GM/T 0003-2012, GM/T 0009): the algorithm departments seal with.
pub const ALGORITHM_SM2: &str = "SM2-with-SM3";
/// Ed25519 (RFC 8032): seals made before SM2; they still verify.
pub const ALGORITHM_ED25519: &str = "Ed25519";
/// The signer's distinguishing identifier in SM2's Z value: GM/T 0009's default user id.
pub const SM2_DISTID: &str = "1234567812345678";

/// An electronic licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Licence {
    /// 证照编号, unique.
    pub licence_no: String,
    /// 证照类型, e.g. 老年人优待证.
    pub licence_type: String,
    /// Holder's name.
    pub holder_name: String,
    /// Holder's 居民身份证号码.
    pub holder_id_number: String,
    /// The issuing department.
    pub issuer: LicenceIssuer,
    /// Issue date, YYYY-MM-DD.
    pub issued_on: String,
    /// First valid day, YYYY-MM-DD.
    pub valid_from: String,
    /// Last valid day, YYYY-MM-DD; absent when valid for life.
    pub valid_to: Option<String>,
    /// Further fields printed on the licence.
    pub fields: BTreeMap<String, String>,
    /// The department's electronic seal over everything above.
    pub signature: LicenceSignature,
}

/// 发证机关.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenceIssuer {
    /// Department name.
    pub name: String,
    /// 统一社会信用代码.
    pub credit_code: String,
}

/// The electronic seal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenceSignature {
    /// `SM2-with-SM3` (r‖s, 64 bytes) or `Ed25519` (64 bytes).
    pub algorithm: String,
    /// Which department key signed (see `GET /api/v1/licences/keys`).
    pub key_id: String,
    /// The signature, standard base64.
    pub value: String,
}

/// One department's public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentKey {
    /// Key id named by signatures.
    pub key_id: String,
    /// Department name.
    pub department: String,
    /// 统一社会信用代码.
    pub credit_code: String,
    /// `SM2-with-SM3` or `Ed25519`: the algorithm of the seals this key checks.
    pub algorithm: String,
    /// The public key, standard base64: for SM2 a SEC1 point (65 bytes uncompressed), for Ed25519
    /// 32 bytes.
    pub public_key: String,
}

/// Answer of `POST /api/v1/licences/verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verification {
    /// Whether the seal is the issuer's and nothing was changed.
    pub valid: bool,
    /// Why not, in plain Chinese.
    pub reason: Option<String>,
}

/// The bytes a licence's signature covers: its canonical JSON without `signature`.
pub fn signed_bytes(licence: &Licence) -> Vec<u8> {
    let mut value = serde_json::to_value(licence).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.remove("signature");
    }
    crate::canonical::to_bytes(&value)
}
