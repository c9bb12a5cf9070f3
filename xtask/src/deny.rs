//! `cargo xtask test deny`: `cargo deny check licenses bans sources` with `deny.toml`, offline:
//! every crate's licence is one we accept, no banned crate (OpenSSL) is in the tree, and every crate
//! comes from crates.io. cargo-deny is installed at a pinned version the first time, and the crates
//! of every target the lockfile names are fetched first (cargo-deny reads the whole graph offline; a
//! fresh machine has only those its own builds downloaded).

use std::process::Command;

use crate::report::Report;
use crate::{process, workspace};

/// The cargo-deny release the check runs with.
const VERSION: &str = "0.20.2";

/// Where `cargo install` puts cargo-deny.
fn binary() -> std::path::PathBuf {
    crate::setup::cargo_installed("cargo-deny")
}

/// Installs cargo-deny when it is missing or another version.
fn ensure_installed() -> Result<(), String> {
    let installed = Command::new(binary())
        .arg("--version")
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned());
    if installed.is_some_and(|version| version.contains(VERSION)) {
        println!("cargo-deny {VERSION}: present");
        return Ok(());
    }
    process::run(Command::new("cargo").args([
        "install",
        "cargo-deny",
        "--version",
        VERSION,
        "--locked",
    ]))
}

/// Runs the check and reports it.
pub fn check() -> Result<Report, String> {
    ensure_installed()?;
    process::run(
        Command::new("cargo")
            .current_dir(workspace::root())
            .args(["fetch", "--locked"]),
    )?;
    let status = Command::new(binary())
        .current_dir(workspace::root())
        .args([
            "--frozen",
            "--log-level",
            "error",
            "check",
            "licenses",
            "bans",
            "sources",
        ])
        .status()
        .map_err(|error| format!("cannot run cargo-deny: {error}"))?;
    Ok(Report {
        ok: status.success(),
        counts: None,
        detail: if status.success() {
            "licences, bans and sources as deny.toml says".to_owned()
        } else {
            "cargo deny found a licence, ban or source deny.toml refuses (see above)".to_owned()
        },
    })
}
