//! 请工作人员过来 on the kiosk: she asks for staff, the kiosk shows that they were asked and, once
//! one of them said so, who is coming; 不用了 takes the call back, and her visit ending ends it.

use huiban_api::KioskCall;
use serde::Serialize;

use super::service::KioskService;
use crate::Error;

/// What the kiosk shows of its call for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct StaffCallView {
    /// Staff were asked and the call is open.
    pub open: bool,
    /// The name of the staff member on her way, once one said so.
    pub coming: Option<String>,
}

impl StaffCallView {
    fn of(call: Option<KioskCall>) -> Self {
        Self {
            open: call.is_some(),
            coming: call.and_then(|call| call.answered_by),
        }
    }
}

impl KioskService<'_> {
    /// 请工作人员过来: the staff of the kiosk's centre are asked (once, however often she presses).
    pub async fn call_staff(&self) -> Result<StaffCallView, Error> {
        let kiosk = self.kiosk()?;
        let token = kiosk.device.token(self.app.client()).await?;
        let call = self
            .app
            .client()
            .raise_kiosk_call(&token)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-call-offline"))?;
        Ok(StaffCallView::of(Some(call)))
    }

    /// The kiosk's call as it stands: whether someone is coming.
    pub async fn staff_call(&self) -> Result<StaffCallView, Error> {
        let kiosk = self.kiosk()?;
        let token = kiosk.device.token(self.app.client()).await?;
        let call = self
            .app
            .client()
            .kiosk_call(&token)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-call-offline"))?;
        Ok(StaffCallView::of(call))
    }

    /// 不用了 (or her visit ended): staff are no longer asked.
    pub async fn cancel_staff_call(&self) -> Result<StaffCallView, Error> {
        let kiosk = self.kiosk()?;
        let token = kiosk.device.token(self.app.client()).await?;
        self.app
            .client()
            .end_kiosk_call(&token)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-call-offline"))?;
        Ok(StaffCallView::of(None))
    }
}
