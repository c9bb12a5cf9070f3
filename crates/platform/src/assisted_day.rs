//! A clerk's day at the counter: the residents she served today (names and ID numbers masked, for
//! the next resident may see the screen) with what was done for each, and picking one up again,
//! which asks her consent again (a new session, a new code to her phone).

use huiban_api::{AssistedSession, ServedToday, SessionStatus};

use crate::acted_for::actions_in;
use crate::assisted::{self, SessionError, begin, own_session, render};
use crate::auth::mask_name;
use crate::beijing_time;
use crate::state::AppState;

/// Most sessions a day's queue lists (a clerk starts at most 30 an hour).
pub const MOST_IN_A_DAY: u32 = 300;

/// The sessions `staff` started today (Beijing time), newest first, each with what was done in it.
pub fn served_today(state: &AppState, staff: &str) -> Result<Vec<ServedToday>, SessionError> {
    let now_ms = state.clock.now().timestamp_millis();
    let since_ms = beijing_time::start_of_day_ms(now_ms);
    state
        .store
        .sessions_of_staff_since(staff, since_ms, MOST_IN_A_DAY)?
        .iter()
        .map(|record| {
            let session = render(state, record)?;
            let actions = actions_in(state, record)?;
            Ok(ServedToday {
                session: AssistedSession {
                    resident_name: mask_name(&session.resident_name),
                    ..session
                },
                actions,
            })
        })
        .collect()
}

/// Begins a new session for the resident of `session_id`, a session of `staff` today that she
/// consented to: she is texted a new code (her consent is asked again), the clerk types nothing.
pub fn again(
    state: &AppState,
    staff: &str,
    session_id: &str,
) -> Result<AssistedSession, SessionError> {
    let record = own_session(state, staff, session_id)?;
    let now_ms = state.clock.now().timestamp_millis();
    let today = record.created_ms >= beijing_time::start_of_day_ms(now_ms);
    let (Some(resident), Some(_), true) = (&record.resident_account_id, record.opened_ms, today)
    else {
        return Err(SessionError::WrongState);
    };
    if assisted::status(&record, now_ms) == SessionStatus::Open {
        return Err(SessionError::WrongState);
    }
    let account = state
        .store
        .account(resident)?
        .ok_or(SessionError::NotFound)?;
    let number = state.store.id_number_of(resident)?.unwrap_or_default();
    let name = account.name.unwrap_or_default();
    let (renewed, delivery_key) = begin(state, staff, &number, Some(resident.clone()), &name)?;
    Ok(AssistedSession {
        resident_id_number_masked: Some(huiban_api::id_number::masked(&number)),
        delivery_key: Some(delivery_key),
        ..render(state, &renewed)?
    })
}
