//! A service hall's kiosk tells the platform how it is, once a minute (its heartbeat), and the
//! platform lists its kiosks with what each said last; the platform tells each kiosk how long to
//! wait before asking 还在吗？ and which services to offer (its remote config).

use serde::{Deserialize, Serialize};

/// How often a kiosk sends its heartbeat, in seconds.
pub const HEARTBEAT_SECONDS: u32 = 60;
/// Seconds without input before a kiosk asks 还在吗？, unless its config says otherwise.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// Seconds a kiosk counts down after 还在吗？ before it ends the session, unless its config says
/// otherwise.
pub const DEFAULT_COUNTDOWN_SECONDS: u32 = 30;

/// What the platform tells a kiosk (`GET /api/v1/kiosk/config`): when to ask 还在吗？, how long to
/// count down, and which services to offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskConfig {
    /// Seconds without input before it asks 还在吗？ (30 to 600).
    #[cfg_attr(feature = "openapi", schema(minimum = 30, maximum = 600))]
    pub idle_seconds: u32,
    /// Seconds it counts down after asking, before it ends the session (10 to 120).
    #[cfg_attr(feature = "openapi", schema(minimum = 10, maximum = 120))]
    pub countdown_seconds: u32,
    /// The 实施编码 of the services it offers, in order; empty: the whole catalog.
    pub services: Vec<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            idle_seconds: DEFAULT_IDLE_SECONDS,
            countdown_seconds: DEFAULT_COUNTDOWN_SECONDS,
            services: Vec::new(),
        }
    }
}

/// What the kiosk is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KioskState {
    /// Its welcome screen waits for the next person.
    Welcome,
    /// Someone is using it.
    InUse,
    /// It asks 还在吗？ of someone who stopped touching it.
    IdleWarning,
    /// It cannot serve (staff must come).
    OutOfOrder,
}

/// How the kiosk's receipt printer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrinterState {
    /// Ready to print.
    Ready,
    /// Out of paper.
    OutOfPaper,
    /// Not answering (off, unplugged, jammed).
    Offline,
    /// The kiosk has no printer.
    None,
}

/// Body of `POST /api/v1/kiosk/heartbeat`: how the kiosk is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskHeartbeat {
    /// The Huiban version it runs, e.g. `0.1.0`.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub version: String,
    /// What it is doing.
    pub state: KioskState,
    /// How its printer is.
    pub printer: PrinterState,
    /// Submissions confirmed on it and not sent yet.
    pub queue: u32,
}

/// A kiosk as the platform last heard from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskStatus {
    /// The kiosk's device account.
    pub device: String,
    /// Its name, e.g. 一层大厅1号自助机.
    pub kiosk_name: String,
    /// Where it stands, e.g. 东城区政务服务中心.
    pub place: String,
    /// Its last heartbeat, if it ever sent one.
    pub last: Option<KioskHeartbeat>,
    /// When that came, RFC 3339.
    pub last_seen_at: Option<String>,
    /// No heartbeat for three minutes or more (or never): it is off, or cut off.
    pub silent: bool,
}

/// Header carrying a submission's grant (`login_id.mac`) on a request a kiosk files for a person
/// after her login there ended, with its own device token.
pub const KIOSK_GRANT_HEADER: &str = "kiosk-grant";
/// Header naming, by its SHA-256, the one file a kiosk uploads for a person under that file's grant
/// (made like a submission's, over the file's SHA-256 instead of an Idempotency-Key).
pub const KIOSK_GRANT_FILE_HEADER: &str = "kiosk-grant-file";
/// Days after a kiosk login began that what was confirmed in it may still be filed by that kiosk.
pub const SUBMISSION_GRANT_DAYS: i64 = 7;

/// A kiosk login's key for filing what she confirmed in it once the login itself has ended: given
/// once, with the login, to the kiosk. The kiosk keeps only the grant it makes of it for each
/// submission ([`submission_grant`]), never the key past her visit.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmissionKey {
    /// The kiosk login it belongs to.
    pub login_id: String,
    /// The secret (64 hex digits).
    pub key: String,
}

impl std::fmt::Debug for SubmissionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SubmissionKey")
            .field("login_id", &self.login_id)
            .finish_non_exhaustive()
    }
}

/// The grant that files the one submission under `idempotency_key` with `key`: `login_id.mac`,
/// the mac being HMAC-SHA-256 of the key over the submission's Idempotency-Key. It files that
/// submission and no other; sent again, the platform answers with the same case.
pub fn submission_grant(key: &SubmissionKey, idempotency_key: &str) -> String {
    format!("{}.{}", key.login_id, grant_mac(&key.key, idempotency_key))
}

/// Whether `mac` (hex) is the mac of [`submission_grant`] for `key` and `idempotency_key`, compared
/// in constant time.
pub fn grant_matches(key: &str, idempotency_key: &str, mac: &str) -> bool {
    use hmac::{Hmac, Mac};
    let (Ok(expected), Ok(mut computed)) = (
        hex::decode(mac),
        <Hmac<sha2::Sha256> as Mac>::new_from_slice(key.as_bytes()),
    ) else {
        return false;
    };
    computed.update(idempotency_key.as_bytes());
    computed.verify_slice(&expected).is_ok()
}

/// The mac of [`submission_grant`].
pub fn grant_mac(key: &str, idempotency_key: &str) -> String {
    use hmac::{Hmac, Mac};
    // HMAC takes a key of any length; an empty mac (never the case) would match no grant.
    match <Hmac<sha2::Sha256> as Mac>::new_from_slice(key.as_bytes()) {
        Ok(mut mac) => {
            mac.update(idempotency_key.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grant_files_one_submission_and_names_its_login() {
        let key = SubmissionKey {
            login_id: "f-1".to_owned(),
            key: "00".repeat(32),
        };
        let one = submission_grant(&key, "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d");
        let other = submission_grant(&key, "4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e");
        assert!(one.starts_with("f-1.") && one.len() == 4 + 64, "{one}");
        assert_ne!(one, other);
        let mac = one.split_once('.').unwrap().1;
        assert!(grant_matches(
            &key.key,
            "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
            mac
        ));
        assert!(!grant_matches(
            &key.key,
            "4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e",
            mac
        ));
        assert!(!grant_matches(
            &key.key,
            "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
            "zz"
        ));
        assert!(
            !format!("{key:?}").contains("0000"),
            "the key is never logged"
        );
    }
}
