//! 诉求 commands: the person's requests as kept here (and those still waiting to be filed), one
//! request's loop in plain words, and the 回访 answers and 评价 queued in the outbox.

use huiban_api::{FollowUp, ServiceRequest};
use huiban_core::outbox::requests::{
    self as queued, REQUEST_EVALUATION, REQUEST_FOLLOW_UP, RequestEvaluation, RequestFollowUp,
};
use huiban_core::progress::{TimelineStep, plain_time};
use huiban_core::{evaluation, request_form, request_progress};
use serde::Serialize;
use tauri::State;

use super::{now_ms, own_store as store, own_store_if_any};
use crate::{AppState, IpcError};

/// One request as the 诉求 list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestSummary {
    /// 诉求编号; absent while it waits on this computer to be filed.
    pub request_no: Option<String>,
    /// The kind in words (e.g. 投诉：对某件事不满意).
    pub kind_name: String,
    /// What the person wrote.
    pub description: String,
    /// Where it stands, in words.
    pub status_name: String,
    /// When it was filed, in words.
    pub submitted: Option<String>,
    /// Whether the person is asked to do something (回访 or 评价).
    pub asks_you: bool,
}

/// One request with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestDetail {
    /// The request as the platform last said.
    pub request: ServiceRequest,
    /// The kind in words.
    pub kind_name: String,
    /// Where it stands, in words.
    pub status_name: String,
    /// Every step, then the steps to come.
    pub timeline: Vec<TimelineStep>,
    /// Whether the 回访 questions wait for answers.
    pub can_follow_up: bool,
    /// Whether a 评价 can be given.
    pub can_evaluate: bool,
    /// The 评价 given, in words.
    pub evaluation_name: Option<String>,
    /// Whether 回访 answers or a 评价 wait on this computer to be sent.
    pub waiting: bool,
}

/// The person's requests: those waiting to be filed first, then the kept ones, newest first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn requests(state: State<'_, AppState>) -> Result<Vec<RequestSummary>, IpcError> {
    let Some(store) = own_store_if_any(&state).await? else {
        return Ok(Vec::new());
    };
    let localizer = state.localizer();
    let mut list: Vec<RequestSummary> = queued::unfiled(&store)?
        .into_iter()
        .rev()
        .map(|(_, request)| RequestSummary {
            request_no: None,
            kind_name: request_form::kind_name(request.kind, localizer),
            description: request.description,
            status_name: localizer.text("request-waiting", &[]),
            submitted: None,
            asks_you: false,
        })
        .collect();
    let given_here = queued::given_here(&store)?;
    for request in store.cached_requests()? {
        let given = given_here.contains_key(&request.request_no);
        list.push(RequestSummary {
            asks_you: !given
                && (request_progress::can_follow_up(&request)
                    || request_progress::can_evaluate(&request)),
            kind_name: request_form::kind_name(request.kind, localizer),
            status_name: localizer.text(request_progress::status_message_id(request.status), &[]),
            submitted: Some(plain_time(&request.submitted_at, localizer)),
            request_no: Some(request.request_no),
            description: request.description,
        });
    }
    Ok(list)
}

/// One kept request with its loop in plain words.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn request_detail(
    state: State<'_, AppState>,
    request_no: String,
) -> Result<RequestDetail, IpcError> {
    let store = store(&state).await?;
    let request = store
        .cached_requests()?
        .into_iter()
        .find(|r| r.request_no == request_no)
        .ok_or_else(|| IpcError::plain("request-not-found"))?;
    let waiting = queued::waiting(&store)?
        .remove(&request_no)
        .unwrap_or_default();
    let given = queued::given_here(&store)?
        .remove(&request_no)
        .unwrap_or_default();
    let localizer = state.localizer();
    Ok(RequestDetail {
        kind_name: request_form::kind_name(request.kind, localizer),
        status_name: localizer.text(request_progress::status_message_id(request.status), &[]),
        timeline: request_progress::timeline(&request, localizer),
        can_follow_up: request_progress::can_follow_up(&request)
            && !given.contains(&REQUEST_FOLLOW_UP),
        can_evaluate: request_progress::can_evaluate(&request)
            && !given.contains(&REQUEST_EVALUATION),
        evaluation_name: request
            .evaluation
            .as_ref()
            .map(|e| localizer.text(evaluation::level_message_id(e.level), &[])),
        waiting: !waiting.is_empty(),
        request,
    })
}

/// Queues the 回访 answers of a request (sent with everything else, offline too).
#[tauri::command]
#[tracing::instrument(skip(state, comment), err)]
pub async fn request_follow_up(
    state: State<'_, AppState>,
    request_no: String,
    resolved: bool,
    contacted: bool,
    comment: Option<String>,
) -> Result<(), IpcError> {
    let answers = RequestFollowUp {
        request_no,
        follow_up: FollowUp {
            resolved,
            contacted,
            comment: comment
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty()),
        },
    };
    queued::enqueue_follow_up(&store(&state).await?, &answers, now_ms())?;
    state.wake().notify_one();
    Ok(())
}

/// Queues the 评价 of a request; a missing reason for a bad level is refused in plain words.
#[tauri::command]
#[tracing::instrument(skip(state, reason), err)]
pub async fn request_evaluate(
    state: State<'_, AppState>,
    request_no: String,
    level: u8,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let checked = evaluation::check(level, reason.as_deref())?;
    let queued_evaluation = RequestEvaluation {
        request_no,
        evaluation: checked,
    };
    queued::enqueue_request_evaluation(&store(&state).await?, &queued_evaluation, now_ms())?;
    state.wake().notify_one();
    Ok(())
}
