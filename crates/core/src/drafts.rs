//! Drafts across form versions: when a newer version of a form arrives, every answer whose question
//! is unchanged is kept, and the person is told which questions are new or changed.

mod confirmation;
mod service;
mod unfinished;
mod views;

pub use confirmation::{Confirmation, confirmation};
pub use service::DraftsService;
pub use unfinished::Unfinished;
pub use views::{
    AnswerOutcome, AnswerProblem, CheckPage, FilledIn, FormUpdated, OpenDraft, QuestionPage,
    SubmissionView, SubmitOutcome,
};

use huiban_api::{FormDefinition, FormRef, Question};

use crate::store::{AccountStore, Draft, StoreError};

/// Starts an empty draft of `form` for the item `impl_code`, saved at once.
pub fn start(
    store: &AccountStore<'_>,
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

    /// The questions she must look at again: new ones and those asked differently.
    pub fn looked_at_again(&self) -> Vec<&str> {
        self.new_questions
            .iter()
            .chain(&self.changed_questions)
            .map(String::as_str)
            .collect()
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
    // Nothing dropped: an answer to a question neither version asks is set aside too.
    for (id, answer) in &draft.answers {
        if !answers.contains_key(id) && !set_aside.contains_key(id) {
            set_aside.insert(id.clone(), answer.clone());
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

/// What became of a request to send a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    /// Queued in the outbox under this client id; the draft is gone.
    Queued(String),
    /// There is no such draft.
    Missing,
    /// Some answers break a rule; nothing was queued and the draft is kept as it is.
    Unfinished(Vec<crate::forms::Problem>),
}

/// Queues `draft` of `form` for sending if every asked question is answered well as of `today`;
/// otherwise says which answers stop it.
pub fn submit(
    store: &AccountStore<'_>,
    form: &FormDefinition,
    draft: &Draft,
    channel: huiban_api::HandlingChannel,
    today: chrono::NaiveDate,
    now_ms: i64,
) -> Result<Submission, StoreError> {
    submit_as(form, draft, today, |draft| {
        crate::outbox::enqueue_draft(store, draft, channel, now_ms)
    })
}

/// Checks `draft` against `form` as of `today` and, when every asked question is answered well,
/// hands it to `enqueue` (which turns it into an outbox row and answers with its client id, or
/// `None` when the draft was queued already); otherwise says which answers stop it.
pub fn submit_as(
    form: &FormDefinition,
    draft: &Draft,
    today: chrono::NaiveDate,
    enqueue: impl FnOnce(&Draft) -> Result<Option<String>, StoreError>,
) -> Result<Submission, StoreError> {
    let problems = crate::forms::check_answers(form, &draft.answers, today);
    if !problems.is_empty() {
        return Ok(Submission::Unfinished(problems));
    }
    // What an earlier answer made irrelevant is not sent (nor kept in the outbox).
    let sent = Draft {
        answers: crate::forms::journey::sent_answers(form, &draft.answers),
        ..draft.clone()
    };
    Ok(enqueue(&sent)?.map_or(Submission::Missing, Submission::Queued))
}

#[cfg(test)]
mod submit_tests {
    use super::*;
    use crate::secrets::Keychain;
    use huiban_api::{HandlingChannel, QuestionKind};

    fn form() -> FormDefinition {
        FormDefinition {
            form_id: "f".to_owned(),
            version: 1,
            title: "f".to_owned(),
            questions: vec![Question::new("phone", QuestionKind::Phone, "手机")],
        }
    }

    #[test]
    fn a_draft_is_queued_only_when_every_answer_is_good() {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "submit");
        let (local, _) = crate::store::LocalStore::open(&dir.path().join("h.db"), &keys).unwrap();
        let store = local.of_account("a");
        let form = form();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let draft = start(
            &store,
            "item",
            &FormRef {
                form_id: "f".to_owned(),
                version: 1,
            },
            1,
        )
        .unwrap();
        store
            .set_draft_answer(&draft.draft_id, "phone", &serde_json::json!("123"), 2)
            .unwrap();

        let refused = submit(
            &store,
            &form,
            &store.draft(&draft.draft_id).unwrap().unwrap(),
            HandlingChannel::Web,
            today,
            3,
        )
        .unwrap();
        let Submission::Unfinished(problems) = refused else {
            panic!("a bad phone number must stop it: {refused:?}");
        };
        assert_eq!(problems[0].question_id, "phone");
        assert!(
            store.draft(&draft.draft_id).unwrap().is_some(),
            "the draft is kept"
        );
        assert!(store.outbox_rows().unwrap().is_empty());

        store
            .set_draft_answer(
                &draft.draft_id,
                "phone",
                &serde_json::json!("13800000001"),
                4,
            )
            .unwrap();
        let good = store.draft(&draft.draft_id).unwrap().unwrap();
        let Submission::Queued(client_id) =
            submit(&store, &form, &good, HandlingChannel::Web, today, 5).unwrap()
        else {
            panic!("good answers are queued");
        };
        assert!(store.outbox_row(&client_id).unwrap().is_some());
        assert!(store.draft(&draft.draft_id).unwrap().is_none());
        assert_eq!(
            // 确认提交 pressed again with the draft as the page had it: queued once.
            submit(&store, &form, &good, HandlingChannel::Web, today, 6).unwrap(),
            Submission::Missing
        );
    }

    #[test]
    fn what_an_earlier_answer_made_irrelevant_is_not_queued() {
        let form = form();
        let draft = Draft {
            draft_id: "d".to_owned(),
            impl_code: "item".to_owned(),
            form_id: "f".to_owned(),
            form_version: 1,
            answers: huiban_api::Answers::from([
                ("phone".to_owned(), serde_json::json!("13800000001")),
                ("agent_name".to_owned(), serde_json::json!("李明")),
            ]),
            set_aside: Default::default(),
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut queued = None;
        submit_as(&form, &draft, today, |sent| {
            queued = Some(sent.answers.clone());
            Ok(Some("c".to_owned()))
        })
        .unwrap();
        assert_eq!(
            queued.unwrap().keys().collect::<Vec<_>>(),
            ["phone"],
            "an answer to no question asked stays behind"
        );
    }

    #[test]
    fn an_answer_to_a_question_neither_version_asks_is_set_aside_not_dropped() {
        let draft = Draft {
            draft_id: "d".to_owned(),
            impl_code: "item".to_owned(),
            form_id: "f".to_owned(),
            form_version: 0,
            answers: huiban_api::Answers::from([
                ("phone".to_owned(), serde_json::json!("13800000001")),
                ("fax".to_owned(), serde_json::json!("010-1234")),
            ]),
            set_aside: Default::default(),
        };
        // The old version could not be had: moved on by question against the new one alone.
        let moved = migrate(&draft, &form(), &form());
        assert_eq!(moved.draft.answers.len(), 1);
        assert_eq!(moved.draft.set_aside["fax"], serde_json::json!("010-1234"));
    }
}
