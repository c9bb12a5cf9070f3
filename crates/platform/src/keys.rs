//! Department signing keys for licence seals: SM2 with SM3 (GM/T 0003), made on first start and
//! kept in the data directory as `keys/<credit code>.sm2` (hex secret, mode 0600, directory 0700). A
//! department's Ed25519 key from before (`keys/<credit code>.ed25519`) is kept and still published,
//! so the seals it made still verify; new seals are SM2.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use huiban_api::DepartmentKey;
use huiban_api::licences::{ALGORITHM_ED25519, ALGORITHM_SM2, SM2_DISTID};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sm2::dsa::signature::Signer;

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
    /// A key file does not hold a 32-byte hex secret of its algorithm.
    #[error("key file {0} is corrupt")]
    Corrupt(PathBuf),
}

/// One department's keys.
struct DepartmentSigner {
    key_id: String,
    department: String,
    credit_code: String,
    signing: sm2::dsa::SigningKey,
    /// The Ed25519 key the department sealed with before, if it had one: (key id, public key).
    earlier: Option<(String, ed25519_dalek::VerifyingKey)>,
}

/// A seal over some bytes: its algorithm, the key that made it, the signature in base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    /// `SM2-with-SM3`.
    pub algorithm: String,
    /// The department key's id.
    pub key_id: String,
    /// The signature (r‖s), standard base64.
    pub value: String,
}

/// The keys of every department that issues licences.
#[derive(Default)]
pub struct KeyRing {
    signers: Vec<DepartmentSigner>,
}

fn key_id(public: &[u8]) -> String {
    hex::encode(&Sha256::digest(public)[..8])
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError + '_ {
    move |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The 32-byte secret in `path`, if the file is there.
fn load_secret(path: &Path) -> Result<Option<[u8; 32]>, KeyError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes =
                hex::decode(text.trim()).map_err(|_| KeyError::Corrupt(path.to_path_buf()))?;
            bytes
                .try_into()
                .map(Some)
                .map_err(|_| KeyError::Corrupt(path.to_path_buf()))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(io(path)(error)),
    }
}

/// Writes a new secret to `path`, readable by the owner only.
fn save_secret(path: &Path, secret: &[u8; 32]) -> Result<(), KeyError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(io(path))?;
    file.write_all(hex::encode(secret).as_bytes())
        .map_err(io(path))?;
    file.sync_all().map_err(io(path))
}

/// The department's SM2 key in `path`, made the first time.
fn load_or_create_sm2(path: &Path) -> Result<sm2::dsa::SigningKey, KeyError> {
    if let Some(secret) = load_secret(path)? {
        return sm2::dsa::SigningKey::from_slice(SM2_DISTID, &secret)
            .map_err(|_| KeyError::Corrupt(path.to_path_buf()));
    }
    loop {
        let mut secret = [0u8; 32];
        rand::rng().fill_bytes(&mut secret);
        // A secret outside 1..n-1 (one chance in 2^128) is drawn again.
        if let Ok(signing) = sm2::dsa::SigningKey::from_slice(SM2_DISTID, &secret) {
            save_secret(path, &secret)?;
            return Ok(signing);
        }
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
            let signing = load_or_create_sm2(&dir.join(format!("{credit_code}.sm2")))?;
            let earlier_path = dir.join(format!("{credit_code}.ed25519"));
            let earlier = load_secret(&earlier_path)?.map(|seed| {
                let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key();
                (key_id(public.as_bytes()), public)
            });
            signers.push(DepartmentSigner {
                key_id: key_id(&signing.verifying_key().to_sec1_bytes()),
                department: department.clone(),
                credit_code: credit_code.clone(),
                signing,
                earlier,
            });
        }
        Ok(Self { signers })
    }

    /// Every department's public keys: its SM2 key, and the Ed25519 key it sealed with before.
    pub fn public_keys(&self) -> Vec<DepartmentKey> {
        let mut keys = Vec::new();
        for signer in &self.signers {
            keys.push(DepartmentKey {
                key_id: signer.key_id.clone(),
                department: signer.department.clone(),
                credit_code: signer.credit_code.clone(),
                algorithm: ALGORITHM_SM2.to_owned(),
                public_key: BASE64.encode(signer.signing.verifying_key().to_sec1_bytes()),
            });
            if let Some((key_id, public)) = &signer.earlier {
                keys.push(DepartmentKey {
                    key_id: key_id.clone(),
                    department: signer.department.clone(),
                    credit_code: signer.credit_code.clone(),
                    algorithm: ALGORITHM_ED25519.to_owned(),
                    public_key: BASE64.encode(public.as_bytes()),
                });
            }
        }
        keys
    }

    /// The credit code of a department that has a key.
    pub fn credit_code(&self, department: &str) -> Option<&str> {
        self.signers
            .iter()
            .find(|s| s.department == department)
            .map(|s| s.credit_code.as_str())
    }

    /// Seals `bytes` with the SM2 key of the department named `department`.
    pub fn sign(&self, department: &str, bytes: &[u8]) -> Option<Seal> {
        self.signers
            .iter()
            .find(|s| s.department == department)
            .map(|s| {
                let signature: sm2::dsa::Signature = s.signing.sign(bytes);
                Seal {
                    algorithm: ALGORITHM_SM2.to_owned(),
                    key_id: s.key_id.clone(),
                    value: BASE64.encode(signature.to_bytes()),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use huiban_api::licences::{Licence, LicenceIssuer, LicenceSignature, signed_bytes};
    use huiban_api::seal::check_seal;

    use super::*;

    const CIVIL: &str = "北京市东城区民政局";
    const CREDIT_CODE: &str = "111101014001000200";

    fn departments() -> Vec<(String, String)> {
        vec![(CIVIL.to_owned(), CREDIT_CODE.to_owned())]
    }

    fn licence(seal: &Seal) -> Licence {
        let mut licence = Licence {
            licence_no: "DZZZ20260302000001".into(),
            licence_type: "老年人优待证".into(),
            holder_name: "张秀英".into(),
            holder_id_number: "110101194403151029".into(),
            issuer: LicenceIssuer {
                name: CIVIL.into(),
                credit_code: CREDIT_CODE.into(),
            },
            issued_on: "2026-03-02".into(),
            valid_from: "2026-03-02".into(),
            valid_to: None,
            fields: Default::default(),
            signature: LicenceSignature {
                algorithm: seal.algorithm.clone(),
                key_id: seal.key_id.clone(),
                value: String::new(),
            },
        };
        licence.signature.value = seal.value.clone();
        licence
    }

    #[test]
    fn sm2_keys_are_made_once_kept_private_reloaded_and_seal_what_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let first = KeyRing::load_or_create(dir.path(), &departments()).unwrap();
        let again = KeyRing::load_or_create(dir.path(), &departments()).unwrap();
        assert_eq!(first.public_keys(), again.public_keys());
        assert_eq!(first.public_keys().len(), 1);
        assert_eq!(first.public_keys()[0].algorithm, ALGORITHM_SM2);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let file = dir.path().join(format!("keys/{CREDIT_CODE}.sm2"));
            assert_eq!(
                std::fs::metadata(file).unwrap().permissions().mode() & 0o777,
                0o600
            );
            let keys_dir = std::fs::metadata(dir.path().join("keys")).unwrap();
            assert_eq!(keys_dir.permissions().mode() & 0o777, 0o700);
        }
        assert_eq!(first.credit_code(CIVIL), Some(CREDIT_CODE));
        // Sealed by one load, checked with the keys another load publishes.
        let unsealed = licence(&Seal {
            algorithm: ALGORITHM_SM2.into(),
            key_id: String::new(),
            value: String::new(),
        });
        let seal = first.sign(CIVIL, &signed_bytes(&unsealed)).unwrap();
        assert_eq!(seal.algorithm, ALGORITHM_SM2);
        let sealed = licence(&seal);
        assert_eq!(
            check_seal(&sealed, &again.public_keys(), "2026-03-02"),
            Ok(())
        );
    }

    #[test]
    fn a_department_that_sealed_with_ed25519_before_keeps_that_key_published() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("keys")).unwrap();
        let seed = [5_u8; 32];
        std::fs::write(
            dir.path().join(format!("keys/{CREDIT_CODE}.ed25519")),
            hex::encode(seed),
        )
        .unwrap();
        let ring = KeyRing::load_or_create(dir.path(), &departments()).unwrap();
        let keys = ring.public_keys();
        let algorithms: Vec<&str> = keys.iter().map(|k| k.algorithm.as_str()).collect();
        assert_eq!(algorithms, [ALGORITHM_SM2, ALGORITHM_ED25519]);
        // A licence sealed with that key before the change still verifies.
        let earlier = ed25519_dalek::SigningKey::from_bytes(&seed);
        let mut old = licence(&Seal {
            algorithm: ALGORITHM_ED25519.into(),
            key_id: keys[1].key_id.clone(),
            value: String::new(),
        });
        let signature = ed25519_dalek::Signer::sign(&earlier, &signed_bytes(&old));
        old.signature.value = BASE64.encode(signature.to_bytes());
        assert_eq!(check_seal(&old, &keys, "2026-03-02"), Ok(()));
        // New seals are SM2.
        assert_eq!(
            ring.sign(CIVIL, b"x").unwrap().algorithm,
            ALGORITHM_SM2.to_owned()
        );
    }

    #[test]
    fn a_corrupt_key_file_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("keys")).unwrap();
        std::fs::write(dir.path().join("keys/X.sm2"), "not hex").unwrap();
        let result = KeyRing::load_or_create(dir.path(), &[("d".into(), "X".into())]);
        assert!(matches!(result, Err(KeyError::Corrupt(_))));
    }
}
