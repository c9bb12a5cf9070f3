//! Checking a form definition before it is used: a definition that would leave a person stuck
//! (no questions, two questions with one id, a choice without choices) is refused.

use std::collections::HashSet;

use huiban_api::{FormDefinition, QuestionKind};

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
    /// A choice question offers no choices, or one choice twice.
    #[error("choice question {0:?} has no choices or repeats one")]
    BadChoices(String),
    /// A question is asked on a condition about a question that does not come before it.
    #[error("question {0:?} depends on a question that is not asked before it")]
    BadCondition(String),
}

/// Whether `form` can be asked.
pub fn check_definition(form: &FormDefinition) -> Result<(), DefinitionProblem> {
    if form.questions.is_empty() {
        return Err(DefinitionProblem::NoQuestions);
    }
    let mut seen = HashSet::new();
    for question in &form.questions {
        if question.id.trim().is_empty() || question.label.trim().is_empty() {
            return Err(DefinitionProblem::Unnamed(question.id.clone()));
        }
        if let Some(condition) = &question.show_if
            && !seen.contains(condition.question.as_str())
        {
            return Err(DefinitionProblem::BadCondition(question.id.clone()));
        }
        if !seen.insert(question.id.as_str()) {
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
        for definition in huiban_platform::demo_data::form_definitions() {
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
}
