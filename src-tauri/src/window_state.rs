//! The window opens at the size and place it was left (kiosk excluded: it always fills its screen).
//! Tauri's window-state plugin keeps them; besides its save when the app ends, they are saved half
//! a second after the window is moved or resized, so that a computer switched off or an app ended
//! by force still opens where it was.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{Manager, Runtime, Window, WindowEvent, plugin::TauriPlugin};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// What is kept: the size, the place and whether it was maximised.
const KEPT: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// Set while a save is waiting: moves and resizes in the meantime join it.
static PENDING: AtomicBool = AtomicBool::new(false);

/// The plugin, keeping [`KEPT`].
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(KEPT)
        .build()
}

/// Saves the windows' state shortly after `window` moved or was resized.
pub fn on_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Moved(_) | WindowEvent::Resized(_))
        || window.label() == "kiosk"
        || PENDING.swap(true, Ordering::SeqCst)
    {
        return;
    }
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        PENDING.store(false, Ordering::SeqCst);
        if let Err(error) = app.save_window_state(KEPT) {
            tracing::warn!(%error, "the window's size and place could not be kept");
        }
    });
}
