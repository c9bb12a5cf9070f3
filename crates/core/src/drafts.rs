//! Drafts across form versions: when a newer version of a form arrives, every answer whose question
//! is unchanged is kept, and the person is told which questions are new or changed.

use huiban_api::{FormDefinition, FormRef, Question};

use crate::store::{Draft, LocalStore, StoreError};

/// Starts an empty draft of `form` for the item `impl_code`, saved at once.
pub fn start(
    store: &LocalStore,
    impl_code: &str,
    form: &FormRef,
    now_ms: i64,
) -> Result<Draft, StoreError> {
    let draft = Draft {
        draft_id: uuid::Uuid::new_v4().hyphenated().to_string(),
        impl_code: impl_code.to_owned(),
        form_id: form.form_id.clone(),
        form_version: form.version,
        answers: huiban_api::Answers::new(),
        set_aside: huiban_api::Answers::new(),
    };
    store.save_draft(&draft, now_ms)?;
    Ok(draft)
}

/// What moving a draft to a newer form version did.
#[derive(Debug, Clone, PartialEq)]
pub struct Migration {
    /// The draft on the new version.
    pub draft: Draft,
    /// Questions the new version adds (ids).
    pub new_questions: Vec<String>,
    /// Questions the new version asks differently; their old answers were set aside (ids).
    pub changed_questions: Vec<String>,
    /// Questions the new version no longer asks; their answers were set aside (ids).
    pub removed_questions: Vec<String>,
}

impl Migration {
    /// Whether the person must look at the draft again.
    pub fn needs_review(&self) -> bool {
        !self.new_questions.is_empty() || !self.changed_questions.is_empty()
    }
}

/// Whether an answer to `old` still answers `new`: same kind and, for choices, the same choices.
fn same_question(old: &Question, new: &Question) -> bool {
    old.kind == new.kind && old.options == new.options
}

/// Moves `draft` from form `old` to form `new`; nothing is dropped: answers that no longer fit are kept
/// in `set_aside`.
pub fn migrate(draft: &Draft, old: &FormDefinition, new: &FormDefinition) -> Migration {
    let mut answers = huiban_api::Answers::new();
    let mut set_aside = draft.set_aside.clone();
    let mut new_questions = Vec::new();
    let mut changed_questions = Vec::new();
    for question in &new.questions {
        match old.questions.iter().find(|q| q.id == question.id) {
            None => new_questions.push(question.id.clone()),
            Some(previous) if same_question(previous, question) => {
                if let Some(answer) = draft.answers.get(&question.id) {
                    answers.insert(question.id.clone(), answer.clone());
                }
            }
            Some(_) => {
                changed_questions.push(question.id.clone());
                if let Some(answer) = draft.answers.get(&question.id) {
                    set_aside.insert(question.id.clone(), answer.clone());
                }
            }
        }
    }
    let mut removed_questions = Vec::new();
    for question in &old.questions {
        if !new.questions.iter().any(|q| q.id == question.id) {
            removed_questions.push(question.id.clone());
            if let Some(answer) = draft.answers.get(&question.id) {
                set_aside.insert(question.id.clone(), answer.clone());
            }
        }
    }
    Migration {
        draft: Draft {
            draft_id: draft.draft_id.clone(),
            impl_code: draft.impl_code.clone(),
            form_id: new.form_id.clone(),
            form_version: new.version,
            answers,
            set_aside,
        },
        new_questions,
        changed_questions,
        removed_questions,
    }
}
