//! Draft commands: a form being filled in one question a page, saved answer by answer, checked as a
//! whole, then queued for sending; and what became of it once queued.

use std::collections::BTreeMap;

use huiban_api::{Channel, FormDefinition, FormRef};
use huiban_core::drafts::{self, Submission};
use huiban_core::forms::group;
use huiban_core::forms::prefill;
use huiban_core::forms::{self, Review, ReviewProblem, journey};
use huiban_core::outbox::{self, requests::REQUEST};
use huiban_core::request_form;
use huiban_core::store::{Draft, OutboxState};
use serde::Serialize;
use tauri::State;

use super::forms::{form_of, group_of, today};
use super::{now_ms, own_store as store};
use crate::{AppState, IpcError};

async fn draft(state: &AppState, draft_id: &str) -> Result<Draft, IpcError> {
    store(state)
        .await?
        .draft(draft_id)?
        .ok_or_else(|| IpcError::plain("draft-not-found"))
}

/// A draft with the form it answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenDraft {
    /// The draft and its answers so far.
    pub draft: Draft,
    /// The form version it answers.
    pub form: FormDefinition,
    /// Answers filled in from what is known of the person, by question, for them to confirm.
    pub suggestions: BTreeMap<String, FilledIn>,
}

/// An answer filled in for the person, with where it came from in their words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilledIn {
    /// The answer.
    pub value: serde_json::Value,
    /// Where it came from, e.g. 这是按您的电子居民身份证填好的…
    pub source: String,
}

/// Starts an empty draft of an item's form; it is saved at once.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_start(
    state: State<'_, AppState>,
    impl_code: String,
    form_id: String,
    version: u32,
) -> Result<Draft, IpcError> {
    let form = FormRef { form_id, version };
    drafts::start(&store(&state).await?, &impl_code, &form, now_ms()).map_err(IpcError::from)
}

/// A saved draft with its form and what is known of the person to fill it, to carry on filling it in.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_open(
    state: State<'_, AppState>,
    draft_id: String,
) -> Result<OpenDraft, IpcError> {
    let draft = draft(&state, &draft_id).await?;
    let form = form_of(&state, &draft.form_id, draft.form_version).await?;
    let suggestions =
        prefill::kept_suggestions(&store(&state).await?, &form, &draft.answers, today())?
            .into_iter()
            .map(|(question_id, suggestion)| {
                let source = state.localizer().text(suggestion.source.message_id(), &[]);
                let filled = FilledIn {
                    value: suggestion.value,
                    source,
                };
                (question_id, filled)
            })
            .collect();
    Ok(OpenDraft {
        draft,
        form,
        suggestions,
    })
}

/// Saves one answer (`null` clears it); durable when this returns.
#[tauri::command]
#[tracing::instrument(skip(state, value), err)]
pub async fn draft_answer(
    state: State<'_, AppState>,
    draft_id: String,
    question_id: String,
    value: serde_json::Value,
) -> Result<(), IpcError> {
    let saved = store(&state)
        .await?
        .set_draft_answer(&draft_id, &question_id, &value, now_ms())?;
    if saved {
        Ok(())
    } else {
        Err(IpcError::plain("draft-not-found"))
    }
}

/// Every unfinished form, most recently changed first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_list(state: State<'_, AppState>) -> Result<Vec<Draft>, IpcError> {
    store(&state).await?.drafts().map_err(IpcError::from)
}

/// The question to show after `after` (the first when absent), or before it when `back`, given the
/// answers saved so far; `null` after the last one (time to check the answers) or before the first.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_step(
    state: State<'_, AppState>,
    draft_id: String,
    after: Option<String>,
    back: bool,
) -> Result<Option<String>, IpcError> {
    let draft = draft(&state, &draft_id).await?;
    let form = form_of(&state, &draft.form_id, draft.form_version).await?;
    let question = match (&after, back) {
        (Some(current), true) => journey::previous(&form, &draft.answers, current),
        _ => journey::next(&form, &draft.answers, after.as_deref()),
    };
    Ok(question.map(|q| q.id.clone()))
}

/// The question of a group to show for item `index` (counted from 0; one past the last starts a
/// new item) after `after` (its first when absent), or before it when `back`; `null` when the item
/// is done (back to the group's page).
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_item_step(
    state: State<'_, AppState>,
    draft_id: String,
    group_id: String,
    index: usize,
    after: Option<String>,
    back: bool,
) -> Result<Option<String>, IpcError> {
    let draft = draft(&state, &draft_id).await?;
    let form = form_of(&state, &draft.form_id, draft.form_version).await?;
    let group = group_of(&form, &group_id)?;
    let item = group::items(draft.answers.get(&group_id))
        .into_iter()
        .nth(index)
        .unwrap_or_default();
    let question = match (&after, back) {
        (Some(current), true) => group::previous_in_item(group, &item, current),
        _ => group::next_in_item(group, &item, after.as_deref()),
    };
    Ok(question.map(|q| q.id.clone()))
}

/// 核对: every asked question with its answer in plain words, and what still stops sending.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_review(
    state: State<'_, AppState>,
    draft_id: String,
) -> Result<Review, IpcError> {
    let draft = draft(&state, &draft_id).await?;
    let form = form_of(&state, &draft.form_id, draft.form_version).await?;
    Ok(forms::review(
        &form,
        &draft.answers,
        today(),
        state.localizer(),
    ))
}

/// What became of a request to send a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SubmitOutcome {
    /// Saved in the outbox; it is sent as soon as the platform can be reached.
    Queued {
        /// The submission's id.
        client_id: String,
    },
    /// Answers still to fix; nothing was sent and the draft is as it was.
    Unfinished {
        /// What to fix, in question order.
        problems: Vec<ReviewProblem>,
    },
}

/// Queues the draft for sending (it stops being a draft in the same step) and wakes the sender, when
/// every answer is good; otherwise says what to fix.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn draft_submit(
    state: State<'_, AppState>,
    draft_id: String,
) -> Result<SubmitOutcome, IpcError> {
    let draft = draft(&state, &draft_id).await?;
    let form = form_of(&state, &draft.form_id, draft.form_version).await?;
    let store = store(&state).await?;
    let submitted = if request_form::is_request_form(&draft.form_id) {
        request_form::submit(&store, state.localizer(), &draft_id, today(), now_ms())
    } else {
        drafts::submit(&store, &form, &draft_id, Channel::Web, today(), now_ms())
    };
    match submitted? {
        Submission::Queued(client_id) => {
            state.wake().notify_one();
            Ok(SubmitOutcome::Queued { client_id })
        }
        Submission::Missing => Err(IpcError::plain("draft-not-found")),
        Submission::Unfinished(_) => Ok(SubmitOutcome::Unfinished {
            problems: forms::review(&form, &draft.answers, today(), state.localizer()).problems,
        }),
    }
}

/// Where a queued submission stands, for the confirmation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubmissionView {
    /// `application` or `request` (诉求).
    pub kind: &'static str,
    /// 实施编码 of the item applied for; empty for a request.
    pub impl_code: String,
    /// `waiting`, `sent` or `needs_attention`.
    pub state: &'static str,
    /// The 办件编号 once the platform has it.
    pub case_number: Option<String>,
    /// Why the platform refused it, in plain words.
    pub problem: Option<String>,
}

/// Where the submission `client_id` stands.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn submission_status(
    state: State<'_, AppState>,
    client_id: String,
) -> Result<SubmissionView, IpcError> {
    let store = store(&state).await?;
    let row = store
        .outbox_row(&client_id)?
        .ok_or_else(|| IpcError::plain("draft-not-found"))?;
    let (kind, impl_code) = if row.kind == REQUEST {
        ("request", String::new())
    } else if row.is_purged() {
        // Sent and pulled back: the answers live in the case now.
        let case = store
            .cached_cases()?
            .into_iter()
            .find(|case| Some(&case.application_no) == row.case_number.as_ref());
        ("application", case.map(|c| c.impl_code).unwrap_or_default())
    } else {
        let application = outbox::application_of(&row)?;
        ("application", application.impl_code)
    };
    let (state_name, problem) = match row.state {
        OutboxState::Queued | OutboxState::Sending => ("waiting", None),
        OutboxState::Sent => ("sent", None),
        OutboxState::NeedsAttention => ("needs_attention", row.last_error.clone()),
    };
    Ok(SubmissionView {
        kind,
        impl_code,
        state: state_name,
        case_number: row.case_number,
        problem,
    })
}

/// The QR code (SVG) of a 办件编号, to be scanned at a counter.
#[tauri::command]
#[tracing::instrument(err)]
pub fn case_number_qr(application_no: String) -> Result<String, IpcError> {
    huiban_core::qr::svg_of(&application_no).ok_or_else(|| IpcError::plain("error-unknown"))
}
