//! The forms engine: every answer checked once, here, by the rules of its question's kind, with a
//! plain message per rule. The UI asks through a command; the platform checks again on arrival.

mod answer_text;
mod definition;
pub mod group;
pub mod group_list;
pub mod journey;
pub mod prefill;
mod review;
pub mod service;

pub use answer_text::answer_text;
pub use definition::{DefinitionProblem, check_definition};
pub use huiban_rules::{
    IdNumberProblem, Problem, Rule, check_answer, check_answers, check_id_number, is_file_name,
};
pub use review::{Review, ReviewProblem, ReviewRow, problems_in_words, review};

use huiban_api::Question;

use crate::i18n::Localizer;

/// What to tell the person about `rule` broken by the answer to `question`, in plain words.
pub fn message(localizer: &Localizer, question: &Question, rule: &Rule) -> String {
    rule_error(question, rule).text(localizer)
}

/// `rule` broken by the answer to `question`, as the error the person is told.
pub fn rule_error(question: &Question, rule: &Rule) -> crate::Error {
    let max = rule.limit().map(|n| n.to_string()).unwrap_or_default();
    let item = rule.item().map(|n| n.to_string()).unwrap_or_default();
    crate::Error::with_args(
        rule.message_id(),
        vec![
            ("label", question.label.clone()),
            ("max", max),
            ("item", item),
        ],
    )
}

#[cfg(test)]
mod tests;
