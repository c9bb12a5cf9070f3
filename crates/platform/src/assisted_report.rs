//! A resident reports a session she does not recognise (谁帮我办过 → 这次不是我同意的): it becomes a
//! 投诉 filed for her and sent straight to the centre of the clerk, naming the session. Reported
//! twice, it is the same 投诉.

use huiban_api::{IntakeChannel, NewRequest, RequestKind, ServiceRequest};

use crate::assisted::{SessionError, render};
use crate::beijing_time;
use crate::filed_by::FiledBy;
use crate::requests::{self, RequestError};
use crate::state::AppState;

/// Why a report was refused.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Not a session in which someone acted for her (or never consented to: nothing was done).
    #[error("session not found")]
    NotFound,
    /// The session could not be read.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// The 投诉 could not be filed.
    #[error(transparent)]
    Request(#[from] RequestError),
}

/// Files `resident`'s 投诉 about the session `session_id`, to the clerk's centre.
pub fn report(
    state: &AppState,
    resident: &str,
    session_id: &str,
) -> Result<ServiceRequest, ReportError> {
    let record = state
        .store
        .session(session_id)
        .map_err(SessionError::from)?
        .filter(|record| {
            record.resident_account_id.as_deref() == Some(resident) && record.opened_ms.is_some()
        })
        .ok_or(ReportError::NotFound)?;
    let session = render(state, &record)?;
    let description = format!(
        "我不认得这次代办，不是我本人同意的：{}的工作人员{}，{}开始（代办编号 {}）。请核查。",
        session.staff_department,
        session.staff_name,
        beijing_time::rfc3339(record.created_ms)
            .get(..16)
            .unwrap_or_default()
            .replace('T', " "),
        session.session_id
    );
    let complaint = NewRequest {
        kind: RequestKind::Complaint,
        description,
        location: Some(session.staff_department.clone()),
        photos: Vec::new(),
        channel: IntakeChannel::Desktop,
        call_back: false,
    };
    let key = format!("assisted-report:{session_id}");
    let filed = requests::submit(state, (resident, FiledBy::Herself), Some(&key), &complaint)?;
    Ok(requests::dispatch_to(
        state,
        resident,
        &filed.request_no,
        &session.staff_department,
    )?)
}
