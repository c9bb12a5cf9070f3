//! Assisted sessions: staff identify a resident, get recorded consent, act as 代理人, then close.
//!
//! Until consent, a session begun for a name and ID number that match nobody answers exactly like
//! one that matches (no identity oracle): no SMS goes out and its code can never be right. Consent is
//! the code the resident was sent, or her signature drawn and uploaded in this session by this staff
//! member (an image, kept as evidence). She is told by SMS when a session opens and when it closes.
//! Starts are limited per staff member and per ID number.
//!
//! What the clerk confirmed for the resident goes out from the counter's computer, sometimes later
//! (offline). The computer that started a session holds its delivery key: with it, that computer
//! delivers what was confirmed in the session, and its close, under any login of the clerk's
//! centre (her login ended before the network came back) and for [`PENDING_FILING`] after the
//! session's lifetime ran out; the filed case still names the clerk who served her as 代理人.

use chrono::Duration;
use huiban_api::{Agent, AssistedSession, Consent, SessionStatus, SupervisorApproval, id_number};
use rand::Rng;

use crate::acting::Acting;
use crate::auth::{hash_token, random_token};
use crate::beijing_time;
use crate::state::AppState;
use crate::store::{SessionRecord, StoreError};

/// How long a consent code is valid.
pub const CONSENT_CODE_TTL: Duration = Duration::minutes(10);
/// Wrong consent codes a session survives.
pub const CONSENT_ATTEMPTS: i64 = 5;
/// An open session ends by itself after this long (a staff shift).
pub const SESSION_LIFETIME: Duration = Duration::hours(8);
/// The window of the start limits.
pub const START_WINDOW: Duration = Duration::hours(1);
/// Sessions one staff member may start in [`START_WINDOW`] (a busy counter serves one every few
/// minutes).
pub const STARTS_PER_STAFF: i64 = 30;
/// Sessions that may be started for one ID number in [`START_WINDOW`].
pub const STARTS_PER_RESIDENT: i64 = 5;
/// How long after a session ended (closed, or its lifetime ran out) what was confirmed in it is
/// still filed in it (a counter's computer may be offline for a long weekend).
pub const PENDING_FILING: Duration = Duration::days(7);
/// Most submissions a close may name as still to arrive.
pub const MOST_PENDING: usize = 100;
/// Media types a consent signature may have.
const SIGNATURE_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/webp"];

/// Why a session operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The ID number fails its check.
    #[error("bad id number")]
    BadIdNumber,
    /// No resident with this ID number and name.
    #[error("resident not found")]
    ResidentNotFound,
    /// No such session of this staff member.
    #[error("session not found")]
    NotFound,
    /// The code is wrong.
    #[error("wrong code")]
    WrongCode,
    /// The code expired or had too many wrong tries; start again.
    #[error("code gone")]
    CodeGone,
    /// The signature is not an image this staff member uploaded in this session.
    #[error("bad signature")]
    BadSignature,
    /// The approval is not a right password of a manager of the staff member's own centre.
    #[error("approval refused")]
    ApprovalRefused,
    /// Checking the manager's password failed or is locked (too many wrong ones).
    #[error(transparent)]
    Approval(crate::auth::AuthError),
    /// Too many sessions started lately, by this staff member or for this ID number.
    #[error("too many starts")]
    TooManyStarts,
    /// The session is not waiting for consent, or not open.
    #[error("session not in the right state")]
    WrongState,
    /// A close named more than [`MOST_PENDING`] submissions, or one whose key is not a UUID.
    #[error("bad pending list")]
    BadPending,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub(crate) fn status(record: &SessionRecord, now_ms: i64) -> SessionStatus {
    match (record.opened_ms, record.closed_ms) {
        (_, Some(_)) => SessionStatus::Closed,
        (Some(opened), None) if now_ms - opened >= SESSION_LIFETIME.num_milliseconds() => {
            SessionStatus::Closed
        }
        (Some(_), None) => SessionStatus::Open,
        (None, None) => SessionStatus::AwaitingConsent,
    }
}

/// The session as staff see it: until consent, only the name they typed (nothing that says whether
/// it matched anyone); once open, the resident's own name and masked phone.
pub(crate) fn render(
    state: &AppState,
    record: &SessionRecord,
) -> Result<AssistedSession, SessionError> {
    let now_ms = state.clock.now().timestamp_millis();
    let resident = match (&record.resident_account_id, record.opened_ms) {
        (Some(resident), Some(_)) => state.store.account(resident)?,
        _ => None,
    };
    let staff = state
        .store
        .account(&record.staff_account_id)?
        .ok_or(SessionError::NotFound)?;
    let (resident_name, resident_phone_masked, resident_id_number_masked) = match resident {
        Some(account) => (
            account.name.unwrap_or_default(),
            account.phone_masked,
            state
                .store
                .id_number_of(&account.account_id)?
                .as_deref()
                .map(id_number::masked),
        ),
        None => (record.named_as.clone(), None, None),
    };
    Ok(AssistedSession {
        session_id: record.session_id.clone(),
        status: status(record, now_ms),
        resident_name,
        resident_phone_masked,
        resident_id_number_masked,
        staff_name: staff.name.unwrap_or_default(),
        staff_department: staff.department.unwrap_or_default(),
        consent_method: record.consent_method.clone(),
        approved_by: match &record.approved_by {
            Some(manager) => state
                .store
                .account(manager)?
                .and_then(|account| account.name),
            None => None,
        },
        created_at: beijing_time::rfc3339(record.created_ms),
        closed_at: record.closed_ms.map(beijing_time::rfc3339),
        delivery_key: None,
        kinship: None,
    })
}

fn consent_code_hash(session_id: &str, code: &str) -> String {
    hash_token(&format!("{session_id}:{code}"))
}

/// Staff identify a resident by ID number and name; the resident gets a consent code by SMS. A pair
/// that matches nobody gets a session too, answered the same way, that can never open.
pub fn start(
    state: &AppState,
    staff_account_id: &str,
    id_number_text: &str,
    name: &str,
) -> Result<AssistedSession, SessionError> {
    let number = id_number_text.trim().to_ascii_uppercase();
    if !id_number::has_valid_check(&number) {
        return Err(SessionError::BadIdNumber);
    }
    let resident = state
        .store
        .citizen_by_id_number(&number)?
        .filter(|(_, known)| known.as_deref().map(str::trim) == Some(name.trim()))
        .map(|(account, _)| account);
    let (record, delivery_key) = begin(state, staff_account_id, &number, resident, name)?;
    Ok(AssistedSession {
        delivery_key: Some(delivery_key),
        ..render(state, &record)?
    })
}

/// Counts the start against the limits, stores a session for `resident` (`None`: the pair matched
/// nobody) named as `named_as`, and texts her the consent code. Answers the session and its
/// delivery key (only its hash is kept).
pub(crate) fn begin(
    state: &AppState,
    staff_account_id: &str,
    number: &str,
    resident: Option<String>,
    named_as: &str,
) -> Result<(SessionRecord, String), SessionError> {
    let now_ms = state.clock.now().timestamp_millis();
    let limits = (STARTS_PER_STAFF, STARTS_PER_RESIDENT);
    let since_ms = now_ms - START_WINDOW.num_milliseconds();
    if !state.store.take_assisted_start(
        staff_account_id,
        &hash_token(number),
        since_ms,
        limits,
        now_ms,
    )? {
        return Err(SessionError::TooManyStarts);
    }
    let staff = state
        .store
        .account(staff_account_id)?
        .ok_or(SessionError::NotFound)?;
    let session_id = format!("as-{}", &random_token()[..24]);
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    let delivery_key = random_token();
    let record = SessionRecord {
        session_id: session_id.clone(),
        staff_account_id: staff_account_id.to_owned(),
        resident_account_id: resident.clone(),
        named_as: named_as.trim().chars().take(50).collect(),
        // Nobody is sent the code of a session that matches nobody: it can never be given.
        code_hash: Some(consent_code_hash(&session_id, &code)),
        code_attempts: 0,
        consent_method: None,
        approved_by: None,
        created_ms: now_ms,
        opened_ms: None,
        closed_ms: None,
        delivery_key_hash: Some(hash_token(&delivery_key)),
    };
    state.store.insert_session(&record)?;
    if let Some(resident) = &resident
        && let Some(phone) = state.store.phone_of(resident)?
    {
        state.sms.send(
            &phone,
            &format!(
                "【惠办】{}的工作人员{}正在为您代办业务。如果您同意，请把验证码{code}告诉工作人员，{}分钟内有效。",
                staff.department.unwrap_or_default(),
                staff.name.unwrap_or_default(),
                CONSENT_CODE_TTL.num_minutes()
            ),
        )?;
    }
    Ok((record, delivery_key))
}

/// The session as `staff_account_id` may reach it, and whether she delivers with its key: her own
/// session, or, with `delivery_key` right, a session of a colleague of her centre (the computer that
/// held it delivering what was confirmed in it).
fn reachable(
    state: &AppState,
    staff_account_id: &str,
    session_id: &str,
    delivery_key: Option<&str>,
) -> Result<(SessionRecord, bool), SessionError> {
    let record = state
        .store
        .session(session_id)?
        .ok_or(SessionError::NotFound)?;
    let delivering = delivery_key
        .zip(record.delivery_key_hash.as_deref())
        .is_some_and(|(key, kept)| hash_token(key.trim()) == kept);
    let own = record.staff_account_id == staff_account_id;
    if own || (delivering && same_centre(state, staff_account_id, &record.staff_account_id)?) {
        Ok((record, delivering))
    } else {
        Err(SessionError::NotFound)
    }
}

/// Whether two accounts belong to the same service centre.
fn same_centre(state: &AppState, one: &str, other: &str) -> Result<bool, SessionError> {
    let one = state.store.centre_of(one)?;
    Ok(one.is_some() && one == state.store.centre_of(other)?)
}

pub(crate) fn own_session(
    state: &AppState,
    staff_account_id: &str,
    session_id: &str,
) -> Result<SessionRecord, SessionError> {
    state
        .store
        .session(session_id)?
        .filter(|s| s.staff_account_id == staff_account_id)
        .ok_or(SessionError::NotFound)
}

/// Records the resident's consent and opens the session.
pub fn consent(
    state: &AppState,
    staff_account_id: &str,
    session_id: &str,
    consent: &Consent,
) -> Result<AssistedSession, SessionError> {
    let record = own_session(state, staff_account_id, session_id)?;
    let now_ms = state.clock.now().timestamp_millis();
    if status(&record, now_ms) != SessionStatus::AwaitingConsent {
        return Err(SessionError::WrongState);
    }
    let (method, evidence, approved_by) = match consent {
        Consent::SmsCode { code } => {
            let expired = now_ms - record.created_ms >= CONSENT_CODE_TTL.num_milliseconds();
            // The try is counted in the same step as the check: never more than the limit compared.
            if expired || !state.store.take_consent_try(session_id, CONSENT_ATTEMPTS)? {
                return Err(SessionError::CodeGone);
            }
            if record.code_hash.as_deref()
                != Some(consent_code_hash(session_id, code.trim()).as_str())
            {
                return Err(SessionError::WrongCode);
            }
            (
                "sms_code",
                "resident read out the SMS code".to_owned(),
                None,
            )
        }
        Consent::Signature {
            signature_sha256,
            approval,
        } => {
            let sha256 = signature_sha256.to_ascii_lowercase();
            let drawn_here = state
                .store
                .attachment_owned(&sha256, staff_account_id)?
                .is_some_and(|(media_type, owned_ms)| {
                    SIGNATURE_TYPES.contains(&media_type.as_str()) && owned_ms >= record.created_ms
                });
            if !drawn_here {
                return Err(SessionError::BadSignature);
            }
            let manager = approving_manager(state, staff_account_id, approval)?;
            ("signature", sha256, Some(manager))
        }
    };
    // Only now may it be told that the name and ID number matched nobody.
    let Some(resident) = record.resident_account_id.clone() else {
        return Err(SessionError::ResidentNotFound);
    };
    if !state.store.open_session(
        session_id,
        method,
        &evidence,
        approved_by.as_deref(),
        now_ms,
    )? {
        return Err(SessionError::WrongState);
    }
    tell_resident(state, &resident, staff_account_id, Told::Opened)?;
    render(state, &own_session(state, staff_account_id, session_id)?)
}

/// The account of the manager approving a consent by signature: her password is right (every try
/// counts towards her login's lock), she is a manager, of the staff member's own centre, and not the
/// staff member herself. Which of these failed is not told.
fn approving_manager(
    state: &AppState,
    staff_account_id: &str,
    approval: &SupervisorApproval,
) -> Result<String, SessionError> {
    let manager = match crate::auth::check_password(state, &approval.username, &approval.password) {
        Ok(account) => account,
        Err(crate::auth::AuthError::WrongPassword) => return Err(SessionError::ApprovalRefused),
        Err(other) => return Err(SessionError::Approval(other)),
    };
    if manager.role != huiban_api::Role::Manager
        || !same_centre(state, &manager.account_id, staff_account_id)?
        || manager.account_id == staff_account_id
    {
        return Err(SessionError::ApprovalRefused);
    }
    Ok(manager.account_id)
}

/// What the resident is told of a session by SMS.
enum Told {
    Opened,
    Closed,
}

/// Tells the resident by SMS that a staff member began, or ended, acting for her.
fn tell_resident(
    state: &AppState,
    resident: &str,
    staff_account_id: &str,
    told: Told,
) -> Result<(), SessionError> {
    let Some(phone) = state.store.phone_of(resident)? else {
        return Ok(());
    };
    let staff = state
        .store
        .account(staff_account_id)?
        .ok_or(SessionError::NotFound)?;
    let department = staff.department.unwrap_or_default();
    let name = staff.name.unwrap_or_default();
    let text = match told {
        Told::Opened => format!(
            "【惠办】{department}的工作人员{name}开始为您代办业务。如果不是您本人同意的，请马上拨打12345。"
        ),
        Told::Closed => format!(
            "【惠办】{department}的工作人员{name}为您代办已经结束。办了哪些事，可以在惠办里查看“谁帮我办过事”。"
        ),
    };
    state.sms.send(&phone, &text)?;
    Ok(())
}

/// An Idempotency-Key as the cases and 诉求 keep it (a hyphenated lowercase UUID), if it is one.
fn idempotency_key(text: &str) -> Option<String> {
    uuid::Uuid::parse_str(text.trim())
        .ok()
        .map(|key| key.hyphenated().to_string())
}

/// Ends a session: by its clerk, or with its delivery key by a colleague of her centre (the
/// counter's computer sending a close made offline, her login gone). `pending` names, by
/// Idempotency-Key, the submissions confirmed in it that have not arrived yet: those, and no
/// others, are still filed for the resident in this session when they arrive (within
/// [`PENDING_FILING`]).
pub fn close(
    state: &AppState,
    staff_account_id: &str,
    session_id: &str,
    pending: &[String],
    delivery_key: Option<&str>,
) -> Result<AssistedSession, SessionError> {
    if pending.len() > MOST_PENDING {
        return Err(SessionError::BadPending);
    }
    let pending = pending
        .iter()
        .map(|key| idempotency_key(key).ok_or(SessionError::BadPending))
        .collect::<Result<Vec<_>, _>>()?;
    let (record, _) = reachable(state, staff_account_id, session_id, delivery_key)?;
    if !state
        .store
        .close_session(session_id, state.clock.now().timestamp_millis(), &pending)?
    {
        return Err(SessionError::WrongState);
    }
    if let (Some(resident), Some(_)) = (&record.resident_account_id, record.opened_ms) {
        tell_resident(state, resident, &record.staff_account_id, Told::Closed)?;
    }
    let closed = state
        .store
        .session(session_id)?
        .ok_or(SessionError::NotFound)?;
    render(state, &closed)
}

/// The resident a staff member may act for in `session_id`: in her own open session; or, with the
/// session's `delivery_key` (given only for requests that deliver), in an open session of a
/// colleague of her centre, or in a session whose lifetime ran out without a close, for
/// [`PENDING_FILING`] after.
pub fn acting(
    state: &AppState,
    staff_account_id: &str,
    session_id: &str,
    delivery_key: Option<&str>,
) -> Result<Acting, SessionError> {
    let (record, delivering) = reachable(state, staff_account_id, session_id, delivery_key)?;
    let now_ms = state.clock.now().timestamp_millis();
    let open = status(&record, now_ms) == SessionStatus::Open;
    let lapsed_lately = match (record.opened_ms, record.closed_ms) {
        (Some(opened_ms), None) => {
            now_ms - opened_ms <= (SESSION_LIFETIME + PENDING_FILING).num_milliseconds()
        }
        _ => false,
    };
    let own = record.staff_account_id == staff_account_id;
    if (open && (own || delivering)) || (delivering && lapsed_lately) {
        acting_in(state, record)
    } else {
        Err(SessionError::WrongState)
    }
}

/// The resident a staff member files the submission `idempotency_key` for in `session_id` after it
/// closed: only one the close named as confirmed in it and still to arrive, only in a session she
/// had consented to, only by its clerk (or, with its delivery key, a colleague of her centre), and
/// only within [`PENDING_FILING`] of its end.
pub fn acting_for_pending(
    state: &AppState,
    staff_account_id: &str,
    session_id: &str,
    (idempotency_key_text, delivery_key): (&str, Option<&str>),
) -> Result<Acting, SessionError> {
    let (record, _) = reachable(state, staff_account_id, session_id, delivery_key)?;
    let key = idempotency_key(idempotency_key_text).ok_or(SessionError::WrongState)?;
    let (Some(opened_ms), Some(closed_ms)) = (record.opened_ms, record.closed_ms) else {
        return Err(SessionError::WrongState);
    };
    let ended_ms = closed_ms.min(opened_ms + SESSION_LIFETIME.num_milliseconds());
    let now_ms = state.clock.now().timestamp_millis();
    if now_ms - ended_ms > PENDING_FILING.num_milliseconds()
        || !state.store.is_pending_in(session_id, &key)?
    {
        return Err(SessionError::WrongState);
    }
    acting_in(state, record)
}

/// Acting in `record` for its resident, with her 代理人 fields: the clerk who served her, whoever
/// delivers.
fn acting_in(state: &AppState, record: SessionRecord) -> Result<Acting, SessionError> {
    let staff = state
        .store
        .account(&record.staff_account_id)?
        .ok_or(SessionError::NotFound)?;
    let resident_account_id = record.resident_account_id.ok_or(SessionError::WrongState)?;
    Ok(Acting {
        session_id: record.session_id,
        resident_account_id,
        agent: Agent {
            name: staff.name.unwrap_or_default(),
            relation: format!(
                "{}工作人员",
                staff.department.as_deref().unwrap_or_default()
            ),
            account_id: record.staff_account_id,
            centre: staff.department,
            kinship: None,
        },
    })
}
