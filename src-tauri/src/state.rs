//! What every command can reach: core's [`App`] and the shell's own voice.

use std::ops::Deref;
use std::sync::Arc;

use huiban_core::App;
use huiban_core::app::StartError;

use crate::speech::{Speaker, SystemSpeaker};

/// Shared state managed by Tauri: the app and the speaker (reading aloud is the shell's job).
pub struct AppState {
    /// Core's app: the platform, the login, the local store and one service per noun.
    pub app: App,
    /// Reads text aloud.
    pub speaker: Arc<dyn Speaker>,
}

impl AppState {
    /// Builds the state from this process's flags, environment and config file.
    pub fn from_process() -> Result<Self, StartError> {
        Ok(Self {
            app: App::from_process()?,
            speaker: Arc::new(SystemSpeaker::new()),
        })
    }
}

impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}
