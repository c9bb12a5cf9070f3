//! Kiosk mode: a self-service machine in a service hall that strangers use one after another. The
//! machine logs in to the platform as itself (its device login); a person logs in without typing by
//! scanning the code it shows and approving it on her phone (RFC 8628), says 是您本人吗？ yes, does
//! her errands, and when she is done (or walks away) everything of hers leaves the machine.
//! `app.kiosk()` offers it; the machine's settings come from the machine-wide config file.

mod card_login;
pub mod device_login;
mod heartbeat;
mod service;
pub mod setup;
mod slip;
mod sms_login;
mod staff_call;
pub mod visit;

use std::sync::Mutex;

pub use card_login::CardCode;
pub use service::{KioskService, KioskView};
pub use setup::KioskSetup;
pub use slip::LeavingSlip;
pub use staff_call::StaffCallView;

use huiban_api::kiosk::{KioskConfig, PrinterState};

use crate::assisted::IdCard;
use crate::staff::pin::Pin;

/// The kiosk this process runs: its settings, its own login and the login being made.
#[derive(Debug)]
pub struct Kiosk {
    /// The device's own platform login.
    pub device: device_login::DeviceLogin,
    /// A person's login on its way: shown code, then her approval until she says it is her.
    pub(crate) visit: tokio::sync::Mutex<Option<visit::Pending>>,
    /// The staff PIN that leaves kiosk mode (five wrong tries, then only a restart).
    pub(crate) exit_pin: Mutex<Option<Pin>>,
    /// The platform's config as last heard.
    config: Mutex<KioskConfig>,
    /// The masked name of the person using it, once she said it is her.
    person: Mutex<Option<String>>,
    /// Whether it asks 还在吗？ of her now (the window says when it starts and stops asking).
    asking_still_there: Mutex<bool>,
    /// Its receipt printer as last heard from CUPS.
    printer: Mutex<PrinterState>,
    /// The ID card read for a login by card, until the texted code is typed or the visit ends.
    card: Mutex<Option<IdCard>>,
    /// The card number the platform refused and its answer, until that card leaves the reader: the
    /// platform is not asked again every moment while it lies there.
    refused_card: Mutex<Option<(String, crate::Error)>>,
}

impl Kiosk {
    /// The kiosk set up by `setup`.
    pub fn new(setup: &KioskSetup) -> Self {
        Self {
            device: device_login::DeviceLogin::new(setup),
            visit: tokio::sync::Mutex::new(None),
            exit_pin: Mutex::new(Pin::hashed(&setup.exit_pin)),
            config: Mutex::new(KioskConfig::default()),
            person: Mutex::new(None),
            asking_still_there: Mutex::new(false),
            printer: Mutex::new(PrinterState::Ready),
            card: Mutex::new(None),
            refused_card: Mutex::new(None),
        }
    }

    /// Its receipt printer as last heard.
    pub fn printer(&self) -> PrinterState {
        *lock(&self.printer)
    }

    pub(crate) fn note_printer(&self, printer: PrinterState) {
        *lock(&self.printer) = printer;
    }

    /// The platform's config as last heard (its defaults until then).
    pub fn config(&self) -> KioskConfig {
        lock(&self.config).clone()
    }

    pub(crate) fn keep_config(&self, config: KioskConfig) {
        *lock(&self.config) = config;
    }

    /// Of `items`, the services this kiosk offers, in the order its config names them (all of
    /// them when the config names none).
    pub fn offered(&self, items: Vec<huiban_api::CatalogItem>) -> Vec<huiban_api::CatalogItem> {
        let services = lock(&self.config).services.clone();
        if services.is_empty() {
            return items;
        }
        let mut offered: Vec<_> = items
            .into_iter()
            .filter(|item| services.contains(&item.impl_code))
            .collect();
        offered.sort_by_key(|item| services.iter().position(|code| *code == item.impl_code));
        offered
    }

    /// Whether this kiosk offers the service `impl_code`.
    pub fn offers(&self, impl_code: &str) -> bool {
        let config = lock(&self.config);
        config.services.is_empty() || config.services.iter().any(|code| code == impl_code)
    }

    /// The masked name of the person using it, if anyone.
    pub fn person(&self) -> Option<String> {
        lock(&self.person).clone()
    }

    /// The ID card read for a login by card, if one waits for its code.
    pub(crate) fn card(&self) -> Option<IdCard> {
        lock(&self.card).clone()
    }

    pub(crate) fn keep_card(&self, card: Option<IdCard>) {
        *lock(&self.card) = card;
    }

    /// The platform's refusal of the card numbered `id_number`, while that card still lies there.
    pub(crate) fn refusal_of(&self, id_number: &str) -> Option<crate::Error> {
        lock(&self.refused_card)
            .as_ref()
            .filter(|(refused, _)| refused == id_number)
            .map(|(_, refusal)| refusal.clone())
    }

    pub(crate) fn keep_refusal(&self, refusal: Option<(String, crate::Error)>) {
        *lock(&self.refused_card) = refusal;
    }

    pub(crate) fn set_person(&self, person: Option<String>) {
        *lock(&self.person) = person;
        *lock(&self.asking_still_there) = false;
    }

    /// Whether it asks 还在吗？ of the person using it now.
    pub fn asking_still_there(&self) -> bool {
        *lock(&self.asking_still_there) && self.person().is_some()
    }

    pub(crate) fn note_asking_still_there(&self, asking: bool) {
        *lock(&self.asking_still_there) = asking;
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
