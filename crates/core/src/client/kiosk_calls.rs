//! 请工作人员过来 on the wire: the kiosk raises, watches and ends its call with its own device
//! login; the staff of its centre list, answer and end the calls.

use huiban_api::{API_PREFIX, KioskCall, KioskCalls};

use super::{ClientError, PlatformClient};

impl PlatformClient {
    /// The kiosk asks for staff: its open call (raised now unless one is open).
    pub async fn raise_kiosk_call(
        &self,
        kiosk_access_token: &str,
    ) -> Result<KioskCall, ClientError> {
        let path = format!("{API_PREFIX}/kiosk/calls");
        self.post_for(kiosk_access_token, &path).await
    }

    /// The kiosk's open call, if any.
    pub async fn kiosk_call(
        &self,
        kiosk_access_token: &str,
    ) -> Result<Option<KioskCall>, ClientError> {
        let path = format!("{API_PREFIX}/kiosk/calls");
        let calls: KioskCalls = self.get_as(kiosk_access_token, &path).await?;
        Ok(calls.calls.into_iter().next())
    }

    /// The kiosk no longer needs staff.
    pub async fn end_kiosk_call(&self, kiosk_access_token: &str) -> Result<(), ClientError> {
        let path = format!("{API_PREFIX}/kiosk/calls/end");
        self.post_without_body(&path, kiosk_access_token).await
    }

    /// The open calls of the staff member's centre, oldest first.
    pub async fn centre_kiosk_calls(
        &self,
        access_token: &str,
    ) -> Result<Vec<KioskCall>, ClientError> {
        let path = format!("{API_PREFIX}/centre/kiosk-calls");
        let calls: KioskCalls = self.get_as(access_token, &path).await?;
        Ok(calls.calls)
    }

    /// The staff member is on her way to the call `call_id`.
    pub async fn answer_kiosk_call(
        &self,
        access_token: &str,
        call_id: &str,
    ) -> Result<KioskCall, ClientError> {
        let path = format!("{API_PREFIX}/centre/kiosk-calls/{call_id}/answer");
        self.post_for(access_token, &path).await
    }

    /// The person at the kiosk was helped: the call `call_id` ends.
    pub async fn end_centre_kiosk_call(
        &self,
        access_token: &str,
        call_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!("{API_PREFIX}/centre/kiosk-calls/{call_id}/end");
        self.post_without_body(&path, access_token).await
    }
}
