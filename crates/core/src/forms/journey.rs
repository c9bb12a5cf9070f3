//! The way through a form, one question a page: which questions are asked given the answers so far,
//! which comes next or before, and where the person should be sent back to fix something.

use huiban_api::{Answers, FormDefinition, Question};

/// The questions asked, in order, given the answers so far (conditions met or absent).
pub fn asked<'a>(form: &'a FormDefinition, answers: &Answers) -> Vec<&'a Question> {
    form.questions
        .iter()
        .filter(|question| question.is_asked(answers))
        .collect()
}

/// The question asked after `current` (the first one when `current` is `None`); `None` when the
/// form is done and the answers are to be checked.
pub fn next<'a>(
    form: &'a FormDefinition,
    answers: &Answers,
    current: Option<&str>,
) -> Option<&'a Question> {
    next_among(&form.questions, answers, current)
}

/// The asked question before `current`; `None` on the first one.
pub fn previous<'a>(
    form: &'a FormDefinition,
    answers: &Answers,
    current: &str,
) -> Option<&'a Question> {
    previous_among(&form.questions, answers, current)
}

/// The question of `questions` asked after `current` (the first asked when `None`).
pub fn next_among<'a>(
    questions: &'a [Question],
    answers: &Answers,
    current: Option<&str>,
) -> Option<&'a Question> {
    let after = match current {
        None => 0,
        Some(id) => questions.iter().position(|q| q.id == id)? + 1,
    };
    questions[after..]
        .iter()
        .find(|question| question.is_asked(answers))
}

/// The question of `questions` asked before `current`; `None` on the first one.
pub fn previous_among<'a>(
    questions: &'a [Question],
    answers: &Answers,
    current: &str,
) -> Option<&'a Question> {
    let position = questions.iter().position(|q| q.id == current)?;
    questions[..position]
        .iter()
        .rev()
        .find(|question| question.is_asked(answers))
}

#[cfg(test)]
mod tests {
    use super::*;
    use huiban_api::{Condition, QuestionKind};
    use serde_json::json;

    fn question(id: &str, show_if: Option<(&str, serde_json::Value)>) -> Question {
        Question {
            id: id.to_owned(),
            kind: QuestionKind::Text,
            label: id.to_owned(),
            hint: None,
            required: true,
            options: Vec::new(),
            show_if: show_if.map(|(question, equals)| Condition {
                question: question.to_owned(),
                equals,
            }),
            prefill: None,
            questions: Vec::new(),
            item_name: None,
            licence_type: None,
        }
    }

    fn form() -> FormDefinition {
        FormDefinition {
            form_id: "f".to_owned(),
            version: 1,
            title: "f".to_owned(),
            questions: vec![
                question("name", None),
                question("by_agent", None),
                question("agent_name", Some(("by_agent", json!(true)))),
                question("phone", None),
            ],
        }
    }

    fn ids(questions: &[&Question]) -> Vec<String> {
        questions.iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn a_question_whose_condition_is_unmet_is_skipped_both_ways() {
        let form = form();
        let answers = Answers::from([("by_agent".to_owned(), json!(false))]);
        assert_eq!(ids(&asked(&form, &answers)), ["name", "by_agent", "phone"]);
        assert_eq!(
            next(&form, &answers, Some("by_agent")).map(|q| q.id.as_str()),
            Some("phone")
        );
        assert_eq!(
            previous(&form, &answers, "phone").map(|q| q.id.as_str()),
            Some("by_agent")
        );
    }

    #[test]
    fn a_question_whose_condition_is_met_is_asked_next() {
        let form = form();
        let answers = Answers::from([("by_agent".to_owned(), json!(true))]);
        assert_eq!(
            next(&form, &answers, Some("by_agent")).map(|q| q.id.as_str()),
            Some("agent_name")
        );
        assert_eq!(
            previous(&form, &answers, "phone").map(|q| q.id.as_str()),
            Some("agent_name")
        );
    }

    #[test]
    fn the_form_starts_at_the_first_question_and_ends_after_the_last() {
        let form = form();
        let answers = Answers::new();
        assert_eq!(
            next(&form, &answers, None).map(|q| q.id.as_str()),
            Some("name")
        );
        assert_eq!(next(&form, &answers, Some("phone")), None);
        assert_eq!(previous(&form, &answers, "name"), None);
        assert_eq!(next(&form, &answers, Some("no-such-question")), None);
    }
}
