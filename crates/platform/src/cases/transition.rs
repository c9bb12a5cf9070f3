//! Moving a case: its inbox message in the same transaction, and the SMS after it.

use huiban_api::workdays::add_working_days;
use huiban_api::{Answers, CaseStatus};

use crate::beijing_time;
use crate::state::AppState;
use crate::store::{CaseRecord, NewCase, Notice, Transition};

use super::CaseError;

/// What a case's inbox messages are written from.
pub(super) struct NoticeFacts<'a> {
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
pub(super) fn case_notice(
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
            "申请已经送到",
            format!("您的“{item}”申请已经送到，查进度用的编号是{application_no}。"),
        ),
        CaseStatus::Accepted => (
            "申请已经收下",
            format!(
                "您的“{item}”申请已经收下，预计{}前办好。",
                promised_by.format("%Y年%-m月%-d日")
            ),
        ),
        CaseStatus::SupplementRequested => (
            "需要补充材料",
            format!("您的“{item}”申请需要补充材料{remark}。请打开惠办的“进度”补交。"),
        ),
        CaseStatus::Reviewing => ("正在审查", format!("您的“{item}”申请正在审查{remark}。")),
        CaseStatus::Finished => (
            "已经办好了",
            format!("您的“{item}”申请已经办好了{remark}。请您说说这次办得怎么样。"),
        ),
        CaseStatus::NotAccepted => (
            "这里不能办",
            format!("您的“{item}”申请这里不能办{remark}。"),
        ),
        CaseStatus::Withdrawn => (
            "申请已经要回",
            format!("您的“{item}”申请已经要回来了，不办了。"),
        ),
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
pub(super) fn move_case(
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
