//! The one window of each mode, built from its entry in `tauri.conf.json` (where none is created
//! by itself): `main` for a citizen, `staff` for a service centre's clerk, `kiosk` for a
//! self-service machine. Each window's label is what its capability file names, so the commands it
//! may call follow from the mode. The kiosk window is locked down: full screen, on top, never
//! closed (only the staff PIN ends kiosk mode) and never navigated away from the app.

use std::sync::atomic::{AtomicBool, Ordering};

use huiban_core::mode::Mode;
use tauri::{AppHandle, WebviewWindowBuilder, Window, WindowEvent};

/// Set once the staff PIN was given: the kiosk window may close.
static LEAVING: AtomicBool = AtomicBool::new(false);

/// Why the mode's window could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    /// `tauri.conf.json` has no window with the mode's label.
    #[error("tauri.conf.json has no window labelled {0:?}")]
    NotConfigured(&'static str),
    /// Tauri could not build it.
    #[error(transparent)]
    Tauri(#[from] tauri::Error),
}

/// The label of `mode`'s window, as `tauri.conf.json` and `capabilities/` name it.
pub fn label_of(mode: Mode) -> &'static str {
    match mode {
        Mode::Citizen => "main",
        Mode::Staff => "staff",
        Mode::Kiosk => "kiosk",
    }
}

/// Opens `mode`'s window.
pub fn open(app: &AppHandle, mode: Mode) -> Result<(), WindowError> {
    let label = label_of(mode);
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|window| window.label == label)
        .ok_or(WindowError::NotConfigured(label))?;
    let builder = WebviewWindowBuilder::from_config(app, config)?;
    match mode {
        // Only the app's own pages: a link, a script or a typed address leads nowhere else.
        Mode::Kiosk => {
            let builder = builder.on_navigation(is_the_app);
            // Drawn at the screen's size from the start, not the config's until X resizes it.
            let builder = match app.primary_monitor()? {
                Some(monitor) => {
                    let scale = monitor.scale_factor();
                    let size = monitor.size().to_logical::<f64>(scale);
                    let at = monitor.position().to_logical::<f64>(scale);
                    builder
                        .inner_size(size.width, size.height)
                        .position(at.x, at.y)
                }
                None => builder,
            };
            fill_the_screen(&builder.build()?)?
        }
        _ => {
            builder.build()?;
        }
    }
    Ok(())
}

/// Puts the kiosk window over the whole screen, also where no window manager honours full screen
/// (a bare X server, some kiosk compositors).
fn fill_the_screen(window: &tauri::WebviewWindow) -> Result<(), WindowError> {
    if let Some(monitor) = window.current_monitor()?.or(window.primary_monitor()?) {
        window.set_position(*monitor.position())?;
        window.set_size(*monitor.size())?;
    }
    window.set_fullscreen(true)?;
    Ok(())
}

/// Whether `url` is one of the app's own pages (as built, or Vite's while developing).
fn is_the_app(url: &tauri::Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => matches!(
            (url.host_str(), url.port()),
            (Some("tauri.localhost"), None) | (Some("localhost"), Some(5173))
        ),
        _ => false,
    }
}

/// Refuses to close the kiosk window (its close button, Alt+F4, the window manager) until kiosk
/// mode is left with the staff PIN; keeps the other windows' size and place as they change.
pub fn on_event(window: &Window, event: &WindowEvent) {
    crate::window_state::on_event(window, event);
    if let WindowEvent::CloseRequested { api, .. } = event
        && window.label() == "kiosk"
        && !LEAVING.load(Ordering::SeqCst)
    {
        tracing::info!("the kiosk window refused to close");
        api.prevent_close();
    }
}

/// The staff PIN was given: the kiosk window may close now.
pub fn allow_leaving() {
    LEAVING.store(true, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kiosk_stays_on_the_app_s_own_pages() {
        for own in [
            "tauri://localhost/kiosk.html",
            "http://tauri.localhost/kiosk.html#/catalog",
            "http://localhost:5173/kiosk.html",
        ] {
            assert!(is_the_app(&own.parse().unwrap()), "{own}");
        }
        for away in [
            "https://www.example.com/",
            "http://localhost:8470/device",
            "file:///etc/passwd",
            "tauri://evil.example/",
            "http://tauri.localhost.example.com/",
        ] {
            assert!(!is_the_app(&away.parse().unwrap()), "{away}");
        }
    }

    #[test]
    fn each_mode_opens_its_own_window() {
        assert_eq!(label_of(Mode::Citizen), "main");
        assert_eq!(label_of(Mode::Staff), "staff");
        assert_eq!(label_of(Mode::Kiosk), "kiosk");
    }
}
