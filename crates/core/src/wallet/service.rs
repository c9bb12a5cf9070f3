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
    /// How long it is valid, in plain words: 2026年1月5日 到 2031年1月5日, or 2026年1月5日 起长期有效.
    pub valid_words: String,
}

/// How long `licence` is valid, in plain words.
fn valid_words(licence: &Licence, localizer: &crate::i18n::Localizer) -> String {
    let from = crate::dates::plain_date(&licence.valid_from, localizer);
    match &licence.valid_to {
        Some(to) => localizer.text(
            "wallet-valid-range",
            &[
                ("from", &from),
                ("to", &crate::dates::plain_date(to, localizer)),
            ],
        ),
        None => localizer.text("wallet-valid-forever", &[("from", &from)]),
    }
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
                valid_words: valid_words(&entry.licence, localizer),
                problem: entry.problem.map(|id| localizer.text(id, &[])),
                verified: entry.verified,
                licence: entry.licence,
            })
            .collect())
    }

    /// The licences a licence question may be answered with: those that checked out today, of the
    /// question's `licence_type` when it names one.
    pub async fn offered_for(&self, licence_type: Option<&str>) -> Result<Vec<WalletEntry>, Error> {
        Ok(offered(self.licences().await?, licence_type))
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

/// Of `entries`, those a licence question of `licence_type` may be answered with: verified, and of
/// that type when one is named.
fn offered(entries: Vec<WalletEntry>, licence_type: Option<&str>) -> Vec<WalletEntry> {
    entries
        .into_iter()
        .filter(|entry| entry.verified)
        .filter(|entry| licence_type.is_none_or(|wanted| entry.licence.licence_type == wanted))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(licence_no: &str, licence_type: &str, verified: bool) -> WalletEntry {
        let licence: Licence = serde_json::from_value(serde_json::json!({
            "licence_no": licence_no,
            "licence_type": licence_type,
            "holder_name": "张秀英",
            "holder_id_number": "11010119440315102X",
            "issuer": { "name": "北京市东城区民政局", "credit_code": "111101014001000200" },
            "issued_on": "2026-01-01",
            "valid_from": "2026-01-01",
            "valid_to": null,
            "fields": {},
            "signature": { "algorithm": "Ed25519", "key_id": "k1", "value": "" }
        }))
        .unwrap();
        WalletEntry {
            licence,
            verified,
            problem: None,
            valid_words: String::new(),
        }
    }

    fn numbers(entries: &[WalletEntry]) -> Vec<&str> {
        entries
            .iter()
            .map(|e| e.licence.licence_no.as_str())
            .collect()
    }

    #[test]
    fn offers_only_the_licences_that_checked_out() {
        let kept = vec![
            entry("L-1", "居民身份证", true),
            entry("L-2", "残疾人证", false),
        ];
        assert_eq!(numbers(&offered(kept, None)), ["L-1"]);
    }

    #[test]
    fn offers_only_licences_of_the_type_the_material_asks_for() {
        let kept = vec![
            entry("L-1", "居民身份证", true),
            entry("L-3", "户口簿", true),
        ];
        assert_eq!(numbers(&offered(kept.clone(), Some("户口簿"))), ["L-3"]);
        assert!(offered(vec![entry("L-1", "居民身份证", true)], Some("户口簿")).is_empty());
    }

    #[test]
    fn says_how_long_a_licence_is_valid_in_plain_words() {
        let zh = crate::i18n::Localizer::new(crate::i18n::Locale::ZhCn);
        let mut licence = entry("L-1", "居民身份证", true).licence;
        licence.valid_from = "2026-01-05".to_owned();
        assert_eq!(valid_words(&licence, &zh), "2026年1月5日 起长期有效");
        licence.valid_to = Some("2031-01-05".to_owned());
        assert_eq!(valid_words(&licence, &zh), "2026年1月5日 到 2031年1月5日");
    }
}
