//! Which of Huiban's three modes this process runs in: `citizen` (a person at home, the default),
//! `staff` (a clerk at a service centre acting for residents) or `kiosk` (a self-service machine).
//! `--mode` wins over `mode` in the config file (`config::mode_from_process`).

use serde::{Deserialize, Serialize};

/// Command-line flag choosing the mode.
pub const MODE_FLAG: &str = "--mode";

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
    /// The mode named `name` as the flag and the config file spell it.
    pub fn named(name: &str) -> Option<Self> {
        match name.trim() {
            "citizen" => Some(Self::Citizen),
            "staff" => Some(Self::Staff),
            "kiosk" => Some(Self::Kiosk),
            _ => None,
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
}
