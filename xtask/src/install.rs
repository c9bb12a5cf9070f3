//! The `install` layer: the .deb made by `cargo xtask dist --debug` installed with apt as a
//! person setting up a computer would, the installed `huiban` started under Xvfb against the
//! reference platform and driven to its home screen and 关于惠办 by WebDriver
//! (`tests/e2e/tests/installed.rs`), then removed with apt, leaving nothing of it in `/usr`.
//! Installing needs root (CI runs as root); elsewhere the layer says it was skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::report::Report;
use crate::{dist, process, workspace};

/// Where the installed app lives.
const INSTALLED_APP: &str = "/usr/bin/huiban";

/// Whether this process runs as root.
fn is_root() -> bool {
    process::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// The one .deb in `dir`.
fn the_deb(dir: &Path) -> Result<PathBuf, String> {
    let debs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "deb"))
        .collect();
    match debs.as_slice() {
        [deb] => Ok(deb.clone()),
        other => Err(format!(
            "expected one .deb in {}, found {other:?}",
            dir.display()
        )),
    }
}

/// apt-get with no questions asked.
fn apt(args: &[&str]) -> Command {
    let mut command = Command::new("apt-get");
    command
        .args(["-y", "-q"])
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive");
    command
}

/// How the cross-process suites are run: their name, `--test NAME` pairs and the app to drive.
pub type SuiteRunner = fn(&str, &[String], &Path) -> Result<Report, String>;

/// Builds, installs, drives (with `run_suites`) and removes the package.
pub fn check(run_suites: SuiteRunner) -> Result<Report, String> {
    if !cfg!(target_os = "linux") || !is_root() {
        return Ok(Report {
            ok: true,
            detail: "skipped: installing a .deb needs Linux and root (CI runs as root)".to_owned(),
            counts: None,
        });
    }
    let out = workspace::target().join("dist");
    let _ = std::fs::remove_dir_all(&out);
    dist::dist(&["--debug".to_owned()])?;
    let deb = the_deb(&out)?;
    let package = process::output(
        Command::new("dpkg-deb")
            .args(["-f"])
            .arg(&deb)
            .arg("Package"),
    )
    .map(|name| name.trim().to_owned())
    .ok_or("dpkg-deb could not read the package's name")?;
    process::run(apt(&["install", "--reinstall"]).arg(&deb))?;
    let driven = run_suites(
        "install",
        &["--test".to_owned(), workspace::INSTALLED_SUITE.to_owned()],
        Path::new(INSTALLED_APP),
    );
    let removed = process::run(&mut apt(&["purge", &package]));
    let mut report = driven?;
    removed?;
    if Path::new(INSTALLED_APP).exists() {
        report.ok = false;
        report.detail = format!("{INSTALLED_APP} is still there after apt-get purge {package}");
    } else {
        report
            .detail
            .push_str(&format!(" — {} installed and removed", deb.display()));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_one_deb_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        assert!(the_deb(dir.path()).is_err());
        std::fs::write(dir.path().join("Huiban_0.1.0_amd64.deb"), b"").unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"").unwrap();
        assert_eq!(
            the_deb(dir.path()).unwrap(),
            dir.path().join("Huiban_0.1.0_amd64.deb")
        );
        std::fs::write(dir.path().join("Huiban_0.2.0_amd64.deb"), b"").unwrap();
        assert!(the_deb(dir.path()).is_err());
    }
}
