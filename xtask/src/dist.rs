//! `cargo xtask dist [--debug]`: the installable packages for this computer's system, made by the
//! Tauri CLI from npm (`@tauri-apps/cli`, its bundler) after the UI is built, copied into
//! `target/dist/`. On Linux a `.deb` that declares what it needs (WebKitGTK, the CJK fonts; speech,
//! the keyring and printing as Recommends) with a 惠办 menu entry, the icons and the licence. On
//! Windows the NSIS and MSI installers, on macOS the `.app` and `.dmg` (see `docs/packaging.md`).
//! `--debug` packages a debug build (the CI install test: it reuses the test build).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{process, setup, workspace};

/// The bundles made on this system.
fn bundles() -> &'static [&'static str] {
    if cfg!(target_os = "linux") {
        &["deb"]
    } else if cfg!(target_os = "windows") {
        &["nsis", "msi"]
    } else {
        &["app", "dmg"]
    }
}

/// The Tauri CLI as npm installed it.
fn tauri_cli() -> PathBuf {
    workspace::ui().join("node_modules/@tauri-apps/cli/tauri.js")
}

/// Every file Tauri's bundler left under `dir` (`target/<profile>/bundle/<kind>/…`) whose name ends
/// with one of the package extensions.
fn packages_in(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            if path.is_dir() && !name.ends_with(".app") {
                pending.push(path);
            } else if [".deb", ".exe", ".msi", ".dmg", ".app"]
                .iter()
                .any(|ext| name.ends_with(ext))
            {
                found.push(path);
            }
        }
    }
    found
}

/// Builds the packages; with `--debug`, of a debug build.
pub fn dist(args: &[String]) -> Result<(), String> {
    let debug = match args {
        [] => false,
        [flag] if flag == "--debug" => true,
        other => return Err(format!("dist takes only --debug, not {other:?}")),
    };
    setup::ensure_all(false)?;
    if debug {
        // The same UI as the tests build, so that the test build's objects are reused.
        setup::build_ui()?;
    } else {
        setup::build_release_ui()?;
    }
    let profile = if debug { "debug" } else { "release" };
    let bundle_dir = workspace::target().join(profile).join("bundle");
    // Packages of an earlier run must not be taken for this one's.
    let _ = std::fs::remove_dir_all(&bundle_dir);
    let mut tauri = Command::new("node");
    tauri
        .arg(tauri_cli())
        .args(["build", "--ci", "--bundles"])
        .args(bundles())
        .current_dir(workspace::root().join("src-tauri"));
    if debug {
        tauri.arg("--debug");
    }
    process::run(&mut tauri)?;
    let out = workspace::target().join("dist");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot make {}: {e}", out.display()))?;
    let made = packages_in(&bundle_dir);
    if made.is_empty() {
        return Err(format!(
            "the bundler left no package in {}",
            bundle_dir.display()
        ));
    }
    for package in made {
        let name = package.file_name().unwrap_or_default();
        let to = out.join(name);
        if package.is_dir() {
            process::run(Command::new("cp").arg("-R").arg(&package).arg(&to))?;
        } else {
            std::fs::copy(&package, &to)
                .map_err(|e| format!("cannot copy {}: {e}", package.display()))?;
        }
        let size = std::fs::metadata(&to).map(|m| m.len()).unwrap_or_default();
        println!(
            "package: {} ({:.1} MiB)",
            to.display(),
            size as f64 / 1048576.0
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packages_are_found_where_the_bundler_leaves_them_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let deb = dir.path().join("deb");
        std::fs::create_dir_all(deb.join("Huiban_0.1.0_amd64")).unwrap();
        std::fs::write(deb.join("Huiban_0.1.0_amd64.deb"), b"!<arch>").unwrap();
        std::fs::write(deb.join("Huiban_0.1.0_amd64/control"), b"Package: huiban").unwrap();
        let app = dir.path().join("macos/Huiban.app/Contents");
        std::fs::create_dir_all(&app).unwrap();
        std::fs::write(app.join("Info.plist"), b"<plist/>").unwrap();
        let mut found = packages_in(dir.path());
        found.sort();
        assert_eq!(
            found,
            [
                deb.join("Huiban_0.1.0_amd64.deb"),
                dir.path().join("macos/Huiban.app")
            ]
        );
    }
}
