//! `huiban-platform serve`: the platform API over HTTP, with demo data and the demo officer when asked.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use huiban_platform::keys::KeyRing;
use huiban_platform::{AppState, Store, demo_accounts, demo_data, demo_licences};

/// Serves the platform from `data_dir` on `bind` until Ctrl-C or SIGTERM.
pub async fn serve(
    data_dir: PathBuf,
    bind: SocketAddr,
    (seed, demo_officer, keep_sms_codes): (bool, bool, bool),
    faults: Option<huiban_platform::http::faults::FaultSpec>,
    public_url: Option<String>,
) -> anyhow::Result<()> {
    let listener = huiban_platform::bind(bind)
        .await
        .with_context(|| format!("listening on {bind}"))?;
    let address = listener.local_addr()?;
    let store = Store::open(&data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    if seed {
        if demo_data::seed(&store)? {
            tracing::info!("loaded the demo catalog and forms");
        }
        if demo_accounts::seed(&store, chrono::Utc::now().timestamp_millis())? {
            tracing::info!("created the demo accounts");
        }
    }
    let keys = KeyRing::load_or_create(&data_dir, &store.catalog_departments()?)
        .with_context(|| format!("loading the department keys in {}", data_dir.display()))?;
    // People's phones open the kiosk approval page under this address.
    let public_url = public_url.unwrap_or_else(|| format!("http://{address}"));
    let mut state = AppState::new(store)
        .with_keys(keys)
        .with_public_url(&public_url);
    if keep_sms_codes {
        tracing::warn!("the SMS sink keeps codes readable: for tests and the demo only");
        state = state.keeping_sms_codes();
    }
    if let Some(spec) = faults {
        tracing::warn!(?spec, "injecting faults");
        state = state.with_faults(spec);
    }
    if seed && demo_licences::seed(&state)? {
        tracing::info!("issued the demo licences");
    }
    if demo_officer {
        tracing::info!("the demo officer moves open cases every 15 seconds");
        tokio::spawn(huiban_platform::demo_officer::run(
            state.clone(),
            std::time::Duration::from_secs(15),
        ));
    }
    tokio::spawn(huiban_platform::housekeeping::keep_tidy(state.clone()));
    // Launchers read this exact line to learn the port.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "huiban-platform listening on http://{address}")?;
    stdout.flush()?;
    huiban_platform::serve(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
