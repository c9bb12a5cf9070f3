//! The kiosk's way in with an ID card: she lays her 居民身份证 on the kiosk's reader, the platform
//! texts a login code to the phone of the card's holder, and she types that code on the keypad; she
//! is then asked 是您本人吗？ as after a scan. The card alone logs no one in (a card can be lost); the
//! card only spares her typing her phone number. The card read is kept in memory for the code's
//! step and dropped when her visit ends.

use huiban_api::{CardCodeRequest, DeviceCardApproval};
use serde::Serialize;

use super::service::KioskService;
use super::visit::LoginWait;
use crate::Error;

/// What the kiosk shows once her card is read and the code texted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CardCode {
    /// The phone the code went to, its middle hidden (138****0001).
    pub phone: String,
    /// Seconds the code stays valid.
    pub expires_in: u32,
}

impl KioskService<'_> {
    /// The card on the reader now: a login code is texted to its holder's phone and the card kept
    /// for [`KioskService::log_in_by_card`]; `None` while no card lies on the reader. A card the
    /// platform refused (not registered) is refused again without asking it until it is lifted.
    pub async fn card_code(&self) -> Result<Option<CardCode>, Error> {
        let kiosk = self.kiosk()?;
        let Some(card) = self
            .app
            .read_id_card("kiosk-no-card-reader", "kiosk-card-unreadable")?
        else {
            kiosk.keep_refusal(None);
            return Ok(None);
        };
        // A card the platform refused is told again, not asked again, until it is lifted.
        if let Some(refusal) = kiosk.refusal_of(&card.id_number) {
            return Err(refusal);
        }
        let token = kiosk.device.token(self.app.client()).await?;
        let request = CardCodeRequest {
            id_number: card.id_number.clone(),
            name: card.name.clone(),
        };
        let sent = match self.app.client().send_card_code(&token, &request).await {
            Ok(sent) => sent,
            Err(error) => {
                let error = Error::online_only(error, "kiosk-offline");
                // Offline, the next moment may reach the platform; its answer would not change.
                if error.id() != "kiosk-offline" {
                    kiosk.keep_refusal(Some((card.id_number, error.clone())));
                }
                return Err(error);
            }
        };
        kiosk.keep_refusal(None);
        kiosk.keep_card(Some(card));
        Ok(Some(CardCode {
            phone: sent.phone_masked,
            expires_in: u32::try_from(sent.expires_in).unwrap_or(u32::MAX),
        }))
    }

    /// Logs in with the card last read and the `code` texted for it: approved, her masked name for
    /// 是您本人吗？ (a wrong code is told in the platform's words and nothing is logged in).
    pub async fn log_in_by_card(&self, code: &str) -> Result<LoginWait, Error> {
        let kiosk = self.kiosk()?;
        let card = kiosk
            .card()
            .ok_or_else(|| Error::plain("kiosk-card-gone"))?;
        // A request of its own, not shown as a QR code: only the texted code approves it.
        let fresh = self.new_request().await?;
        let token = kiosk.device.token(self.app.client()).await?;
        let approval = DeviceCardApproval {
            user_code: fresh.user_code,
            id_number: card.id_number,
            code: code.chars().filter(char::is_ascii_digit).collect(),
        };
        self.app
            .client()
            .approve_by_card(&token, &approval)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-offline"))?;
        kiosk.keep_card(None);
        self.login_wait().await
    }
}
