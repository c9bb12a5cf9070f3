//! 请工作人员过来, as the staff window shows it: the open calls of her centre's kiosks, with who
//! is going; she says she is going (我过去), and ends a call once the person is helped (处理好了).

use huiban_api::KioskCall;
use serde::Serialize;

use super::StaffService;
use crate::{Error, dates};

/// A kiosk's call for staff, as the staff window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct KioskCallView {
    /// The call's id.
    pub call_id: String,
    /// The kiosk's name, e.g. 一层大厅1号自助机.
    pub kiosk_name: String,
    /// Since when it calls, in plain words.
    pub since_words: String,
    /// Who is going, once someone said so.
    pub answered_by: Option<String>,
    /// The one going is the clerk logged in here.
    pub mine: bool,
    /// The words to announce (a system notification) the first time she is shown the call; none
    /// after that.
    pub announcement: Option<String>,
}

impl StaffService<'_> {
    /// The open calls of her centre's kiosks, oldest first (online only; refused while her screen
    /// is locked).
    pub async fn kiosk_calls(&self) -> Result<Vec<KioskCallView>, Error> {
        self.at_work()?;
        let token = self.app.session.token(self.app.client()).await?;
        let calls = self
            .app
            .client()
            .centre_kiosk_calls(&token.access_token)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-calls-offline"))?;
        let me = self.with_day(|day| Ok(day.account_id.clone()))?;
        let mut views: Vec<_> = calls.iter().map(|call| self.view_of(call, &me)).collect();
        // Each call is announced once; calls that ended are forgotten.
        self.with_day(|day| {
            day.calls_seen
                .retain(|seen| views.iter().any(|view| view.call_id == *seen));
            for view in &mut views {
                if !day.calls_seen.insert(view.call_id.clone()) {
                    view.announcement = None;
                }
            }
            Ok(())
        })?;
        Ok(views)
    }

    /// 我过去: she is going to the call `call_id` (refused in plain words when someone else is, or
    /// the call is over).
    pub async fn answer_kiosk_call(&self, call_id: &str) -> Result<Vec<KioskCallView>, Error> {
        self.at_work()?;
        let call_id = checked_call_id(call_id)?;
        let token = self.app.session.token(self.app.client()).await?;
        self.app
            .client()
            .answer_kiosk_call(&token.access_token, &call_id)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-calls-offline"))?;
        self.kiosk_calls().await
    }

    /// 处理好了: the person at the kiosk was helped and the call `call_id` ends.
    pub async fn end_kiosk_call(&self, call_id: &str) -> Result<Vec<KioskCallView>, Error> {
        self.at_work()?;
        let call_id = checked_call_id(call_id)?;
        let token = self.app.session.token(self.app.client()).await?;
        self.app
            .client()
            .end_centre_kiosk_call(&token.access_token, &call_id)
            .await
            .map_err(|error| Error::online_only(error, "kiosk-calls-offline"))?;
        self.kiosk_calls().await
    }

    fn view_of(&self, call: &KioskCall, me: &str) -> KioskCallView {
        KioskCallView {
            call_id: call.call_id.clone(),
            kiosk_name: call.kiosk_name.clone(),
            since_words: dates::plain_time(&call.raised_at, self.app.localizer()),
            answered_by: call.answered_by.clone(),
            mine: call.answered_by_account.as_deref() == Some(me),
            announcement: Some(self.app.localizer().text(
                "kiosk-calls-announce",
                &[("kiosk", call.kiosk_name.as_str())],
            )),
        }
    }
}

/// A call id as the platform gives them (a UUID), or a plain refusal.
fn checked_call_id(call_id: &str) -> Result<String, Error> {
    uuid::Uuid::parse_str(call_id.trim())
        .map(|id| id.to_string())
        .map_err(|_| Error::plain("kiosk-call-gone"))
}
