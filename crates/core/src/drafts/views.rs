//! What the form pages show: a draft opened with its form and what is known of her, one question's
//! page, what 下一步 found, what became of 确认提交, and where a queued submission stands.

use std::collections::BTreeMap;

use huiban_api::FormDefinition;
use serde::Serialize;

use crate::forms::{ReviewProblem, Rule};
use crate::store::Draft;

/// A draft with the form it answers.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct OpenDraft {
    /// The draft and its answers so far.
    pub draft: Draft,
    /// The form version it answers.
    pub form: FormDefinition,
    /// Answers filled in from what is known of the person, by question, for them to confirm.
    pub suggestions: BTreeMap<String, FilledIn>,
}

/// An answer filled in for the person, with where it came from in their words.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct FilledIn {
    /// The answer.
    pub value: serde_json::Value,
    /// Where it came from, e.g. 这是按您的电子居民身份证填好的…
    pub source: String,
}

/// One question's page: the opened draft, and the question asked before it (where 返回 goes;
/// `None` on the first question, back to the form's start).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct QuestionPage {
    /// The draft, its form and what is known of her.
    pub opened: OpenDraft,
    /// The question asked before this one.
    pub before: Option<String>,
    /// On a signature question, the name she may sign with by a tap instead of drawing (her name
    /// as answered in the form, else her account's).
    pub signer: Option<String>,
}

/// 核对's page: the form's title, and every asked question with its answer and what stops sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CheckPage {
    /// The form's title, e.g. 高龄津贴申领.
    pub form_title: String,
    /// The answers in plain words, and the problems.
    pub review: crate::forms::Review,
    /// Said when the form changed since she began and this page moved her answers to the new
    /// version: how many questions are new or asked differently, and where to start.
    pub form_updated: Option<FormUpdated>,
}

/// The form changed since she began: what 核对 says, and the first question to look at again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FormUpdated {
    /// 这件事的表格更新了，有N个问题是新的或者改过了….
    pub said: String,
    /// The first question asked that is new or asked differently, in the form's order.
    pub first_question: Option<String>,
}

/// A rule the answer breaks, with what to tell the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AnswerProblem {
    /// The rule broken.
    pub rule: Rule,
    /// What to tell the person, in plain words.
    pub message: String,
}

/// What 下一步 found: the answer is kept either way; with a problem she stays on the page, else
/// she goes on to `next` (`None`: every question is answered, time for 核对).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct AnswerOutcome {
    /// What is wrong with the answer, when something is.
    pub problem: Option<AnswerProblem>,
    /// The question asked next, when the answer is fine.
    pub next: Option<String>,
}

/// What became of a request to send a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
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

/// Where a queued submission stands, for the confirmation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SubmissionView {
    /// `application` or `request` (诉求).
    pub kind: &'static str,
    /// 实施编码 of the item applied for; empty for a request.
    pub impl_code: String,
    /// The item's name from the kept catalog; empty for a request or an item no longer listed.
    pub item_name: String,
    /// `waiting`, `sent`, `needs_attention`, or `form_updated` (refused for an old form version,
    /// it is a draft again under the same id, to look at and send anew).
    pub state: &'static str,
    /// The 办件编号 once the platform has it.
    pub case_number: Option<String>,
    /// Why the platform refused it, in plain words.
    pub problem: Option<String>,
    /// For an application the platform has: by when, until when she may take it back, and where
    /// the SMS goes.
    pub confirmation: Option<super::Confirmation>,
}
