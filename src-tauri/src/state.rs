//! What every command can reach: core's [`App`] and the shell's own voice.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use huiban_core::App;
use huiban_core::app::StartError;
use huiban_core::config::Flags;

use crate::speech::{Speaker, SystemSpeaker};

/// Shared state managed by Tauri: the app and the speaker (reading aloud is the shell's job).
pub struct AppState {
    /// Core's app: the platform, the login, the local store and one service per noun.
    pub app: App,
    /// Reads text aloud.
    pub speaker: Arc<dyn Speaker>,
    /// Where the log files are written, if anywhere (关于惠办 names it).
    pub log_dir: Option<PathBuf>,
}

impl AppState {
    /// Builds the state from the command line's flags, the environment and the config files.
    pub fn from_flags(flags: &Flags, log_dir: Option<PathBuf>) -> Result<Self, StartError> {
        Ok(Self {
            app: App::from_flags(flags)?,
            speaker: Arc::new(SystemSpeaker::new()),
            log_dir,
        })
    }
}

impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}
