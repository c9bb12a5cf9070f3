//! What the 诉求 list and a request's page show, built from the request as the platform last said and
//! from what was given or waits on this computer.

use huiban_api::{NewRequest, ServiceRequest};
use serde::Serialize;

use super::{form as request_form, progress as request_progress};
use crate::dates::plain_time;
use crate::evaluation;
use crate::i18n::Localizer;
use crate::progress::TimelineStep;
use crate::store::OutboxKind;

/// One request as the 诉求 list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RequestSummary {
    /// 诉求编号; absent while it waits on this computer to be filed.
    pub request_no: Option<String>,
    /// The kind in words (e.g. 投诉：对某件事不满意).
    pub kind_name: String,
    /// What the person wrote.
    pub description: String,
    /// Where it stands, in words.
    pub status_name: String,
    /// When it was filed, in words.
    pub submitted: Option<String>,
    /// Whether the person is asked to do something (回访 or 评价).
    pub asks_you: bool,
}

impl RequestSummary {
    /// A request that waits on this computer to be filed.
    pub fn unfiled(request: NewRequest, localizer: &Localizer) -> Self {
        Self {
            request_no: None,
            kind_name: request_form::kind_name(request.kind, localizer),
            description: request.description,
            status_name: localizer.text("request-waiting", &[]),
            submitted: None,
            asks_you: false,
        }
    }

    /// A filed request as last pulled; `given_here` when a 回访 or 评价 was given on this computer
    /// and the request has not been pulled back since.
    pub fn of_request(request: ServiceRequest, given_here: bool, localizer: &Localizer) -> Self {
        Self {
            asks_you: !given_here
                && (request_progress::can_follow_up(&request)
                    || request_progress::can_evaluate(&request)),
            kind_name: request_form::kind_name(request.kind, localizer),
            status_name: localizer.text(request_progress::status_message_id(request.status), &[]),
            submitted: Some(plain_time(&request.submitted_at, localizer)),
            request_no: Some(request.request_no),
            description: request.description,
        }
    }
}

pub use crate::outbox::requests::HereOfRequest;

/// One request with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct RequestDetail {
    /// The request as the platform last said.
    pub request: ServiceRequest,
    /// The kind in words.
    pub kind_name: String,
    /// Where it stands, in words.
    pub status_name: String,
    /// Every step, then the steps to come.
    pub timeline: Vec<TimelineStep>,
    /// Whether the 回访 questions wait for answers.
    pub can_follow_up: bool,
    /// Whether a 评价 can be given.
    pub can_evaluate: bool,
    /// The 评价 given, in words.
    pub evaluation_name: Option<String>,
    /// Whether 回访 answers or a 评价 wait on this computer to be sent.
    pub waiting: bool,
    /// 由 东城区政务服务中心 赵敏 代办, when a service centre's staff filed it for her.
    pub agent_words: Option<String>,
}

impl RequestDetail {
    /// The page of `request`, with what waits or was given `here`.
    pub fn of(request: ServiceRequest, here: &HereOfRequest, localizer: &Localizer) -> Self {
        Self {
            kind_name: request_form::kind_name(request.kind, localizer),
            status_name: localizer.text(request_progress::status_message_id(request.status), &[]),
            timeline: request_progress::timeline(&request, localizer),
            can_follow_up: request_progress::can_follow_up(&request)
                && !here.given.contains(&OutboxKind::RequestFollowUp),
            can_evaluate: request_progress::can_evaluate(&request)
                && !here.given.contains(&OutboxKind::RequestEvaluation),
            evaluation_name: request
                .evaluation
                .as_ref()
                .map(|e| localizer.text(evaluation::level_message_id(e.level), &[])),
            waiting: !here.waiting.is_empty(),
            agent_words: crate::cases::views::agent_words(request.agent.as_ref(), localizer),
            request,
        }
    }
}

#[cfg(test)]
mod tests;
