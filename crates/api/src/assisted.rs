//! Assisted sessions: service-centre staff act for a resident (代理人) with recorded consent.

use serde::{Deserialize, Serialize};

/// Header naming the open assisted session a staff request acts in.
pub const ASSISTED_SESSION_HEADER: &str = "assisted-session";

/// Header carrying a session's delivery key (see [`AssistedSession::delivery_key`]): the computer
/// that held the session sends what was confirmed in it, and its close, under any login of the
/// clerk's centre, also after the session's lifetime.
pub const ASSISTED_DELIVERY_HEADER: &str = "assisted-delivery";

/// Body of `POST /api/v1/assisted-sessions`: who the resident is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAssistedSession {
    /// The resident's 居民身份证号码 (its check character is checked too).
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{17}[0-9Xx]$"))]
    pub id_number: String,
    /// The resident's name, as on the ID card.
    pub name: String,
}

/// Body of `POST /api/v1/assisted-sessions/{session_id}/close` (optional): what was confirmed for
/// the resident in the session and has not reached the platform yet. Those submissions, and no
/// others, are still filed for her in this session after it closed, when they arrive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CloseAssistedSession {
    /// The Idempotency-Keys (UUIDs) of the applications and 诉求 confirmed in the session and not
    /// yet sent; at most 100.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub pending: Vec<String>,
}

/// How the resident agreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Consent {
    /// The resident read out the code sent to their phone.
    SmsCode {
        /// The 6-digit code.
        code: String,
    },
    /// The resident signed on screen; the signature image was uploaded, and the centre's manager,
    /// there at the counter, approved it with her own password.
    Signature {
        /// SHA-256 of the signature image (PNG, JPEG or WebP) the staff member uploaded in this
        /// session, after starting it; kept as the evidence of consent.
        signature_sha256: String,
        /// The manager who saw the resident sign.
        approval: SupervisorApproval,
    },
}

/// A manager of the same service centre approving a consent by signature at the counter.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupervisorApproval {
    /// The manager's username.
    pub username: String,
    /// The manager's password.
    #[cfg_attr(feature = "openapi", schema(format = Password))]
    pub password: String,
}

impl std::fmt::Debug for SupervisorApproval {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SupervisorApproval")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    /// Waiting for the resident's consent.
    AwaitingConsent,
    /// Staff may act for the resident.
    Open,
    /// Ended.
    Closed,
}

/// An assisted session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistedSession {
    /// Id, sent in the `assisted-session` header.
    pub session_id: String,
    /// Status.
    pub status: SessionStatus,
    /// The resident's name.
    pub resident_name: String,
    /// The resident's phone, masked.
    pub resident_phone_masked: Option<String>,
    /// The resident's ID number, masked (`110…1029`): once she consented, or when the session is
    /// begun again for a resident who consented before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_id_number_masked: Option<String>,
    /// The staff member's name.
    pub staff_name: String,
    /// The staff member's service centre.
    pub staff_department: String,
    /// How consent was given, once given: `sms_code` or `signature`.
    pub consent_method: Option<String>,
    /// The manager who approved a consent by signature (her name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Opened, RFC 3339.
    pub created_at: String,
    /// Closed, RFC 3339.
    pub closed_at: Option<String>,
    /// A secret given once, in the answer to the clerk who starts the session (begun, or begun
    /// again): the computer keeps it with what it confirms in the session, and sends it in the
    /// `assisted-delivery` header to deliver those submissions and the close when her login is gone
    /// (another clerk of her centre logged in at that computer) or the session's lifetime ran out
    /// before the network came back. Never shown anywhere else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_key: Option<String>,
    /// Who the one who acted is to her, when it is a relative she granted (亲友代办; the session
    /// id is then the grant's, `staff_name` his name and `staff_department` empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinship: Option<crate::relatives::Kinship>,
}

/// What someone did for the resident, as the resident sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionOnBehalf {
    /// When, RFC 3339.
    pub at: String,
    /// Who (staff name).
    pub actor_name: String,
    /// What, e.g. `POST /api/v1/applications`.
    pub action: String,
    /// What it was done to.
    pub subject: Option<String>,
}

/// A session of the clerk's day, as her queue shows it: the resident's name and ID number masked
/// (the next resident may see the screen), and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServedToday {
    /// The session; `resident_name` is masked (张*英).
    pub session: AssistedSession,
    /// What was done for her in it, oldest first.
    pub actions: Vec<ActionOnBehalf>,
}

/// A session as the resident sees it, with everything done for them in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActedForMe {
    /// The session.
    pub session: AssistedSession,
    /// What was done, oldest first.
    pub actions: Vec<ActionOnBehalf>,
}
