//! What every command can reach: the platform client, the login, the local store and the localizer.

use std::sync::{Arc, Mutex};

use huiban_core::preferences::Preferences;
use huiban_core::search::SearchIndex;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::store::LocalStore;
use huiban_core::{ConfigError, Locale, Localizer, PlatformClient, UrlSource, config};
use tokio::sync::Notify;

use crate::speech::{Speaker, SystemSpeaker};

/// Shared state managed by Tauri.
pub struct AppState {
    /// Client of the configured platform.
    pub client: PlatformClient,
    /// Where the platform address came from.
    pub source: UrlSource,
    /// Localised messages for errors that cross IPC.
    pub localizer: Localizer,
    /// The encrypted local store; `None` when no keychain could be used (then nothing works offline).
    pub store: Option<Arc<LocalStore>>,
    /// The Fluent id of what the person must know about the local store, when there is something.
    pub store_notice: Option<&'static str>,
    /// The login on this device.
    pub session: Arc<Session>,
    /// Wakes the outbox's sending loop (something was queued, the network changed).
    pub wake: Arc<Notify>,
    /// Asks for a pull of the person's copies now (after a login) instead of at the next turn.
    pub pull_now: Arc<Notify>,
    /// Held by every pull and by 退出, so no pull writes after the copies were forgotten.
    pub pull_gate: Arc<huiban_core::pull::PullGate>,
    /// The person's choices while there is no local store to keep them in.
    pub unsaved_preferences: Mutex<Preferences>,
    /// Reads text aloud.
    pub speaker: Arc<dyn Speaker>,
    /// The catalog made searchable, rebuilt whenever the catalog is loaded.
    pub search_index: Mutex<Option<Arc<SearchIndex>>>,
}

/// Why the app cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The configuration is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The HTTP client could not be built.
    #[error(transparent)]
    Client(#[from] huiban_core::ClientError),
}

impl AppState {
    /// Builds the state from this process's flags, environment and config file.
    pub fn from_process() -> Result<Self, StartError> {
        let settings = config::from_process()?;
        let opened = open_store(config::data_dir_from_process()?);
        Ok(Self {
            client: PlatformClient::new(settings.platform_url)?,
            source: settings.source,
            localizer: Localizer::new(Locale::ZhCn),
            store: opened.store,
            store_notice: opened.notice,
            session: Arc::new(opened.session),
            wake: Arc::new(Notify::new()),
            pull_now: Arc::new(Notify::new()),
            pull_gate: Arc::default(),
            unsaved_preferences: Mutex::new(Preferences::default()),
            speaker: Arc::new(SystemSpeaker::new()),
            search_index: Mutex::new(None),
        })
    }
}

/// The local store and login as far as this machine allows, and what to tell the person.
struct Opened {
    store: Option<Arc<LocalStore>>,
    session: Session,
    notice: Option<&'static str>,
}

/// Opens the local store in `dir` with the system keychain; logs and carries on without it on failure.
fn open_store(dir: Option<std::path::PathBuf>) -> Opened {
    let unavailable = |session| Opened {
        store: None,
        session,
        notice: Some("store-unavailable"),
    };
    let keychain = match Keychain::system() {
        Ok(keychain) => keychain,
        Err(error) => {
            tracing::warn!(%error, "no keychain: running without the local store");
            return unavailable(Session::in_memory());
        }
    };
    let session = Session::in_keychain(keychain.clone());
    let Some(dir) = dir else {
        return unavailable(session);
    };
    match LocalStore::open(&dir.join("huiban.db"), &keychain) {
        Ok((store, opened)) => {
            tracing::info!(path = %store.path().display(), ?opened, "local store open");
            Opened {
                store: Some(Arc::new(store)),
                session,
                notice: opened.message_id(),
            }
        }
        Err(error) => {
            tracing::error!(%error, "cannot open the local store: running without it");
            unavailable(session)
        }
    }
}
