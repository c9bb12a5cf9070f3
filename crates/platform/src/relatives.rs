//! 亲友代办: a relative with his own account acts for an older person with her consent.
//!
//! He asks by her phone and says who he is to her; she is texted, and agrees or refuses in her own
//! Huiban, or reads the texted code out to him (she has no app). A phone that matches nobody gets
//! a grant too, answered the same way, that can never be granted (no account oracle). A grant
//! lasts [`GRANT_LIFETIME`]; she (or he) ends it at any time. While it lasts his requests sent with
//! the `relative-grant` header act for her, as 代理人 with relation 亲属, audited like assisted
//! sessions and shown in her 谁帮我办过; she is texted for each submission made for her.

use chrono::Duration;
use huiban_api::{
    Agent, AssistedSession, GrantState, Kinship, RelativeGrant, Relatives, SessionStatus,
};
use rand::Rng;

use crate::acting::Acting;
use crate::auth::{hash_token, is_mobile, random_token};
use crate::beijing_time;
use crate::state::AppState;
use crate::store::{GrantRecord, StoreError, mask_phone};

/// How long a grant lasts once she agreed.
pub const GRANT_LIFETIME: Duration = Duration::days(365);
/// How long the texted code may be read out (he may phone her the next day).
pub const CODE_TTL: Duration = Duration::days(1);
/// Codes a grant survives.
pub const CODE_ATTEMPTS: i64 = 5;
/// Grants one account may ask for in a day.
pub const ASKS_PER_DAY: i64 = 5;
/// Most grants listed on either side.
const MOST_LISTED: u32 = 50;
/// The relation every relative files with, as the 代理人 fields name it.
pub const RELATION: &str = "亲属";

/// Why a grant operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    /// The phone is not an 11-digit mobile number.
    #[error("bad phone")]
    BadPhone,
    /// He typed his own phone.
    #[error("own phone")]
    OwnPhone,
    /// Too many asks today.
    #[error("too many asks")]
    TooManyAsks,
    /// No such grant on the caller's side.
    #[error("grant not found")]
    NotFound,
    /// The code is not 6 digits.
    #[error("bad code")]
    BadCode,
    /// The code is wrong.
    #[error("wrong code")]
    WrongCode,
    /// The code expired or had too many wrong tries; ask again.
    #[error("code gone")]
    CodeGone,
    /// The grant is not waiting for an answer, or ended already.
    #[error("grant not in the right state")]
    WrongState,
    /// The grant does not let him act for her now (ended, refused, expired, not answered).
    #[error("grant not active")]
    NotActive,
    /// She had him texted for help too often today.
    #[error("too many help texts")]
    TooManyHelpTexts,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn kinship_of(record: &GrantRecord) -> Kinship {
    serde_json::from_value(serde_json::Value::String(record.kinship.clone()))
        .unwrap_or(Kinship::Other)
}

fn kinship_text(kinship: Kinship) -> String {
    match serde_json::to_value(kinship) {
        Ok(serde_json::Value::String(text)) => text,
        _ => "other".to_owned(),
    }
}

fn code_hash(grant_id: &str, code: &str) -> String {
    hash_token(&format!("{grant_id}:{code}"))
}

/// Where `record` stands at `now_ms`.
pub fn state_of(record: &GrantRecord, now_ms: i64) -> GrantState {
    match record.state.as_str() {
        "granted" if record.expires_ms.is_some_and(|expires| now_ms >= expires) => {
            GrantState::Expired
        }
        "granted" => GrantState::Granted,
        "refused" => GrantState::Refused,
        "ended" => GrantState::Ended,
        _ => GrantState::Asked,
    }
}

/// The grant as its helper or its person sees it: to him, her name only once she agreed (before,
/// the phone he typed, masked: nothing says whether it matched anyone).
pub(crate) fn render(
    state: &AppState,
    record: &GrantRecord,
    for_person: bool,
) -> Result<RelativeGrant, GrantError> {
    let now_ms = state.clock.now().timestamp_millis();
    let helper = state.store.account(&record.helper_account_id)?;
    let answered = record.answered_ms.is_some() && record.expires_ms.is_some();
    let person = match (&record.person_account_id, for_person || answered) {
        (Some(person), true) => state.store.account(person)?,
        _ => None,
    };
    let state_now = state_of(record, now_ms);
    Ok(RelativeGrant {
        grant_id: record.grant_id.clone(),
        // He is not told she refused: that would tell him the phone is hers.
        state: if !for_person && state_now == GrantState::Refused {
            GrantState::Ended
        } else {
            state_now
        },
        kinship: kinship_of(record),
        helper_name: helper
            .as_ref()
            .and_then(|account| account.name.clone())
            .unwrap_or_default(),
        helper_phone_masked: helper.and_then(|account| account.phone_masked),
        person_name: person
            .as_ref()
            .and_then(|account| account.name.clone())
            .unwrap_or_else(|| record.phone_masked.clone()),
        person_phone_masked: Some(record.phone_masked.clone()),
        asked_at: beijing_time::rfc3339(record.asked_ms),
        answered_at: record.answered_ms.map(beijing_time::rfc3339),
        expires_at: record.expires_ms.map(beijing_time::rfc3339),
        ended_at: record.ended_ms.map(beijing_time::rfc3339),
    })
}

/// The name on `account_id`'s account (empty when it has none).
pub(crate) fn name_of(state: &AppState, account_id: &str) -> Result<String, GrantError> {
    Ok(state
        .store
        .account(account_id)?
        .and_then(|account| account.name)
        .unwrap_or_default())
}

/// `helper` asks to help the person with `phone`, as her `kinship`; she is texted (with a code
/// she may read out to him). A phone that matches no citizen, or matches one already asked or
/// helped by him, is answered the same way.
pub fn ask(
    state: &AppState,
    helper: &str,
    phone: &str,
    kinship: Kinship,
) -> Result<RelativeGrant, GrantError> {
    let phone = phone.trim();
    if !is_mobile(phone) {
        return Err(GrantError::BadPhone);
    }
    if state.store.phone_of(helper)?.as_deref() == Some(phone) {
        return Err(GrantError::OwnPhone);
    }
    let now_ms = state.clock.now().timestamp_millis();
    let person = state
        .store
        .citizen_by_phone(phone)?
        .map(|account| account.account_id);
    // One live grant a pair: asking again answers the one there is.
    if let Some(person) = &person
        && let Some(live) = state
            .store
            .relative_grants_of_helper(helper, MOST_LISTED)?
            .into_iter()
            .find(|grant| {
                grant.person_account_id.as_deref() == Some(person.as_str())
                    && matches!(
                        state_of(grant, now_ms),
                        GrantState::Asked | GrantState::Granted
                    )
            })
    {
        return render(state, &live, false);
    }
    let since_ms = now_ms - Duration::days(1).num_milliseconds();
    if state.store.relative_grants_asked_since(helper, since_ms)? >= ASKS_PER_DAY {
        return Err(GrantError::TooManyAsks);
    }
    let grant_id = format!("rg-{}", &random_token()[..24]);
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    let record = GrantRecord {
        grant_id: grant_id.clone(),
        helper_account_id: helper.to_owned(),
        person_account_id: person.clone(),
        phone_masked: mask_phone(phone),
        kinship: kinship_text(kinship),
        state: "asked".to_owned(),
        code_hash: Some(code_hash(&grant_id, &code)),
        code_attempts: 0,
        asked_ms: now_ms,
        answered_ms: None,
        expires_ms: None,
        ended_ms: None,
    };
    state.store.insert_relative_grant(&record)?;
    if person.is_some() {
        state.sms.send(
            phone,
            &format!(
                "【惠办】您的{} {}想帮您在惠办上办事，为期一年，您可以随时结束。同意请在惠办“谁能帮我办”里点同意；没有惠办的，请把验证码{code}告诉他，一天内有效。不认识这个人请不要理会。",
                kinship.word(),
                name_of(state, helper)?
            ),
        )?;
    }
    render(state, &record, false)
}

/// Her grants on both sides: who helps her or asks to (asked first), and whom she helps.
pub fn list(state: &AppState, account_id: &str) -> Result<Relatives, GrantError> {
    let now_ms = state.clock.now().timestamp_millis();
    let mut of_person = state
        .store
        .relative_grants_of_person(account_id, MOST_LISTED)?;
    // Asked ones first (newest first within each group: the sort is stable).
    of_person.sort_by_key(|grant| state_of(grant, now_ms) != GrantState::Asked);
    let helped_by = of_person
        .iter()
        .map(|grant| render(state, grant, true))
        .collect::<Result<_, _>>()?;
    let helping = state
        .store
        .relative_grants_of_helper(account_id, MOST_LISTED)?
        .iter()
        .map(|grant| render(state, grant, false))
        .collect::<Result<_, _>>()?;
    Ok(Relatives { helped_by, helping })
}

/// The grant `grant_id` asked of `person`, or `NotFound` (another's grant is not told apart).
pub(crate) fn of_person(
    state: &AppState,
    person: &str,
    grant_id: &str,
) -> Result<GrantRecord, GrantError> {
    state
        .store
        .relative_grant(grant_id)?
        .filter(|grant| grant.person_account_id.as_deref() == Some(person))
        .ok_or(GrantError::NotFound)
}

fn of_helper(state: &AppState, helper: &str, grant_id: &str) -> Result<GrantRecord, GrantError> {
    state
        .store
        .relative_grant(grant_id)?
        .filter(|grant| grant.helper_account_id == helper)
        .ok_or(GrantError::NotFound)
}

/// She answers a grant asked of her in her own Huiban: agrees (for [`GRANT_LIFETIME`]) or refuses.
/// He is texted her answer.
pub fn answer(
    state: &AppState,
    person: &str,
    grant_id: &str,
    agrees: bool,
) -> Result<RelativeGrant, GrantError> {
    let record = of_person(state, person, grant_id)?;
    decide(state, &record, agrees)?;
    let answered = of_person(state, person, grant_id)?;
    render(state, &answered, true)
}

/// He types the code texted to her, which she read out to him: she agreed.
pub fn agree_by_code(
    state: &AppState,
    helper: &str,
    grant_id: &str,
    code: &str,
) -> Result<RelativeGrant, GrantError> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(GrantError::BadCode);
    }
    let record = of_helper(state, helper, grant_id)?;
    let now_ms = state.clock.now().timestamp_millis();
    if state_of(&record, now_ms) != GrantState::Asked {
        return Err(GrantError::WrongState);
    }
    let expired = now_ms - record.asked_ms >= CODE_TTL.num_milliseconds();
    // The try is counted in the same step as the check.
    if expired
        || !state
            .store
            .take_relative_code_try(grant_id, CODE_ATTEMPTS)?
    {
        return Err(GrantError::CodeGone);
    }
    // A phone that matched nobody has a code nobody was sent: it is never right.
    if record.person_account_id.is_none()
        || record.code_hash.as_deref() != Some(code_hash(grant_id, code).as_str())
    {
        return Err(GrantError::WrongCode);
    }
    decide(state, &record, true)?;
    render(state, &of_helper(state, helper, grant_id)?, false)
}

fn decide(state: &AppState, record: &GrantRecord, agrees: bool) -> Result<(), GrantError> {
    let now_ms = state.clock.now().timestamp_millis();
    let expires_ms = now_ms + GRANT_LIFETIME.num_milliseconds();
    if !state
        .store
        .answer_relative_grant(&record.grant_id, agrees, now_ms, expires_ms)?
    {
        return Err(GrantError::WrongState);
    }
    if agrees {
        let person = record.person_account_id.as_deref().unwrap_or_default();
        let text = format!(
            "【惠办】{}同意您在惠办上替其办事了，到{}为止。",
            name_of(state, person)?,
            beijing_time::date(expires_ms).format("%Y年%-m月%-d日")
        );
        tell(state, &record.helper_account_id, &text)?;
    }
    Ok(())
}

/// Ends a grant, by her or by him; the other one is texted.
pub fn end(state: &AppState, caller: &str, grant_id: &str) -> Result<RelativeGrant, GrantError> {
    let record = state
        .store
        .relative_grant(grant_id)?
        .filter(|grant| {
            grant.helper_account_id == caller || grant.person_account_id.as_deref() == Some(caller)
        })
        .ok_or(GrantError::NotFound)?;
    let now_ms = state.clock.now().timestamp_millis();
    if !matches!(
        state_of(&record, now_ms),
        GrantState::Asked | GrantState::Granted
    ) || !state.store.end_relative_grant(grant_id, now_ms)?
    {
        return Err(GrantError::WrongState);
    }
    let by_person = record.person_account_id.as_deref() == Some(caller);
    if by_person && record.answered_ms.is_some() {
        let text = format!(
            "【惠办】{}结束了让您代办的授权，您不能再替其办事了。",
            name_of(state, caller)?
        );
        tell(state, &record.helper_account_id, &text)?;
    } else if !by_person && let Some(person) = &record.person_account_id {
        let text = format!(
            "【惠办】您的{} {}不再帮您在惠办上办事了。",
            kinship_of(&record).word(),
            name_of(state, caller)?
        );
        tell(state, person, &text)?;
    }
    let ended = state
        .store
        .relative_grant(grant_id)?
        .ok_or(GrantError::NotFound)?;
    render(state, &ended, by_person)
}

/// Texts `text` to the phone on `account_id`'s account.
pub(crate) fn tell(state: &AppState, account_id: &str, text: &str) -> Result<(), GrantError> {
    if let Some(phone) = state.store.phone_of(account_id)? {
        state.sms.send(&phone, text)?;
    }
    Ok(())
}

/// The person `helper` acts for in `grant_id`: his grant, agreed to and not ended or expired.
pub fn acting(state: &AppState, helper: &str, grant_id: &str) -> Result<Acting, GrantError> {
    let record = state
        .store
        .relative_grant(grant_id)?
        .filter(|grant| grant.helper_account_id == helper)
        .ok_or(GrantError::NotActive)?;
    let now_ms = state.clock.now().timestamp_millis();
    let Some(person) = record.person_account_id.clone() else {
        return Err(GrantError::NotActive);
    };
    if state_of(&record, now_ms) != GrantState::Granted {
        return Err(GrantError::NotActive);
    }
    Ok(Acting {
        session_id: record.grant_id.clone(),
        resident_account_id: person,
        agent: Agent {
            name: name_of(state, helper)?,
            relation: RELATION.to_owned(),
            account_id: helper.to_owned(),
            centre: None,
            kinship: Some(kinship_of(&record)),
        },
    })
}

/// Texts her that `agent` filed `what` (an application's item name, or a 诉求) for her.
pub fn tell_of_submission(
    state: &AppState,
    person: &str,
    agent: &Agent,
    what: &str,
    number: &str,
) -> Result<(), StoreError> {
    let Some(phone) = state.store.phone_of(person)? else {
        return Ok(());
    };
    let kinship = agent.kinship.map_or(RELATION, Kinship::word);
    state.sms.send(
        &phone,
        &format!(
            "【惠办】您的{kinship} {}替您提交了“{what}”，编号{number}。在惠办“谁帮我办过”里能看到；不是您同意的，请在“谁能帮我办”里结束授权。",
            agent.name
        ),
    )
}

/// A grant she agreed to, as a row of 谁帮我办过: shaped as a session (her relative in the
/// staff's place, `relationship` saying who he is), open while the grant lasts.
pub fn as_session(state: &AppState, record: &GrantRecord) -> Result<AssistedSession, GrantError> {
    let now_ms = state.clock.now().timestamp_millis();
    let helper = state.store.account(&record.helper_account_id)?;
    let person = match &record.person_account_id {
        Some(person) => state.store.account(person)?,
        None => None,
    };
    let ended_ms = match state_of(record, now_ms) {
        GrantState::Expired => record.expires_ms,
        _ => record.ended_ms,
    };
    Ok(AssistedSession {
        session_id: record.grant_id.clone(),
        status: if state_of(record, now_ms) == GrantState::Granted {
            SessionStatus::Open
        } else {
            SessionStatus::Closed
        },
        resident_name: person
            .as_ref()
            .and_then(|account| account.name.clone())
            .unwrap_or_default(),
        resident_phone_masked: person.and_then(|account| account.phone_masked),
        resident_id_number_masked: None,
        staff_name: helper.and_then(|account| account.name).unwrap_or_default(),
        staff_department: String::new(),
        consent_method: Some("relative".to_owned()),
        approved_by: None,
        created_at: beijing_time::rfc3339(record.answered_ms.unwrap_or(record.asked_ms)),
        closed_at: ended_ms.map(beijing_time::rfc3339),
        delivery_key: None,
        kinship: Some(kinship_of(record)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(state: &str, expires_ms: Option<i64>) -> GrantRecord {
        GrantRecord {
            grant_id: "rg-1".to_owned(),
            helper_account_id: "c-li".to_owned(),
            person_account_id: Some("c-zhang".to_owned()),
            phone_masked: "138****0001".to_owned(),
            kinship: "son".to_owned(),
            state: state.to_owned(),
            code_hash: None,
            code_attempts: 0,
            asked_ms: 0,
            answered_ms: Some(1),
            expires_ms,
            ended_ms: None,
        }
    }

    #[test]
    fn a_grant_runs_out_at_its_expiry() {
        let granted = record("granted", Some(1_000));
        assert_eq!(state_of(&granted, 999), GrantState::Granted);
        assert_eq!(state_of(&granted, 1_000), GrantState::Expired);
        assert_eq!(
            state_of(&record("ended", Some(1_000)), 5),
            GrantState::Ended
        );
        assert_eq!(state_of(&record("refused", None), 5), GrantState::Refused);
        assert_eq!(state_of(&record("asked", None), 5), GrantState::Asked);
    }

    #[test]
    fn kinship_is_kept_in_the_contract_s_spelling() {
        assert_eq!(kinship_text(Kinship::DaughterInLaw), "daughter_in_law");
        assert_eq!(kinship_of(&record("granted", None)), Kinship::Son);
    }
}
