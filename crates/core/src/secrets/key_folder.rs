//! A credential store in a folder, for a kiosk that runs without a logged-in desktop (no Secret
//! Service, and the kernel keyring forgets on reboot): one file per entry, readable by its owner
//! only, written whole or not at all. The folder belongs to the kiosk's own system user and nobody
//! else may enter it (`docs/kiosk.md`); a reboot keeps it, so what a person confirmed and the store
//! holds until it is sent is never lost.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{Credential, Entry, Error, Result};
use sha2::{Digest, Sha256};

/// A folder of secrets, one file per (service, user).
#[derive(Debug)]
pub struct KeyFolder {
    folder: PathBuf,
}

impl KeyFolder {
    /// The store in `folder`, made (readable by its owner only) when missing.
    pub fn at(folder: &Path) -> Result<Arc<Self>> {
        std::fs::create_dir_all(folder).map_err(|error| Error::NoStorageAccess(Box::new(error)))?;
        owner_only(folder, 0o700)?;
        Ok(Arc::new(Self {
            folder: folder.to_path_buf(),
        }))
    }
}

/// Limits `path` to its owner (`mode`); nothing to do where files have no Unix modes.
fn owner_only(path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(|error| Error::NoStorageAccess(Box::new(error)))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

impl CredentialStoreApi for KeyFolder {
    fn vendor(&self) -> String {
        "Huiban key folder".to_owned()
    }

    fn id(&self) -> String {
        self.folder.display().to_string()
    }

    fn build(
        &self,
        service: &str,
        user: &str,
        _modifiers: Option<&HashMap<&str, &str>>,
    ) -> Result<Entry> {
        // The file is named by a hash, so no service or user name can reach outside the folder.
        let name = hex::encode(Sha256::digest(format!("{service}\0{user}")));
        Ok(Entry::new_with_credential(Arc::new(KeyFile {
            path: self.folder.join(name),
            specifiers: (service.to_owned(), user.to_owned()),
        })))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// One secret's file.
#[derive(Debug)]
struct KeyFile {
    path: PathBuf,
    specifiers: (String, String),
}

fn storage(error: std::io::Error) -> Error {
    Error::PlatformFailure(Box::new(error))
}

impl CredentialApi for KeyFile {
    fn set_secret(&self, secret: &[u8]) -> Result<()> {
        // Written beside, flushed to the disk, then put in place: a power cut leaves the old
        // secret or the new one, never half of one.
        let fresh = self.path.with_extension("new");
        let mut file = std::fs::File::create(&fresh).map_err(storage)?;
        owner_only(&fresh, 0o600)?;
        file.write_all(secret).map_err(storage)?;
        file.sync_all().map_err(storage)?;
        std::fs::rename(&fresh, &self.path).map_err(storage)?;
        if let Some(folder) = self.path.parent()
            && let Ok(folder) = std::fs::File::open(folder)
        {
            let _ = folder.sync_all();
        }
        Ok(())
    }

    fn get_secret(&self) -> Result<Vec<u8>> {
        match std::fs::read(&self.path) {
            Ok(secret) => Ok(secret),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(Error::NoEntry),
            Err(error) => Err(Error::NoStorageAccess(Box::new(error))),
        }
    }

    fn delete_credential(&self) -> Result<()> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(()),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(Error::NoEntry),
            Err(error) => Err(storage(error)),
        }
    }

    fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
        if self.path.exists() {
            Ok(None)
        } else {
            Err(Error::NoEntry)
        }
    }

    fn get_specifiers(&self) -> Option<(String, String)> {
        Some(self.specifiers.clone())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Keychain;

    #[test]
    fn a_key_kept_in_the_folder_outlives_the_process_and_only_its_owner_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("keys");
        let keychain = Keychain::in_store(KeyFolder::at(&folder).unwrap(), "kiosk.key");
        assert_eq!(keychain.database_key().unwrap(), None);
        let key = keychain.create_database_key().unwrap();
        // As after a reboot: a new store over the same folder.
        let again = Keychain::in_store(KeyFolder::at(&folder).unwrap(), "kiosk.key");
        assert_eq!(again.database_key().unwrap(), Some(key));
        let other = Keychain::in_store(KeyFolder::at(&folder).unwrap(), "../other");
        assert_eq!(
            other.database_key().unwrap(),
            None,
            "each entry its own file"
        );
        let files: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
        assert_eq!(files.len(), 1, "nothing half-written left beside it");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&folder), 0o700);
            assert_eq!(mode(&files[0].path()), 0o600);
        }
    }
}
