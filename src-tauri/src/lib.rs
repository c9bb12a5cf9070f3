//! Huiban's Tauri shell: resolves settings, builds the core services and registers commands.

mod commands;
mod error;
mod notifications;
pub mod speech;
mod state;
mod sync;

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
    tracing::info!(platform = %state.client.base(), source = ?state.source, "starting");

    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .setup(|app| {
            sync::start(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::catalog::catalog_items,
            commands::catalog::catalog_search,
            commands::device::store_status,
            commands::device::queue_summary,
            commands::drafts::draft_start,
            commands::drafts::draft_answer,
            commands::drafts::draft_list,
            commands::drafts::draft_submit,
            commands::forms::form_check_answer,
            commands::preferences::preferences_get,
            commands::preferences::preferences_set,
            commands::speech::speech_speak,
            commands::speech::speech_stop,
            commands::session::login_request_code,
            commands::session::login_with_code,
            commands::session::session_status,
            commands::session::logout,
            commands::session::unsent,
            commands::logins::logins,
            commands::logins::login_end,
            commands::logins::kiosk_asking,
            commands::logins::kiosk_answer,
            commands::wallet::wallet_licences,
            commands::wallet::wallet_licence_qr,
            commands::inbox::inbox,
            commands::inbox::message_read,
            commands::drafts::draft_open,
            commands::drafts::draft_step,
            commands::drafts::draft_review,
            commands::drafts::submission_status,
            commands::drafts::case_number_qr,
            commands::forms::form_definition,
            commands::cases::cases,
            commands::cases::case_detail,
            commands::cases::copies_refresh,
            commands::cases::evaluation_levels,
            commands::forms::regions,
            commands::forms::region_path,
            commands::forms::group_items,
            commands::drafts::draft_item_step,
            commands::cases::case_evaluate,
            commands::cases::case_withdraw,
            commands::cases::case_supplement,
            commands::cases::case_asked_again,
            commands::attachments::attachment_keep,
            commands::requests::requests,
            commands::requests::request_detail,
            commands::requests::request_follow_up,
            commands::requests::request_evaluate,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("惠办运行出错：{error}\nHuiban failed: {error}");
            ExitCode::FAILURE
        }
    }
}
