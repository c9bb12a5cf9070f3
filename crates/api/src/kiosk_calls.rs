//! 请工作人员过来: a person at a kiosk asks for help, and the staff of the kiosk's service centre
//! see the call, say who is going, and end it once she is helped.

use serde::{Deserialize, Serialize};

/// A kiosk's call for staff: which kiosk, since when, and who is on the way. It names no person
/// at the kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskCall {
    /// The call's id.
    pub call_id: String,
    /// The kiosk's name, e.g. 一层大厅1号自助机.
    pub kiosk_name: String,
    /// The service centre it stands in, whose staff see the call.
    pub place: String,
    /// When it was raised, RFC 3339.
    pub raised_at: String,
    /// The name of the staff member on her way, once one said so.
    pub answered_by: Option<String>,
    /// The account of the staff member on her way.
    pub answered_by_account: Option<String>,
}

/// Answer of `GET /api/v1/centre/kiosk-calls` (a centre's open calls, oldest first) and of
/// `GET /api/v1/kiosk/calls` (the kiosk's own open call, if any).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskCalls {
    /// The open calls.
    pub calls: Vec<KioskCall>,
}
