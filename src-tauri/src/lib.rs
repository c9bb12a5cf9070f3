//! Huiban's Tauri shell: resolves settings, builds the core services and registers commands.

mod cli;
mod commands;
mod crash_record;
mod error;
mod identifier;
mod log_file;
mod notifications;
mod printer_state;
mod printing;
mod single_instance;
pub mod speech;
mod state;
mod sync;
mod window_state;
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
    let cli = match cli::read(std::env::args_os()) {
        cli::Reading::Run(cli) => cli,
        cli::Reading::Answered(text) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        cli::Reading::Refused(text) => {
            eprint!("{text}");
            return ExitCode::from(2);
        }
    };
    let log_dir = log_file::log_dir();
    let _log_guard = log_file::start(log_dir.as_deref());
    if let Some(dir) = log_dir.clone() {
        crash_record::install(dir);
    }

    // `huiban --say TEXT`: read TEXT with the app's voice and exit; for setting up a computer.
    if let Some(text) = cli.say.as_deref() {
        return speech::say(text);
    }
    // `huiban --hash-pin`: the hash of the PIN read from standard input, for a kiosk's config.
    if cli.hash_pin {
        return hash_pin();
    }

    let flags = cli.flags();
    let state = match AppState::from_flags(&flags, log_dir) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("惠办无法启动：{error}\nHuiban cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    let mode = state.mode();
    tracing::info!(platform = %state.client().base(), source = ?state.source(), ?mode, version = huiban_core::about::VERSION, "starting");

    // One app per person and data folder: a second start brings the first to the front and ends.
    let mut builder = tauri::Builder::default()
        .plugin(single_instance::plugin(&flags, mode))
        .plugin(tauri_plugin_notification::init());
    if mode != huiban_core::mode::Mode::Kiosk {
        // Size and place kept between starts; a kiosk always fills its screen.
        builder = builder.plugin(window_state::plugin());
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
