//! Native notifications: each new message about the person's cases or requests is announced by the
//! system, so news is seen even when Huiban is in the background.

use huiban_api::Message;
use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

/// Shows a system notification for each message (title and body as the platform wrote them).
pub fn announce(app: &AppHandle, messages: &[Message]) {
    for message in messages {
        if let Err(error) = app
            .notification()
            .builder()
            .title(&message.title)
            .body(&message.body)
            .show()
        {
            tracing::info!(%error, "no notification shown; the message waits in 消息");
        }
    }
}
