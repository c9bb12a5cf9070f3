//! A whole set of answers against its form.

use chrono::NaiveDate;
use huiban_api::{Answers, FormDefinition};

use crate::answer::{Rule, check_answer};

/// An answer that breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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
