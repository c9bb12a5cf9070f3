//! Two people on one store: what each leaves unsent is theirs alone.

use super::*;
use crate::secrets::Keychain;
use crate::store::LocalStore;

fn store(dir: &tempfile::TempDir) -> LocalStore {
    let keys = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "unsent");
    LocalStore::open(&dir.path().join("h.db"), &keys).unwrap().0
}

#[test]
fn what_is_unsent_is_counted_per_account_and_thrown_away_only_for_its_owner() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir);
    let a = store.of_account("a");
    let b = store.of_account("b");
    let form = huiban_api::FormRef {
        form_id: "f".to_owned(),
        version: 1,
    };
    crate::drafts::start(&a, "item", &form, 1).unwrap();
    a.outbox_insert("a-1", crate::store::OutboxKind::Application, "{}", 2)
        .unwrap();
    a.outbox_insert("a-2", crate::store::OutboxKind::Application, "{}", 3)
        .unwrap();
    a.attachment_put(&"c".repeat(64), "image/png", b"png", 4)
        .unwrap();
    b.outbox_insert("b-1", crate::store::OutboxKind::Application, "{}", 5)
        .unwrap();
    assert_eq!(
        Unsent::of(&a).unwrap(),
        Unsent {
            drafts: 1,
            waiting: 2,
            refused: 0
        }
    );
    assert_eq!(Unsent::of(&b).unwrap().waiting, 1);
    assert!(Unsent::of(&store.of_account("c")).unwrap().is_empty());

    assert_eq!(leave(&a, LeaveUnsent::Keep).unwrap(), 0);
    assert_eq!(Unsent::of(&a).unwrap().waiting, 2, "kept for next time");
    assert_eq!(leave(&a, LeaveUnsent::Discard).unwrap(), 3);
    assert!(Unsent::of(&a).unwrap().is_empty());
    assert!(a.attachment(&"c".repeat(64)).unwrap().is_none());
    assert_eq!(Unsent::of(&b).unwrap().waiting, 1, "B's row is untouched");
}

#[test]
fn a_text_to_a_relative_waits_at_logout_but_is_no_submission_to_look_at() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir);
    let a = store.of_account("a");
    a.outbox_insert("h-1", crate::store::OutboxKind::RelativeHelp, "{}", 1)
        .unwrap();
    a.outbox_insert("h-2", crate::store::OutboxKind::RelativeHelp, "{}", 2)
        .unwrap();
    let refused = crate::store::OutboxUpdate {
        state: OutboxState::NeedsAttention,
        attempts: 1,
        next_attempt_ms: 3,
        last_error: Some("今天已经给这位家人发过好几条短信了，请直接给他打电话。"),
        case_number: None,
    };
    a.outbox_update("h-2", &refused, 3).unwrap();
    assert_eq!(
        Unsent::of(&a).unwrap(),
        Unsent {
            drafts: 0,
            waiting: 1,
            refused: 0
        }
    );
    assert_eq!(a.outbox_counts().unwrap(), [0, 0, 0, 0]);
}
