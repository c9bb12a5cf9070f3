//! 请工作人员给我回电话 at the service centre: the call-backs residents of the centre's district
//! asked for (filed as 求助 诉求 with `call_back`), with the phone to call, and 已回电话, which
//! answers the 诉求 in the name of the staff member who called.

use huiban_api::CallBackAsked;

use crate::beijing_time;
use crate::requests::{self, RequestError};
use crate::state::AppState;
use crate::store::{RequestRecord, StoreError};

/// Why a call-back could not be listed or marked called.
#[derive(Debug, thiserror::Error)]
pub enum CallBackError {
    /// No open call-back of the centre's district has this number.
    #[error("没有这个回电请求，可能已经回过电话了")]
    NotFound,
    /// The request could not be moved.
    #[error(transparent)]
    Request(#[from] RequestError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The open call-backs of the district `centre` serves, oldest first (none for a centre the
/// platform lists no district for).
pub fn of_centre(state: &AppState, centre: &str) -> Result<Vec<CallBackAsked>, CallBackError> {
    open_records(state, centre)?
        .into_iter()
        .map(|record| asked(state, record))
        .collect()
}

/// 已回电话: `staff` of `centre` called the resident of the call-back `request_no`; what is still
/// open after.
pub fn called(
    state: &AppState,
    centre: &str,
    staff: &str,
    request_no: &str,
) -> Result<Vec<CallBackAsked>, CallBackError> {
    let record = open_records(state, centre)?
        .into_iter()
        .find(|record| record.request_no == request_no)
        .ok_or(CallBackError::NotFound)?;
    let name = state
        .store
        .account(staff)?
        .and_then(|account| account.name)
        .unwrap_or_default();
    requests::called_back(state, &record, centre, &name)?;
    of_centre(state, centre)
}

fn open_records(state: &AppState, centre: &str) -> Result<Vec<RequestRecord>, CallBackError> {
    match state.store.district_of_centre(centre)? {
        Some(district) => Ok(state.store.open_call_backs_of_district(&district)?),
        None => Ok(Vec::new()),
    }
}

fn asked(state: &AppState, record: RequestRecord) -> Result<CallBackAsked, CallBackError> {
    let account = state.store.account(&record.account_id)?;
    Ok(CallBackAsked {
        request_no: record.request_no,
        name: account.as_ref().and_then(|a| a.name.clone()),
        phone: account.and_then(|a| a.phone).unwrap_or_default(),
        description: record.body.description,
        asked_at: beijing_time::rfc3339(record.submitted_ms),
    })
}
