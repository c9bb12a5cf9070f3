//! The slip a kiosk prints as a visit ends while something she confirmed is still to be sent: what
//! it is (the services' names, no name or number of hers), and that the kiosk sends it for her, once,
//! when the network is back.

use serde::Serialize;

use super::service::KioskService;
use crate::Error;
use crate::outbox;
use crate::store::{AccountStore, OutboxState};

/// What the slip says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct LeavingSlip {
    /// What waits, one line each: the service's name, or 诉求.
    pub waiting: Vec<String>,
    /// When it was printed, in plain words.
    pub printed_at: String,
}

impl KioskService<'_> {
    /// The slip to print before her visit ends, when something she confirmed is still to be sent
    /// (none otherwise, or when nobody is logged in).
    pub async fn leaving_slip(&self) -> Result<Option<LeavingSlip>, Error> {
        self.kiosk()?;
        let Some(store) = self.app.own_store_if_any().await? else {
            return Ok(None);
        };
        let waiting = waiting_names(&store, self.app.localizer())?;
        if waiting.is_empty() {
            return Ok(None);
        }
        Ok(Some(LeavingSlip {
            waiting,
            printed_at: crate::dates::plain_time(
                &chrono::Local::now().fixed_offset().to_rfc3339(),
                self.app.localizer(),
            ),
        }))
    }
}

/// The names of the applications and 诉求 waiting to be sent in `store`, oldest first.
fn waiting_names(
    store: &AccountStore<'_>,
    localizer: &crate::i18n::Localizer,
) -> Result<Vec<String>, Error> {
    let catalog = store.shared().cached_catalog()?;
    let mut names = Vec::new();
    for row in store.outbox_rows()? {
        if !matches!(row.state, OutboxState::Queued | OutboxState::Sending) {
            continue;
        }
        // Only applications and 诉求 are filed for her after she leaves (their grants).
        if let Some(name) = outbox::named(&row, &catalog, localizer, "kiosk-slip-a-request") {
            names.push(name);
        }
    }
    Ok(names)
}
