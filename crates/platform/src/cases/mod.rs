//! Applications (办件): submitting exactly once, the citizen's view, withdrawal, 补正, 好差评,
//! and the officer's moves through 受理 → 审查 → 办结.

mod citizen;
mod officer;
mod submit;
mod transition;

pub use citizen::{evaluate, supplement, withdraw};
pub use officer::{OfficerMove, officer_move, request_supplement};
pub use submit::submit;
pub(crate) use transition::text_notice;

use chrono::Duration;
use huiban_api::workdays::{add_working_days, working_days_between};
use huiban_api::{Application, CaseStatus, CaseStep, Evaluation, Question};

use crate::beijing_time;
use crate::state::AppState;
use crate::store::{CaseRecord, StoreError};

/// How long after submission a case can still be withdrawn online.
pub const WITHDRAW_WINDOW: Duration = Duration::minutes(10);
/// Working days a department has to answer a bad evaluation.
pub const RECTIFICATION_DAYS: u32 = 15;

/// Why a case operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// No or malformed Idempotency-Key.
    #[error("Idempotency-Key must be a UUID")]
    BadIdempotencyKey,
    /// The same key came with another body.
    #[error("Idempotency-Key reused with another body")]
    KeyReused,
    /// No such item.
    #[error("unknown item")]
    UnknownItem,
    /// The item cannot be applied for online.
    #[error("item has no online form")]
    NoOnlineForm,
    /// The answered form version is not the current one.
    #[error("form version is not current")]
    FormOutdated {
        /// The current version.
        current: u32,
    },
    /// A required question has no answer.
    #[error("answer required: {id}")]
    AnswerRequired {
        /// Question id.
        id: String,
        /// Question text.
        label: String,
    },
    /// An answer names no question of the form.
    #[error("unknown question {0}")]
    UnknownQuestion(String),
    /// An answer breaks a rule of its kind (the app would have refused it).
    #[error("answer {id} breaks {rule:?}")]
    BadAnswer {
        /// Question id.
        id: String,
        /// Question text.
        label: String,
        /// The rule broken.
        rule: huiban_rules::Rule,
    },
    /// An ID number fails its check.
    #[error("invalid id number in {0}")]
    BadIdNumber(String),
    /// No such case, or not the caller's.
    #[error("case not found")]
    NotFound,
    /// Withdrawal window closed.
    #[error("withdrawal window closed")]
    WithdrawClosed {
        /// The department to contact.
        department: String,
    },
    /// The case is not in a status that allows this.
    #[error("case is {0:?}")]
    WrongStatus(CaseStatus),
    /// Evaluation before 办结.
    #[error("not finished")]
    NotFinished,
    /// Second evaluation.
    #[error("already evaluated")]
    AlreadyEvaluated,
    /// Level outside 1..=5.
    #[error("bad level")]
    BadLevel,
    /// Levels 4 and 5 need a reason.
    #[error("reason required")]
    ReasonRequired,
    /// The officer does not belong to the case's department.
    #[error("not this officer's department")]
    OtherDepartment,
    /// A 补正 answers a question the department did not ask.
    #[error("question {0} was not asked")]
    NotAsked(String),
    /// A 补正 request asks for an identity answer, which is frozen once submitted.
    #[error("identity question {0} cannot be asked again")]
    IdentityFrozen(String),
    /// An answer names a file or licence the applicant does not hold.
    #[error("answer {0} names a file or licence the applicant does not hold")]
    NotHeld(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The case as its applicant sees it; another account's case is `NotFound`.
pub fn view(
    state: &AppState,
    account_id: &str,
    application_no: &str,
) -> Result<Application, CaseError> {
    let record = owned(state, account_id, application_no)?;
    render(state, record)
}

/// At most `limit` cases of an account, newest first, those after the case `after`.
pub fn list(
    state: &AppState,
    account_id: &str,
    after: Option<&str>,
    limit: u32,
) -> Result<Vec<Application>, CaseError> {
    state
        .store
        .case_numbers_of(account_id, after, limit)?
        .iter()
        .map(|number| view_unchecked(state, number))
        .collect()
}

pub(super) fn owned(
    state: &AppState,
    account_id: &str,
    application_no: &str,
) -> Result<CaseRecord, CaseError> {
    state
        .store
        .case(application_no)?
        .filter(|record| record.account_id == account_id)
        .ok_or(CaseError::NotFound)
}

/// The case without an ownership check (officers, and right after creation).
pub fn view_unchecked(state: &AppState, application_no: &str) -> Result<Application, CaseError> {
    let record = state
        .store
        .case(application_no)?
        .ok_or(CaseError::NotFound)?;
    render(state, record)
}

fn render(state: &AppState, record: CaseRecord) -> Result<Application, CaseError> {
    let now = state.clock.now();
    let steps = state.store.case_steps(&record.application_no)?;
    let promised_by = add_working_days(
        beijing_time::date(record.submitted_ms),
        record.promised_days,
    );
    let end = record
        .finished_ms
        .map_or_else(|| beijing_time::date_of(now), beijing_time::date);
    let withdraw_until = record.submitted_ms + WITHDRAW_WINDOW.num_milliseconds();
    let withdrawable = is_open(record.status) && now.timestamp_millis() < withdraw_until;
    let evaluation = state
        .store
        .evaluation(&record.application_no)?
        .map(|(evaluation, at_ms)| Evaluation {
            at: beijing_time::rfc3339(at_ms),
            ..evaluation
        });
    Ok(Application {
        application_no: record.application_no,
        impl_code: record.impl_code,
        item_name: record.item_name,
        department: record.department,
        applicant_name: record.applicant_name,
        agent: record.agent,
        channel: record.channel,
        status: record.status,
        result: record.result,
        submitted_at: beijing_time::rfc3339(record.submitted_ms),
        withdrawable_until: withdrawable.then(|| beijing_time::rfc3339(withdraw_until)),
        promised_days: record.promised_days,
        promised_by: promised_by.format("%Y-%m-%d").to_string(),
        overdue_days: working_days_between(promised_by, end),
        finished_at: record.finished_ms.map(beijing_time::rfc3339),
        steps: steps
            .into_iter()
            .map(|step| CaseStep {
                status: step.status,
                at: beijing_time::rfc3339(step.at_ms),
                actor: step.actor,
                remark: step.remark,
            })
            .collect(),
        answers: record.answers,
        evaluation,
        supplement_questions: if record.status == CaseStatus::SupplementRequested {
            record.supplement_questions
        } else {
            Vec::new()
        },
    })
}

pub(super) fn is_open(status: CaseStatus) -> bool {
    !matches!(
        status,
        CaseStatus::Finished | CaseStatus::NotAccepted | CaseStatus::Withdrawn
    )
}

/// The statuses of a case not finished.
pub(crate) const OPEN: &[CaseStatus] = &[
    CaseStatus::Submitted,
    CaseStatus::Accepted,
    CaseStatus::SupplementRequested,
    CaseStatus::Reviewing,
];

/// The error for an answer that breaks a rule of its kind.
pub(super) fn broken_rule(questions: &[Question], problem: huiban_rules::Problem) -> CaseError {
    use huiban_rules::Rule;
    let label = questions
        .iter()
        .find(|q| q.id == problem.question_id)
        .map(|q| q.label.clone())
        .unwrap_or_default();
    match problem.rule {
        Rule::Required => CaseError::AnswerRequired {
            id: problem.question_id,
            label,
        },
        Rule::IdNumberShape
        | Rule::IdNumberRegion
        | Rule::IdNumberBirthDate
        | Rule::IdNumberCheck => CaseError::BadIdNumber(problem.question_id),
        rule => CaseError::BadAnswer {
            id: problem.question_id,
            label,
            rule,
        },
    }
}

/// The questions of the current form of the case's item, when it still has one.
pub(super) fn current_form(
    state: &AppState,
    record: &CaseRecord,
) -> Result<Option<Vec<Question>>, CaseError> {
    let Some(form_ref) = state
        .store
        .catalog_item(&record.impl_code)?
        .and_then(|item| item.form)
    else {
        return Ok(None);
    };
    Ok(state
        .store
        .form(&form_ref.form_id, form_ref.version)?
        .map(|form| form.questions))
}
