//! The outbox in the app: its sending loop starts with the app, wakes on the network-change signal,
//! and every change of the queue reaches the UI as a `queue-changed` event.

use huiban_core::device::QueueView;
use huiban_core::mode::Mode;
use huiban_core::outbox::QueueSummary;
use huiban_core::outbox::engine::{self, Engine, Pacing, Whose};
use huiban_core::{network_watch, pull};
use tauri::{AppHandle, Emitter, Manager};

use crate::AppState;

/// Name of the event that carries a [`QueueView`] (from core).
pub const QUEUE_EVENT: &str = "queue-changed";
/// Name of the event that carries what a pull of cases, messages and licences brought.
pub const PULLED_EVENT: &str = "copies-updated";
/// How long to wait before trying again to become the one sender on this computer.
const LOCK_RETRY: std::time::Duration = std::time::Duration::from_secs(30);
/// How often the saved copies of cases, messages and licences are refreshed.
const PULL_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Starts the sending loop and the network watch; without a local store there is nothing to send.
pub fn start(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Some(store) = state.store().cloned() else {
        return;
    };
    let client = state.client().clone();
    let session = state.session().shared().clone();
    let wake = state.wake().clone();
    let pull_now = state.pull_now().clone();
    let handle = app.clone();
    let mode = state.mode();
    let kiosk = state.kiosk_here();
    tauri::async_runtime::spawn(async move {
        let lock_path = store.path().with_file_name(mode.outbox_lock_file());
        let engine = Engine {
            whose: Whose::of_mode(mode),
            store: &store,
            client: &client,
            session: &session,
            lock_path: &lock_path,
            pacing: Pacing::default(),
            wake: Some(&wake),
            device: kiosk.as_deref().map(|kiosk| &kiosk.device),
        };
        let mut sent_before = None;
        let mut report = |summary: QueueSummary| {
            // Something sent: pull its platform copy now, so the page shows what became of it.
            if sent_before.is_some_and(|before| summary.sent > before) {
                pull_now.notify_one();
            }
            sent_before = Some(summary.sent);
            let view = QueueView::of(summary, handle.state::<AppState>().localizer());
            if let Err(error) = handle.emit(QUEUE_EVENT, view) {
                tracing::warn!(%error, "cannot tell the UI of the queue");
            }
        };
        // Another Huiban on this computer may hold the sender lock; take over when it closes.
        loop {
            match engine::run(engine, false, std::future::pending(), &mut report).await {
                Ok(true) => return,
                Ok(false) => {
                    tracing::info!("another Huiban on this computer is sending the outbox")
                }
                Err(error) => tracing::error!(%error, "the outbox stopped sending; trying again"),
            }
            tokio::time::sleep(LOCK_RETRY).await;
        }
    });
    // A clerk's copies of a resident's data are pulled in her session, when a page asks.
    if matches!(mode, Mode::Citizen | Mode::Kiosk) {
        spawn_keep_fresh(app, &state);
    }
    if mode == Mode::Kiosk {
        spawn_heartbeat(app);
    }
    let wake = state.wake().clone();
    tauri::async_runtime::spawn(async move {
        if let Err(error) = network_watch::wake_on_network_change(wake).await {
            tracing::info!(%error, "no network-change signal: the outbox probes every few seconds");
        }
    });
}

/// Keeps the saved cases, messages and licences fresh while someone is logged in.
fn spawn_keep_fresh(app: &AppHandle, state: &AppState) {
    let Some(store) = state.store().cloned() else {
        return;
    };
    let client = state.client().clone();
    let session = state.session().shared().clone();
    let now = state.pull_now().clone();
    let gate = state.pull_gate().clone();
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        pull::keep_fresh(
            &store,
            &client,
            &session,
            PULL_EVERY,
            &now,
            &gate,
            |pulled| {
                // A kiosk has nobody's desktop to show a notification on.
                if handle.state::<AppState>().mode() == Mode::Citizen {
                    crate::notifications::announce(&handle, &pulled.to_announce);
                }
                if let Err(error) = handle.emit(PULLED_EVENT, pulled) {
                    tracing::warn!(%error, "cannot tell the UI of new copies");
                }
            },
        )
        .await;
    });
}

/// Sends the kiosk's heartbeat once a minute, with its printer as CUPS says, and asks its config.
fn spawn_heartbeat(app: &AppHandle) {
    let handle = app.clone();
    tauri::async_runtime::spawn(async move {
        let every = std::time::Duration::from_secs(u64::from(huiban_api::kiosk::HEARTBEAT_SECONDS));
        // The receipt printer's name, read once: the config files do not change while it runs.
        let printer = huiban_core::config::printer_from_process().ok().flatten();
        loop {
            let state = handle.state::<AppState>();
            let printer = crate::printer_state::of(printer.as_deref()).await;
            if let Err(error) = state.kiosk().beat(printer).await {
                tracing::info!(
                    error = error.id(),
                    "the heartbeat did not reach the platform"
                );
            }
            tokio::time::sleep(every).await;
        }
    });
}
