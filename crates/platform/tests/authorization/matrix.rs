//! The rows of the authorization matrix: who calls, and what each caller must get from each route.

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// No token.
    Anonymous,
    /// 张秀英, whose objects the paths name.
    Citizen,
    /// 李建国, another citizen, naming 张秀英's objects.
    OtherCitizen,
    /// 赵敏 (staff), who opened the assisted session the paths name, without acting.
    Staff,
    /// Another staff member, naming 赵敏's session.
    OtherStaff,
    /// 赵敏 acting for 张秀英 in an open session.
    StaffActing,
    /// 赵敏 acting for 王淑芬 in another open session, naming 张秀英's objects.
    StaffActingOther,
    /// An officer of 民政局.
    Officer,
    /// A kiosk's own device login.
    Kiosk,
    /// 孙丽, the manager of 赵敏's centre.
    Manager,
    /// 李明 for himself: the helper of the grant the paths name, 张秀英's son.
    Helper,
    /// 李明 acting for his mother 张秀英 with the grant she agreed to (亲友代办).
    Relative,
    /// 李建国 acting for 王淑芬 with her grant, naming 张秀英's objects.
    RelativeOther,
}

/// Every caller, in the order of a row's letters.
pub const CALLERS: [Who; 13] = [
    Who::Anonymous,
    Who::Citizen,
    Who::OtherCitizen,
    Who::Staff,
    Who::OtherStaff,
    Who::StaffActing,
    Who::StaffActingOther,
    Who::Officer,
    Who::Kiosk,
    Who::Manager,
    Who::Helper,
    Who::Relative,
    Who::RelativeOther,
];

/// What a caller gets, as one letter: `P` past the gate (any answer but 401, 403 and 404), `U` 401,
/// `F` 403, `H` 404 (another person's object is not there for her).
pub fn gate(status: u16) -> char {
    match status {
        401 => 'U',
        403 => 'F',
        404 => 'H',
        _ => 'P',
    }
}

/// The matrix: `METHOD path` and one letter per caller, in the order of [`CALLERS`]:
/// anonymous, citizen (owner), other citizen, staff (session owner), other staff, staff acting for
/// the owner, staff acting for someone else, officer, kiosk device, manager, the owner's relative
/// for himself, the relative acting for the owner, another person's relative acting for her.
pub const MATRIX: &[(&str, &str)] = &[
    ("GET /healthz", "PPPPPPPPPPPPP"),
    ("GET /metrics", "PPPPPPPPPPPPP"),
    ("GET /api/v1/catalog/items", "PPPPPPPPPPPPP"),
    ("GET /api/v1/catalog/items/{impl_code}", "PPPPPPPPPPPPP"),
    ("GET /api/v1/service-centres", "PPPPPPPPPPPPP"),
    (
        "GET /api/v1/forms/{form_id}/versions/{version}",
        "PPPPPPPPPPPPP",
    ),
    ("GET /api/v1/licences/keys", "PPPPPPPPPPPPP"),
    ("POST /api/v1/licences/verify", "PPPPPPPPPPPPP"),
    ("POST /api/v1/auth/sms-code", "PPPPPPPPPPPPP"),
    ("POST /api/v1/auth/token", "PPPPPPPPPPPPP"),
    ("GET /api/v1/me", "UPPPPPPPPPPPP"),
    ("GET /api/v1/me/acted-for-me", "UPPFFFFFFFPFF"),
    (
        "POST /api/v1/me/acted-for-me/{session_id}/report",
        "UPHFFFFFFFHFF",
    ),
    ("GET /api/v1/applications", "UPPPPPPPPPPPP"),
    ("POST /api/v1/applications", "UPPFFPPFFFPPP"),
    ("GET /api/v1/applications/{application_no}", "UPHHHPHHHHHPH"),
    (
        "POST /api/v1/applications/{application_no}/evaluation",
        "UPHHHFFHHHHFF",
    ),
    (
        "POST /api/v1/applications/{application_no}/supplements",
        "UPHHHPHHHHHPH",
    ),
    (
        "POST /api/v1/applications/{application_no}/withdraw",
        "UPHHHPHHHHHPH",
    ),
    ("GET /api/v1/requests", "UPPPPPPPPPPPP"),
    ("POST /api/v1/requests", "UPPFFPPFFFPPP"),
    ("GET /api/v1/requests/{request_no}", "UPHHHPHHHHHPH"),
    (
        "POST /api/v1/requests/{request_no}/evaluation",
        "UPHHHFFHHHHFF",
    ),
    (
        "POST /api/v1/requests/{request_no}/follow-up",
        "UPHHHFFHHHHFF",
    ),
    ("GET /api/v1/licences", "UPPPPPPPPPPPP"),
    ("GET /api/v1/licences/{licence_no}", "UPHHHPHHHHHPH"),
    ("GET /api/v1/messages", "UPPPPFFPPPPFF"),
    ("POST /api/v1/messages/{message_id}/read", "UPHHHFFHHHHFF"),
    ("POST /api/v1/attachments", "UPPPPPPPPPPPP"),
    ("GET /api/v1/attachments/{sha256}", "UPHHHPHHHHHPH"),
    ("POST /api/v1/uploads", "UPPPPPPPPPPPP"),
    ("GET /api/v1/uploads/{upload_id}", "UPHHHPHHHHHPH"),
    ("PATCH /api/v1/uploads/{upload_id}", "UPHHHPHHHHHPH"),
    ("POST /api/v1/auth/device", "UFFFFFFFPFFFF"),
    ("POST /api/v1/auth/device/approve", "UPPFFFFFFFPPP"),
    ("POST /api/v1/auth/device/lookup", "UPPFFFFFFFPPP"),
    ("POST /api/v1/auth/device/sms", "UFFFFFFFPFFFF"),
    ("POST /api/v1/auth/device/card-code", "UFFFFFFFPFFFF"),
    ("POST /api/v1/auth/device/card", "UFFFFFFFPFFFF"),
    ("GET /api/v1/me/logins", "UPPPPFFPPPPFF"),
    ("POST /api/v1/me/logins/{login_id}/end", "UPHHHFFHHHHFF"),
    ("POST /api/v1/auth/logout", "UPPPPPPPPPPPP"),
    ("POST /api/v1/assisted-sessions", "UFFPPPPFFFFFF"),
    (
        "POST /api/v1/assisted-sessions/{session_id}/consent",
        "UFFPHPPFFFFFF",
    ),
    (
        "POST /api/v1/assisted-sessions/{session_id}/close",
        "UFFPHPPFFFFFF",
    ),
    ("GET /api/v1/assisted-sessions/today", "UFFPPPPFFFFFF"),
    (
        "POST /api/v1/assisted-sessions/{session_id}/again",
        "UFFPHPPFFFFFF",
    ),
    ("GET /api/v1/centre/figures", "UFFFFFFFFPFFF"),
    ("POST /api/v1/kiosk/heartbeat", "UFFFFFFFPFFFF"),
    ("GET /api/v1/kiosk/config", "UFFFFFFFPFFFF"),
    ("POST /api/v1/kiosk/calls", "UFFFFFFFPFFFF"),
    ("GET /api/v1/kiosk/calls", "UFFFFFFFPFFFF"),
    ("POST /api/v1/kiosk/calls/end", "UFFFFFFFPFFFF"),
    ("GET /api/v1/centre/kiosk-calls", "UFFPPPPFFPFFF"),
    (
        "POST /api/v1/centre/kiosk-calls/{call_id}/answer",
        "UFFPPPPFFPFFF",
    ),
    (
        "POST /api/v1/centre/kiosk-calls/{call_id}/end",
        "UFFPPPPFFPFFF",
    ),
    ("GET /api/v1/centre/call-backs", "UFFPPPPFFPFFF"),
    (
        "POST /api/v1/centre/call-backs/{call_back_no}/called",
        "UFFPPPPFFPFFF",
    ),
    ("POST /api/v1/relatives", "UPPFFFFFFFPFF"),
    ("POST /api/v1/relatives/{grant_id}/code", "UHHFFFFFFFPFF"),
    ("GET /api/v1/me/relatives", "UPPFFFFFFFPFF"),
    (
        "POST /api/v1/me/relatives/{grant_id}/agree",
        "UPHFFFFFFFHFF",
    ),
    (
        "POST /api/v1/me/relatives/{grant_id}/refuse",
        "UPHFFFFFFFHFF",
    ),
    ("POST /api/v1/me/relatives/{grant_id}/end", "UPHFFFFFFFPFF"),
    ("POST /api/v1/me/relatives/{grant_id}/help", "UPHFFFFFFFHFF"),
];

/// Rows whose first allowed caller changes what the next ones would meet (a closed session is
/// refused to everyone after, and so is an ended call): each caller of these gets a fresh platform.
pub const FRESH_PER_CALLER: &[&str] = &[
    "POST /api/v1/assisted-sessions/{session_id}/close",
    "POST /api/v1/centre/kiosk-calls/{call_id}/end",
    "POST /api/v1/centre/call-backs/{call_back_no}/called",
    "POST /api/v1/me/relatives/{grant_id}/end",
];
