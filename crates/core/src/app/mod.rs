//! The app as the shell sees it: one [`App`] owning the platform client, the login, the local store,
//! the localizer and the loops' signals. Each noun's module adds its service to it (`impl App` in
//! `cases/service.rs` gives `app.cases()`, and so on for `requests`, `drafts`, `forms`, `catalog`,
//! `inbox`, `wallet`, `logins`, `session`, `preferences`), so this file names none of them and no
//! service imports another through it. A shell command is a few lines over these services; the rules
//! and the views live in core.

mod attachment;
mod opening;
mod preferences;
mod refresh;

use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

use crate::preferences::Preferences;
use crate::pull::PullGate;
use crate::search::SearchIndex;
use crate::session::Session;
use crate::store::{AccountStore, LocalStore};
use crate::{Error, Localizer, PlatformClient, UrlSource};

pub use opening::StartError;
pub use preferences::PreferencesService;

/// Everything the app's commands reach, owned once.
pub struct App {
    pub(crate) client: PlatformClient,
    pub(crate) source: UrlSource,
    pub(crate) store: Option<Arc<LocalStore>>,
    pub(crate) store_notice: Option<&'static str>,
    pub(crate) session: Arc<Session>,
    pub(crate) wake: Arc<Notify>,
    pub(crate) pull_now: Arc<Notify>,
    pub(crate) pull_gate: Arc<PullGate>,
    pub(crate) unsaved_preferences: Mutex<Preferences>,
    pub(crate) search_index: Mutex<Option<Arc<SearchIndex>>>,
    pub(crate) staff_day: Mutex<Option<crate::staff::day::StaffDay>>,
    pub(crate) mode: crate::mode::Mode,
    pub(crate) acting: Mutex<Option<crate::assisted::acting::Acting>>,
    pub(crate) card_reader: Option<Arc<dyn crate::assisted::CardReader>>,
    pub(crate) kiosk: Option<Arc<crate::kiosk::Kiosk>>,
}

/// What an [`App`] is made of: the platform, where its address came from, the local store (when a
/// keychain could hold its key) with what to tell the person about it, and the login.
pub struct AppParts {
    /// Client of the configured platform.
    pub client: PlatformClient,
    /// Where the platform address came from.
    pub source: UrlSource,
    /// The encrypted local store; `None` when no keychain could be used.
    pub store: Option<Arc<LocalStore>>,
    /// The Fluent id of what the person must know about the local store, when there is something.
    pub store_notice: Option<&'static str>,
    /// The login on this device.
    pub session: Session,
}

impl App {
    /// The app made of `parts`, with fresh signals for its loops.
    pub fn new(parts: AppParts) -> Self {
        Self {
            client: parts.client,
            source: parts.source,
            store: parts.store,
            store_notice: parts.store_notice,
            session: Arc::new(parts.session),
            wake: Arc::new(Notify::new()),
            pull_now: Arc::new(Notify::new()),
            pull_gate: Arc::default(),
            unsaved_preferences: Mutex::new(Preferences::default()),
            search_index: Mutex::new(None),
            staff_day: Mutex::new(None),
            mode: crate::mode::Mode::Citizen,
            acting: Mutex::new(None),
            card_reader: None,
            kiosk: None,
        }
    }

    /// The same app reading residents' ID cards with `reader` (staff mode).
    pub fn with_card_reader(mut self, reader: Arc<dyn crate::assisted::CardReader>) -> Self {
        self.card_reader = Some(reader);
        self
    }

    /// Whether this computer has an ID-card reader (at a counter, or on a kiosk).
    pub fn has_card_reader(&self) -> bool {
        self.card_reader.is_some()
    }

    /// The card on this computer's reader now (`None` without a card); refused in the words of
    /// `no_reader` without a reader and of `unreadable` when the reader fails (logged without the
    /// card).
    pub(crate) fn read_id_card(
        &self,
        no_reader: &'static str,
        unreadable: &'static str,
    ) -> Result<Option<crate::assisted::IdCard>, Error> {
        let reader = self
            .card_reader
            .as_ref()
            .ok_or_else(|| Error::plain(no_reader))?;
        reader.read().map_err(|error| {
            tracing::warn!(%error, "the ID card reader failed");
            Error::plain(unreadable)
        })
    }

    /// The same app running the kiosk `kiosk` (kiosk mode).
    pub fn with_kiosk(mut self, kiosk: crate::kiosk::Kiosk) -> Self {
        self.kiosk = Some(Arc::new(kiosk));
        self
    }

    /// The same app running in `mode` (citizen unless told).
    pub fn in_mode(mut self, mode: crate::mode::Mode) -> Self {
        self.mode = mode;
        self
    }

    /// The kiosk this app runs (kiosk mode only).
    pub fn kiosk_here(&self) -> Option<Arc<crate::kiosk::Kiosk>> {
        self.kiosk.clone()
    }

    /// Which of the three modes this app runs in.
    pub fn mode(&self) -> crate::mode::Mode {
        self.mode
    }

    /// The local store, or the plain error that there is none (no keychain on this computer).
    pub fn kept_store(&self) -> Result<&LocalStore, Error> {
        self.store
            .as_deref()
            .ok_or_else(|| Error::plain("store-unavailable"))
    }

    /// The local data of the person logged in, or the plain error that nobody is (or there is no
    /// store): every personal row is read and written only through this.
    pub async fn own_store(&self) -> Result<AccountStore<'_>, Error> {
        self.kept_store()?;
        self.own_store_if_any().await?.ok_or_else(|| {
            Error::plain(match self.mode {
                crate::mode::Mode::Staff => "assisted-none",
                _ => "login-needed",
            })
        })
    }

    /// The local data of the person logged in; `None` with nobody logged in or no store, when a page
    /// shows nothing personal at all. In staff mode the person is the resident the clerk acts for
    /// in an open session (the clerk has no personal rows of her own).
    pub async fn own_store_if_any(&self) -> Result<Option<AccountStore<'_>>, Error> {
        let Some(store) = self.store.as_deref() else {
            return Ok(None);
        };
        if self.mode == crate::mode::Mode::Staff {
            return Ok(self
                .acting_for()
                .map(|whose| store.of_resident(&whose.account_id, &whose.session_id)));
        }
        let account = self.session.account().await?;
        Ok(account.map(|account| match self.session.helping(&account) {
            // A relative acting for the person who agreed to it: her data as he keeps it.
            Some(helping) => {
                store.of_relative(&account, &helping.person_account_id, &helping.grant_id)
            }
            None => store.of_account(&account),
        }))
    }

    /// Client of the configured platform.
    pub fn client(&self) -> &PlatformClient {
        &self.client
    }

    /// Client for the person's own data: while a clerk acts for a resident, every request names the
    /// session, and while a relative acts for the person who agreed to it, the grant; so the
    /// platform answers about her.
    pub fn client_for_person(&self) -> PlatformClient {
        if let Some(whose) = self.acting_for() {
            return self.client.acting_in(&whose.session_id);
        }
        match self.session.helping_now() {
            Some(helping) => self.client.for_relative(&helping.grant_id),
            None => self.client.clone(),
        }
    }

    /// Where the platform address came from.
    pub fn source(&self) -> &UrlSource {
        &self.source
    }

    /// The language the person is spoken to in.
    pub fn localizer(&self) -> &'static Localizer {
        crate::i18n::spoken()
    }

    /// The encrypted local store; `None` when no keychain could be used (then nothing works offline).
    pub fn store(&self) -> Option<&Arc<LocalStore>> {
        self.store.as_ref()
    }

    /// The Fluent id of what the person must know about the local store, when there is something.
    pub fn store_notice(&self) -> Option<&'static str> {
        self.store_notice
    }

    /// Wakes the outbox's sending loop (something was queued, the network changed).
    pub fn wake(&self) -> &Arc<Notify> {
        &self.wake
    }

    /// Asks for a pull of the person's copies now (after a login) instead of at the next turn.
    pub fn pull_now(&self) -> &Arc<Notify> {
        &self.pull_now
    }

    /// Held by every pull and by 退出, so no pull writes after the copies were forgotten.
    pub fn pull_gate(&self) -> &Arc<PullGate> {
        &self.pull_gate
    }

    /// The catalog made searchable, rebuilt whenever the catalog is loaded.
    pub fn search_index(&self) -> &Mutex<Option<Arc<SearchIndex>>> {
        &self.search_index
    }
}
