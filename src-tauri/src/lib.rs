//! Huiban's Tauri shell: resolves settings, builds the core services and registers commands.

mod commands;
mod error;
mod notifications;
mod printer_state;
mod printing;
pub mod speech;
mod state;
mod sync;
mod windows;

use std::process::ExitCode;

pub use error::IpcError;
pub use state::AppState;

/// Prints the hash of the PIN on standard input (4 to 6 digits), for `exit_pin` in a kiosk's
/// machine-wide config file.
fn hash_pin() -> ExitCode {
    let mut digits = String::new();
    if let Err(error) = std::io::stdin().read_line(&mut digits) {
        eprintln!("读不到PIN：{error}");
        return ExitCode::FAILURE;
    }
    match huiban_core::kiosk::setup::exit_pin_hash(&digits) {
        Ok(hash) => {
            println!("{hash}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{}", error.text(huiban_core::i18n::spoken()));
            ExitCode::FAILURE
        }
    }
}

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
    // `huiban --hash-pin`: the hash of the PIN read from standard input, for a kiosk's config.
    if args.iter().any(|a| a == "--hash-pin") {
        return hash_pin();
    }

    let state = match AppState::from_process() {
        Ok(state) => state,
        Err(error) => {
            eprintln!("惠办无法启动：{error}\nHuiban cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    let mode = state.mode();
    tracing::info!(platform = %state.client().base(), source = ?state.source(), ?mode, "starting");

    let mut builder = tauri::Builder::default().plugin(tauri_plugin_notification::init());
    if mode == huiban_core::mode::Mode::Kiosk {
        // One kiosk window only: a second start brings the first to the front and ends.
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _, _| {
            if let Some(window) = tauri::Manager::get_webview_window(app, "kiosk") {
                let _ = window.set_focus();
            }
        }));
    }
    let result = builder
        .manage(state)
        .on_window_event(windows::on_event)
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
