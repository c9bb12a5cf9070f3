//! 请工作人员过来: a kiosk raises a call (one open at a time), the staff of its centre see it,
//! one says she is going, and it ends when she has helped or the kiosk's visit ends. A call names
//! no one at the kiosk; another centre's calls are not there for a staff member.

use huiban_api::{KioskCall, KioskCalls};

use crate::beijing_time;
use crate::state::AppState;
use crate::store::{Answered, CallRecord, StoreError};

/// Why a staff member's answer to a call was not taken.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// No open call of her centre has this id.
    #[error("没有这个求助，可能已经处理好了")]
    NoCall,
    /// Another staff member is already going.
    #[error("{0}已经过去了")]
    Taken(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The wire form of `record`.
fn call_of(record: CallRecord) -> KioskCall {
    let (answered_by_account, answered_by) = record.answered_by.unzip();
    KioskCall {
        call_id: record.call_id,
        kiosk_name: record.kiosk_name,
        place: record.centre,
        raised_at: beijing_time::rfc3339(record.raised_ms),
        answered_by,
        answered_by_account,
    }
}

/// The kiosk `device` asks for staff: its open call (raised now unless one is open).
pub fn raise(state: &AppState, device: &str) -> Result<KioskCall, CallError> {
    let call_id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now().timestamp_millis();
    Ok(call_of(
        state.store.raise_kiosk_call(device, &call_id, now)?,
    ))
}

/// The open call of the kiosk `device`, if any.
pub fn of_kiosk(state: &AppState, device: &str) -> Result<KioskCalls, CallError> {
    Ok(KioskCalls {
        calls: state
            .store
            .open_call_of_kiosk(device)?
            .into_iter()
            .map(call_of)
            .collect(),
    })
}

/// The kiosk `device` no longer needs staff (she was helped, or her visit ended).
pub fn end_of_kiosk(state: &AppState, device: &str) -> Result<(), CallError> {
    let now = state.clock.now().timestamp_millis();
    state.store.end_call_of_kiosk(device, now)?;
    Ok(())
}

/// The open calls of `centre`'s kiosks, oldest first.
pub fn of_centre(state: &AppState, centre: &str) -> Result<KioskCalls, CallError> {
    Ok(KioskCalls {
        calls: state
            .store
            .open_calls_of_centre(centre)?
            .into_iter()
            .map(call_of)
            .collect(),
    })
}

/// `staff` of `centre` is going to the call `call_id`.
pub fn answer(
    state: &AppState,
    centre: &str,
    staff: &str,
    call_id: &str,
) -> Result<KioskCall, CallError> {
    let now = state.clock.now().timestamp_millis();
    match state.store.answer_kiosk_call(call_id, centre, staff, now)? {
        Answered::Going(call) => Ok(call_of(call)),
        Answered::Taken(call) => Err(CallError::Taken(
            call.answered_by.map(|(_, name)| name).unwrap_or_default(),
        )),
        Answered::NoCall => Err(CallError::NoCall),
    }
}

/// The call `call_id` of `centre` is dealt with.
pub fn end(state: &AppState, centre: &str, call_id: &str) -> Result<(), CallError> {
    let now = state.clock.now().timestamp_millis();
    if state.store.end_kiosk_call(call_id, centre, now)? {
        Ok(())
    } else {
        Err(CallError::NoCall)
    }
}
