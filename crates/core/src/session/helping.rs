//! Whom the person logged in acts for now (亲友代办): the person who agreed to his grant, chosen
//! with the switch at the top (我自己 / 张秀英). Held in memory only; every login begins as 我自己.

use huiban_api::Kinship;

/// The person a relative acts for now, in which grant.
#[derive(Clone, PartialEq, Eq)]
pub struct Helping {
    /// The platform's grant id, sent in the `relative-grant` header.
    pub grant_id: String,
    /// The relative's own account (the login this holds for).
    pub helper_account_id: String,
    /// Her account.
    pub person_account_id: String,
    /// Her name, for the switch.
    pub person_name: String,
    /// Who he is to her.
    pub kinship: Kinship,
}

impl std::fmt::Debug for Helping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data: never in a log line.
        f.debug_struct("Helping").finish_non_exhaustive()
    }
}

impl super::Session {
    /// Whom `account_id` (the login now) acts for, if he chose someone; nothing for another login.
    pub fn helping(&self, account_id: &str) -> Option<Helping> {
        self.helping_slot()
            .clone()
            .filter(|helping| helping.helper_account_id == account_id)
    }

    /// Whom the login now acts for, if anyone (every login and logout clears it).
    pub fn helping_now(&self) -> Option<Helping> {
        self.helping_slot().clone()
    }

    /// He acts for `helping` from now on (`None`: for himself again).
    pub fn help(&self, helping: Option<Helping>) {
        *self.helping_slot() = helping;
    }

    fn helping_slot(&self) -> std::sync::MutexGuard<'_, Option<Helping>> {
        self.helping
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
