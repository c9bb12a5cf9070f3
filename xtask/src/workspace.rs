//! Where things are in the repository, and the build settings every command shares.

use std::path::PathBuf;

/// Cargo feature set every build uses, so that run, tests and WebDriver share one set of artifacts.
pub const FEATURES: &str = "tauri/custom-protocol";

/// The repository root (the workspace directory).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// The UI package directory.
pub fn ui() -> PathBuf {
    root().join("ui")
}

/// Cargo's target directory.
pub fn target() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// A debug binary of the workspace, with the platform's executable suffix.
pub fn debug_binary(name: &str) -> PathBuf {
    target()
        .join("debug")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}
