//! The kiosk's other way in, for someone who cannot scan its code: her phone number and the code
//! texted to it, typed on the kiosk's keypad. The kiosk asks the platform for a fresh login of its
//! own (as for the code it shows) and has the platform approve it as her by the texted code; she is
//! then asked 是您本人吗？ as after a scan.

use huiban_api::{DeviceSmsApproval, SmsCodeSent};

use super::service::KioskService;
use super::visit::LoginWait;
use crate::Error;

impl KioskService<'_> {
    /// Texts a login code to `phone` (only its digits count).
    pub async fn send_sms_code(&self, phone: &str) -> Result<SmsCodeSent, Error> {
        self.kiosk()?;
        let phone: String = phone.chars().filter(char::is_ascii_digit).collect();
        self.app
            .client()
            .request_sms_code(&phone)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-offline"))
    }

    /// Logs in with `phone` and the `code` texted to it: approved, her masked name for
    /// 是您本人吗？ (a wrong code is told in the platform's words and nothing is logged in).
    pub async fn log_in_by_sms(&self, phone: &str, code: &str) -> Result<LoginWait, Error> {
        let kiosk = self.kiosk()?;
        // A request of its own, not shown as a QR code: only her texted code approves it.
        let fresh = self.new_request().await?;
        let token = kiosk.device.token(self.app.client()).await?;
        let approval = DeviceSmsApproval {
            user_code: fresh.user_code,
            phone: phone.chars().filter(char::is_ascii_digit).collect(),
            code: code.chars().filter(char::is_ascii_digit).collect(),
        };
        self.app
            .client()
            .approve_at_kiosk(&token, &approval)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-offline"))?;
        self.login_wait().await
    }
}
