//! What every command can reach: the platform client and the localizer.

use std::sync::Arc;

use huiban_core::secrets::Keychain;
use huiban_core::store::LocalStore;
use huiban_core::{ConfigError, Locale, Localizer, PlatformClient, UrlSource, config};

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
        Ok(Self {
            client: PlatformClient::new(settings.platform_url)?,
            source: settings.source,
            localizer: Localizer::new(Locale::ZhCn),
            store: open_store(config::data_dir_from_process()?),
        })
    }
}

/// Opens the local store in `dir` with the system keychain; logs and carries on without it on failure.
fn open_store(dir: Option<std::path::PathBuf>) -> Option<Arc<LocalStore>> {
    let dir = dir?;
    let keychain = match Keychain::system() {
        Ok(keychain) => keychain,
        Err(error) => {
            tracing::warn!(%error, "no keychain: running without the local store");
            return None;
        }
    };
    match LocalStore::open(&dir.join("huiban.db"), &keychain) {
        Ok((store, opened)) => {
            tracing::info!(path = %store.path().display(), ?opened, "local store open");
            Some(Arc::new(store))
        }
        Err(error) => {
            tracing::error!(%error, "cannot open the local store: running without it");
            None
        }
    }
}
