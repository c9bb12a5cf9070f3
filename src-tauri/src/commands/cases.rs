//! 进度 commands: the person's cases as kept here, one case's timeline in plain words, and pulling
//! fresh copies from the platform on request.

use huiban_api::{Application, CaseStatus, WithdrawRequest};
use huiban_core::asked_again::{self, AskedAgain};
use huiban_core::outbox::supplement;
use huiban_core::progress::{self, TimelineStep};
use huiban_core::pull::{self, Pulled};
use huiban_core::store::{AccountStore, OutboxState};
use huiban_core::{ClientError, evaluation, outbox};
use serde::Serialize;
use tauri::State;

use super::{kept_store, now_ms, online_token, own_store, own_store_if_any};
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
    /// The outbox id of an application not pulled back yet (its page is the sent page).
    pub waiting_client_id: Option<String>,
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
    /// The 好差评 given, in words (e.g. 非常满意), whether sent yet or still waiting here.
    pub evaluation_name: Option<String>,
    /// Whether that 好差评 still waits on this computer to be sent.
    pub evaluation_waiting: bool,
    /// Why the platform refused the 好差评 given here, in its words (it can be given again).
    pub evaluation_refused: Option<String>,
    /// What the department asks for, while a 补正 is awaited and none waits here to be sent.
    pub supplement_asked: Option<String>,
    /// Whether the 补正 given here still waits to be sent.
    pub supplement_waiting: bool,
}

/// One 好差评 level as the evaluation page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelChoice {
    /// 1 非常满意 … 5 非常不满意.
    pub level: u8,
    /// Its name in the person's words.
    pub name: String,
    /// Whether a reason must be given with it.
    pub needs_reason: bool,
}

fn kept_cases(store: Option<&AccountStore<'_>>) -> Result<Vec<Application>, IpcError> {
    match store {
        Some(store) => Ok(store.cached_cases()?),
        None => Ok(Vec::new()),
    }
}

/// One kept case of the person's (or, with nobody logged in, none), or 没有找到这件事.
fn kept_case(
    store: Option<&AccountStore<'_>>,
    application_no: &str,
) -> Result<Application, IpcError> {
    kept_cases(store)?
        .into_iter()
        .find(|case| case.application_no == application_no)
        .ok_or_else(|| IpcError::plain("case-not-found"))
}

/// The questions a 补正 of the person's case `application_no` asks again.
async fn asked_of(
    state: &AppState,
    store: &AccountStore<'_>,
    application_no: &str,
) -> Result<Vec<AskedAgain>, IpcError> {
    let case = kept_case(Some(store), application_no)?;
    asked_again::for_case(store.shared(), &state.client, &case)
        .await
        .map_err(IpcError::from)
}

/// The person's cases kept on this computer, newest first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn cases(state: State<'_, AppState>) -> Result<Vec<CaseSummary>, IpcError> {
    let own = own_store_if_any(&state).await?;
    let mut cases = kept_cases(own.as_ref())?;
    cases.sort_by(|a, b| b.submitted_at.cmp(&a.submitted_at));
    let mut list = not_yet_pulled(&state, own.as_ref())?;
    list.extend(cases.iter().map(|case| {
        CaseSummary {
            application_no: case.application_no.clone(),
            item_name: case.item_name.clone(),
            status_name: state
                .localizer
                .text(progress::status_message_id(case.status), &[]),
            closed: progress::is_closed(case.status),
            submitted: progress::plain_time(&case.submitted_at, &state.localizer),
            overdue_days: case.overdue_days,
            can_evaluate: progress::can_evaluate(case),
            waiting_client_id: None,
        }
    }));
    Ok(list)
}

/// Applications this computer sent or holds that the pulled cases do not show yet, newest first.
fn not_yet_pulled(
    state: &AppState,
    store: Option<&AccountStore<'_>>,
) -> Result<Vec<CaseSummary>, IpcError> {
    let Some(store) = store else {
        return Ok(Vec::new());
    };
    let catalog = store.shared().cached_catalog()?;
    let rows = outbox::applications_not_yet_pulled(store)?;
    Ok(rows
        .into_iter()
        .rev()
        .map(|(row, application)| {
            let status = match row.state {
                OutboxState::Sent => "case-sent-not-pulled",
                OutboxState::NeedsAttention => "case-refused-here",
                OutboxState::Queued | OutboxState::Sending => "request-waiting",
            };
            CaseSummary {
                application_no: row.case_number.clone().unwrap_or_default(),
                item_name: catalog
                    .iter()
                    .find(|item| item.impl_code == application.impl_code)
                    .map(|item| item.name.clone())
                    .unwrap_or_default(),
                status_name: state.localizer.text(status, &[]),
                closed: false,
                submitted: String::new(),
                overdue_days: 0,
                can_evaluate: false,
                waiting_client_id: Some(row.client_id),
            }
        })
        .collect())
}

/// One kept case with its timeline in plain words.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn case_detail(
    state: State<'_, AppState>,
    application_no: String,
) -> Result<CaseDetail, IpcError> {
    let own = own_store_if_any(&state).await?;
    let case = kept_case(own.as_ref(), &application_no)?;
    let now = chrono::Utc::now().fixed_offset();
    let queued = match &own {
        Some(store) => outbox::evaluation_of(store, &application_no)?,
        None => None,
    };
    // A refused evaluation can be given again; its reason is shown.
    let (queued, refusal) = match queued {
        Some((_, row)) if row.state == OutboxState::NeedsAttention => (None, row.last_error),
        other => (other, None),
    };
    let given = case
        .evaluation
        .as_ref()
        .map(|e| e.level)
        .or(queued.as_ref().map(|(e, _)| e.level));
    let supplement_waiting = match &own {
        Some(store) => supplement::supplement_waiting(store, &application_no)?,
        None => false,
    };
    let supplement_given = match &own {
        Some(store) => supplement::supplement_given_here(store, &application_no)?,
        None => false,
    };
    let supplement_asked = (case.status == CaseStatus::SupplementRequested && !supplement_given)
        .then(|| {
            case.steps
                .iter()
                .rev()
                .find(|step| step.status == CaseStatus::SupplementRequested)
                .and_then(|step| step.remark.clone())
                .unwrap_or_default()
        });
    Ok(CaseDetail {
        supplement_asked,
        supplement_waiting,
        evaluation_name: given.map(|level| {
            state
                .localizer
                .text(evaluation::level_message_id(level), &[])
        }),
        evaluation_waiting: case.evaluation.is_none()
            && queued
                .as_ref()
                .is_some_and(|(_, row)| row.state != OutboxState::Sent),
        evaluation_refused: refusal,
        status_name: state
            .localizer
            .text(progress::status_message_id(case.status), &[]),
        timeline: progress::timeline(&case, &state.localizer),
        withdraw_seconds_left: progress::withdraw_seconds_left(&case, now),
        can_evaluate: progress::can_evaluate(&case) && queued.is_none(),
        case,
    })
}

/// The five 好差评 levels, best first, in the person's words.
#[tauri::command]
#[tracing::instrument(skip(state))]
pub fn evaluation_levels(state: State<'_, AppState>) -> Vec<LevelChoice> {
    evaluation::levels()
        .into_iter()
        .map(|level| LevelChoice {
            level: level.level,
            name: state.localizer.text(level.message_id, &[]),
            needs_reason: level.needs_reason,
        })
        .collect()
}

/// Queues the 好差评 of a finished case (sent with the applications, offline too); a missing
/// reason for 不满意 or 非常不满意 is refused in plain words and nothing is queued.
#[tauri::command]
#[tracing::instrument(skip(state, reason), err)]
pub async fn case_evaluate(
    state: State<'_, AppState>,
    application_no: String,
    level: u8,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let store = own_store(&state).await?;
    let checked = evaluation::check(level, reason.as_deref())?;
    let queued = outbox::CaseEvaluation {
        application_no,
        evaluation: checked,
    };
    outbox::enqueue_evaluation(&store, &queued, now_ms())?;
    state.wake.notify_one();
    Ok(())
}

/// The questions a 补正 of the case asks to answer again, each with the answer the case holds now
/// (the form is kept offline once seen); none when it asks none.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn case_asked_again(
    state: State<'_, AppState>,
    application_no: String,
) -> Result<Vec<AskedAgain>, IpcError> {
    asked_of(&state, &own_store(&state).await?, &application_no).await
}

/// 补正: queues what the department asked for — new answers to the questions it asks again, a
/// photo, a note — sent with everything else (offline too); nothing at all, or an answer that
/// breaks its rule, is refused in plain words.
#[tauri::command]
#[tracing::instrument(skip(state, note, answers), err)]
pub async fn case_supplement(
    state: State<'_, AppState>,
    application_no: String,
    note: Option<String>,
    photo: Option<String>,
    answers: Option<huiban_api::Answers>,
) -> Result<(), IpcError> {
    let store = own_store(&state).await?;
    let answers = answers.unwrap_or_default();
    let asked = if answers.is_empty() {
        Vec::new()
    } else {
        asked_of(&state, &store, &application_no).await?
    };
    let queued = supplement::CaseSupplement::from_person(
        &application_no,
        note.as_deref(),
        photo.as_deref(),
        &answers,
        &asked,
        super::forms::today(),
    )
    .map_err(|problem| IpcError {
        code: problem.message_id().to_owned(),
        message: problem.message(&asked, &state.localizer),
    })?;
    supplement::enqueue_supplement(&store, &queued, now_ms())?;
    state.wake.notify_one();
    Ok(())
}

/// 撤回: withdraws a case within 10 minutes of sending it (online only: the answer is needed at
/// once); the kept copies are refreshed afterwards.
#[tauri::command]
#[tracing::instrument(skip(state, reason), err)]
pub async fn case_withdraw(
    state: State<'_, AppState>,
    application_no: String,
    reason: Option<String>,
) -> Result<(), IpcError> {
    let token = online_token(&state).await?;
    let request = WithdrawRequest {
        reason: reason.filter(|r| !r.trim().is_empty()),
    };
    state
        .client
        .withdraw(&token.access_token, &application_no, &request)
        .await
        .map_err(|error| match error {
            ClientError::Unreachable(_) => IpcError::plain("withdraw-needs-network"),
            other => IpcError::from(other),
        })?;
    // Held so that a 退出 meanwhile is not undone by this pull.
    let _held = state.pull_gate.hold().await;
    if let Some(store) = &state.store
        && state.session.is_logged_in().await.unwrap_or(false)
        && let Err(error) = pull::pull(
            &store.of_account(&token.account_id),
            &state.client,
            &token.access_token,
        )
        .await
    {
        tracing::info!(%error, "withdrawn; the kept copies are refreshed on the next pull");
    }
    Ok(())
}

/// Pulls fresh copies of the person's cases, messages and licences now.
#[tauri::command]
#[tracing::instrument(skip(app, state), err)]
pub async fn copies_refresh(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Result<Pulled, IpcError> {
    let store = kept_store(&state)?;
    let _held = state.pull_gate.hold().await;
    let token = online_token(&state).await?;
    let own = store.of_account(&token.account_id);
    let pulled = pull::pull(&own, &state.client, &token.access_token).await?;
    crate::notifications::announce(&app, &pulled.to_announce);
    Ok(pulled)
}
