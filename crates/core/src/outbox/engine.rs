//! The sending loop: while this process holds the sender lock, probe the platform and send whatever is
//! due, so that queued submissions go out by themselves once the network is back. Whoever queues a
//! submission, or sees the network change, wakes it at once.

use std::future::Future;
use std::path::Path;
use std::time::Duration;

use tokio::sync::Notify;

use super::{Backoff, QueueSummary, SenderLock, send_due};
use crate::client::PlatformClient;
use crate::session::{Session, SessionError};
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

/// Whose submissions the loop sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    /// The person logged in: her own rows, under her own token (citizen mode).
    LoggedIn,
    /// Every resident's rows a clerk confirmed in an assisted session, each sent in its session
    /// under the clerk's token (staff mode): they go out after the session ended too.
    ActedFor,
    /// A kiosk's: the visitor logged in, her rows under her token; past visitors' submissions
    /// with their grants under the kiosk's own login (kiosk mode).
    Visitors,
}

impl Whose {
    /// Whose submissions a process in `mode` sends: a clerk's are the residents' she acted for.
    pub fn of_mode(mode: crate::mode::Mode) -> Self {
        match mode {
            crate::mode::Mode::Staff => Self::ActedFor,
            crate::mode::Mode::Kiosk => Self::Visitors,
            crate::mode::Mode::Citizen => Self::LoggedIn,
        }
    }
}

/// What the loop works with.
#[derive(Debug, Clone, Copy)]
pub struct Engine<'a> {
    /// Whose submissions it sends.
    pub whose: Whose,
    /// The local store whose outbox is sent, each row under the login of the account that made it.
    pub store: &'a LocalStore,
    /// The platform.
    pub client: &'a PlatformClient,
    /// The login the submissions are sent under.
    pub session: &'a Session,
    /// The lock file that keeps a second process from sending too.
    pub lock_path: &'a Path,
    /// How it paces itself.
    pub pacing: Pacing,
    /// Notified to end a wait early (something was queued, the network changed).
    pub wake: Option<&'a Notify>,
    /// A kiosk's own login, which files its past visitors' granted submissions.
    pub device: Option<&'a crate::kiosk::device_login::DeviceLogin>,
}

/// Runs until `stop` completes, or, with `until_drained`, until nothing of the logged-in account is
/// waiting; `on_change` hears the summary of the logged-in account's queue (empty with nobody logged
/// in) at the start and whenever it changes. Only the rows of the account logged in are sent, under
/// its own token; another's wait for their own login. Returns `false` at once when another process
/// holds the sender lock.
pub async fn run(
    engine: Engine<'_>,
    until_drained: bool,
    stop: impl Future<Output = ()>,
    mut on_change: impl FnMut(QueueSummary),
) -> Result<bool, EngineError> {
    let Some(_lock) = SenderLock::try_acquire(engine.lock_path)? else {
        return Ok(false);
    };
    let work = async {
        let mut last: Option<QueueSummary> = None;
        loop {
            if let Err(error) = engine.session.tell_logouts(engine.client).await {
                tracing::debug!(%error, "logouts made offline are told later");
            }
            let summary = summary_of(engine).await?;
            if last != Some(summary) {
                on_change(summary);
                last = Some(summary);
            }
            let backlog =
                summary.waiting + closes_waiting(engine)? + beyond_summary_waiting(engine).await?;
            if backlog == 0 && until_drained {
                return Ok::<(), EngineError>(());
            }
            if backlog > 0 && send_once(engine).await? {
                continue;
            }
            match engine.wake {
                Some(wake) => {
                    let _ = tokio::time::timeout(engine.pacing.idle, wake.notified()).await;
                }
                None => tokio::time::sleep(engine.pacing.idle).await,
            }
        }
    };
    tokio::select! {
        result = work => result?,
        () = stop => {}
    }
    Ok(true)
}

/// The summary of the queue the loop sends: the logged-in person's, or every resident's a clerk
/// confirmed.
async fn summary_of(engine: Engine<'_>) -> Result<QueueSummary, EngineError> {
    if engine.whose == Whose::ActedFor {
        return Ok(QueueSummary::of_acted_for(engine.store)?);
    }
    Ok(match engine.session.account().await {
        Ok(Some(account)) => QueueSummary::of(&engine.store.of_account(&account))?,
        Ok(None) => QueueSummary::default(),
        Err(error) => {
            tracing::info!(%error, "cannot tell who is logged in");
            QueueSummary::default()
        }
    })
}

/// The sessions' closes still to send (a clerk's loop only): they are not in the summary.
fn closes_waiting(engine: Engine<'_>) -> Result<u64, EngineError> {
    Ok(match engine.whose {
        Whose::ActedFor => super::assisted_close::closes_waiting(engine.store)?,
        Whose::Visitors => u64::try_from(engine.store.accounts_granted()?.len()).unwrap_or(0),
        Whose::LoggedIn => 0,
    })
}

/// What the person logged in has still to send beyond the summary (citizen mode only): what she
/// confirmed for the people she helps (亲友代办), and her texts to relatives (请家人帮忙); the
/// summary counts her own submissions.
async fn beyond_summary_waiting(engine: Engine<'_>) -> Result<u64, EngineError> {
    if engine.whose != Whose::LoggedIn {
        return Ok(0);
    }
    let Ok(Some(account)) = engine.session.account().await else {
        return Ok(0);
    };
    let mut waiting = engine
        .store
        .of_account(&account)
        .outbox_waiting_of_kind(crate::store::OutboxKind::RelativeHelp)?;
    for key in engine.store.helped_by(&account)? {
        waiting += QueueSummary::of(&engine.store.of_account(&key))?.waiting;
    }
    Ok(waiting)
}

/// One pass when the platform answers and a token can be had; whether it moved anything.
async fn send_once(engine: Engine<'_>) -> Result<bool, EngineError> {
    if engine.client.health().await.is_err() {
        return Ok(false);
    }
    let granted = match engine.whose {
        Whose::Visitors => send_granted_once(engine).await?,
        _ => false,
    };
    Ok(send_logged_in_once(engine).await? || granted)
}

/// Files past kiosk visitors' granted submissions under the kiosk's own login, and forgets each
/// visitor's rows once nothing of hers waits; whether it moved anything.
async fn send_granted_once(engine: Engine<'_>) -> Result<bool, EngineError> {
    // The visitor logged in now sends her own under her own token (a grant of hers then counts
    // for nothing); only past visitors' go under the kiosk's.
    let now_here = engine.session.account().await.ok().flatten();
    let mut accounts = engine.store.accounts_granted()?;
    accounts.retain(|account| Some(account) != now_here.as_ref());
    let Some(device) = engine.device.filter(|_| !accounts.is_empty()) else {
        return Ok(false);
    };
    let device_token = match device.token(engine.client).await {
        Ok(token) => token,
        Err(error) => {
            tracing::info!(error = error.id(), "the kiosk's own login is not there yet");
            return Ok(false);
        }
    };
    let mut moved = false;
    for account in accounts {
        let visitor = engine.store.of_account(&account);
        let pass = super::send_granted(
            &visitor,
            engine.client,
            &device_token,
            chrono::Utc::now(),
            &engine.pacing.backoff,
        )
        .await?;
        moved |= pass.sent + pass.needs_attention > 0;
        // Sent: nothing of her stays on the kiosk but what still waits.
        visitor.forget_all_but_unsent()?;
    }
    engine.store.scrub()?;
    Ok(moved)
}

/// One pass over the logged-in person's rows (or a clerk's residents'); whether it moved anything.
async fn send_logged_in_once(engine: Engine<'_>) -> Result<bool, EngineError> {
    let token = match engine.session.token(engine.client).await {
        Ok(token) => token,
        Err(SessionError::LoggedOut) => return Ok(false),
        Err(error) => {
            tracing::info!(%error, "no access token for sending yet");
            return Ok(false);
        }
    };
    let accounts = match engine.whose {
        // Hers, and what she confirmed for the people she helps (亲友代办), each in its grant.
        Whose::LoggedIn => {
            let mut accounts = vec![token.account_id.clone()];
            accounts.extend(engine.store.helped_by(&token.account_id)?);
            accounts
        }
        Whose::Visitors => vec![token.account_id.clone()],
        Whose::ActedFor => engine.store.accounts_acted_for()?,
    };
    let mut moved = false;
    for account in accounts {
        let pass = send_due(
            &engine.store.of_account(&account),
            engine.client,
            &token.access_token,
            chrono::Utc::now(),
            &engine.pacing.backoff,
        )
        .await?;
        if pass.token_refused > 0 {
            engine.session.access_token_refused().await;
        }
        moved |= pass.sent + pass.needs_attention > 0;
    }
    Ok(moved)
}
