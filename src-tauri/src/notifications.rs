//! Native notifications: each new message about the person's cases or requests is announced by the
//! system, so news is seen even when Huiban is in the background. Opening a notification brings
//! Huiban to the front on that case or request (on Linux through the notification's default action;
//! elsewhere the message waits in 消息, which links to it).

use huiban_api::Message;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

/// Event telling the UI to show what an opened notification was about.
pub const OPENED_EVENT: &str = "notification-opened";

/// What an opened notification was about: a case, a request, or neither (then 消息).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct NotificationOpened {
    /// 办件编号 of the case, when the message is about one.
    pub application_no: Option<String>,
    /// 诉求编号 of the request, when the message is about one.
    pub request_no: Option<String>,
}

impl NotificationOpened {
    /// What `message` is about.
    pub fn of(message: &Message) -> Self {
        Self {
            application_no: message.application_no.clone(),
            request_no: message.request_no.clone(),
        }
    }
}

/// Shows a system notification for each message (title and body as the platform wrote them).
pub fn announce(app: &AppHandle, messages: &[Message]) {
    for message in messages {
        if let Err(error) = show(app, message) {
            tracing::info!(%error, "no notification shown; the message waits in 消息");
        }
    }
}

/// Shows a system notification for each kiosk call the staff window shows for the first time, so
/// that a clerk busy with a resident (or in another program) hears of it.
pub fn announce_calls(app: &AppHandle, calls: &[huiban_core::staff::KioskCallView]) {
    for words in calls.iter().filter_map(|call| call.announcement.as_deref()) {
        if let Err(error) = show_words(app, words) {
            tracing::info!(%error, "no notification shown; the call shows in the staff window");
        }
    }
}

#[cfg(target_os = "linux")]
fn show_words(_app: &AppHandle, words: &str) -> Result<(), String> {
    notify_rust::Notification::new()
        .appname("惠办")
        .summary(words)
        .urgency(notify_rust::Urgency::Critical)
        .show()
        .map(drop)
        .map_err(|error| error.to_string())
}

#[cfg(not(target_os = "linux"))]
fn show_words(app: &AppHandle, words: &str) -> Result<(), String> {
    use tauri_plugin_notification::NotificationExt;
    app.notification()
        .builder()
        .title(words)
        .show()
        .map_err(|error| error.to_string())
}

/// Brings the main window to the front and tells the UI what to show.
fn open(app: &AppHandle, opened: &NotificationOpened) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Err(error) = app.emit(OPENED_EVENT, opened) {
        tracing::warn!(%error, "cannot tell the UI which notification was opened");
    }
}

#[cfg(target_os = "linux")]
fn show(app: &AppHandle, message: &Message) -> Result<(), String> {
    let handle = notify_rust::Notification::new()
        .appname("惠办")
        .summary(&message.title)
        .body(&message.body)
        .action("default", "查看")
        .show()
        .map_err(|error| error.to_string())?;
    let app = app.clone();
    let opened = NotificationOpened::of(message);
    // Waits on its own thread until the notification is opened or goes away.
    std::thread::spawn(move || {
        handle.wait_for_action(|action| {
            if action == "default" {
                open(&app, &opened);
            }
        });
    });
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn show(app: &AppHandle, message: &Message) -> Result<(), String> {
    use tauri_plugin_notification::NotificationExt;
    app.notification()
        .builder()
        .title(&message.title)
        .body(&message.body)
        .show()
        .map_err(|error| error.to_string())
}
