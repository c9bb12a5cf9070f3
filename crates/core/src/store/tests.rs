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
    assert_eq!(store.schema_version().unwrap(), 6);
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
    assert_eq!(store.schema_version().unwrap(), 6);
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
