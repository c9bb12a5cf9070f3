//! The sending loop: while this process holds the sender lock, probe the platform and send whatever is
//! due, so that queued submissions go out by themselves once the network is back.

use std::future::Future;
use std::path::Path;
use std::time::Duration;

use super::{Backoff, QueueSummary, SenderLock, send_due};
use crate::client::PlatformClient;
use crate::store::{LocalStore, StoreError};

/// How the loop paces itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pacing {
    /// Wait between health probes while the platform is unreachable or nothing is due.
    pub idle: Duration,
    /// The retry policy of failed sends.
    pub backoff: Backoff,
}

impl Default for Pacing {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(5),
            backoff: Backoff::default(),
        }
    }
}

/// Why the loop stopped early.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The lock file cannot be used.
    #[error("cannot use the sender lock: {0}")]
    Lock(#[from] std::io::Error),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Runs until `stop` completes, or, with `until_drained`, until nothing is waiting.
/// Returns `false` at once when another process holds the sender lock.
pub async fn run(
    store: &LocalStore,
    client: &PlatformClient,
    access_token: &str,
    lock_path: &Path,
    pacing: Pacing,
    until_drained: bool,
    stop: impl Future<Output = ()>,
) -> Result<bool, EngineError> {
    let Some(_lock) = SenderLock::try_acquire(lock_path)? else {
        return Ok(false);
    };
    let work = async {
        loop {
            let waiting = QueueSummary::of(store)?.waiting;
            if waiting == 0 && until_drained {
                return Ok::<(), EngineError>(());
            }
            if waiting > 0 && client.health().await.is_ok() {
                let pass = send_due(
                    store,
                    client,
                    access_token,
                    chrono::Utc::now(),
                    &pacing.backoff,
                )
                .await?;
                if pass.sent + pass.needs_attention > 0 {
                    continue;
                }
            }
            tokio::time::sleep(pacing.idle).await;
        }
    };
    tokio::select! {
        result = work => result?,
        () = stop => {}
    }
    Ok(true)
}
