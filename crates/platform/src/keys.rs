//! Department signing keys (Ed25519) for licence seals: made on first start, kept in the data directory
//! as `keys/<credit code>.ed25519` (hex seed, mode 0600, directory 0700).

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use huiban_api::DepartmentKey;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// What can go wrong with the key files.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// A key file or its directory cannot be read or written.
    #[error("key file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A key file does not hold a 32-byte hex seed.
    #[error("key file {0} is corrupt")]
    Corrupt(PathBuf),
}

/// One department's key.
struct DepartmentSigner {
    key_id: String,
    department: String,
    credit_code: String,
    signing: SigningKey,
}

/// The keys of every department that issues licences.
#[derive(Default)]
pub struct KeyRing {
    signers: Vec<DepartmentSigner>,
}

fn key_id(public: &VerifyingKey) -> String {
    hex::encode(&Sha256::digest(public.as_bytes())[..8])
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn load_or_create_seed(path: &Path) -> Result<[u8; 32], KeyError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes =
                hex::decode(text.trim()).map_err(|_| KeyError::Corrupt(path.to_path_buf()))?;
            bytes
                .try_into()
                .map_err(|_| KeyError::Corrupt(path.to_path_buf()))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let mut seed = [0u8; 32];
            rand::rng().fill_bytes(&mut seed);
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(path).map_err(io(path))?;
            file.write_all(hex::encode(seed).as_bytes())
                .map_err(io(path))?;
            file.sync_all().map_err(io(path))?;
            Ok(seed)
        }
        Err(error) => Err(io(path)(error)),
    }
}

impl KeyRing {
    /// Loads the keys of `departments` (name, credit code) from `data_dir/keys`, making missing ones.
    pub fn load_or_create(
        data_dir: &Path,
        departments: &[(String, String)],
    ) -> Result<Self, KeyError> {
        let dir = data_dir.join("keys");
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .map_err(io(&dir))?;
        }
        let mut signers = Vec::new();
        for (department, credit_code) in departments {
            let path = dir.join(format!("{credit_code}.ed25519"));
            let signing = SigningKey::from_bytes(&load_or_create_seed(&path)?);
            signers.push(DepartmentSigner {
                key_id: key_id(&signing.verifying_key()),
                department: department.clone(),
                credit_code: credit_code.clone(),
                signing,
            });
        }
        Ok(Self { signers })
    }

    /// Every department's public key.
    pub fn public_keys(&self) -> Vec<DepartmentKey> {
        self.signers
            .iter()
            .map(|s| DepartmentKey {
                key_id: s.key_id.clone(),
                department: s.department.clone(),
                credit_code: s.credit_code.clone(),
                algorithm: huiban_api::licences::ALGORITHM.to_owned(),
                public_key: BASE64.encode(s.signing.verifying_key().as_bytes()),
            })
            .collect()
    }

    /// The credit code of a department that has a key.
    pub fn credit_code(&self, department: &str) -> Option<&str> {
        self.signers
            .iter()
            .find(|s| s.department == department)
            .map(|s| s.credit_code.as_str())
    }

    /// Signs `bytes` with the key of the department named `department`: (key id, base64 signature).
    pub fn sign(&self, department: &str, bytes: &[u8]) -> Option<(String, String)> {
        self.signers
            .iter()
            .find(|s| s.department == department)
            .map(|s| {
                let signature: Signature = s.signing.sign(bytes);
                (s.key_id.clone(), BASE64.encode(signature.to_bytes()))
            })
    }

    /// The public key and credit code for a key id.
    pub fn verifying_key(&self, key_id: &str) -> Option<(VerifyingKey, &str)> {
        self.signers
            .iter()
            .find(|s| s.key_id == key_id)
            .map(|s| (s.signing.verifying_key(), s.credit_code.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_made_once_kept_private_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let departments = vec![(
            "北京市东城区民政局".to_owned(),
            "111101014001000200".to_owned(),
        )];
        let first = KeyRing::load_or_create(dir.path(), &departments).unwrap();
        let again = KeyRing::load_or_create(dir.path(), &departments).unwrap();
        assert_eq!(first.public_keys(), again.public_keys());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let file = dir.path().join("keys/111101014001000200.ed25519");
            assert_eq!(
                std::fs::metadata(file).unwrap().permissions().mode() & 0o777,
                0o600
            );
            let keys_dir = std::fs::metadata(dir.path().join("keys")).unwrap();
            assert_eq!(keys_dir.permissions().mode() & 0o777, 0o700);
        }
        assert_eq!(
            first.credit_code("北京市东城区民政局"),
            Some("111101014001000200")
        );
        let (key_id, signature) = first.sign("北京市东城区民政局", b"hello").unwrap();
        let (public, credit_code) = again.verifying_key(&key_id).unwrap();
        assert_eq!(credit_code, "111101014001000200");
        let bytes: [u8; 64] = BASE64.decode(signature).unwrap().try_into().unwrap();
        assert!(
            public
                .verify_strict(b"hello", &Signature::from_bytes(&bytes))
                .is_ok()
        );
    }

    #[test]
    fn a_corrupt_key_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("keys")).unwrap();
        std::fs::write(dir.path().join("keys/X.ed25519"), "not hex").unwrap();
        let result = KeyRing::load_or_create(dir.path(), &[("d".into(), "X".into())]);
        assert!(matches!(result, Err(KeyError::Corrupt(_))));
    }
}
