//! The local store on real files with the mock keychain.

use super::*;

fn keychain(name: &str) -> Keychain {
    Keychain::in_store(keyring_core::mock::Store::new().unwrap(), name)
}

#[test]
fn the_file_on_disk_is_not_plain_sqlite_and_needs_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("a");
    let (store, opened) = LocalStore::open(&path, &keys).unwrap();
    assert_eq!(opened, Opened::Created);
    assert_eq!(store.schema_version().unwrap(), 10);
    drop(store);

    let header = std::fs::read(&path).unwrap();
    assert_ne!(
        &header[..16],
        b"SQLite format 3\0",
        "the file must be encrypted"
    );
    // Plain SQLite (no key) cannot read it.
    let plain = Connection::open(&path).unwrap();
    let error = plain
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap_err();
    assert!(is_unreadable(&error), "{error}");
    // A wrong key cannot read it either.
    assert!(connect(&path, &[7u8; 32]).is_err());

    let (_, opened) = LocalStore::open(&path, &keys).unwrap();
    assert_eq!(opened, Opened::Existing);
}

#[test]
fn a_missing_key_keeps_the_old_file_aside_and_starts_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("b");
    drop(LocalStore::open(&path, &keys).unwrap());
    keys.delete_database_key().unwrap();

    let (store, opened) = LocalStore::open(&path, &keys).unwrap();
    let Opened::Recovered { set_aside, reason } = opened else {
        panic!("expected a recovery, got {opened:?}");
    };
    assert_eq!(reason, SetAsideReason::KeyMissing);
    assert!(set_aside.exists(), "the old file is kept");
    assert!(
        set_aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("huiban.db.unreadable-")
    );
    assert_eq!(store.schema_version().unwrap(), 10);
    assert_eq!(
        Opened::Recovered { set_aside, reason }.message_id(),
        Some("store-recovered")
    );
}

#[test]
fn a_damaged_file_is_kept_aside_and_the_key_reused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("c");
    drop(LocalStore::open(&path, &keys).unwrap());
    let key = keys.database_key().unwrap();
    std::fs::write(&path, vec![0x5a; 8192]).unwrap();

    let (_, opened) = LocalStore::open(&path, &keys).unwrap();
    assert!(
        matches!(
            opened,
            Opened::Recovered {
                reason: SetAsideReason::Unreadable,
                ..
            }
        ),
        "{opened:?}"
    );
    assert_eq!(keys.database_key().unwrap(), key);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("unreadable"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
}

#[test]
fn a_newer_schema_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("d");
    let (store, _) = LocalStore::open(&path, &keys).unwrap();
    store
        .lock()
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    drop(store);
    assert!(matches!(
        LocalStore::open(&path, &keys),
        Err(StoreError::TooNew(99))
    ));
}

#[test]
fn each_answer_is_saved_at_once_and_a_draft_becomes_a_queued_application_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("drafts");
    let (store, _) = LocalStore::open(&path, &keys).unwrap();
    let form = huiban_api::FormRef {
        form_id: "f-gaoling".into(),
        version: 2,
    };
    let draft = crate::drafts::start(&store, "impl-1", &form, 1).unwrap();
    let name = serde_json::json!("张秀英");
    assert!(
        store
            .set_draft_answer(&draft.draft_id, "name", &name, 2)
            .unwrap()
    );
    assert!(
        store
            .set_draft_answer(&draft.draft_id, "phone", &serde_json::json!("138"), 3)
            .unwrap()
    );
    assert!(
        store
            .set_draft_answer(&draft.draft_id, "phone", &serde_json::Value::Null, 4)
            .unwrap()
    );
    assert!(
        !store
            .set_draft_answer("no-such-draft", "name", &name, 5)
            .unwrap()
    );
    drop(store);

    // Reopened (as after a killed app): every answer given is there.
    let (store, _) = LocalStore::open(&path, &keys).unwrap();
    let saved = store.draft(&draft.draft_id).unwrap().unwrap();
    assert_eq!(saved.answers.get("name"), Some(&name));
    assert_eq!(saved.answers.get("phone"), None, "a cleared answer is gone");
    assert_eq!(
        (saved.form_id.as_str(), saved.form_version),
        ("f-gaoling", 2)
    );

    let client_id =
        crate::outbox::enqueue_draft(&store, &draft.draft_id, huiban_api::Channel::Web, 6)
            .unwrap()
            .unwrap();
    assert_eq!(
        store.draft(&draft.draft_id).unwrap(),
        None,
        "the draft became the submission"
    );
    let row = store.outbox_row(&client_id).unwrap().unwrap();
    let application = crate::outbox::application_of(&row).unwrap();
    assert_eq!(application.answers.get("name"), Some(&name));
    assert_eq!(application.impl_code, "impl-1");
    assert_eq!(
        crate::outbox::enqueue_draft(&store, &draft.draft_id, huiban_api::Channel::Web, 7).unwrap(),
        None,
        "a draft is queued once"
    );
}

#[test]
fn preferences_are_kept_and_default_until_chosen() {
    use crate::preferences::{Preferences, TextSize, Theme};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("preferences");
    let (store, _) = LocalStore::open(&path, &keys).unwrap();
    assert_eq!(store.preferences().unwrap(), Preferences::default());
    let chosen = Preferences {
        text_size: TextSize::Largest,
        theme: Theme::DarkContrast,
        read_aloud: true,
        first_run_done: true,
        ..Preferences::default()
    };
    store.save_preferences(&chosen).unwrap();
    drop(store);
    let (store, _) = LocalStore::open(&path, &keys).unwrap();
    assert_eq!(store.preferences().unwrap(), chosen);
}

#[test]
fn the_newest_licence_comes_first() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) =
        LocalStore::open(&dir.path().join("huiban.db"), &keychain("licences")).unwrap();
    let licence = |no: &str, issued_on: &str| huiban_api::Licence {
        licence_no: no.into(),
        licence_type: "居民身份证".into(),
        holder_name: "张秀英".into(),
        holder_id_number: String::new(),
        issuer: huiban_api::LicenceIssuer {
            name: "x".into(),
            credit_code: "x".into(),
        },
        issued_on: issued_on.into(),
        valid_from: issued_on.into(),
        valid_to: None,
        fields: Default::default(),
        signature: huiban_api::LicenceSignature {
            algorithm: "Ed25519".into(),
            key_id: "k".into(),
            value: "s".into(),
        },
    };
    store
        .replace_cached_licences(&[
            licence("L1", "2020-03-01"),
            licence("L3", "2026-11-26"),
            licence("L2", "2026-11-26"),
        ])
        .unwrap();
    let order: Vec<String> = store
        .cached_licences()
        .unwrap()
        .into_iter()
        .map(|l| l.licence_no)
        .collect();
    assert_eq!(order, ["L3", "L2", "L1"]);
}
