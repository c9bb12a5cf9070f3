//! The database key in the real system keychain (Secret Service on Linux).
//!
//! `cargo xtask test` runs this inside a private D-Bus session with a fresh, unlocked gnome-keyring.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

#[cfg(target_os = "linux")]
#[test]
fn the_database_key_lives_in_the_secret_service_and_opens_the_store() {
    use huiban_core::secrets::Keychain;
    use huiban_core::store::{LocalStore, Opened};

    let keychain = Keychain::system()
        .expect("a Secret Service on the session bus (run through cargo xtask test)");
    keychain.delete_database_key().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huiban.db");
    let (store, opened) = LocalStore::open(&path, &keychain).unwrap();
    assert_eq!(opened, Opened::Created);
    drop(store);
    let key = keychain
        .database_key()
        .unwrap()
        .expect("the key was stored in the keychain");
    assert_eq!(key.len(), 32);
    let (_, opened) = LocalStore::open(&path, &keychain).unwrap();
    assert_eq!(opened, Opened::Existing);
    keychain.delete_database_key().unwrap();
    assert_eq!(keychain.database_key().unwrap(), None);
}
