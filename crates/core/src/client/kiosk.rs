//! What a kiosk asks of the platform with its own device login: a person's login by the device
//! flow (or by her phone number or ID card and a texted code at the kiosk), its heartbeat and its
//! remote config.

use huiban_api::kiosk::{KioskConfig, KioskHeartbeat};
use huiban_api::{
    API_PREFIX, CardCodeRequest, CardCodeSent, DeviceAuthorization, DeviceCardApproval,
    DeviceSmsApproval,
};

use super::{ClientError, PlatformClient};

impl PlatformClient {
    /// A kiosk asks to log someone in (RFC 8628): the code to show, and the device code to poll
    /// [`PlatformClient::token`] with until she approves it from her phone or her own app.
    pub async fn device_authorization(
        &self,
        kiosk_access_token: &str,
    ) -> Result<DeviceAuthorization, ClientError> {
        let path = format!("{API_PREFIX}/auth/device");
        self.post_for(kiosk_access_token, &path).await
    }

    /// Tells the platform how the kiosk is now.
    pub async fn kiosk_heartbeat(
        &self,
        kiosk_access_token: &str,
        heartbeat: &KioskHeartbeat,
    ) -> Result<(), ClientError> {
        let path = format!("{API_PREFIX}/kiosk/heartbeat");
        self.post_answered_empty(kiosk_access_token, &path, heartbeat)
            .await
    }

    /// The kiosk's remote config: when to ask 还在吗？, how long to count down, what to offer.
    pub async fn kiosk_config(&self, kiosk_access_token: &str) -> Result<KioskConfig, ClientError> {
        let path = format!("{API_PREFIX}/kiosk/config");
        self.get_as(kiosk_access_token, &path).await
    }

    /// At the kiosk itself, her phone number and the code texted to it approve the kiosk's own
    /// request under `approval.user_code`; its next poll gets her login.
    pub async fn approve_at_kiosk(
        &self,
        kiosk_access_token: &str,
        approval: &DeviceSmsApproval,
    ) -> Result<(), ClientError> {
        let path = format!("{API_PREFIX}/auth/device/sms");
        self.post_answered_empty(kiosk_access_token, &path, approval)
            .await
    }

    /// Her ID card on the kiosk's reader: the platform texts a login code to its holder's phone
    /// and answers that phone masked.
    pub async fn send_card_code(
        &self,
        kiosk_access_token: &str,
        card: &CardCodeRequest,
    ) -> Result<CardCodeSent, ClientError> {
        let path = format!("{API_PREFIX}/auth/device/card-code");
        self.post_as(kiosk_access_token, &path, card).await
    }

    /// At the kiosk itself, the code texted for her card approves the kiosk's own request under
    /// `approval.user_code`; its next poll gets her login.
    pub async fn approve_by_card(
        &self,
        kiosk_access_token: &str,
        approval: &DeviceCardApproval,
    ) -> Result<(), ClientError> {
        let path = format!("{API_PREFIX}/auth/device/card");
        self.post_answered_empty(kiosk_access_token, &path, approval)
            .await
    }
}
