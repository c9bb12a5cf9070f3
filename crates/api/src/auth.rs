//! Login: SMS codes, token grants (OAuth 2 style, JSON bodies) and who is calling.

use serde::{Deserialize, Serialize};

/// The grant type of the RFC 8628 device flow.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A resident using services for themself.
    Citizen,
    /// Service-centre staff acting for residents.
    Staff,
    /// A department officer handling cases.
    Officer,
    /// A self-service kiosk.
    KioskDevice,
    /// A service centre's manager (负责人): approves consent given by signature and sees the
    /// centre's figures; does not act for residents.
    Manager,
}

impl Role {
    /// The role's name on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Staff => "staff",
            Self::Officer => "officer",
            Self::KioskDevice => "kiosk_device",
            Self::Manager => "manager",
        }
    }

    /// The role named `name`, if any.
    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Citizen,
            Self::Staff,
            Self::Officer,
            Self::KioskDevice,
            Self::Manager,
        ]
        .into_iter()
        .find(|role| role.as_str() == name)
    }
}

/// Body of `POST /api/v1/auth/sms-code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SmsCodeRequest {
    /// Mainland mobile number, 11 digits.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^1[3-9][0-9]{9}$"))]
    pub phone: String,
}

/// Answer of `POST /api/v1/auth/sms-code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SmsCodeSent {
    /// Seconds the code stays valid.
    pub expires_in: u64,
    /// Seconds before another code may be asked for.
    pub resend_after: u64,
}

/// Body of `POST /api/v1/auth/token`, by grant type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "grant_type")]
pub enum TokenRequest {
    /// A citizen logs in with the code sent to their phone.
    #[serde(rename = "sms_code")]
    SmsCode {
        /// The phone the code was sent to.
        phone: String,
        /// The 6-digit code.
        code: String,
    },
    /// Staff, officers and kiosk devices log in with a username and password.
    #[serde(rename = "password")]
    Password {
        /// Login name.
        username: String,
        /// Password.
        password: String,
    },
    /// A new token pair for a refresh token, which is then spent.
    #[serde(rename = "refresh_token")]
    RefreshToken {
        /// The refresh token from the last token answer.
        refresh_token: String,
    },
    /// A kiosk polls for the citizen's approval (RFC 8628).
    #[serde(rename = "urn:ietf:params:oauth:grant-type:device_code")]
    DeviceCode {
        /// The device code from `POST /api/v1/auth/device`.
        device_code: String,
    },
}

/// A successful token answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// Bearer token for the `Authorization` header.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds the access token stays valid.
    pub expires_in: u64,
    /// Single-use token for the next token pair; absent for a kiosk's login, which is short and
    /// cannot be renewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// The role the tokens carry.
    pub role: Role,
    /// The account the tokens belong to.
    pub account_id: String,
    /// For a kiosk's login: the approving person's name, masked (张*英), for the kiosk to show and
    /// have confirmed before anything is shown or done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// For a kiosk's login: the key that lets the kiosk file, with its own device login, what she
    /// confirmed there and could not be sent before her login ended (one grant a submission).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_key: Option<crate::kiosk::SubmissionKey>,
}

/// Answer of `GET /api/v1/me`: the caller's own account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    /// Stable account id.
    pub account_id: String,
    /// The account's role.
    pub role: Role,
    /// Name, when known.
    pub name: Option<String>,
    /// Phone with the middle digits hidden, e.g. 138****0001.
    pub phone_masked: Option<String>,
    /// The caller's own phone in full, so that forms need not ask for it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Department, for officers and staff.
    pub department: Option<String>,
    /// The district she lives in (行政区划代码), when the platform knows it: her service centre's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_code: Option<String>,
}

/// Answer of `POST /api/v1/auth/device` (RFC 8628 device authorization).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceAuthorization {
    /// Secret the kiosk polls with.
    pub device_code: String,
    /// Short code the citizen confirms, shown as XXXX-XXXX.
    pub user_code: String,
    /// Where the citizen confirms.
    pub verification_uri: String,
    /// The same with the code filled in (for a QR code).
    pub verification_uri_complete: String,
    /// Seconds the codes live.
    pub expires_in: u64,
    /// Seconds to wait between polls.
    pub interval: u64,
}

/// Body of `POST /api/v1/auth/device/approve`: a logged-in citizen answers a kiosk's request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceApproval {
    /// The code the kiosk shows; dashes, spaces and case do not matter.
    pub user_code: String,
    /// True to log the kiosk in as the caller, false to refuse.
    pub approve: bool,
}

/// Body of `POST /api/v1/auth/device/sms`: at the kiosk itself, a citizen who cannot scan its code
/// types her phone number and the code texted to it on its keypad; the kiosk's own request (the
/// user code it shows) is approved as her.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceSmsApproval {
    /// The code this kiosk shows; dashes, spaces and case do not matter.
    pub user_code: String,
    /// Her mainland mobile number, 11 digits.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^1[3-9][0-9]{9}$"))]
    pub phone: String,
    /// The 6-digit code texted to it.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
    pub code: String,
}

/// Body of `POST /api/v1/auth/device/lookup`: which kiosk is asking, before a citizen answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceLookup {
    /// The code the kiosk shows; dashes, spaces and case do not matter.
    pub user_code: String,
}

/// Answer of `POST /api/v1/auth/device/lookup`: the kiosk, for the person to check it is the one in
/// front of her before she approves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceRequest {
    /// The kiosk's name, e.g. 一层大厅1号自助机.
    pub kiosk_name: String,
    /// Where it stands, e.g. 东城区政务服务中心.
    pub place: String,
    /// Seconds left to answer.
    pub expires_in: u64,
}

/// Kind of login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LoginKind {
    /// The app on a computer, by SMS code or password.
    App,
    /// A kiosk the person approved from her app.
    Kiosk,
}

/// One of the caller's live logins (`GET /api/v1/me/logins`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginSummary {
    /// Id to end it with (`POST /api/v1/me/logins/{login_id}/end`).
    pub login_id: String,
    /// App or kiosk.
    pub kind: LoginKind,
    /// The kiosk and its place, for a kiosk's login.
    pub device: Option<String>,
    /// When it began, RFC 3339.
    pub started_at: String,
    /// Whether it is the login this request was made with.
    pub current: bool,
}
