//! The officer's moves through 受理 → 审查 → 办结, and 补正 asked of the applicant.

use huiban_api::{Application, CaseResult, CaseStatus, KnownFact, Question, QuestionKind};

use crate::state::AppState;
use crate::store::{CaseRecord, Transition};

use super::transition::move_case;
use super::{CaseError, current_form, view_unchecked};

/// What an officer does to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficerMove {
    /// 受理.
    Accept,
    /// 不予受理.
    NotAccept,
    /// Ask for 补正.
    RequestSupplement,
    /// Start 审查.
    Review,
    /// 办结, 准予.
    Approve,
    /// 办结, 不予.
    Refuse,
}

/// Moves a case as `officer` of `department`, with a remark for the applicant; a 补正 asked this
/// way asks for a photo of the material and a note, no answer again.
pub fn officer_move(
    state: &AppState,
    officer: &str,
    department: &str,
    application_no: &str,
    action: OfficerMove,
    remark: Option<&str>,
) -> Result<Application, CaseError> {
    let record = department_case(state, department, application_no)?;
    move_as_officer(state, officer, &record, action, remark, Vec::new())
}

/// Asks for 补正 as `officer` of `department`: a photo of the material and a note, and the answers
/// to `questions` again (questions of the case's form; never its identity questions, which are
/// frozen once submitted).
pub fn request_supplement(
    state: &AppState,
    officer: &str,
    department: &str,
    application_no: &str,
    remark: Option<&str>,
    questions: &[String],
) -> Result<Application, CaseError> {
    let record = department_case(state, department, application_no)?;
    let form = current_form(state, &record)?.unwrap_or_default();
    for id in questions {
        let question = form
            .iter()
            .find(|q| &q.id == id)
            .ok_or_else(|| CaseError::UnknownQuestion(id.clone()))?;
        if is_identity(question) {
            return Err(CaseError::IdentityFrozen(id.clone()));
        }
    }
    move_as_officer(
        state,
        officer,
        &record,
        OfficerMove::RequestSupplement,
        remark,
        questions.to_vec(),
    )
}

/// The case, when it is one of `department`'s.
fn department_case(
    state: &AppState,
    department: &str,
    application_no: &str,
) -> Result<CaseRecord, CaseError> {
    let record = state
        .store
        .case(application_no)?
        .ok_or(CaseError::NotFound)?;
    if record.department != department {
        return Err(CaseError::OtherDepartment);
    }
    Ok(record)
}

/// Whether a question asks who the applicant is: her name or ID number.
fn is_identity(question: &Question) -> bool {
    question.kind == QuestionKind::IdNumber
        || matches!(
            question.prefill,
            Some(KnownFact::Name | KnownFact::IdNumber)
        )
}

fn move_as_officer(
    state: &AppState,
    officer: &str,
    record: &CaseRecord,
    action: OfficerMove,
    remark: Option<&str>,
    asked: Vec<String>,
) -> Result<Application, CaseError> {
    let application_no = record.application_no.as_str();
    use CaseStatus as S;
    let (from, to, result, default_remark): (&[CaseStatus], _, _, &str) = match action {
        OfficerMove::Accept => (&[S::Submitted], S::Accepted, None, "材料齐全，已受理"),
        OfficerMove::NotAccept => (
            &[S::Submitted],
            S::NotAccepted,
            Some(CaseResult::Refused),
            "不予受理",
        ),
        OfficerMove::RequestSupplement => (
            &[S::Submitted, S::Accepted, S::Reviewing],
            S::SupplementRequested,
            None,
            "请补充材料",
        ),
        OfficerMove::Review => (&[S::Accepted], S::Reviewing, None, "正在审查"),
        OfficerMove::Approve => (
            &[S::Accepted, S::Reviewing],
            S::Finished,
            Some(CaseResult::Approved),
            "审批通过，已办结",
        ),
        OfficerMove::Refuse => (
            &[S::Accepted, S::Reviewing],
            S::Finished,
            Some(CaseResult::Refused),
            "不予批准",
        ),
    };
    let moved = move_case(
        state,
        record,
        &Transition {
            from,
            to,
            result,
            at_ms: state.clock.now().timestamp_millis(),
            actor: Some(officer.to_owned()),
            remark: Some(
                remark
                    .map(str::to_owned)
                    .unwrap_or_else(|| default_remark.to_owned()),
            ),
            asked,
        },
        None,
    )?;
    if !moved {
        return Err(CaseError::WrongStatus(record.status));
    }
    view_unchecked(state, application_no)
}
