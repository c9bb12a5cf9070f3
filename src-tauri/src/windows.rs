//! The one window of each mode, built from its entry in `tauri.conf.json` (where none is created
//! by itself): `main` for a citizen, `staff` for a service centre's clerk. Each window's label is
//! what its capability file names, so the commands it may call follow from the mode.

use huiban_core::mode::Mode;
use tauri::{AppHandle, WebviewWindowBuilder};

/// Why the mode's window could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    /// The mode has no window in this version.
    #[error("{0:?} mode is not available in this version of Huiban")]
    NoWindow(Mode),
    /// `tauri.conf.json` has no window with the mode's label.
    #[error("tauri.conf.json has no window labelled {0:?}")]
    NotConfigured(&'static str),
    /// Tauri could not build it.
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
}

/// The label of `mode`'s window, as `tauri.conf.json` and `capabilities/` name it.
pub fn label_of(mode: Mode) -> Result<&'static str, WindowError> {
    match mode {
        Mode::Citizen => Ok("main"),
        Mode::Staff => Ok("staff"),
        // The kiosk window, locked down for strangers, comes with kiosk mode (issue #16).
        Mode::Kiosk => Err(WindowError::NoWindow(mode)),
    }
}

/// Opens `mode`'s window.
pub fn open(app: &AppHandle, mode: Mode) -> Result<(), WindowError> {
    let label = label_of(mode)?;
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == label)
        .ok_or(WindowError::NotConfigured(label))?;
    WebviewWindowBuilder::from_config(app, config)?.build()?;
    Ok(())
}
