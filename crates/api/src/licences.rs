//! Electronic licences (电子证照), signed by the issuing department's Ed25519 key.
//!
//! The signature is over the canonical JSON ([`crate::canonical`]) of the licence with its `signature`
//! member removed; anyone with the department's public key can check it offline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The only signature algorithm in use.
pub const ALGORITHM: &str = "Ed25519";

/// An electronic licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenceIssuer {
    /// Department name.
    pub name: String,
    /// 统一社会信用代码.
    pub credit_code: String,
}

/// The electronic seal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenceSignature {
    /// Always `Ed25519`.
    pub algorithm: String,
    /// Which department key signed (see `GET /api/v1/licences/keys`).
    pub key_id: String,
    /// The signature, standard base64.
    pub value: String,
}

/// One department's public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentKey {
    /// Key id named by signatures.
    pub key_id: String,
    /// Department name.
    pub department: String,
    /// 统一社会信用代码.
    pub credit_code: String,
    /// Always `Ed25519`.
    pub algorithm: String,
    /// The 32-byte public key, standard base64.
    pub public_key: String,
}

/// Answer of `POST /api/v1/licences/verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
