//! Checking a form definition before it is used: a definition that would leave a person stuck
//! (no questions, two questions with one id, a choice without choices) is refused.

use std::collections::HashSet;

use huiban_api::{FormDefinition, Question, QuestionKind};

/// What is wrong with a form definition.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionProblem {
    /// It asks nothing.
    #[error("the form has no questions")]
    NoQuestions,
    /// A question has an empty id or label.
    #[error("question {0:?} has no id or no label")]
    Unnamed(String),
    /// Two questions share an id.
    #[error("two questions are called {0:?}")]
    DuplicateId(String),
    /// A choice question offers no choices, or one choice twice; or a yes/no question's words are
    /// not exactly one for `yes` and one for `no`.
    #[error("choice question {0:?} has no choices or repeats one")]
    BadChoices(String),
    /// A group asks nothing of its items or sits in another group, or a question that is not a
    /// group has questions of its own.
    #[error("question {0:?} is a group without questions, a group in a group, or not a group")]
    BadGroup(String),
    /// A question is asked on a condition about a question that does not come before it.
    #[error("question {0:?} depends on a question that is not asked before it")]
    BadCondition(String),
}

/// Whether `form` can be asked.
pub fn check_definition(form: &FormDefinition) -> Result<(), DefinitionProblem> {
    if form.questions.is_empty() {
        return Err(DefinitionProblem::NoQuestions);
    }
    check_questions(&form.questions, &mut HashSet::new(), false)
}

/// Checks `questions` (a form's, or a group's when `in_group`), with every id met so far in `ids`.
fn check_questions<'a>(
    questions: &'a [Question],
    ids: &mut HashSet<&'a str>,
    in_group: bool,
) -> Result<(), DefinitionProblem> {
    let mut before = HashSet::new();
    for question in questions {
        if question.id.trim().is_empty() || question.label.trim().is_empty() {
            return Err(DefinitionProblem::Unnamed(question.id.clone()));
        }
        if let Some(condition) = &question.show_if
            && !before.contains(condition.question.as_str())
        {
            return Err(DefinitionProblem::BadCondition(question.id.clone()));
        }
        before.insert(question.id.as_str());
        if !ids.insert(question.id.as_str()) {
            return Err(DefinitionProblem::DuplicateId(question.id.clone()));
        }
        if matches!(
            question.kind,
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice
        ) {
            let mut values = HashSet::new();
            let distinct = question.options.iter().all(|o| values.insert(&o.value));
            if question.options.is_empty() || !distinct {
                return Err(DefinitionProblem::BadChoices(question.id.clone()));
            }
        }
        if question.kind == QuestionKind::YesNo && !question.options.is_empty() {
            let mut values: Vec<&str> = question.options.iter().map(|o| o.value.as_str()).collect();
            values.sort_unstable();
            if values != [huiban_api::NO, huiban_api::YES] {
                return Err(DefinitionProblem::BadChoices(question.id.clone()));
            }
        }
        if question.kind == QuestionKind::Group {
            if in_group || question.questions.is_empty() {
                return Err(DefinitionProblem::BadGroup(question.id.clone()));
            }
            check_questions(&question.questions, ids, true)?;
        } else if !question.questions.is_empty() {
            return Err(DefinitionProblem::BadGroup(question.id.clone()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use huiban_api::{ChoiceOption, Question};

    use super::*;

    fn question(id: &str, kind: QuestionKind, options: &[&str]) -> Question {
        Question {
            show_if: None,
            prefill: None,
            questions: Vec::new(),
            item_name: None,
            licence_type: None,
            id: id.into(),
            kind,
            label: "问题".into(),
            hint: None,
            required: true,
            options: options
                .iter()
                .map(|v| ChoiceOption {
                    value: (*v).into(),
                    label: (*v).into(),
                })
                .collect(),
        }
    }

    fn form(questions: Vec<Question>) -> FormDefinition {
        FormDefinition {
            form_id: "f".into(),
            version: 2,
            title: "表".into(),
            questions,
        }
    }

    #[test]
    fn the_demo_forms_are_all_fine() {
        for definition in huiban_demo::form_definitions() {
            assert_eq!(
                check_definition(&definition),
                Ok(()),
                "{}",
                definition.form_id
            );
        }
    }

    #[test]
    fn definitions_that_would_strand_a_person_are_refused() {
        assert_eq!(
            check_definition(&form(vec![])),
            Err(DefinitionProblem::NoQuestions)
        );
        let twice = form(vec![
            question("name", QuestionKind::Text, &[]),
            question("name", QuestionKind::Phone, &[]),
        ]);
        assert_eq!(
            check_definition(&twice),
            Err(DefinitionProblem::DuplicateId("name".into()))
        );
        let empty_choice = form(vec![question("kind", QuestionKind::SingleChoice, &[])]);
        assert_eq!(
            check_definition(&empty_choice),
            Err(DefinitionProblem::BadChoices("kind".into()))
        );
        let repeated = form(vec![question(
            "kind",
            QuestionKind::MultipleChoice,
            &["a", "a"],
        )]);
        assert!(check_definition(&repeated).is_err());
        let words_for_maybe = form(vec![question(
            "by_agent",
            QuestionKind::YesNo,
            &["yes", "maybe"],
        )]);
        assert_eq!(
            check_definition(&words_for_maybe),
            Err(DefinitionProblem::BadChoices("by_agent".into()))
        );
        let in_words = form(vec![question(
            "by_agent",
            QuestionKind::YesNo,
            &["no", "yes"],
        )]);
        assert_eq!(check_definition(&in_words), Ok(()));
        let mut later = question("agent", QuestionKind::Text, &[]);
        later.show_if = Some(huiban_api::Condition {
            question: "by_agent".into(),
            equals: serde_json::json!(true),
        });
        let ahead = form(vec![later, question("by_agent", QuestionKind::YesNo, &[])]);
        assert_eq!(
            check_definition(&ahead),
            Err(DefinitionProblem::BadCondition("agent".into()))
        );
        let unnamed = form(vec![question(" ", QuestionKind::Text, &[])]);
        assert!(matches!(
            check_definition(&unnamed),
            Err(DefinitionProblem::Unnamed(_))
        ));
    }

    fn group(id: &str, questions: Vec<Question>) -> Question {
        Question {
            questions,
            ..question(id, QuestionKind::Group, &[])
        }
    }

    #[test]
    fn a_group_asks_its_own_questions_and_nothing_stranger() {
        let family = group(
            "family",
            vec![
                question("member_name", QuestionKind::Text, &[]),
                question("relation", QuestionKind::SingleChoice, &["spouse"]),
            ],
        );
        assert_eq!(check_definition(&form(vec![family.clone()])), Ok(()));
        assert_eq!(
            check_definition(&form(vec![group("family", vec![])])),
            Err(DefinitionProblem::BadGroup("family".into()))
        );
        let nested = group("outer", vec![family.clone()]);
        assert_eq!(
            check_definition(&form(vec![nested])),
            Err(DefinitionProblem::BadGroup("family".into()))
        );
        let mut not_a_group = question("name", QuestionKind::Text, &[]);
        not_a_group.questions = vec![question("x", QuestionKind::Text, &[])];
        assert_eq!(
            check_definition(&form(vec![not_a_group])),
            Err(DefinitionProblem::BadGroup("name".into()))
        );
        // Ids are one namespace across the form and its groups; a condition stays within its item.
        let clash = form(vec![question("relation", QuestionKind::Text, &[]), family]);
        assert_eq!(
            check_definition(&clash),
            Err(DefinitionProblem::DuplicateId("relation".into()))
        );
        let mut outside = question("member_phone", QuestionKind::Phone, &[]);
        outside.show_if = Some(huiban_api::Condition {
            question: "by_agent".into(),
            equals: serde_json::json!(true),
        });
        let reaching_out = form(vec![
            question("by_agent", QuestionKind::YesNo, &[]),
            group("family", vec![outside]),
        ]);
        assert_eq!(
            check_definition(&reaching_out),
            Err(DefinitionProblem::BadCondition("member_phone".into()))
        );
    }
}
