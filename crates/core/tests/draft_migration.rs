//! A draft on form version 1 meets version 2 (a question added, one removed, one changed) on a real
//! encrypted store file, and keeps every answer it can; nothing is dropped silently.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use huiban_api::{ChoiceOption, FormDefinition, Question, QuestionKind};
use huiban_core::drafts;
use huiban_core::secrets::Keychain;
use huiban_core::store::{Draft, LocalStore};
use serde_json::json;

fn question(id: &str, kind: QuestionKind, options: &[&str]) -> Question {
    Question {
        show_if: None,
        prefill: None,
        questions: Vec::new(),
        item_name: None,
        licence_type: None,
        id: id.into(),
        kind,
        label: format!("问题 {id}"),
        hint: None,
        required: true,
        options: options
            .iter()
            .map(|o| ChoiceOption {
                value: (*o).into(),
                label: (*o).into(),
            })
            .collect(),
    }
}

#[test]
fn a_draft_keeps_every_answer_it_can_across_form_versions() {
    let v1 = FormDefinition {
        form_id: "form-004".into(),
        version: 1,
        title: "高龄津贴申领".into(),
        questions: vec![
            question("applicant_name", QuestionKind::Text, &[]),
            question("phone", QuestionKind::Phone, &[]),
            question(
                "living",
                QuestionKind::SingleChoice,
                &["独居", "与子女同住"],
            ),
            question("fax", QuestionKind::Text, &[]),
        ],
    };
    let v2 = FormDefinition {
        form_id: "form-004".into(),
        version: 2,
        title: "高龄津贴申领".into(),
        questions: vec![
            question("applicant_name", QuestionKind::Text, &[]),
            question("phone", QuestionKind::Phone, &[]),
            // Changed: a new choice was added.
            question(
                "living",
                QuestionKind::SingleChoice,
                &["独居", "与子女同住", "住养老院"],
            ),
            // New.
            question("bank_card", QuestionKind::BankCard, &[]),
        ],
    };

    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "draft-test");
    let (local, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
    let store = local.of_account("c-demo-zhang");
    let draft = Draft {
        draft_id: "d1".into(),
        impl_code: "110101020001050040000001".into(),
        form_id: "form-004".into(),
        form_version: 1,
        answers: [
            ("applicant_name".to_owned(), json!("张秀英")),
            ("phone".to_owned(), json!("13800000001")),
            ("living".to_owned(), json!("独居")),
            ("fax".to_owned(), json!("010-1234567")),
        ]
        .into_iter()
        .collect(),
        set_aside: Default::default(),
    };
    store.save_draft(&draft, 1).unwrap();
    drop(store);
    drop(local);

    // The app restarts (a killed app keeps its draft), then form version 2 arrives.
    let (local, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
    let store = local.of_account("c-demo-zhang");
    let saved = store.draft("d1").unwrap().unwrap();
    assert_eq!(saved, draft);
    let migration = drafts::migrate(&saved, &v1, &v2);
    store.save_draft(&migration.draft, 2).unwrap();

    let moved = store.draft("d1").unwrap().unwrap();
    assert_eq!(moved.form_version, 2);
    assert_eq!(moved.answers.get("applicant_name"), Some(&json!("张秀英")));
    assert_eq!(moved.answers.get("phone"), Some(&json!("13800000001")));
    assert!(
        !moved.answers.contains_key("living"),
        "a changed question is asked again"
    );
    assert_eq!(
        moved.set_aside.get("living"),
        Some(&json!("独居")),
        "its old answer is kept"
    );
    assert_eq!(
        moved.set_aside.get("fax"),
        Some(&json!("010-1234567")),
        "a removed question's answer is kept"
    );
    assert_eq!(migration.new_questions, ["bank_card"]);
    assert_eq!(migration.changed_questions, ["living"]);
    assert_eq!(migration.removed_questions, ["fax"]);
    assert!(migration.needs_review());
    assert_eq!(store.drafts().unwrap().len(), 1);
}
