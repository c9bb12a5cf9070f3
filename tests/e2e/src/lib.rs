//! Harness for the cross-process suites: the real platform server, tauri-driver and the real app.
//!
//! Paths come from the environment, set by `cargo xtask test`:
//! `HUIBAN_E2E_APP` (the app binary built with `tauri/custom-protocol`),
//! `HUIBAN_E2E_PLATFORM` (the `huiban-platform` binary), optionally `HUIBAN_E2E_TAURI_DRIVER`
//! and `HUIBAN_E2E_ARTIFACTS` (where screenshots go; `target/e2e` by default).

pub mod answers;
pub mod app;
pub mod counter;
pub mod driver;
pub mod kiosk;
pub mod looks;
pub mod notifications;
pub mod page;
pub mod people;
pub mod platform;
pub mod prelude;
pub mod printed;
pub mod speech_daemon;
pub mod traces;
pub mod waits;

use std::net::TcpListener;

/// What a journey test returns.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

use std::path::PathBuf;

/// A required path from the environment, or a panic that says how to run the suite.
pub fn env_path(name: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(value) => PathBuf::from(value),
        None => panic!("{name} is not set: run this suite through `cargo xtask test`"),
    }
}

/// A free TCP port on loopback, as the OS hands it out.
pub fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Directory for screenshots and other evidence of a run.
pub fn artifacts_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::var_os("HUIBAN_E2E_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e"));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
