//! Huiban's Tauri shell: resolves settings, builds the core services and registers commands.

mod commands;
mod error;
mod notifications;
mod printing;
pub mod speech;
mod state;
mod sync;
mod windows;

use std::process::ExitCode;

pub use error::IpcError;
pub use state::AppState;

/// Starts the app; returns when the last window closes.
pub fn run() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();

    // `huiban --say TEXT`: read TEXT with the app's voice and exit; for setting up a computer.
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--say") {
        return speech::say(args.get(at + 1).map_or("", String::as_str));
    }

    let state = match AppState::from_process() {
        Ok(state) => state,
        Err(error) => {
            eprintln!("惠办无法启动：{error}\nHuiban cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    let mode = state.mode();
    if let Err(error) = windows::label_of(mode) {
        eprintln!("惠办无法启动：这个版本还没有这种模式。\nHuiban cannot start: {error}");
        return ExitCode::from(2);
    }
    tracing::info!(platform = %state.client().base(), source = ?state.source(), ?mode, "starting");

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .setup(move |app| {
            windows::open(app.handle(), mode)?;
            // A clerk's outbox sends what she confirmed for residents, each in its session.
            sync::start(app.handle());
            Ok(())
        })
        .invoke_handler(commands::handler::handler())
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("惠办运行出错：{error}\nHuiban failed: {error}");
            ExitCode::FAILURE
        }
    }
}
