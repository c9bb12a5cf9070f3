//! What every command can reach: the platform client and the localizer.

use huiban_core::{ConfigError, Locale, Localizer, PlatformClient, UrlSource, config};

/// Shared state managed by Tauri.
pub struct AppState {
    /// Client of the configured platform.
    pub client: PlatformClient,
    /// Where the platform address came from.
    pub source: UrlSource,
    /// Localised messages for errors that cross IPC.
    pub localizer: Localizer,
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
        })
    }
}
