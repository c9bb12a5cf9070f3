//! Where the app writes its log: a file a day in the system's log folder for apps (the folder
//! Tauri's `app_log_dir` names: `~/.local/share/cn.huiban.desktop/logs` on Linux,
//! `~/Library/Logs/cn.huiban.desktop` on macOS, `%LOCALAPPDATA%\cn.huiban.desktop\logs` on
//! Windows; `HUIBAN_LOG_DIR` instead), the last [`KEPT_DAYS`] kept, and also on standard error.
//! The log never holds personal data: commands skip it in their spans and core logs ids only.

use std::path::PathBuf;

use tracing_appender::non_blocking::WorkerGuard;

use crate::identifier::IDENTIFIER;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Environment variable naming the log folder instead of the system's.
pub const LOG_DIR_ENV: &str = "HUIBAN_LOG_DIR";

/// How many days of log files are kept.
pub const KEPT_DAYS: usize = 7;

/// The folder the log files go to, if the system has one.
pub fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LOG_DIR_ENV).filter(|dir| !dir.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if cfg!(target_os = "macos") {
        return dirs::home_dir().map(|home| home.join("Library/Logs").join(IDENTIFIER));
    }
    dirs::data_local_dir().map(|dir| dir.join(IDENTIFIER).join("logs"))
}

/// Starts logging to standard error and, where the folder can be made, to the day's file in
/// `dir`; keep the guard until the app ends so that the last lines reach the file.
pub fn start(dir: Option<&std::path::Path>) -> Option<WorkerGuard> {
    let filter =
        tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    let appender = dir.and_then(|dir| {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix("huiban")
            .filename_suffix("log")
            .max_log_files(KEPT_DAYS)
            .build(dir)
            .map_err(|error| eprintln!("惠办不能写日志文件：{error}"))
            .ok()
    });
    let (to_file, guard) = match appender {
        Some(appender) => {
            let (writer, guard) = tracing_appender::non_blocking(appender);
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(writer);
            (Some(layer), Some(guard))
        }
        None => (None, None),
    };
    tracing_subscriber::registry()
        .with(filter)
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(to_file)
        .init();
    guard
}
