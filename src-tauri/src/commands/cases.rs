//! 进度 commands: the person's cases as kept here, one case's timeline in plain words, and pulling
//! fresh copies from the platform on request.

use huiban_api::Application;
use huiban_core::progress::{self, TimelineStep};
use huiban_core::pull::{self, Pulled};
use serde::Serialize;
use tauri::State;

use crate::{AppState, IpcError};

/// One case as the 进度 list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseSummary {
    /// 办件编号.
    pub application_no: String,
    /// 事项名称.
    pub item_name: String,
    /// Where it stands, in plain words (e.g. 已受理).
    pub status_name: String,
    /// Whether it has reached its end.
    pub closed: bool,
    /// When it was sent, in plain words.
    pub submitted: String,
    /// Working days past the promised date.
    pub overdue_days: u32,
    /// Whether a 好差评 is awaited.
    pub can_evaluate: bool,
}

/// One case with everything the case page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseDetail {
    /// The case as the platform last said.
    pub case: Application,
    /// Where it stands, in plain words.
    pub status_name: String,
    /// Every step, then the steps to come.
    pub timeline: Vec<TimelineStep>,
    /// Seconds left to withdraw it online; absent when that is over.
    pub withdraw_seconds_left: Option<i64>,
    /// Whether a 好差评 is awaited.
    pub can_evaluate: bool,
}

fn kept_cases(state: &AppState) -> Result<Vec<Application>, IpcError> {
    match &state.store {
        Some(store) => store
            .cached_cases()
            .map_err(|error| IpcError::local_store(&error, &state.localizer)),
        None => Ok(Vec::new()),
    }
}

/// The person's cases kept on this computer, newest first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn cases(state: State<'_, AppState>) -> Result<Vec<CaseSummary>, IpcError> {
    let mut cases = kept_cases(&state)?;
    cases.sort_by(|a, b| b.submitted_at.cmp(&a.submitted_at));
    Ok(cases
        .iter()
        .map(|case| CaseSummary {
            application_no: case.application_no.clone(),
            item_name: case.item_name.clone(),
            status_name: state
                .localizer
                .text(progress::status_message_id(case.status), &[]),
            closed: progress::is_closed(case.status),
            submitted: progress::plain_time(&case.submitted_at, &state.localizer),
            overdue_days: case.overdue_days,
            can_evaluate: progress::can_evaluate(case),
        })
        .collect())
}

/// One kept case with its timeline in plain words.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn case_detail(
    state: State<'_, AppState>,
    application_no: String,
) -> Result<CaseDetail, IpcError> {
    let case = kept_cases(&state)?
        .into_iter()
        .find(|case| case.application_no == application_no)
        .ok_or_else(|| IpcError::plain("case-not-found", &state.localizer))?;
    let now = chrono::Utc::now().fixed_offset();
    Ok(CaseDetail {
        status_name: state
            .localizer
            .text(progress::status_message_id(case.status), &[]),
        timeline: progress::timeline(&case, &state.localizer),
        withdraw_seconds_left: progress::withdraw_seconds_left(&case, now),
        can_evaluate: progress::can_evaluate(&case),
        case,
    })
}

/// Pulls fresh copies of the person's cases, messages and licences now.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn copies_refresh(state: State<'_, AppState>) -> Result<Pulled, IpcError> {
    let Some(store) = &state.store else {
        return Err(IpcError::plain("store-unavailable", &state.localizer));
    };
    let token = state
        .session
        .access_token(&state.client)
        .await
        .map_err(|error| IpcError::session(&error, &state.localizer))?;
    pull::pull(store, &state.client, &token)
        .await
        .map_err(|error| match error {
            pull::PullError::Client(error) => IpcError::from_client(&error, &state.localizer),
            pull::PullError::Store(error) => IpcError::local_store(&error, &state.localizer),
        })
}
