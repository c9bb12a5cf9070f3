//! `app.wallet()`: the person's licences kept here, each checked offline, and the QR code of one.

use huiban_api::Licence;
use serde::Serialize;

use super::{licence_today, licences, qr_svg};
use crate::Error;
use crate::app::App;

/// A licence as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct WalletEntry {
    /// The licence.
    pub licence: Licence,
    /// Whether its seal checked out offline and it is valid today.
    pub verified: bool,
    /// Why not, in plain words, when it did not.
    pub problem: Option<String>,
}

impl App {
    /// The person's 证照, checked offline, and their QR codes.
    pub fn wallet(&self) -> WalletService<'_> {
        WalletService { app: self }
    }
}

/// The person's 证照, as `app.wallet()` offers them.
pub struct WalletService<'a> {
    pub(crate) app: &'a App,
}

impl WalletService<'_> {
    /// The person's electronic licences kept on this computer, each checked offline today; none
    /// with nobody logged in.
    pub async fn licences(&self) -> Result<Vec<WalletEntry>, Error> {
        let Some(store) = self.app.own_store_if_any().await? else {
            return Ok(Vec::new());
        };
        let localizer = self.app.localizer();
        Ok(licences(&store, &licence_today())?
            .into_iter()
            .map(|entry| WalletEntry {
                problem: entry.problem.map(|id| localizer.text(id, &[])),
                verified: entry.verified,
                licence: entry.licence,
            })
            .collect())
    }

    /// The QR code (SVG) of one kept licence, for a verifier to scan.
    pub async fn qr(&self, licence_no: &str) -> Result<String, Error> {
        let kept = match self.app.own_store_if_any().await? {
            Some(store) => store.cached_licences()?,
            None => Vec::new(),
        };
        kept.iter()
            .find(|licence| licence.licence_no == licence_no)
            .and_then(qr_svg)
            .ok_or_else(|| Error::plain("licence-not-found"))
    }
}
