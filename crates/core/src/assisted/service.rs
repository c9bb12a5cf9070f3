//! `app.assisted()`: identifying the resident at the counter, her consent, and 结束办理. Every act
//! asks first that the clerk is at work (logged in, screen open).

use huiban_api::{
    AssistedSession, CloseAssistedSession, Consent, NewAssistedSession, SessionStatus,
};

use super::acting::Acting;
use super::card_reader::IdCard;
use super::resident::{checked_id_number, checked_name};
use crate::app::App;
use crate::outbox::assisted_close;
use crate::{ClientError, Error};

/// The session at the counter as the staff window shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct AssistedView {
    /// She consented: the clerk may act for her (otherwise the session waits for her code).
    pub open: bool,
    /// Her name.
    pub resident_name: String,
    /// Her ID number, masked (`110…1029`).
    pub id_number_masked: String,
    /// Her phone, masked, once she consented.
    pub phone_masked: Option<String>,
    /// The banner on every page while acting for her: 正在为 张秀英（110…1029）办理.
    pub banner: String,
    /// What the clerk will be able to see and do for her, in plain words, said before she consents.
    pub consent_words: Vec<String>,
}

/// The Fluent ids of what the resident is told before she gives her code.
const CONSENT_WORDS: [&str; 4] = [
    "assisted-consent-see",
    "assisted-consent-do",
    "assisted-consent-not",
    "assisted-consent-trail",
];

impl App {
    /// Acting for a resident at the counter (staff mode).
    pub fn assisted(&self) -> AssistedService<'_> {
        AssistedService { app: self }
    }
}

/// Acting for a resident, as `app.assisted()` offers it.
pub struct AssistedService<'a> {
    app: &'a App,
}

impl AssistedService<'_> {
    /// Checks an ID number typed on the keypad before the name is asked; answers it cleaned.
    pub fn check_id_number(&self, typed: &str) -> Result<String, Error> {
        self.app.staff().at_work()?;
        checked_id_number(typed)
    }

    /// The card on the ID-card reader now (`None` without a card); refused without a reader.
    pub fn read_card(&self) -> Result<Option<IdCard>, Error> {
        self.app.staff().at_work()?;
        self.app
            .read_id_card("assisted-no-reader", "assisted-card-unreadable")
    }

    /// Starts a session for the resident with `id_number` and `name`: the platform texts her a
    /// consent code (it says nothing of whether the pair matched anyone until the code is given).
    pub async fn start(&self, id_number: &str, name: &str) -> Result<AssistedView, Error> {
        self.app.staff().at_work()?;
        let id_number = checked_id_number(id_number)?;
        let name = checked_name(name)?;
        self.refuse_while_open()?;
        // A session still waiting for a code (a name typed wrong) is ended for the new one.
        self.end().await?;
        let token = self.app.session.token(self.app.client()).await?;
        let resident = NewAssistedSession {
            id_number: id_number.clone(),
            name,
        };
        let session = self
            .app
            .client()
            .start_assisted(&token.access_token, &resident)
            .await?;
        self.keep_delivery_key(&session)?;
        let acting = Acting {
            session_id: session.session_id,
            resident_name: session.resident_name,
            id_number_masked: huiban_api::id_number::masked(&id_number),
            phone_masked: None,
            open: false,
            resident_account_id: None,
        };
        Ok(self.set_acting(acting))
    }

    /// Keeps the delivery key of a session just begun, with which this computer sends what is
    /// confirmed in it whoever of the centre is logged in when the network allows.
    pub(super) fn keep_delivery_key(&self, session: &AssistedSession) -> Result<(), Error> {
        if let (Some(store), Some(key)) = (self.app.store(), &session.delivery_key) {
            store.keep_delivery_key(&session.session_id, key)?;
        }
        Ok(())
    }

    /// The app it works in.
    pub(super) fn app(&self) -> &App {
        self.app
    }

    /// Refused while a session she consented to is open: 结束办理 comes first.
    pub(super) fn refuse_while_open(&self) -> Result<(), Error> {
        match self.acting().as_ref().filter(|acting| acting.open) {
            Some(open) => Err(Error::with_args(
                "assisted-end-first",
                vec![("name", open.resident_name.clone())],
            )),
            None => Ok(()),
        }
    }

    /// The id of the session at the counter, if any.
    pub(super) fn current_session_id(&self) -> Option<String> {
        self.acting()
            .as_ref()
            .map(|acting| acting.session_id.clone())
    }

    /// Puts `acting` at the counter; answers its view.
    pub(super) fn set_acting(&self, acting: Acting) -> AssistedView {
        let view = self.view(&acting);
        *self.acting() = Some(acting);
        view
    }

    /// Records the code the resident read out from her SMS: the session opens.
    pub async fn consent_by_code(&self, code: &str) -> Result<AssistedView, Error> {
        self.app.staff().at_work()?;
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(Error::plain("assisted-code-shape"));
        }
        let waiting = self.waiting()?;
        let token = self.app.session.token(self.app.client()).await?;
        self.give_consent(waiting, &token.access_token, &Consent::SmsCode { code })
            .await
    }

    /// The session at the counter waiting for her consent (refused when there is none).
    pub(super) fn waiting(&self) -> Result<Acting, Error> {
        self.acting()
            .clone()
            .ok_or_else(|| Error::plain("assisted-none"))
    }

    /// Gives the platform her `consent` to the session `waiting`, and puts what it answered at the
    /// counter: once open, her account (her rows here are kept under it) and her copies.
    pub(super) async fn give_consent(
        &self,
        waiting: Acting,
        access_token: &str,
        consent: &Consent,
    ) -> Result<AssistedView, Error> {
        let session = self
            .app
            .client()
            .consent_assisted(access_token, &waiting.session_id, consent)
            .await?;
        let open = session.status == SessionStatus::Open;
        let resident_account_id = if open {
            let her = self
                .app
                .client()
                .acting_in(&waiting.session_id)
                .me(access_token)
                .await?;
            Some(her.account_id)
        } else {
            None
        };
        let acting = Acting {
            resident_name: session.resident_name,
            phone_masked: session.resident_phone_masked,
            open,
            resident_account_id,
            ..waiting
        };
        *self.acting() = Some(acting.clone());
        if open && let Err(error) = self.app.refresh_copies().await {
            tracing::info!(%error, "her copies are pulled when a page asks for them");
        }
        Ok(self.view(&acting))
    }

    /// The session at the counter, if any (nothing while the screen is locked).
    pub fn current(&self) -> Result<Option<AssistedView>, Error> {
        self.app.staff().at_work()?;
        Ok(self.acting().as_ref().map(|acting| self.view(acting)))
    }

    /// 结束办理: ends the session here at once, and on the platform: now when nothing confirmed for
    /// her waits, else by a close queued behind what waits (sent in the open session first), as
    /// without the network. The close names what is still to be sent (the platform files those in
    /// the session if they arrive after it, and nothing else). Nothing of hers stays on this
    /// computer but what must still go out, and the session's delivery key while it waits (so it
    /// goes out under whichever clerk of the centre is logged in then).
    pub async fn end(&self) -> Result<(), Error> {
        let Some(acting) = self.acting().take() else {
            return Ok(());
        };
        let hers = match (self.app.store(), &acting.resident_account_id) {
            (Some(store), Some(account)) => Some(store.of_resident(account, &acting.session_id)),
            _ => None,
        };
        let close = CloseAssistedSession {
            pending: match &hers {
                Some(hers) => assisted_close::pending_in(hers, &acting.session_id)?,
                None => Vec::new(),
            },
        };
        // With something of hers still to send, the close goes behind it (so it, and the files it
        // needs, go in the open session); otherwise now, or behind nothing once the network is back.
        let close_later =
            !close.pending.is_empty() || !self.close_now(&acting.session_id, &close).await?;
        if close_later
            && acting.open
            && let Some(hers) = &hers
        {
            assisted_close::enqueue_close(
                hers,
                &acting.session_id,
                &close,
                crate::clock::now_ms(),
            )?;
            self.app.wake().notify_one();
        }
        if let Some(hers) = hers {
            hers.forget_all_but_unsent()?;
            hers.end_assisted_session(&acting.session_id)?;
        }
        if let Some(store) = self.app.store() {
            store.forget_delivery_keys_not_needed()?;
            store.scrub()?;
        }
        Ok(())
    }

    /// Closes the session on the platform now; `false` when it cannot be reached (or no token can
    /// be had without it), so the close must wait.
    async fn close_now(
        &self,
        session_id: &str,
        close: &CloseAssistedSession,
    ) -> Result<bool, Error> {
        let token = match self.app.session.token(self.app.client()).await {
            Ok(token) => token,
            Err(error) => {
                tracing::warn!(%error, "no token to end the assisted session with now");
                return Ok(false);
            }
        };
        match self
            .app
            .client()
            .close_assisted(&token.access_token, session_id, close)
            .await
        {
            Ok(_) => Ok(true),
            Err(ClientError::Unreachable(error)) => {
                tracing::warn!(%error, "结束办理 waits for the network");
                Ok(false)
            }
            Err(error) => {
                // Closed already (or not hers): nothing more to tell the platform.
                tracing::warn!(%error, "the platform refused 结束办理");
                Ok(true)
            }
        }
    }

    fn view(&self, acting: &Acting) -> AssistedView {
        let localizer = self.app.localizer();
        AssistedView {
            open: acting.open,
            resident_name: acting.resident_name.clone(),
            id_number_masked: acting.id_number_masked.clone(),
            phone_masked: acting.phone_masked.clone(),
            banner: localizer.text(
                "assisted-banner",
                &[
                    ("name", acting.resident_name.as_str()),
                    ("id", acting.id_number_masked.as_str()),
                ],
            ),
            consent_words: CONSENT_WORDS
                .iter()
                .map(|id| localizer.text(id, &[]))
                .collect(),
        }
    }

    fn acting(&self) -> std::sync::MutexGuard<'_, Option<Acting>> {
        self.app
            .acting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
