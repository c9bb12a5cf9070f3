//! The way through a form, one question a page: which questions are asked given the answers so far,
//! which comes next or before, and where the person should be sent back to fix something.

use huiban_api::{Answers, FormDefinition, Question, QuestionKind};
use serde_json::Value;

/// The questions asked, in order, given the answers so far (conditions met or absent).
pub fn asked<'a>(form: &'a FormDefinition, answers: &Answers) -> Vec<&'a Question> {
    form.questions
        .iter()
        .filter(|question| question.is_asked(answers))
        .collect()
}

/// The answers that go with the form when it is sent: those of the questions asked, and in each
/// item of a group those of its questions asked; an answer an earlier answer made irrelevant (the
/// helper's name after 不是，我自己办) is dropped, as is any answer to no question of the form.
pub fn sent_answers(form: &FormDefinition, answers: &Answers) -> Answers {
    asked(form, answers)
        .into_iter()
        .filter_map(|question| {
            let value = answers.get(&question.id)?;
            let value = if question.kind == QuestionKind::Group {
                sent_items(question, value)
            } else {
                value.clone()
            };
            Some((question.id.clone(), value))
        })
        .collect()
}

/// A group's answer with each item keeping only the answers of the questions asked of it.
fn sent_items(group: &Question, value: &Value) -> Value {
    let Some(items) = value.as_array() else {
        return value.clone();
    };
    items
        .iter()
        .map(|item| {
            let Some(answers) = huiban_rules::group::item_answers(item) else {
                return item.clone();
            };
            let kept: serde_json::Map<String, Value> = group
                .questions
                .iter()
                .filter(|child| child.is_asked(&answers))
                .filter_map(|child| Some((child.id.clone(), answers.get(&child.id)?.clone())))
                .collect();
            Value::Object(kept)
        })
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
    fn an_answer_made_irrelevant_is_not_sent() {
        let form = form();
        let answers = Answers::from([
            ("name".to_owned(), json!("张秀英")),
            ("by_agent".to_owned(), json!(false)),
            ("agent_name".to_owned(), json!("李明")),
            ("left_over".to_owned(), json!("x")),
        ]);
        let sent = sent_answers(&form, &answers);
        assert_eq!(sent.keys().collect::<Vec<_>>(), ["by_agent", "name"]);

        let answers = Answers::from([
            ("by_agent".to_owned(), json!(true)),
            ("agent_name".to_owned(), json!("李明")),
        ]);
        assert_eq!(sent_answers(&form, &answers), answers);
    }

    #[test]
    fn an_item_of_a_group_keeps_only_the_answers_asked_of_it() {
        let mut group = question("family", None);
        group.kind = QuestionKind::Group;
        group.questions = vec![
            question("has_income", None),
            question("income", Some(("has_income", json!(true)))),
        ];
        let form = FormDefinition {
            questions: vec![group],
            ..form()
        };
        let answers = Answers::from([(
            "family".to_owned(),
            json!([
                {"has_income": false, "income": "1200"},
                {"has_income": true, "income": "800"}
            ]),
        )]);
        assert_eq!(
            sent_answers(&form, &answers)["family"],
            json!([{"has_income": false}, {"has_income": true, "income": "800"}])
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
