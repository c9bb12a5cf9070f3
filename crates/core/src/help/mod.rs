//! `app.help()`: 求助 — the numbers she can call, and 请工作人员给我回电话, a call-back asked for as a
//! 求助 诉求 through the 12345 loop (queued in the outbox like every 诉求, so it is asked once, offline
//! too), and her district's service centre (`centre`). The request is worded in Chinese whatever the
//! app's language: the people who call back read it.

mod centre;
mod family;

use chrono::NaiveDate;
use huiban_api::{IntakeChannel, NewRequest, RequestKind, RequestStatus, ServiceRequest};
use serde::Serialize;

use crate::app::App;
use crate::clock::{now_ms, today};
use crate::i18n::{Localizer, chinese};
use crate::outbox::requests as queued;
use crate::store::{AccountStore, OutboxKind, OutboxState};
use crate::{Error, dates};

pub use centre::{CentreHelp, DistrictChoice, DistrictFrom, DistrictPage, centre_help};
pub use family::{FamilyHelp, FamilyMember, FamilyTap, family_help};

/// The first words of every call-back request, by which one already asked is known again.
const CALL_BACK_ID: &str = "help-call-back-request";

/// The national government-services hotline.
pub const HOTLINE: &str = "12345";

impl App {
    /// 求助: the numbers to call and the call-back.
    pub fn help(&self) -> HelpService<'_> {
        HelpService { app: self }
    }
}

/// 求助, as `app.help()` offers it.
pub struct HelpService<'a> {
    app: &'a App,
}

/// A number she can call, with who answers and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct HelpNumber {
    /// Who answers: 政务服务便民热线.
    pub name: String,
    /// The number to dial.
    pub number: String,
    /// When someone answers, in words.
    pub hours: String,
}

/// Where her call-back stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CallBack {
    /// Nobody is logged in: the call-back needs her login (and the phone on it).
    LogInFirst,
    /// She may ask; they will call this (masked) phone.
    CanAsk {
        /// 工作人员会打这个电话：138****0001.
        said: String,
    },
    /// Asked and not yet answered: when to expect the call.
    Asked {
        /// 已经请工作人员给您回电话了。最晚12月3日会打到 138****0001。
        said: String,
    },
}

/// The 求助 page: the numbers, then the call-back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct HelpPage {
    /// The numbers she can call, the hotline first.
    pub numbers: Vec<HelpNumber>,
    /// Her district's service centre.
    pub centre: CentreHelp,
    /// The call-back.
    pub call_back: CallBack,
    /// 请家人帮忙: the relatives who help her, as kept here.
    pub family: FamilyHelp,
}

impl HelpService<'_> {
    /// The numbers (her centre's as kept here: the page opens at once, offline too; [`Self::centre`]
    /// asks the platform after) and whether a call-back may be asked, is asked, or needs her login.
    pub async fn page(&self) -> Result<HelpPage, Error> {
        let localizer = self.app.localizer();
        let call_back = match self.app.own_store_if_any().await? {
            None => CallBack::LogInFirst,
            Some(store) => call_back_state(&store, today(), localizer)?,
        };
        Ok(HelpPage {
            numbers: numbers(localizer),
            centre: self.kept_centre().await?,
            call_back,
            family: self.kept_family().await?,
        })
    }

    /// Asks for a call-back (once: asked again while one is open, nothing more is filed), naming
    /// the page she was looking at; answers with when to expect the call.
    pub async fn call_back(&self, looking_at: Option<&str>) -> Result<CallBack, Error> {
        let store = self.app.own_store().await?;
        let localizer = self.app.localizer();
        if let asked @ CallBack::Asked { .. } = call_back_state(&store, today(), localizer)? {
            return Ok(asked);
        }
        queued::enqueue_request(&store, &call_back_request(looking_at), now_ms())?;
        self.app.wake().notify_one();
        Ok(asked(today(), &masked_phone(&store)?, localizer))
    }
}

/// The numbers she can call: 12345, answered day and night.
pub fn numbers(localizer: &Localizer) -> Vec<HelpNumber> {
    vec![HelpNumber {
        name: localizer.text("help-hotline-name", &[]),
        number: HOTLINE.to_owned(),
        hours: localizer.text("help-hotline-hours", &[]),
    }]
}

/// A call-back she may ask for, to `phone` (masked).
pub fn can_ask(phone: &str, localizer: &Localizer) -> CallBack {
    CallBack::CanAsk {
        said: localizer.text("help-call-back-phone", &[("phone", phone)]),
    }
}

/// A call-back asked on `day`: called back to `phone` (masked) within a working day.
pub fn asked(day: NaiveDate, phone: &str, localizer: &Localizer) -> CallBack {
    let by = huiban_api::workdays::add_working_days(day, 1);
    let said = localizer.text(
        "help-call-back-asked",
        &[
            ("date", &dates::plain_date(&by.to_string(), localizer)),
            ("phone", phone),
        ],
    );
    CallBack::Asked { said }
}

/// The 求助 诉求 a call-back is filed as, in the words of those who call back.
pub fn call_back_request(looking_at: Option<&str>) -> NewRequest {
    let mut description = chinese().text(CALL_BACK_ID, &[]);
    if let Some(page) = looking_at.map(str::trim).filter(|p| !p.is_empty()) {
        let page: String = page.chars().take(100).collect();
        description.push_str(&chinese().text("help-call-back-looking-at", &[("page", &page)]));
    }
    NewRequest {
        kind: RequestKind::Help,
        description,
        location: None,
        photos: Vec::new(),
        channel: IntakeChannel::Desktop,
        call_back: true,
    }
}

/// Whether `request` is a call-back still waiting for its call.
fn open_call_back(request: &ServiceRequest) -> bool {
    asks_call_back(request.kind, request.call_back, &request.description)
        && matches!(
            request.status,
            RequestStatus::Accepted | RequestStatus::Dispatched | RequestStatus::Handling
        )
}

/// Whether a request (filed or kept here) asks for a call-back: marked so, or (filed before the
/// mark existed) a 求助 in a call-back's words.
fn asks_call_back(kind: RequestKind, call_back: bool, description: &str) -> bool {
    kind == RequestKind::Help
        && (call_back || description.starts_with(&chinese().text(CALL_BACK_ID, &[])))
}

/// Her phone as kept with her account, masked (empty when the platform gave none).
fn masked_phone(store: &AccountStore<'_>) -> Result<String, Error> {
    Ok(store
        .profile()?
        .and_then(|p| p.phone_masked)
        .unwrap_or_default())
}

/// Where her call-back stands as of `today`: asked (kept here, sent or not, until the platform's
/// copy is pulled back; or filed and still open) or not.
fn call_back_state(
    store: &AccountStore<'_>,
    today: NaiveDate,
    localizer: &Localizer,
) -> Result<CallBack, Error> {
    let phone = masked_phone(store)?;
    // Every row keeps its request until the platform's copy comes back (then it is purged); one the
    // platform refused is not on its way, so she may ask again.
    let kept_here = store
        .outbox_rows_of_kind(OutboxKind::Request)?
        .into_iter()
        .filter(|row| !row.is_purged() && row.state != OutboxState::NeedsAttention)
        .filter_map(|row| serde_json::from_str::<NewRequest>(&row.body).ok())
        .any(|request| asks_call_back(request.kind, request.call_back, &request.description));
    // Filed: called back within a working day of filing; not yet filed, of today.
    let filed_on = store
        .cached_requests()?
        .iter()
        .filter(|request| open_call_back(request))
        .map(|request| {
            chrono::DateTime::parse_from_rfc3339(&request.submitted_at)
                .map(|at| at.date_naive())
                .unwrap_or(today)
        })
        .max();
    Ok(match filed_on {
        Some(day) => asked(day, &phone, localizer),
        None if kept_here => asked(today, &phone, localizer),
        None => can_ask(&phone, localizer),
    })
}

#[cfg(test)]
mod tests;
