//! Huiban 惠办 desktop app entry point.

// Hide the extra console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    huiban_lib::run()
}
