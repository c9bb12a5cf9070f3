//! `cargo xtask screenshots [DIR]`: a PNG of every screen in each theme at the smallest and largest
//! text size, drawn by Debian's Chromium from the UI with the shell mocked, into DIR
//! (`docs/screenshots/screens` by default), to be looked at and committed.

use crate::test::{chromium, npm};
use crate::{process, setup, workspace};

/// Writes the screenshots.
pub fn screenshots(args: &[String]) -> Result<(), String> {
    let out = match args.first() {
        Some(dir) => std::path::absolute(dir).map_err(|e| format!("bad directory {dir}: {e}"))?,
        None => workspace::root().join("docs/screenshots/screens"),
    };
    setup::ensure_all(true)?;
    let mut command = npm();
    command.args(["run", "screenshots", "--"]).arg(&out);
    if let Some(path) = chromium() {
        command.env("CHROMIUM_PATH", path);
    }
    process::run(&mut command)
}
