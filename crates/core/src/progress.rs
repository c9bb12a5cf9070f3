//! 进度: a case as its applicant follows it — every step in plain words with its time and remark,
//! the steps still to come, overdue marks, and how long it can still be withdrawn.

use chrono::{DateTime, FixedOffset};
use huiban_api::{Application, CaseStatus};
use serde::Serialize;

use crate::i18n::Localizer;

/// Whether a step is behind, under way or still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum StepState {
    /// Done.
    Done,
    /// Where the case is now.
    Current,
    /// Where the case is now, waiting for her (补材料, 回访).
    Yours,
    /// Still to come.
    Pending,
}

/// One step of the timeline, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TimelineStep {
    /// What happened or will happen, e.g. 已受理.
    pub name: String,
    /// Behind, now or to come.
    pub state: StepState,
    /// When, e.g. 2026年11月26日 09:30; absent for steps to come.
    pub time: Option<String>,
    /// What the officer wrote.
    pub remark: Option<String>,
    /// Working days past the promised date, on the current step only.
    pub overdue_days: u32,
}

/// Whether the case has reached its end (办结, 不予受理 or 撤回).
pub fn is_closed(status: CaseStatus) -> bool {
    matches!(
        status,
        CaseStatus::Finished | CaseStatus::NotAccepted | CaseStatus::Withdrawn
    )
}

/// The Fluent id of a status's plain name.
pub fn status_message_id(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => "case-status-submitted",
        CaseStatus::Accepted => "case-status-accepted",
        CaseStatus::SupplementRequested => "case-status-supplement-requested",
        CaseStatus::Reviewing => "case-status-reviewing",
        CaseStatus::Finished => "case-status-finished",
        CaseStatus::NotAccepted => "case-status-not-accepted",
        CaseStatus::Withdrawn => "case-status-withdrawn",
    }
}

/// The steps an open case still has ahead of it, after `status`.
fn steps_ahead(status: CaseStatus) -> &'static [CaseStatus] {
    match status {
        CaseStatus::Submitted => &[
            CaseStatus::Accepted,
            CaseStatus::Reviewing,
            CaseStatus::Finished,
        ],
        CaseStatus::Accepted | CaseStatus::SupplementRequested => {
            &[CaseStatus::Reviewing, CaseStatus::Finished]
        }
        CaseStatus::Reviewing => &[CaseStatus::Finished],
        CaseStatus::Finished | CaseStatus::NotAccepted | CaseStatus::Withdrawn => &[],
    }
}

/// Every step of `case`, oldest first, then the steps still to come.
pub fn timeline(case: &Application, localizer: &Localizer) -> Vec<TimelineStep> {
    let done = case.steps.iter().map(|step| {
        (
            status_message_id(step.status),
            step.at.as_str(),
            step.remark.clone(),
        )
    });
    let ahead = steps_ahead(case.status)
        .iter()
        .map(|s| ahead_message_id(*s));
    let now = match (is_closed(case.status), case.status) {
        (true, _) => Now::Closed,
        (false, CaseStatus::SupplementRequested) => Now::Hers,
        (false, _) => Now::Department,
    };
    timeline_of(done, now, case.overdue_days, ahead, localizer)
}

/// The Fluent id of a step still to come, named as what will happen (收下您的申请), not as done.
fn ahead_message_id(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Accepted => "case-ahead-accepted",
        CaseStatus::Reviewing => "case-ahead-reviewing",
        CaseStatus::Finished => "case-ahead-finished",
        other => status_message_id(other),
    }
}

/// Whose move it is at the last step taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Now {
    /// The department's: the matter is being done.
    Department,
    /// Hers: it waits for her (补材料, 回访).
    Hers,
    /// Nobody's: the matter is over.
    Closed,
}

/// A timeline from the steps taken (Fluent id of the name, RFC 3339 time, remark), oldest first,
/// and the names of the steps still to come: the last step taken is the current one (hers when it
/// waits for her) unless the matter is closed `now`, and it alone carries `overdue_days`.
pub fn timeline_of<'a>(
    taken: impl ExactSizeIterator<Item = (&'static str, &'a str, Option<String>)>,
    now: Now,
    overdue_days: u32,
    ahead: impl Iterator<Item = &'static str>,
    localizer: &Localizer,
) -> Vec<TimelineStep> {
    let last = taken.len().saturating_sub(1);
    let mut steps: Vec<TimelineStep> = taken
        .enumerate()
        .map(|(index, (name, at, remark))| {
            let current = index == last && now != Now::Closed;
            TimelineStep {
                name: localizer.text(name, &[]),
                state: match (current, now) {
                    (true, Now::Hers) => StepState::Yours,
                    (true, _) => StepState::Current,
                    (false, _) => StepState::Done,
                },
                time: Some(crate::dates::plain_time(at, localizer)),
                remark,
                overdue_days: if current { overdue_days } else { 0 },
            }
        })
        .collect();
    steps.extend(ahead.map(|name| TimelineStep {
        name: localizer.text(name, &[]),
        state: StepState::Pending,
        time: None,
        remark: None,
        overdue_days: 0,
    }));
    steps
}

/// Seconds left to withdraw the case online at `now`; `None` once it can no longer be withdrawn.
pub fn withdraw_seconds_left(case: &Application, now: DateTime<FixedOffset>) -> Option<i64> {
    let until = DateTime::parse_from_rfc3339(case.withdrawable_until.as_deref()?).ok()?;
    let left = (until - now).num_seconds();
    (left > 0 && !is_closed(case.status)).then_some(left)
}

/// Whether the applicant can give a 好差评 now: finished and not yet evaluated.
pub fn can_evaluate(case: &Application) -> bool {
    case.status == CaseStatus::Finished && case.evaluation.is_none()
}

#[cfg(test)]
mod tests;
