//! Secrets in the OS keychain: the local database key (32 random bytes) and the login's refresh token,
//! never written to disk.
//!
//! Linux uses the Secret Service (GNOME Keyring, KWallet) over D-Bus, macOS the login Keychain and
//! Windows the Credential Manager.

mod key_folder;

pub use key_folder::KeyFolder;

use std::sync::Arc;

use keyring_core::api::CredentialStore;
use keyring_core::{Entry, Error as KeyringError};
use rand::RngCore;

/// Keychain service name of every Huiban secret.
pub const SERVICE: &str = "cn.huiban.desktop";
/// Keychain user name of the local database key.
pub const DATABASE_KEY: &str = "local-database-key";
/// Added to the keychain's user name to name the entry of the login's refresh token.
pub const SESSION_SUFFIX: &str = ".session";
/// Added to the keychain's user name to name the entry of logins ended here but not yet told to the
/// platform (退出 while it could not be reached).
pub const UNTOLD_LOGOUTS_SUFFIX: &str = ".untold-logouts";

/// What can go wrong with the keychain.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    /// No keychain can be reached (no Secret Service, or it is locked).
    #[error("the system keychain cannot be used: {0}")]
    Unavailable(String),
    /// The stored key is not 32 bytes.
    #[error("the stored database key is damaged")]
    Damaged,
    /// Another keychain failure.
    #[error("keychain error: {0}")]
    Other(String),
}

impl From<KeyringError> for SecretError {
    fn from(error: KeyringError) -> Self {
        match error {
            KeyringError::NoStorageAccess(inner) => Self::Unavailable(inner.to_string()),
            KeyringError::PlatformFailure(inner) => Self::Unavailable(inner.to_string()),
            other => Self::Other(other.to_string()),
        }
    }
}

/// A database key.
pub type DatabaseKey = [u8; 32];

/// The login kept on this computer: whose it is, and the refresh token that renews it.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct KeptLogin {
    /// The platform account logged in.
    pub account_id: String,
    /// The single-use token for the next token pair.
    pub refresh_token: String,
}

impl std::fmt::Debug for KeptLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeptLogin")
            .field("account_id", &self.account_id)
            .finish_non_exhaustive()
    }
}

/// The keychain holding Huiban's secrets.
#[derive(Clone)]
pub struct Keychain {
    store: Arc<CredentialStore>,
    /// Distinguishes several local stores (e.g. tests) in one keychain.
    user: String,
}

impl std::fmt::Debug for Keychain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keychain")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

impl Keychain {
    /// The operating system's keychain.
    pub fn system() -> Result<Self, SecretError> {
        #[cfg(target_os = "linux")]
        let store: Arc<CredentialStore> = zbus_secret_service_keyring_store::Store::new()?;
        #[cfg(target_os = "macos")]
        let store: Arc<CredentialStore> = apple_native_keyring_store::keychain::Store::new()?;
        #[cfg(target_os = "windows")]
        let store: Arc<CredentialStore> = windows_native_keyring_store::Store::new()?;
        #[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
        return Err(SecretError::Unavailable(
            "this system's keychain is not supported".to_owned(),
        ));
        #[cfg(any(target_os = "linux", target_os = "macos", target_os = "windows"))]
        Ok(Self::in_store(store, DATABASE_KEY))
    }

    /// The operating system's keychain with the entries of the app in `mode` (each mode keeps its own
    /// database key and login).
    pub fn system_for(mode: crate::mode::Mode) -> Result<Self, SecretError> {
        let system = Self::system()?;
        Ok(Self::in_store(system.store, mode.keychain_entry()))
    }

    /// The keychain in the key folder `folder` with the entries of the app in `mode`: for a kiosk,
    /// which runs without a desktop keychain ([`KeyFolder`]).
    pub fn in_folder(
        folder: &std::path::Path,
        mode: crate::mode::Mode,
    ) -> Result<Self, SecretError> {
        let store: Arc<CredentialStore> = KeyFolder::at(folder)?;
        Ok(Self::in_store(store, mode.keychain_entry()))
    }

    /// A keychain over any credential store (the mock store in unit tests), with its own entry name.
    pub fn in_store(store: Arc<CredentialStore>, user: &str) -> Self {
        Self {
            store,
            user: user.to_owned(),
        }
    }

    /// The credential store behind this keychain, to name another entry in it.
    pub fn credential_store(&self) -> Arc<CredentialStore> {
        Arc::clone(&self.store)
    }

    fn entry(&self) -> Result<Entry, SecretError> {
        Ok(Entry::new_in_store(&self.store, SERVICE, &self.user)?)
    }

    /// The database key, or `None` when none was ever stored.
    pub fn database_key(&self) -> Result<Option<DatabaseKey>, SecretError> {
        match self.entry()?.get_secret() {
            Ok(bytes) => bytes.try_into().map(Some).map_err(|_| SecretError::Damaged),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Makes and stores a fresh random database key.
    pub fn create_database_key(&self) -> Result<DatabaseKey, SecretError> {
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        self.entry()?.set_secret(&key)?;
        Ok(key)
    }

    fn session_entry(&self) -> Result<Entry, SecretError> {
        Ok(Entry::new_in_store(
            &self.store,
            SERVICE,
            &format!("{}{SESSION_SUFFIX}", self.user),
        )?)
    }

    /// The saved login, or `None` when nobody is logged in. An entry of an older Huiban (a bare
    /// refresh token, without its account) is no login: that person logs in again.
    pub fn kept_login(&self) -> Result<Option<KeptLogin>, SecretError> {
        match self.session_entry()?.get_password() {
            Ok(text) => Ok(serde_json::from_str(&text).ok()),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Saves the login with its newest refresh token (each one is spent when used).
    pub fn keep_login(&self, login: &KeptLogin) -> Result<(), SecretError> {
        let text = serde_json::to_string(login).map_err(|e| SecretError::Other(e.to_string()))?;
        Ok(self.session_entry()?.set_password(&text)?)
    }

    /// Forgets the saved login.
    pub fn forget_login(&self) -> Result<(), SecretError> {
        match self.session_entry()?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }

    fn untold_logouts_entry(&self) -> Result<Entry, SecretError> {
        Ok(Entry::new_in_store(
            &self.store,
            SERVICE,
            &format!("{}{UNTOLD_LOGOUTS_SUFFIX}", self.user),
        )?)
    }

    /// Refresh tokens of logins ended here (退出) while the platform could not be told.
    pub fn untold_logouts(&self) -> Result<Vec<String>, SecretError> {
        match self.untold_logouts_entry()?.get_password() {
            Ok(text) => Ok(serde_json::from_str(&text).unwrap_or_default()),
            Err(KeyringError::NoEntry) => Ok(Vec::new()),
            Err(error) => Err(error.into()),
        }
    }

    /// Keeps the refresh tokens of logins ended here that the platform is still to be told of.
    pub fn keep_untold_logouts(&self, refresh_tokens: &[String]) -> Result<(), SecretError> {
        if refresh_tokens.is_empty() {
            return match self.untold_logouts_entry()?.delete_credential() {
                Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
                Err(error) => Err(error.into()),
            };
        }
        let text =
            serde_json::to_string(refresh_tokens).map_err(|e| SecretError::Other(e.to_string()))?;
        Ok(self.untold_logouts_entry()?.set_password(&text)?)
    }

    /// Removes the database key (after the data it opened was set aside).
    pub fn delete_database_key(&self) -> Result<(), SecretError> {
        match self.entry()?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(error.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citizens_store_keeps_the_keychain_entry_it_always_had() {
        assert_eq!(crate::mode::Mode::Citizen.keychain_entry(), DATABASE_KEY);
    }

    fn mock() -> Keychain {
        Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "test-key")
    }

    #[test]
    fn a_key_is_made_once_and_read_back() {
        let keychain = mock();
        assert_eq!(keychain.database_key().unwrap(), None);
        let key = keychain.create_database_key().unwrap();
        assert_eq!(keychain.database_key().unwrap(), Some(key));
        keychain.delete_database_key().unwrap();
        assert_eq!(keychain.database_key().unwrap(), None);
        keychain.delete_database_key().unwrap();
    }

    #[test]
    fn the_login_is_kept_apart_from_the_database_key() {
        let keychain = mock();
        let key = keychain.create_database_key().unwrap();
        assert_eq!(keychain.kept_login().unwrap(), None);
        let login = |token: &str| KeptLogin {
            account_id: "a1".to_owned(),
            refresh_token: token.to_owned(),
        };
        keychain.keep_login(&login("r1")).unwrap();
        keychain.keep_login(&login("r2")).unwrap();
        assert_eq!(keychain.kept_login().unwrap(), Some(login("r2")));
        assert_eq!(keychain.database_key().unwrap(), Some(key));
        keychain.forget_login().unwrap();
        keychain.forget_login().unwrap();
        assert_eq!(keychain.kept_login().unwrap(), None);
        assert_eq!(keychain.database_key().unwrap(), Some(key));
    }

    #[test]
    fn a_bare_refresh_token_of_an_older_huiban_is_no_login() {
        let keychain = mock();
        keychain
            .session_entry()
            .unwrap()
            .set_password("r1")
            .unwrap();
        assert_eq!(keychain.kept_login().unwrap(), None);
    }

    #[test]
    fn the_login_never_shows_its_token_in_a_log() {
        let login = KeptLogin {
            account_id: "a1".to_owned(),
            refresh_token: "secret-refresh".to_owned(),
        };
        assert!(!format!("{login:?}").contains("secret-refresh"));
    }

    #[test]
    fn untold_logouts_are_kept_until_told() {
        let keychain = mock();
        assert!(keychain.untold_logouts().unwrap().is_empty());
        keychain
            .keep_untold_logouts(&["r1".to_owned(), "r2".to_owned()])
            .unwrap();
        assert_eq!(keychain.untold_logouts().unwrap(), ["r1", "r2"]);
        keychain.keep_untold_logouts(&[]).unwrap();
        assert!(keychain.untold_logouts().unwrap().is_empty());
    }

    #[test]
    fn a_damaged_key_is_reported() {
        let keychain = mock();
        keychain.entry().unwrap().set_secret(b"short").unwrap();
        assert!(matches!(keychain.database_key(), Err(SecretError::Damaged)));
    }
}
