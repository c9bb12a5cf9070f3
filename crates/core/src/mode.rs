//! Which of Huiban's three modes this process runs in: `citizen` (a person at home, the default),
//! `staff` (a clerk at a service centre acting for residents) or `kiosk` (a self-service machine).
//! `--mode` wins over `mode` in the config file (`config::mode_from`).

use huiban_api::{HandlingChannel, IntakeChannel};
use serde::{Deserialize, Serialize};

/// One of the three modes; each opens its own window with its own permissions.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// A person using Huiban for herself.
    #[default]
    Citizen,
    /// A clerk at a community service centre, acting for residents with their consent.
    Staff,
    /// A self-service machine that strangers use one after another.
    Kiosk,
}

impl Mode {
    /// The mode's name as the flag and the config file spell it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Staff => "staff",
            Self::Kiosk => "kiosk",
        }
    }

    /// The mode named `name` as the flag and the config file spell it.
    pub fn named(name: &str) -> Option<Self> {
        match name.trim() {
            "citizen" => Some(Self::Citizen),
            "staff" => Some(Self::Staff),
            "kiosk" => Some(Self::Kiosk),
            _ => None,
        }
    }

    /// The keychain entry of this mode's database key (its login's entries are named after it):
    /// each mode on one computer keeps its own store and login.
    pub fn keychain_entry(self) -> &'static str {
        match self {
            // The entry citizens' stores have always had (`secrets::DATABASE_KEY`).
            Self::Citizen => "local-database-key",
            Self::Staff => "staff.local-database-key",
            Self::Kiosk => "kiosk.local-database-key",
        }
    }

    /// The lock file beside the store that keeps a second process of this mode from sending its
    /// outbox too.
    pub fn outbox_lock_file(self) -> &'static str {
        match self {
            Self::Citizen => "outbox.lock",
            Self::Staff => "staff-outbox.lock",
            Self::Kiosk => "kiosk-outbox.lock",
        }
    }

    /// The channel a case filed in this mode comes through: 网上办理 at home, 窗口办理 at a
    /// service centre's counter (a clerk files only for residents), 自助终端 on a kiosk. The
    /// platform records the last two itself, whatever a client says.
    pub fn case_channel(self) -> HandlingChannel {
        match self {
            Self::Citizen => HandlingChannel::Web,
            Self::Staff => HandlingChannel::Counter,
            Self::Kiosk => HandlingChannel::Kiosk,
        }
    }

    /// The channel a 诉求 filed in this mode comes through: Huiban on the desktop, 线下 at a
    /// counter, 自助终端 on a kiosk.
    pub fn request_channel(self) -> IntakeChannel {
        match self {
            Self::Citizen => IntakeChannel::Desktop,
            Self::Staff => IntakeChannel::Offline,
            Self::Kiosk => IntakeChannel::Kiosk,
        }
    }

    /// The file of this mode's local store in the data directory.
    pub fn database_file(self) -> &'static str {
        match self {
            Self::Citizen => "huiban.db",
            Self::Staff => "huiban-staff.db",
            Self::Kiosk => "huiban-kiosk.db",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_modes_are_named_as_the_flag_spells_them() {
        assert_eq!(Mode::named("staff"), Some(Mode::Staff));
        assert_eq!(Mode::named(" kiosk "), Some(Mode::Kiosk));
        assert_eq!(Mode::named("citizen"), Some(Mode::Citizen));
        assert_eq!(Mode::named("admin"), None);
        assert_eq!(Mode::default(), Mode::Citizen);
    }

    #[test]
    fn each_mode_keeps_its_own_store_and_keychain_entry() {
        let modes = [Mode::Citizen, Mode::Staff, Mode::Kiosk];
        let files: std::collections::HashSet<_> = modes.map(Mode::database_file).into();
        let entries: std::collections::HashSet<_> = modes.map(Mode::keychain_entry).into();
        assert_eq!((files.len(), entries.len()), (3, 3));
        assert_eq!(
            Mode::Citizen.database_file(),
            "huiban.db",
            "a citizen's store stays where it was"
        );
    }

    #[test]
    fn a_kiosk_files_through_the_kiosk_and_a_counter_in_person() {
        let channels = [Mode::Citizen, Mode::Staff, Mode::Kiosk]
            .map(|mode| (mode.case_channel(), mode.request_channel()));
        assert_eq!(
            channels,
            [
                (HandlingChannel::Web, IntakeChannel::Desktop),
                (HandlingChannel::Counter, IntakeChannel::Offline),
                (HandlingChannel::Kiosk, IntakeChannel::Kiosk),
            ]
        );
    }
}
