//! One Huiban per person and data folder: a second start (a double-click on the icon while it is
//! open) brings the first window to the front and ends. Two data folders are two apps (a kiosk and
//! a test run beside a person's own, say), since each folder's store is opened by one app only.

use huiban_core::config::Flags;
use huiban_core::mode::Mode;
use sha2::{Digest, Sha256};
use tauri::{AppHandle, Manager, Runtime, plugin::TauriPlugin};

/// The name the running app holds for `data_dir` (on Linux a D-Bus name, so dot-separated parts
/// that do not start with a digit).
pub fn instance_name(data_dir: Option<&std::path::Path>) -> String {
    let folder = data_dir
        .map(|dir| dir.to_string_lossy().into_owned())
        .unwrap_or_default();
    let digest = Sha256::digest(folder.as_bytes());
    format!(
        "{}.d{}",
        crate::identifier::IDENTIFIER,
        hex::encode(&digest[..8])
    )
}

/// Brings `mode`'s window to the front.
fn bring_to_front<R: Runtime>(app: &AppHandle<R>, mode: Mode) {
    if let Some(window) = app.get_webview_window(crate::windows::label_of(mode)) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    tracing::info!("a second start brought the window to the front");
}

/// The plugin keeping this app the only one for its data folder.
pub fn plugin<R: Runtime>(flags: &Flags, mode: Mode) -> TauriPlugin<R> {
    let name = instance_name(huiban_core::config::data_dir(flags).as_deref());
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(name)
        .callback(move |app, _, _| bring_to_front(app, mode))
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_has_its_own_name_and_it_is_a_valid_bus_name() {
        let a = instance_name(Some(std::path::Path::new("/home/a/.local/share/huiban")));
        let b = instance_name(Some(std::path::Path::new("/tmp/kiosk")));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_name(Some(std::path::Path::new("/home/a/.local/share/huiban")))
        );
        for part in a.split('.') {
            assert!(
                !part.is_empty() && !part.starts_with(|c: char| c.is_ascii_digit()),
                "{a}"
            );
            assert!(part.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
        }
    }
}
