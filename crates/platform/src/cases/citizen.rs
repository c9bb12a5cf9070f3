//! What the applicant does to her case: withdraw it, send 补正, evaluate it (好差评).

use huiban_api::applications::SUPPLEMENT_PHOTO;
use huiban_api::workdays::add_working_days;
use huiban_api::{Answers, Application, CaseResult, CaseStatus};

use crate::beijing_time;
use crate::holdings;
use crate::state::AppState;
use crate::store::Transition;

use super::transition::move_case;
use super::{
    CaseError, OPEN, RECTIFICATION_DAYS, WITHDRAW_WINDOW, broken_rule, current_form, is_open,
    owned, view_unchecked,
};

/// Withdraws the caller's case within [`WITHDRAW_WINDOW`] of submission.
pub fn withdraw(
    state: &AppState,
    account_id: &str,
    application_no: &str,
    reason: Option<&str>,
) -> Result<Application, CaseError> {
    let record = owned(state, account_id, application_no)?;
    if !is_open(record.status) {
        return Err(CaseError::WrongStatus(record.status));
    }
    let now_ms = state.clock.now().timestamp_millis();
    if now_ms >= record.submitted_ms + WITHDRAW_WINDOW.num_milliseconds() {
        return Err(CaseError::WithdrawClosed {
            department: record.department,
        });
    }
    let moved = move_case(
        state,
        &record,
        &Transition {
            from: OPEN,
            to: CaseStatus::Withdrawn,
            result: Some(CaseResult::Withdrawn),
            at_ms: now_ms,
            actor: None,
            remark: reason
                .map(|r| format!("申请人撤回：{r}"))
                .or(Some("申请人撤回".to_owned())),
            asked: Vec::new(),
        },
        None,
    )?;
    if !moved {
        return Err(CaseError::WrongStatus(record.status));
    }
    view_unchecked(state, application_no)
}

/// Answers a 补正 request: merges the new answers and sends the case back to 审查.
pub fn supplement(
    state: &AppState,
    account_id: &str,
    application_no: &str,
    answers: &Answers,
    note: Option<&str>,
) -> Result<Application, CaseError> {
    let record = owned(state, account_id, application_no)?;
    if record.status != CaseStatus::SupplementRequested {
        return Err(CaseError::WrongStatus(record.status));
    }
    for (id, value) in answers {
        if id == SUPPLEMENT_PHOTO {
            if !holdings::photo_held(state, account_id, value)? {
                return Err(CaseError::NotHeld(id.clone()));
            }
        } else if !record.supplement_questions.contains(id) {
            return Err(CaseError::NotAsked(id.clone()));
        }
    }
    if let Some(form) = current_form(state, &record)? {
        let today = beijing_time::date_of(state.clock.now());
        for question in form.iter().filter(|q| answers.contains_key(&q.id)) {
            if let Err(rule) =
                huiban_rules::check_answer(question, answers.get(&question.id), today)
            {
                return Err(broken_rule(
                    &form,
                    huiban_rules::Problem {
                        question_id: question.id.clone(),
                        rule,
                    },
                ));
            }
        }
        if let Some(id) = holdings::first_not_held(state, account_id, &form, answers)? {
            return Err(CaseError::NotHeld(id));
        }
    }
    let mut merged = record.answers.clone();
    merged.extend(answers.iter().map(|(k, v)| (k.clone(), v.clone())));
    let remark = match note {
        Some(note) if !note.trim().is_empty() => format!("申请人已补正材料：{}", note.trim()),
        _ => "申请人已补正材料".to_owned(),
    };
    let moved = move_case(
        state,
        &record,
        &Transition {
            from: &[CaseStatus::SupplementRequested],
            to: CaseStatus::Reviewing,
            result: None,
            at_ms: state.clock.now().timestamp_millis(),
            actor: None,
            remark: Some(remark),
            asked: Vec::new(),
        },
        Some(&merged),
    )?;
    if !moved {
        return Err(CaseError::WrongStatus(record.status));
    }
    view_unchecked(state, application_no)
}

/// Records the applicant's one evaluation of a finished case; 4 and 5 open a rectification order.
pub fn evaluate(
    state: &AppState,
    account_id: &str,
    application_no: &str,
    level: u8,
    reason: Option<&str>,
) -> Result<Application, CaseError> {
    let record = owned(state, account_id, application_no)?;
    if !(1..=5).contains(&level) {
        return Err(CaseError::BadLevel);
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if level >= 4 && reason.is_none() {
        return Err(CaseError::ReasonRequired);
    }
    if record.status != CaseStatus::Finished {
        return Err(CaseError::NotFinished);
    }
    let now = state.clock.now();
    let due = (level >= 4).then(|| {
        add_working_days(beijing_time::date_of(now), RECTIFICATION_DAYS)
            .format("%Y-%m-%d")
            .to_string()
    });
    if !state.store.insert_evaluation(
        application_no,
        level,
        reason,
        now.timestamp_millis(),
        due.as_deref(),
    )? {
        return Err(CaseError::AlreadyEvaluated);
    }
    view_unchecked(state, application_no)
}
