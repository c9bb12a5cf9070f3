//! 谁帮我办过: every time someone acted for her, newest first: the assisted sessions staff held
//! for her and the relatives' grants she agreed to (亲友代办, shaped as sessions), each with what
//! was done in it, as the audit log has it.

use huiban_api::{ActedForMe, ActionOnBehalf};

use crate::assisted::{SessionError, render};
use crate::beijing_time;
use crate::relatives::{self, GrantError};
use crate::state::AppState;
use crate::store::{ActedForRow, GrantRecord, SessionRecord};

/// At most `limit` sessions in which someone acted for `resident`, newest first, those after the
/// session `after`, each with what was done in it: staff's assisted sessions, and the relatives'
/// grants she agreed to (亲友代办), shaped as sessions.
pub fn acted_for(
    state: &AppState,
    resident: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<ActedForMe>, SessionError> {
    state
        .store
        .acted_for_rows(resident, after, limit)?
        .into_iter()
        .filter_map(|row| match row {
            ActedForRow::Session(id) => {
                let record = state.store.session(&id).transpose()?;
                Some(record.map_err(SessionError::from).and_then(|record| {
                    let session = render(state, &record)?;
                    let actions = actions_in(state, &record)?;
                    Ok(ActedForMe { session, actions })
                }))
            }
            ActedForRow::Grant(id) => {
                let record = state.store.relative_grant(&id).transpose()?;
                Some(
                    record
                        .map_err(SessionError::from)
                        .and_then(|record| acted_in_grant(state, &record)),
                )
            }
        })
        .collect()
}

/// A relative's grant as a row of 谁帮我办过: what he did for her while it lasted.
fn acted_in_grant(state: &AppState, record: &GrantRecord) -> Result<ActedForMe, SessionError> {
    let session = relatives::as_session(state, record).map_err(|error| match error {
        GrantError::Store(error) => SessionError::Store(error),
        _ => SessionError::NotFound,
    })?;
    let (Some(person), Some(answered_ms)) = (&record.person_account_id, record.answered_ms) else {
        return Ok(ActedForMe {
            session,
            actions: Vec::new(),
        });
    };
    let end = record.ended_ms.or(record.expires_ms).unwrap_or(i64::MAX);
    let session_record = SessionRecord {
        session_id: record.grant_id.clone(),
        staff_account_id: record.helper_account_id.clone(),
        resident_account_id: Some(person.clone()),
        named_as: String::new(),
        code_hash: None,
        code_attempts: 0,
        consent_method: Some("relative".to_owned()),
        created_ms: answered_ms,
        opened_ms: Some(answered_ms),
        closed_ms: Some(end),
        approved_by: None,
        delivery_key_hash: None,
    };
    let actions = actions_in(state, &session_record)?;
    Ok(ActedForMe { session, actions })
}

/// What was done for its resident in the session `record`, oldest first, as the audit log has it,
/// each by who did it (her clerk, or a colleague who delivered what the clerk confirmed); nothing
/// in a session she never consented to.
pub(crate) fn actions_in(
    state: &AppState,
    record: &SessionRecord,
) -> Result<Vec<ActionOnBehalf>, SessionError> {
    let (Some(resident), Some(_)) = (&record.resident_account_id, record.opened_ms) else {
        return Ok(Vec::new());
    };
    let end = record.closed_ms.unwrap_or(i64::MAX);
    let entries = state.store.audit_in_session(
        resident,
        &record.session_id,
        &record.staff_account_id,
        (record.created_ms, end),
    )?;
    let mut names = std::collections::HashMap::new();
    entries
        .into_iter()
        .map(|entry| {
            let actor = entry.actor.unwrap_or_default();
            let actor_name = match names.get(&actor) {
                Some(name) => String::clone(name),
                None => {
                    let name = state
                        .store
                        .account(&actor)?
                        .and_then(|account| account.name)
                        .unwrap_or_default();
                    names.insert(actor, name.clone());
                    name
                }
            };
            Ok(ActionOnBehalf {
                at: beijing_time::rfc3339(entry.at_ms),
                actor_name,
                action: entry.action,
                subject: entry.subject,
            })
        })
        .collect()
}
