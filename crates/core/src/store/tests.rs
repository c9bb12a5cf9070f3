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
    assert_eq!(store.schema_version().unwrap(), 18);
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
    assert_eq!(store.schema_version().unwrap(), 18);
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
    let (local, _) = LocalStore::open(&path, &keys).unwrap();
    let store = local.of_account("a");
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
    drop(local);

    // Reopened (as after a killed app): every answer given is there.
    let (local, _) = LocalStore::open(&path, &keys).unwrap();
    let store = local.of_account("a");
    let saved = store.draft(&draft.draft_id).unwrap().unwrap();
    assert_eq!(saved.answers.get("name"), Some(&name));
    assert_eq!(saved.answers.get("phone"), None, "a cleared answer is gone");
    assert_eq!(
        (saved.form_id.as_str(), saved.form_version),
        ("f-gaoling", 2)
    );

    let client_id =
        crate::outbox::enqueue_draft(&store, &saved, huiban_api::HandlingChannel::Web, 6)
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
        crate::outbox::enqueue_draft(&store, &saved, huiban_api::HandlingChannel::Web, 7).unwrap(),
        None,
        "a draft is queued once"
    );
    assert_eq!(
        store.outbox_rows().unwrap().len(),
        1,
        "the second try left nothing behind"
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
    let (local, _) =
        LocalStore::open(&dir.path().join("huiban.db"), &keychain("licences")).unwrap();
    let store = local.of_account("a");
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

/// A minimal sent case of `no`, as the platform lists it.
fn case(no: &str) -> huiban_api::Application {
    serde_json::from_value(serde_json::json!({
        "application_no": no, "impl_code": "i", "item_name": "n", "department": "d",
        "applicant_name": null, "agent": null, "channel": "2", "status": "submitted",
        "result": null, "submitted_at": "2026-11-30T08:00:00+08:00", "withdrawable_until": null,
        "promised_days": 1, "promised_by": "2026-12-01", "overdue_days": 0, "finished_at": null,
        "steps": [], "answers": {}, "evaluation": null
    }))
    .unwrap()
}

#[test]
fn two_accounts_on_one_store_never_see_or_send_each_others_rows() {
    let dir = tempfile::tempdir().unwrap();
    let (local, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain("two")).unwrap();
    let a = local.of_account("a");
    let b = local.of_account("b");
    let form = huiban_api::FormRef {
        form_id: "f".into(),
        version: 1,
    };
    let draft = crate::drafts::start(&a, "impl-1", &form, 1).unwrap();
    a.set_draft_answer(
        &draft.draft_id,
        "id",
        &serde_json::json!("110101194403151020"),
        2,
    )
    .unwrap();
    a.outbox_insert(
        "a-1",
        crate::store::OutboxKind::Application,
        "{\"secret\":1}",
        3,
    )
    .unwrap();
    a.attachment_put(&"d".repeat(64), "image/png", b"png", 4)
        .unwrap();
    a.replace_cached_cases(&[case("A-CASE")]).unwrap();
    a.add_cached_messages(&[], 41).unwrap();

    // B sees nothing of A's: drafts, outbox, files, copies, inbox cursor.
    assert!(b.drafts().unwrap().is_empty());
    assert_eq!(b.draft(&draft.draft_id).unwrap(), None);
    assert!(
        !b.set_draft_answer(&draft.draft_id, "id", &serde_json::json!("x"), 5)
            .unwrap(),
        "B cannot write into A's draft"
    );
    assert!(b.outbox_rows().unwrap().is_empty());
    assert!(
        b.outbox_due(i64::MAX, 10).unwrap().is_empty(),
        "nothing of A's is sent under B"
    );
    assert_eq!(b.outbox_row("a-1").unwrap(), None);
    assert_eq!(b.outbox_counts().unwrap(), [0, 0, 0, 0]);
    assert_eq!(b.attachment(&"d".repeat(64)).unwrap(), None);
    assert!(b.cached_cases().unwrap().is_empty());
    assert_eq!(
        b.message_cursor().unwrap(),
        0,
        "B's inbox starts from the beginning"
    );
    let b_draft = crate::store::Draft {
        draft_id: draft.draft_id.clone(),
        ..draft.clone()
    };
    assert!(
        !b.save_draft(&b_draft, 6).unwrap(),
        "B cannot take over A's draft id"
    );
    let sent = OutboxUpdate {
        state: OutboxState::Sent,
        attempts: 1,
        next_attempt_ms: 7,
        last_error: None,
        case_number: Some("B-CASE"),
    };
    b.outbox_update("a-1", &sent, 7).unwrap();
    assert_eq!(
        a.outbox_row("a-1").unwrap().unwrap().state,
        OutboxState::Queued,
        "B cannot mark A's row"
    );

    // A still has everything.
    assert_eq!(a.drafts().unwrap().len(), 1);
    assert_eq!(a.outbox_due(i64::MAX, 10).unwrap().len(), 1);
    assert!(a.attachment(&"d".repeat(64)).unwrap().is_some());
    assert_eq!(a.message_cursor().unwrap(), 41);

    // B's login forgets the copies pulled for A, never A's drafts or outbox.
    local.forget_pulled_except(Some("b")).unwrap();
    assert!(a.cached_cases().unwrap().is_empty());
    assert_eq!(a.message_cursor().unwrap(), 0);
    assert_eq!(a.drafts().unwrap().len(), 1);
    assert_eq!(a.outbox_rows().unwrap().len(), 1);
}

#[test]
fn a_sent_body_is_emptied_once_the_platform_copy_is_pulled_back() {
    let dir = tempfile::tempdir().unwrap();
    let (local, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain("purge")).unwrap();
    let a = local.of_account("a");
    a.outbox_insert(
        "sent",
        crate::store::OutboxKind::Application,
        "{\"id_number\":\"x\"}",
        1,
    )
    .unwrap();
    let waiting = serde_json::json!({
        "impl_code": "i", "form_id": "f", "form_version": 1, "answers": {}, "channel": "2"
    });
    a.outbox_insert(
        "waiting",
        crate::store::OutboxKind::Application,
        &waiting.to_string(),
        1,
    )
    .unwrap();
    let sent = OutboxUpdate {
        state: OutboxState::Sent,
        attempts: 1,
        next_attempt_ms: 2,
        last_error: None,
        case_number: Some("N1"),
    };
    a.outbox_update("sent", &sent, 2).unwrap();
    a.replace_cached_cases(&[case("N2")]).unwrap();
    assert_eq!(a.outbox_purge_pulled_bodies(3).unwrap(), 0);
    a.replace_cached_cases(&[case("N1")]).unwrap();
    // A copy asked for before the row was sent may not show it: its body stays.
    assert_eq!(a.outbox_purge_pulled_bodies(2).unwrap(), 0);
    assert_eq!(a.outbox_purge_pulled_bodies(3).unwrap(), 1);
    let row = a.outbox_row("sent").unwrap().unwrap();
    assert!(row.is_purged());
    assert_eq!(row.case_number.as_deref(), Some("N1"));
    assert_eq!(row.state, OutboxState::Sent);
    assert!(!a.outbox_row("waiting").unwrap().unwrap().is_purged());
    assert!(
        crate::outbox::applications_not_yet_pulled(&a)
            .unwrap()
            .iter()
            .all(|(row, _)| row.client_id == "waiting")
    );
}

#[test]
fn rows_made_before_accounts_belong_to_the_account_logged_in_then() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let keys = keychain("upgrade");
    // A version-10 store: the person's profile was kept, and a draft and a submission were made.
    {
        let key = keys.create_database_key().unwrap();
        let connection = connect(&path, &key).unwrap();
        for (index, sql) in migrations::MIGRATIONS.iter().take(10).enumerate() {
            connection
                .execute_batch(&format!("{sql}; PRAGMA user_version = {};", index + 1))
                .unwrap();
        }
        connection
            .execute_batch(
                "INSERT INTO cache_meta (name, value) VALUES ('profile', '{\"account_id\":\"c-old\"}');
                 INSERT INTO draft (draft_id, impl_code, form_id, form_version, answers, created_ms, updated_ms)
                     VALUES ('d1', 'i', 'f', 1, '{}', 1, 1);
                 INSERT INTO outbox (client_id, kind, body, state, next_attempt_ms, created_ms, updated_ms)
                     VALUES ('o1', 'application', '{}', 'queued', 1, 1, 1);
                 INSERT INTO cached_case (application_no, body) VALUES ('N1', '{}');",
            )
            .unwrap();
    }
    let (local, opened) = LocalStore::open(&path, &keys).unwrap();
    assert_eq!(opened, Opened::Existing);
    let old = local.of_account("c-old");
    assert_eq!(old.drafts().unwrap().len(), 1);
    assert_eq!(old.outbox_rows().unwrap().len(), 1);
    assert!(
        old.cached_cases().unwrap().is_empty(),
        "copies are pulled again"
    );
    assert!(local.of_account("c-new").outbox_rows().unwrap().is_empty());
}

#[test]
fn a_department_key_is_pinned_once_seen_and_a_changed_one_is_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let (local, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain("pins")).unwrap();
    let key = |public_key: &str| huiban_api::DepartmentKey {
        key_id: "k1".into(),
        department: "北京市东城区民政局".into(),
        credit_code: "111101014001000200".into(),
        algorithm: "Ed25519".into(),
        public_key: public_key.into(),
    };
    assert!(
        local
            .keep_department_keys(&[key("AAAA")])
            .unwrap()
            .is_empty()
    );
    assert!(
        local
            .keep_department_keys(&[key("AAAA")])
            .unwrap()
            .is_empty()
    );
    assert_eq!(local.keep_department_keys(&[key("BBBB")]).unwrap(), ["k1"]);
    assert_eq!(
        local.cached_keys().unwrap(),
        [key("AAAA")],
        "the pinned key stays"
    );
    assert_eq!(local.changed_key_ids().unwrap(), ["k1"]);
    // A key no longer listed stays, for the licences it sealed.
    local.keep_department_keys(&[]).unwrap();
    assert_eq!(local.cached_keys().unwrap().len(), 1);
}

fn sent(number: &str) -> OutboxUpdate<'_> {
    OutboxUpdate {
        state: OutboxState::Sent,
        attempts: 1,
        next_attempt_ms: 0,
        last_error: None,
        case_number: Some(number),
    }
}

#[test]
fn what_a_clerk_confirmed_is_forgotten_once_sent_after_the_session_ended() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = LocalStore::open(&dir.path().join("huiban-staff.db"), &keychain("s")).unwrap();
    let secure: i64 = store
        .lock()
        .unwrap()
        .pragma_query_value(None, "secure_delete", |row| row.get(0))
        .unwrap();
    assert_eq!(secure, 1, "deleted rows are overwritten");
    let hers = store.of_resident("c-zhang", "as-1");
    for id in ["a", "b", "c"] {
        hers.outbox_insert(id, OutboxKind::Application, "{\"name\":\"张秀英\"}", 1)
            .unwrap();
    }
    hers.outbox_update("a", &sent("A1"), 2).unwrap();
    assert!(
        hers.outbox_row("a").unwrap().is_some(),
        "kept while she is at the counter"
    );

    hers.end_assisted_session("as-1").unwrap();
    hers.outbox_update("b", &sent("B1"), 3).unwrap();
    assert_eq!(
        hers.outbox_row("b").unwrap(),
        None,
        "forgotten once it went out"
    );
    assert!(hers.outbox_row("c").unwrap().is_some(), "still to send");

    // A staff window starting again: only what is still to send stays, and it is ended.
    store.forget_residents_but_unsent().unwrap();
    let left: Vec<_> = hers
        .outbox_rows()
        .unwrap()
        .into_iter()
        .map(|r| r.client_id)
        .collect();
    assert_eq!(left, ["c"]);
    hers.outbox_update("c", &sent("C1"), 4).unwrap();
    assert_eq!(
        store.columns_holding(&["张秀英", "c-zhang"]).unwrap(),
        Vec::<String>::new()
    );
}
