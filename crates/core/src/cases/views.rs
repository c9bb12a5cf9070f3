//! What 进度 and a case page show, built from the case as the platform last said and from what waits
//! on this computer: the rules of "can she evaluate", "what is asked of her" live here, once.

use huiban_api::{Application, CaseResult, CaseStatus, CatalogItem, NewApplication};
use serde::Serialize;

use crate::evaluation;
use crate::i18n::Localizer;
use crate::progress::{self, TimelineStep};
use crate::store::{OutboxRow, OutboxState};

/// One case as the 进度 list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
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
    /// What the case waits for her to do, in words (要您补材料, 请您评价); such cases come first.
    pub asks_you: Option<String>,
    /// The outbox id of an application not pulled back yet (its page is the sent page).
    pub waiting_client_id: Option<String>,
}

impl CaseSummary {
    /// A case the platform holds, as last pulled, with what was given for it `here`.
    pub fn of_case(case: &Application, here: &HereOfCase, localizer: &Localizer) -> Self {
        let closed = progress::is_closed(case.status);
        let can_evaluate = progress::can_evaluate(case) && here.evaluation_to_give();
        let asks = if case.status == CaseStatus::SupplementRequested && !here.supplement_given {
            Some("case-asks-supplement")
        } else if can_evaluate {
            Some("case-asks-evaluation")
        } else {
            None
        };
        Self {
            application_no: case.application_no.clone(),
            item_name: case.item_name.clone(),
            status_name: localizer.text(progress::status_message_id(case.status), &[]),
            closed,
            submitted: crate::dates::plain_time(&case.submitted_at, localizer),
            // Late matters while it is being done; once done it is history, not a worry.
            overdue_days: if closed { 0 } else { case.overdue_days },
            can_evaluate,
            asks_you: asks.map(|id| localizer.text(id, &[])),
            waiting_client_id: None,
        }
    }

    /// Where it stands in the 进度 list: what waits for her first, then what is being done, then
    /// what is over.
    pub fn rank(&self) -> u8 {
        match (self.asks_you.is_some(), self.closed) {
            (true, _) => 0,
            (false, false) => 1,
            (false, true) => 2,
        }
    }

    /// An application this computer sent or holds that no pulled case shows yet: waiting, sent, or
    /// refused here; its item named from the kept `catalog`.
    pub fn not_yet_pulled(
        row: &OutboxRow,
        application: &NewApplication,
        catalog: &[CatalogItem],
        localizer: &Localizer,
    ) -> Self {
        let status = match row.state {
            OutboxState::Sent => "case-sent-not-pulled",
            OutboxState::NeedsAttention => "case-refused-here",
            OutboxState::Queued | OutboxState::Sending => "request-waiting",
        };
        Self {
            application_no: row.case_number.clone().unwrap_or_default(),
            item_name: catalog
                .iter()
                .find(|item| item.impl_code == application.impl_code)
                .map(|item| item.name.clone())
                .unwrap_or_default(),
            status_name: localizer.text(status, &[]),
            closed: false,
            submitted: String::new(),
            overdue_days: 0,
            can_evaluate: false,
            asks_you: (row.state == OutboxState::NeedsAttention)
                .then(|| localizer.text("case-asks-refused", &[])),
            waiting_client_id: Some(row.client_id.clone()),
        }
    }
}

/// What this computer holds about one case besides the pulled copy.
#[derive(Debug, Clone, Default)]
pub struct HereOfCase {
    /// The latest 好差评 given here, with its outbox row (absent once pulled back).
    pub evaluation: Option<(huiban_api::EvaluationRequest, OutboxRow)>,
    /// Whether a 补正 given here still waits to be sent.
    pub supplement_waiting: bool,
    /// Whether a 补正 was given here and the case has not been pulled back since.
    pub supplement_given: bool,
}

impl HereOfCase {
    /// Whether a 好差评 may still be given here: none waits or was sent from here (one the
    /// platform refused may be given again).
    pub fn evaluation_to_give(&self) -> bool {
        self.evaluation
            .as_ref()
            .is_none_or(|(_, row)| row.state == OutboxState::NeedsAttention)
    }
}

/// One case with everything the case page shows.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
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
    /// 承诺办结日期 in plain words: the day it should be done by.
    pub promised_by_words: String,
    /// The day the department must answer a bad 好差评 by (整改), in plain words, while one is due.
    pub rectification_due_words: Option<String>,
    /// Who filed it for her, when someone did: 由 东城区政务服务中心 赵敏 代办.
    pub agent_words: Option<String>,
    /// How it ended, once it has (结果：批准了), shown first on its page.
    pub outcome: Option<Outcome>,
}

/// How a case ended, in her words, with what the department wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Outcome {
    /// 结果：批准了 / 结果：没有批准 / 结果：这件事不能在这里办 / 结果：申请要回来了，不办了.
    pub words: String,
    /// What the department wrote when it ended (准予补贴，每月300元。), as it wrote it.
    pub remark: Option<String>,
}

impl Outcome {
    /// How `case` ended, or `None` while it is still being done.
    pub fn of(case: &Application, localizer: &Localizer) -> Option<Self> {
        let id = match (case.result, case.status) {
            (Some(CaseResult::Withdrawn), _) | (None, CaseStatus::Withdrawn) => {
                "case-outcome-withdrawn"
            }
            (Some(CaseResult::Refused), CaseStatus::NotAccepted)
            | (None, CaseStatus::NotAccepted) => "case-outcome-not-accepted",
            (Some(CaseResult::Refused), _) => "case-outcome-refused",
            (Some(CaseResult::Approved), _) | (None, CaseStatus::Finished) => {
                "case-outcome-approved"
            }
            (None, _) => return None,
        };
        let remark = case
            .steps
            .iter()
            .rev()
            .find(|step| step.status == case.status)
            .and_then(|step| step.remark.clone())
            .filter(|remark| !remark.trim().is_empty());
        Some(Self {
            words: localizer.text(id, &[]),
            remark,
        })
    }
}

impl CaseDetail {
    /// The page of `case` at `now`, with what waits `here`.
    pub fn of(
        case: Application,
        here: HereOfCase,
        now: chrono::DateTime<chrono::FixedOffset>,
        localizer: &Localizer,
    ) -> Self {
        let to_give = here.evaluation_to_give();
        // A refused evaluation can be given again; its reason is shown.
        let (queued, refusal) = match here.evaluation {
            Some((_, row)) if row.state == OutboxState::NeedsAttention => (None, row.last_error),
            other => (other, None),
        };
        let given = case
            .evaluation
            .as_ref()
            .map(|e| e.level)
            .or(queued.as_ref().map(|(e, _)| e.level));
        let supplement_asked =
            (case.status == CaseStatus::SupplementRequested && !here.supplement_given).then(|| {
                case.steps
                    .iter()
                    .rev()
                    .find(|step| step.status == CaseStatus::SupplementRequested)
                    .and_then(|step| step.remark.clone())
                    .unwrap_or_default()
            });
        let rectification_due_words = case
            .evaluation
            .as_ref()
            .and_then(|e| e.rectification.as_ref())
            .map(|r| crate::dates::plain_date(&r.due_by, localizer));
        Self {
            outcome: Outcome::of(&case, localizer),
            agent_words: agent_words(case.agent.as_ref(), localizer),
            promised_by_words: crate::dates::plain_date(&case.promised_by, localizer),
            rectification_due_words,
            supplement_asked,
            supplement_waiting: here.supplement_waiting,
            evaluation_name: given
                .map(|level| localizer.text(evaluation::level_message_id(level), &[])),
            evaluation_waiting: case.evaluation.is_none()
                && queued
                    .as_ref()
                    .is_some_and(|(_, row)| row.state != OutboxState::Sent),
            evaluation_refused: refusal,
            status_name: localizer.text(progress::status_message_id(case.status), &[]),
            timeline: progress::timeline(&case, localizer),
            withdraw_seconds_left: progress::withdraw_seconds_left(&case, now),
            can_evaluate: progress::can_evaluate(&case) && to_give,
            case,
        }
    }
}

/// Whose behalf a case's 代理人 acted from: a clerk's centre (the platform gives her relation as the
/// centre's 工作人员), or a relative's relation as given.
pub(super) fn agent_from(agent: &huiban_api::Agent) -> &str {
    if let Some(centre) = agent.centre.as_deref() {
        return centre.trim();
    }
    // A case filed before the platform named the centre apart: its relation says it.
    let relation = agent.relation.trim();
    relation.strip_suffix("工作人员").unwrap_or(relation).trim()
}

/// 由 东城区政务服务中心 赵敏 代办 (or 由 李明（儿子）代办): who filed a case or 诉求 for her, if
/// anyone did.
pub(crate) fn agent_words(
    agent: Option<&huiban_api::Agent>,
    localizer: &Localizer,
) -> Option<String> {
    let agent = agent?;
    if let Some(kinship) = agent.kinship {
        let kinship = crate::relatives::kinship_name(kinship, localizer);
        return Some(localizer.text(
            "case-agent-relative",
            &[("kinship", kinship.as_str()), ("name", agent.name.as_str())],
        ));
    }
    Some(localizer.text(
        "case-agent",
        &[("who", agent_from(agent)), ("name", agent.name.as_str())],
    ))
}

/// One 好差评 level as the evaluation page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct LevelChoice {
    /// 1 非常满意 … 5 非常不满意.
    pub level: u8,
    /// Its name in the person's words.
    pub name: String,
    /// Whether a reason must be given with it.
    pub needs_reason: bool,
}

impl LevelChoice {
    /// The five levels, best first, in the localizer's words.
    pub fn all(localizer: &Localizer) -> Vec<Self> {
        evaluation::levels()
            .into_iter()
            .map(|level| Self {
                level: level.level,
                name: localizer.text(level.message_id, &[]),
                needs_reason: level.needs_reason,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
