//! The kiosk's heartbeat: once a minute it tells the platform its version, whether someone is
//! using it (or is asked 还在吗？), how its printer is and how many confirmed submissions wait on it.

use huiban_api::kiosk::{KioskHeartbeat, KioskState, PrinterState};

use super::KioskService;
use crate::Error;

impl KioskService<'_> {
    /// What the kiosk tells the platform now, with its printer in `printer`.
    pub fn heartbeat(&self, printer: PrinterState) -> Result<KioskHeartbeat, Error> {
        let kiosk = self.kiosk()?;
        let queue = match self.app.store() {
            Some(store) => store.waiting_submissions()?,
            None => 0,
        };
        Ok(KioskHeartbeat {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            state: if kiosk.asking_still_there() {
                KioskState::IdleWarning
            } else if kiosk.person().is_some() {
                KioskState::InUse
            } else {
                KioskState::Welcome
            },
            printer,
            queue: u32::try_from(queue).unwrap_or(u32::MAX),
        })
    }

    /// The window began (`true`) or stopped asking 还在吗？: told in the next heartbeat.
    pub fn note_idle_warning(&self, shown: bool) -> Result<(), Error> {
        self.kiosk()?.note_asking_still_there(shown);
        Ok(())
    }

    /// Sends the heartbeat (with its printer in `printer`) and asks the platform's config again.
    pub async fn beat(&self, printer: PrinterState) -> Result<(), Error> {
        self.kiosk()?.note_printer(printer);
        let heartbeat = self.heartbeat(printer)?;
        let token = self.kiosk()?.device.token(self.app.client()).await?;
        let sent = self
            .app
            .client()
            .kiosk_heartbeat(&token, &heartbeat)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-offline"));
        // The config is asked with each heartbeat; the window reads the kept one.
        let config = self.config().await.map(|_| ());
        sent.and(config)
    }
}
