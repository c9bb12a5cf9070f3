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
}

/// Every caller, in the order of a row's letters.
pub const CALLERS: [Who; 10] = [
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
/// the owner, staff acting for someone else, officer, kiosk device, manager.
pub const MATRIX: &[(&str, &str)] = &[
    ("GET /healthz", "PPPPPPPPPP"),
    ("GET /api/v1/catalog/items", "PPPPPPPPPP"),
    ("GET /api/v1/catalog/items/{impl_code}", "PPPPPPPPPP"),
    ("GET /api/v1/service-centres", "PPPPPPPPPP"),
    (
        "GET /api/v1/forms/{form_id}/versions/{version}",
        "PPPPPPPPPP",
    ),
    ("GET /api/v1/licences/keys", "PPPPPPPPPP"),
    ("POST /api/v1/licences/verify", "PPPPPPPPPP"),
    ("POST /api/v1/auth/sms-code", "PPPPPPPPPP"),
    ("POST /api/v1/auth/token", "PPPPPPPPPP"),
    ("GET /api/v1/me", "UPPPPPPPPP"),
    ("GET /api/v1/me/acted-for-me", "UPPFFFFFFF"),
    (
        "POST /api/v1/me/acted-for-me/{session_id}/report",
        "UPHFFFFFFF",
    ),
    ("GET /api/v1/applications", "UPPPPPPPPP"),
    ("POST /api/v1/applications", "UPPFFPPFFF"),
    ("GET /api/v1/applications/{application_no}", "UPHHHPHHHH"),
    (
        "POST /api/v1/applications/{application_no}/evaluation",
        "UPHHHFFHHH",
    ),
    (
        "POST /api/v1/applications/{application_no}/supplements",
        "UPHHHPHHHH",
    ),
    (
        "POST /api/v1/applications/{application_no}/withdraw",
        "UPHHHPHHHH",
    ),
    ("GET /api/v1/requests", "UPPPPPPPPP"),
    ("POST /api/v1/requests", "UPPFFPPFFF"),
    ("GET /api/v1/requests/{request_no}", "UPHHHPHHHH"),
    (
        "POST /api/v1/requests/{request_no}/evaluation",
        "UPHHHFFHHH",
    ),
    ("POST /api/v1/requests/{request_no}/follow-up", "UPHHHFFHHH"),
    ("GET /api/v1/licences", "UPPPPPPPPP"),
    ("GET /api/v1/licences/{licence_no}", "UPHHHPHHHH"),
    ("GET /api/v1/messages", "UPPPPFFPPP"),
    ("POST /api/v1/messages/{message_id}/read", "UPHHHFFHHH"),
    ("POST /api/v1/attachments", "UPPPPPPPPP"),
    ("GET /api/v1/attachments/{sha256}", "UPHHHPHHHH"),
    ("POST /api/v1/uploads", "UPPPPPPPPP"),
    ("GET /api/v1/uploads/{upload_id}", "UPHHHPHHHH"),
    ("PATCH /api/v1/uploads/{upload_id}", "UPHHHPHHHH"),
    ("POST /api/v1/auth/device", "UFFFFFFFPF"),
    ("POST /api/v1/auth/device/approve", "UPPFFFFFFF"),
    ("POST /api/v1/auth/device/lookup", "UPPFFFFFFF"),
    ("POST /api/v1/auth/device/sms", "UFFFFFFFPF"),
    ("POST /api/v1/auth/device/card-code", "UFFFFFFFPF"),
    ("POST /api/v1/auth/device/card", "UFFFFFFFPF"),
    ("GET /api/v1/me/logins", "UPPPPFFPPP"),
    ("POST /api/v1/me/logins/{login_id}/end", "UPHHHFFHHH"),
    ("POST /api/v1/auth/logout", "UPPPPPPPPP"),
    ("POST /api/v1/assisted-sessions", "UFFPPPPFFF"),
    (
        "POST /api/v1/assisted-sessions/{session_id}/consent",
        "UFFPHPPFFF",
    ),
    (
        "POST /api/v1/assisted-sessions/{session_id}/close",
        "UFFPHPPFFF",
    ),
    ("GET /api/v1/assisted-sessions/today", "UFFPPPPFFF"),
    (
        "POST /api/v1/assisted-sessions/{session_id}/again",
        "UFFPHPPFFF",
    ),
    ("GET /api/v1/centre/figures", "UFFFFFFFFP"),
    ("POST /api/v1/kiosk/heartbeat", "UFFFFFFFPF"),
    ("GET /api/v1/kiosk/config", "UFFFFFFFPF"),
    ("POST /api/v1/kiosk/calls", "UFFFFFFFPF"),
    ("GET /api/v1/kiosk/calls", "UFFFFFFFPF"),
    ("POST /api/v1/kiosk/calls/end", "UFFFFFFFPF"),
    ("GET /api/v1/centre/kiosk-calls", "UFFPPPPFFP"),
    (
        "POST /api/v1/centre/kiosk-calls/{call_id}/answer",
        "UFFPPPPFFP",
    ),
    (
        "POST /api/v1/centre/kiosk-calls/{call_id}/end",
        "UFFPPPPFFP",
    ),
    ("GET /api/v1/centre/call-backs", "UFFPPPPFFP"),
    (
        "POST /api/v1/centre/call-backs/{call_back_no}/called",
        "UFFPPPPFFP",
    ),
];

/// Rows whose first allowed caller changes what the next ones would meet (a closed session is
/// refused to everyone after, and so is an ended call): each caller of these gets a fresh platform.
pub const FRESH_PER_CALLER: &[&str] = &[
    "POST /api/v1/assisted-sessions/{session_id}/close",
    "POST /api/v1/centre/kiosk-calls/{call_id}/end",
    "POST /api/v1/centre/call-backs/{call_back_no}/called",
];
