//! Applications (办件): submitting exactly once, the citizen's view, withdrawal, 补正, 好差评,
//! and the officer's moves through 受理 → 审查 → 办结.

use chrono::Duration;
use huiban_api::applications::SUPPLEMENT_PHOTO;
use huiban_api::workdays::{add_working_days, working_days_between};
use huiban_api::{
    Answers, Application, CaseResult, CaseStatus, CaseStep, Evaluation, KnownFact, NewApplication,
    Question, QuestionKind,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::beijing_time;
use crate::holdings;
use crate::state::AppState;
use crate::store::{CaseRecord, Created, NewCase, Notice, StoreError, Transition};

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

fn request_hash(request: &NewApplication) -> Result<String, StoreError> {
    let bytes = huiban_api::canonical::to_bytes(&serde_json::to_value(request)?);
    Ok(hex::encode(Sha256::digest(bytes)))
}

/// The error for an answer that breaks a rule of its kind.
fn broken_rule(questions: &[Question], problem: huiban_rules::Problem) -> CaseError {
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

/// What a case's inbox messages are written from.
struct NoticeFacts<'a> {
    account_id: &'a str,
    item_name: &'a str,
    submitted_ms: i64,
    promised_days: u32,
}

impl<'a> From<&'a CaseRecord> for NoticeFacts<'a> {
    fn from(record: &'a CaseRecord) -> Self {
        Self {
            account_id: &record.account_id,
            item_name: &record.item_name,
            submitted_ms: record.submitted_ms,
            promised_days: record.promised_days,
        }
    }
}

impl<'a> From<&'a NewCase> for NoticeFacts<'a> {
    fn from(case: &'a NewCase) -> Self {
        Self {
            account_id: &case.account_id,
            item_name: &case.item_name,
            submitted_ms: case.submitted_ms,
            promised_days: case.promised_days,
        }
    }
}

/// The inbox message for a case that moved to `status`, in plain words.
fn case_notice(
    facts: NoticeFacts<'_>,
    application_no: &str,
    status: CaseStatus,
    remark: Option<&str>,
) -> Notice {
    let item = facts.item_name;
    let promised_by = add_working_days(beijing_time::date(facts.submitted_ms), facts.promised_days);
    let remark = remark.map(|r| format!("：{r}")).unwrap_or_default();
    let (title, body) = match status {
        CaseStatus::Submitted => (
            "申请已提交",
            format!("您的“{item}”申请已提交，办件编号{application_no}。"),
        ),
        CaseStatus::Accepted => (
            "申请已受理",
            format!(
                "您的“{item}”申请已受理，预计{}前办好。",
                promised_by.format("%Y年%-m月%-d日")
            ),
        ),
        CaseStatus::SupplementRequested => (
            "需要补充材料",
            format!("您的“{item}”申请需要补充材料{remark}。请打开惠办的“进度”补交。"),
        ),
        CaseStatus::Reviewing => ("正在审查", format!("您的“{item}”申请正在审查{remark}。")),
        CaseStatus::Finished => (
            "已办结",
            format!("您的“{item}”申请已办结{remark}。欢迎您评价这次办理。"),
        ),
        CaseStatus::NotAccepted => ("未受理", format!("您的“{item}”申请没有被受理{remark}。")),
        CaseStatus::Withdrawn => ("已撤回", format!("您的“{item}”申请已撤回。")),
    };
    Notice {
        account_id: facts.account_id.to_owned(),
        title: title.to_owned(),
        body,
        application_no: Some(application_no.to_owned()),
        request_no: None,
    }
}

/// Sends the notice as a text message to the account's phone, if it has one; failures are logged.
pub(crate) fn text_notice(state: &AppState, notice: &Notice) {
    let phone = match state.store.phone_of(&notice.account_id) {
        Ok(Some(phone)) => phone,
        Ok(None) => return,
        Err(error) => {
            tracing::error!(%error, "cannot read the phone for a notice");
            return;
        }
    };
    if let Err(error) = state.sms.send(&phone, &format!("【惠办】{}", notice.body)) {
        tracing::error!(%error, "cannot send a notice by SMS");
    }
}

/// Moves a case, with its inbox message in the same transaction and the SMS after it.
fn move_case(
    state: &AppState,
    record: &CaseRecord,
    transition: &Transition<'_>,
    answers: Option<&Answers>,
) -> Result<bool, CaseError> {
    // The applicant's own words (a 补正 note) stay in the step for the officer, never in the
    // message and SMS sent back to her phone.
    let told = transition
        .remark
        .as_deref()
        .filter(|_| transition.actor.is_some());
    let notice = case_notice(record.into(), &record.application_no, transition.to, told);
    let moved =
        state
            .store
            .transition_case(&record.application_no, transition, answers, Some(&notice))?;
    if moved {
        text_notice(state, &notice);
    }
    Ok(moved)
}

/// Submits an application for `account_id`, exactly once per Idempotency-Key.
pub fn submit(
    state: &AppState,
    account_id: &str,
    agent: Option<huiban_api::Agent>,
    idempotency_key: Option<&str>,
    request: &NewApplication,
) -> Result<(Application, bool), CaseError> {
    let key = idempotency_key
        .and_then(|k| uuid::Uuid::parse_str(k.trim()).ok())
        .ok_or(CaseError::BadIdempotencyKey)?
        .hyphenated()
        .to_string();
    // A retry gets the first answer, before anything is checked again: the form may have a newer
    // version by now, or the item may be gone, and the case exists all the same.
    let hash = request_hash(request)?;
    if let Some((number, first_hash)) = state.store.case_of_key(account_id, &key)? {
        if first_hash != hash {
            return Err(CaseError::KeyReused);
        }
        return Ok((view_unchecked(state, &number)?, true));
    }
    let item = state
        .store
        .catalog_item(&request.impl_code)?
        .ok_or(CaseError::UnknownItem)?;
    let form_ref = item.form.as_ref().ok_or(CaseError::NoOnlineForm)?;
    if form_ref.form_id != request.form_id || form_ref.version != request.form_version {
        return Err(CaseError::FormOutdated {
            current: form_ref.version,
        });
    }
    let form = state
        .store
        .form(&form_ref.form_id, form_ref.version)?
        .ok_or(CaseError::NoOnlineForm)?;
    for id in request.answers.keys() {
        if !form.questions.iter().any(|q| &q.id == id) {
            return Err(CaseError::UnknownQuestion(id.clone()));
        }
    }
    // The same rules the app checks each answer with as it is given (huiban-rules).
    let today = beijing_time::date_of(state.clock.now());
    if let Some(problem) = huiban_rules::check_answers(&form, &request.answers, today)
        .into_iter()
        .next()
    {
        return Err(broken_rule(&form.questions, problem));
    }
    if let Some(id) =
        holdings::first_not_held(state, account_id, &form.questions, &request.answers)?
    {
        return Err(CaseError::NotHeld(id));
    }
    let now = state.clock.now();
    let account = state.store.account(account_id)?;
    let applicant_name = account.and_then(|a| a.name).or_else(|| {
        request
            .answers
            .get("applicant_name")
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    let case = NewCase {
        account_id: account_id.to_owned(),
        idempotency_key: key,
        request_hash: hash,
        region: item.impl_code.chars().take(6).collect(),
        day: beijing_time::date_of(now).format("%Y%m%d").to_string(),
        impl_code: item.impl_code.clone(),
        item_name: item.name.clone(),
        department: item.department.name.clone(),
        promised_days: item.promised_days,
        channel: request.channel,
        applicant_name,
        agent,
        answers: request.answers.clone(),
        submitted_ms: now.timestamp_millis(),
    };
    let notice = |number: &str| case_notice((&case).into(), number, CaseStatus::Submitted, None);
    let created = state.store.create_case(&case, notice)?;
    let (number, replayed) = match created {
        Created::New(number) => {
            text_notice(state, &notice(&number));
            (number, false)
        }
        Created::Replayed(number) => (number, true),
        Created::KeyConflict => return Err(CaseError::KeyReused),
    };
    Ok((view_unchecked(state, &number)?, replayed))
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

fn owned(
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

fn is_open(status: CaseStatus) -> bool {
    !matches!(
        status,
        CaseStatus::Finished | CaseStatus::NotAccepted | CaseStatus::Withdrawn
    )
}

const OPEN: &[CaseStatus] = &[
    CaseStatus::Submitted,
    CaseStatus::Accepted,
    CaseStatus::SupplementRequested,
    CaseStatus::Reviewing,
];

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

/// The questions of the current form of the case's item, when it still has one.
fn current_form(state: &AppState, record: &CaseRecord) -> Result<Option<Vec<Question>>, CaseError> {
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
