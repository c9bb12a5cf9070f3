//! The forms engine: every answer checked once, here, by the rules of its question's kind, with a
//! plain message per rule. The UI asks through a command; the platform checks again on arrival.

mod definition;
pub mod group;
mod id_number;
pub mod journey;
pub mod prefill;
mod review;
mod rules;

pub use definition::{DefinitionProblem, check_definition};
pub use id_number::{IdNumberProblem, check_id_number};
pub use review::{Review, ReviewProblem, ReviewRow, answer_text, review};
pub use rules::{Rule, check_answer, is_file_name};

use chrono::NaiveDate;
use huiban_api::{Answers, FormDefinition, Question};

use crate::i18n::Localizer;

/// An answer that breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The question.
    pub question_id: String,
    /// The rule broken.
    pub rule: Rule,
}

/// Every problem of a whole set of answers, in question order; questions not asked (their condition
/// unmet) are skipped.
pub fn check_answers(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> Vec<Problem> {
    form.questions
        .iter()
        .filter(|question| question.is_asked(answers))
        .filter_map(|question| {
            check_answer(question, answers.get(&question.id), today)
                .err()
                .map(|rule| Problem {
                    question_id: question.id.clone(),
                    rule,
                })
        })
        .collect()
}

/// What to tell the person about `rule` broken by the answer to `question`, in plain words.
pub fn message(localizer: &Localizer, question: &Question, rule: &Rule) -> String {
    let max = rule.limit().map(|n| n.to_string()).unwrap_or_default();
    let item = rule.item().map(|n| n.to_string()).unwrap_or_default();
    localizer.text(
        rule.message_id(),
        &[
            ("label", question.label.as_str()),
            ("max", max.as_str()),
            ("item", item.as_str()),
        ],
    )
}
