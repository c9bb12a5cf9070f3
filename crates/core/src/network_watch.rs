//! The operating system's network-change signal (netlink on Linux, the routing socket on macOS, IP
//! Helper on Windows): every address that comes or goes wakes the sending loop.

use std::sync::Arc;

use futures_util::StreamExt;
use tokio::sync::Notify;

/// Wakes `wake` whenever a network address comes or goes; returns when the signal fails.
pub async fn wake_on_network_change(wake: Arc<Notify>) -> std::io::Result<()> {
    let mut watcher = if_watch::tokio::IfWatcher::new()?;
    while let Some(event) = watcher.next().await {
        let event = event?;
        tracing::debug!(?event, "network changed");
        wake.notify_one();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn the_addresses_present_at_start_are_heard() {
        let wake = Arc::new(Notify::new());
        let watch = tokio::spawn(wake_on_network_change(Arc::clone(&wake)));
        // The loopback address at least is reported as it is found.
        tokio::time::timeout(Duration::from_secs(10), wake.notified())
            .await
            .expect("the network signal woke the loop");
        watch.abort();
    }
}
