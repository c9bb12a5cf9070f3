//! The clerk's day (今天办过的居民): the residents she served today, masked, with what was done for
//! each and what still waits on this computer to be sent; picking one up again asks her consent
//! again. The list is the platform's (this computer keeps nothing of a resident once she left).

use huiban_api::{ServedToday, SessionStatus};

use super::acted_for_me::deeds_in;
use super::acting::Acting;
use super::service::{AssistedService, AssistedView};
use crate::Error;
use crate::i18n::Localizer;

/// One resident of the clerk's day, as the day's queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct ServedTodayView {
    /// The platform's session id (a list key, and what 再次办理 names).
    pub session_id: String,
    /// When the session began: 09:30.
    pub when: String,
    /// Who, masked: 张*英（110…1029）.
    pub resident: String,
    /// Where the session stands, in plain words: 已结束 / 正在办理 / 居民没有同意.
    pub status: String,
    /// What was done for her, each once: 申请了办事 (or 没有提交任何事项).
    pub did: Vec<String>,
    /// How many things confirmed for her still wait on this computer to be sent.
    pub waiting: u64,
    /// She consented then, and the session ended: she may be picked up again (with her consent).
    pub can_again: bool,
}

/// The view of one session of the clerk's day, with `waiting` still unsent here; `at_counter` says
/// whether it is the session at the counter now (one ended here is ended, though its close may
/// still wait behind what was confirmed in it).
pub fn view_of(
    served: &ServedToday,
    waiting: u64,
    at_counter: bool,
    localizer: &Localizer,
) -> ServedTodayView {
    let session = &served.session;
    let consented = session.consent_method.is_some();
    let status = match session.status {
        SessionStatus::Open if at_counter => "served-open",
        SessionStatus::AwaitingConsent => "served-no-consent",
        _ if consented => "served-closed",
        _ => "served-no-consent",
    };
    let mut did = deeds_in(&served.actions, "served-did", true, localizer);
    if did.is_empty() && consented {
        did.push(localizer.text("served-did-nothing", &[]));
    }
    let resident = match &session.resident_id_number_masked {
        Some(id) => localizer.text(
            "served-resident",
            &[
                ("name", session.resident_name.as_str()),
                ("id", id.as_str()),
            ],
        ),
        None => session.resident_name.clone(),
    };
    ServedTodayView {
        session_id: session.session_id.clone(),
        when: chrono::DateTime::parse_from_rfc3339(&session.created_at)
            .map(|at| at.format("%H:%M").to_string())
            .unwrap_or_default(),
        resident,
        status: localizer.text(status, &[]),
        did,
        waiting,
        can_again: consented && session.status == SessionStatus::Closed,
    }
}

impl AssistedService<'_> {
    /// 今天办过的居民: the clerk's sessions of today, newest first (online only: the platform keeps
    /// the day, this computer does not).
    pub async fn served_today(&self) -> Result<Vec<ServedTodayView>, Error> {
        self.app().staff().at_work()?;
        let token = self.app().session.token(self.app().client()).await?;
        let day = self
            .app()
            .client()
            .served_today(&token.access_token)
            .await
            .map_err(|error| Error::online_only(error, "served-needs-network"))?;
        let store = self.app().store();
        let at_counter = self.current_session_id();
        day.iter()
            .map(|served| {
                let id = &served.session.session_id;
                let waiting = match store {
                    Some(store) => store.unsent_in_session(id)?,
                    None => 0,
                };
                let here = at_counter.as_deref() == Some(id.as_str());
                Ok(view_of(served, waiting, here, self.app().localizer()))
            })
            .collect()
    }

    /// 再次办理: a new session for the resident of today's `session_id`; she is texted a new code
    /// and nothing of hers shows until she gives it.
    pub async fn again(&self, session_id: &str) -> Result<AssistedView, Error> {
        self.app().staff().at_work()?;
        self.refuse_while_open()?;
        self.end().await?;
        let token = self.app().session.token(self.app().client()).await?;
        let session = self
            .app()
            .client()
            .assisted_again(&token.access_token, session_id)
            .await?;
        self.keep_delivery_key(&session)?;
        let acting = Acting {
            session_id: session.session_id,
            resident_name: session.resident_name,
            id_number_masked: session
                .resident_id_number_masked
                .unwrap_or_else(|| "…".to_owned()),
            phone_masked: None,
            open: false,
            resident_account_id: None,
        };
        Ok(self.set_acting(acting))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use huiban_api::{ActionOnBehalf, AssistedSession};

    fn served(status: SessionStatus, consent: Option<&str>, actions: &[&str]) -> ServedToday {
        ServedToday {
            session: AssistedSession {
                session_id: "as-1".to_owned(),
                status,
                resident_name: "张*英".to_owned(),
                resident_phone_masked: None,
                resident_id_number_masked: consent.map(|_| "110…1029".to_owned()),
                staff_name: "赵敏".to_owned(),
                staff_department: "东城区政务服务中心".to_owned(),
                consent_method: consent.map(str::to_owned),
                approved_by: None,
                created_at: "2026-12-01T09:30:00+08:00".to_owned(),
                closed_at: None,
                delivery_key: None,
                kinship: None,
            },
            actions: actions
                .iter()
                .map(|action| ActionOnBehalf {
                    at: "2026-12-01T09:31:00+08:00".to_owned(),
                    actor_name: "赵敏".to_owned(),
                    action: (*action).to_owned(),
                    subject: None,
                })
                .collect(),
        }
    }

    #[test]
    fn the_day_says_what_was_submitted_not_what_was_looked_at() {
        let localizer = crate::i18n::spoken();
        let done = served(
            SessionStatus::Closed,
            Some("sms_code"),
            &[
                "GET /api/v1/me",
                "POST /api/v1/applications",
                "POST /api/v1/applications",
            ],
        );
        let view = view_of(&done, 1, false, localizer);
        assert_eq!(view.when, "09:30");
        assert_eq!(view.resident, "张*英（110…1029）");
        assert_eq!((view.status.as_str(), view.can_again), ("已结束", true));
        assert_eq!(view.did, ["申请了办事"]);
        assert_eq!(view.waiting, 1);

        let looked = served(SessionStatus::Closed, Some("sms_code"), &["GET /api/v1/me"]);
        assert_eq!(
            view_of(&looked, 0, false, localizer).did,
            ["没有提交任何事项"]
        );
        let ending = served(SessionStatus::Open, Some("sms_code"), &[]);
        let ended_here = view_of(&ending, 1, false, localizer);
        assert_eq!(
            (ended_here.status.as_str(), ended_here.can_again),
            ("已结束", false),
            "ended at the counter, its close still behind what waits"
        );
        assert_eq!(view_of(&ending, 0, true, localizer).status, "正在办理");

        let refused = view_of(
            &served(SessionStatus::AwaitingConsent, None, &[]),
            0,
            false,
            localizer,
        );
        assert_eq!(refused.resident, "张*英");
        assert_eq!(
            (refused.status.as_str(), refused.can_again),
            ("居民没有同意", false)
        );
        assert!(refused.did.is_empty());
    }
}
