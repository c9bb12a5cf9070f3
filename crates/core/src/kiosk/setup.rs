//! The kiosk's settings, from the `[kiosk]` table of the machine-wide config file only (a user's
//! own config file cannot set them): its device account, where that account's password and the
//! local store's key are kept, and the staff PIN that leaves kiosk mode (its hash only).

use std::path::PathBuf;

use serde::Deserialize;

/// The `[kiosk]` table of the machine-wide config file.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KioskSetup {
    /// The kiosk's platform account, e.g. `kiosk01`.
    pub device: String,
    /// The file holding that account's password (readable by the kiosk's system user only).
    pub device_password_file: PathBuf,
    /// The folder keeping the local store's key where no desktop keychain runs; none: the
    /// system's keychain.
    pub key_folder: Option<PathBuf>,
    /// The Argon2 hash of the staff PIN that leaves kiosk mode (`huiban --hash-pin` makes it).
    pub exit_pin: String,
}

impl std::fmt::Debug for KioskSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KioskSetup")
            .field("device", &self.device)
            .field("key_folder", &self.key_folder)
            .finish_non_exhaustive()
    }
}

/// The hash to put in `exit_pin` for the PIN `digits` (4 to 6 digits), or the plain reason not.
pub fn exit_pin_hash(digits: &str) -> Result<String, crate::Error> {
    Ok(crate::staff::pin::Pin::set(digits.trim())?
        .hash()
        .to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exit_pin_is_kept_as_a_hash_that_its_digits_open() {
        let hash = exit_pin_hash(" 246810\n").unwrap();
        assert!(hash.starts_with("$argon2") && !hash.contains("246810"));
        let mut pin = crate::staff::pin::Pin::hashed(&hash).unwrap();
        pin.check("246810").unwrap();
        assert_eq!(exit_pin_hash("12").unwrap_err().id(), "staff-pin-format");
    }

    #[test]
    fn the_setup_never_shows_the_pin_hash_in_a_log() {
        let setup: KioskSetup = toml::from_str(
            "device = \"kiosk01\"\ndevice_password_file = \"/etc/huiban/kiosk-password\"\n\
             exit_pin = \"$argon2id$v=19$secret\"\n",
        )
        .unwrap();
        assert!(!format!("{setup:?}").contains("argon2"));
        assert_eq!(setup.key_folder, None);
    }
}
