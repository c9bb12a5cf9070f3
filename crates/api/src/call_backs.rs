//! 请工作人员给我回电话 at the service centre: the call-backs residents of its district asked for,
//! with the phone to call, and 已回电话 once a staff member called.

use serde::{Deserialize, Serialize};

/// A resident's call-back, as the staff of her district's centre see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallBackAsked {
    /// The 诉求 it was filed as.
    pub request_no: String,
    /// Her name, when the platform knows it.
    pub name: Option<String>,
    /// The phone to call, in full: she asked to be called on it.
    pub phone: String,
    /// Her words (the page she was on among them).
    pub description: String,
    /// When she asked, RFC 3339.
    pub asked_at: String,
}

/// Answer of `GET /api/v1/centre/call-backs`: the open call-backs of the centre's district, oldest
/// first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallBacks {
    /// The call-backs still waiting for a call.
    pub call_backs: Vec<CallBackAsked>,
}
