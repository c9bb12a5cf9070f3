//! `huiban-platform`: the reference platform server and its operator commands.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use huiban_platform::{AppState, Store, demo_accounts, demo_data};

/// Reference government-services platform for Huiban.
#[derive(Debug, Parser)]
#[command(name = "huiban-platform", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the platform API over HTTP.
    Serve {
        /// Directory holding the platform's SQLite file and keys.
        #[arg(long)]
        data_dir: PathBuf,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8470")]
        bind: SocketAddr,
        /// Load the demo catalog when the catalog is empty.
        #[arg(long)]
        demo_data: bool,
    },
    /// Print the OpenAPI 3.1 document (committed as api/openapi.json).
    Openapi,
    /// Text messages the built-in SMS sink recorded.
    Sms {
        #[command(subcommand)]
        command: SmsCommand,
    },
}

#[derive(Debug, Subcommand)]
enum SmsCommand {
    /// List every recorded message, oldest first.
    List {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        /// Print JSON (one array) instead of lines.
        #[arg(long)]
        json: bool,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve {
            data_dir,
            bind,
            demo_data: seed,
        } => serve(data_dir, bind, seed).await,
        Command::Sms {
            command: SmsCommand::List { data_dir, json },
        } => list_sms(&data_dir, json),
        Command::Openapi => {
            std::io::stdout().write_all(huiban_platform::http::openapi_json().as_bytes())?;
            Ok(())
        }
    }
}

async fn serve(data_dir: PathBuf, bind: SocketAddr, seed: bool) -> anyhow::Result<()> {
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
    let listener = huiban_platform::bind(bind)
        .await
        .with_context(|| format!("listening on {bind}"))?;
    let address = listener.local_addr()?;
    // Launchers read this exact line to learn the port.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "huiban-platform listening on http://{address}")?;
    stdout.flush()?;
    huiban_platform::serve(listener, AppState::new(store), shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

fn list_sms(data_dir: &std::path::Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    let messages = store.sent_sms()?;
    let mut stdout = std::io::stdout();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &messages)?;
        writeln!(stdout)?;
    } else {
        for message in messages {
            writeln!(
                stdout,
                "{}\t{}\t{}",
                message.id, message.phone, message.text
            )?;
        }
    }
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
