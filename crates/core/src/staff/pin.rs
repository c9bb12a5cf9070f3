//! The clerk's PIN for opening a locked screen quickly: 4 to 6 digits, kept only as an Argon2 hash in
//! this process's memory, and good for five wrong tries; after that only her password opens it.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rand::RngCore;

use crate::Error;

/// Wrong PINs allowed before only the password opens the screen.
pub const WRONG_TRIES: u8 = 5;

/// A PIN set for today's login.
#[derive(Clone)]
pub struct Pin {
    phc: String,
    wrong: u8,
}

impl std::fmt::Debug for Pin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pin")
            .field("wrong", &self.wrong)
            .finish_non_exhaustive()
    }
}

impl Pin {
    /// A PIN of `digits`; anything but 4 to 6 digits is refused in plain words.
    pub fn set(digits: &str) -> Result<Self, Error> {
        if !(4..=6).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::plain("staff-pin-format"));
        }
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|_| Error::plain("error-unknown"))?;
        let phc = Argon2::default()
            .hash_password(digits.as_bytes(), &salt)
            .map_err(|_| Error::plain("error-unknown"))?
            .to_string();
        Ok(Self { phc, wrong: 0 })
    }

    /// The PIN kept as `phc` (its Argon2 hash, as [`Pin::hash`] gives it); `None` when that is not
    /// a hash.
    pub fn hashed(phc: &str) -> Option<Self> {
        PasswordHash::new(phc.trim()).ok()?;
        Some(Self {
            phc: phc.trim().to_owned(),
            wrong: 0,
        })
    }

    /// The PIN's Argon2 hash, to keep in a config file instead of the digits.
    pub fn hash(&self) -> &str {
        &self.phc
    }

    /// Whether it still opens the screen (fewer than five wrong tries).
    pub fn usable(&self) -> bool {
        self.wrong < WRONG_TRIES
    }

    /// Checks `digits`: a wrong one says how many tries are left, the fifth leaves only the password.
    pub fn check(&mut self, digits: &str) -> Result<(), Error> {
        if !self.usable() {
            return Err(Error::plain("staff-pin-spent"));
        }
        let right = PasswordHash::new(&self.phc).is_ok_and(|hash| {
            Argon2::default()
                .verify_password(digits.as_bytes(), &hash)
                .is_ok()
        });
        if right {
            self.wrong = 0;
            return Ok(());
        }
        self.wrong += 1;
        if self.usable() {
            let left = (WRONG_TRIES - self.wrong).to_string();
            Err(Error::with_args("staff-pin-wrong", vec![("left", left)]))
        } else {
            Err(Error::plain("staff-pin-spent"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_four_to_six_digits_make_a_pin() {
        for bad in ["123", "1234567", "12a4", ""] {
            assert_eq!(
                Pin::set(bad).unwrap_err().id(),
                "staff-pin-format",
                "{bad:?}"
            );
        }
        assert!(Pin::set("2468").is_ok());
    }

    #[test]
    fn a_pin_kept_as_its_hash_opens_with_its_digits_only() {
        let kept = Pin::set("135790").unwrap();
        assert!(!kept.hash().contains("135790"));
        let mut again = Pin::hashed(kept.hash()).unwrap();
        assert_eq!(again.check("000000").unwrap_err().id(), "staff-pin-wrong");
        again.check("135790").unwrap();
        assert!(Pin::hashed("135790").is_none(), "digits are no hash");
    }

    #[test]
    fn five_wrong_tries_leave_only_the_password() {
        let mut pin = Pin::set("2468").unwrap();
        pin.check("2468").unwrap();
        for left in (1..WRONG_TRIES).rev() {
            let error = pin.check("1111").unwrap_err();
            assert_eq!(error.id(), "staff-pin-wrong");
            assert_eq!(error.args(), [("left", left.to_string())]);
        }
        assert_eq!(pin.check("1111").unwrap_err().id(), "staff-pin-spent");
        assert_eq!(
            pin.check("2468").unwrap_err().id(),
            "staff-pin-spent",
            "even the right one"
        );
        assert!(
            !format!("{pin:?}").contains("argon2"),
            "the hash is not logged"
        );
    }
}
