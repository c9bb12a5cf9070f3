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

/// The cross-process suites' test targets (`[[test]]` names in `tests/e2e/Cargo.toml`), which only
/// `cargo xtask test webdriver` runs; every one of them is named to cargo explicitly.
pub fn e2e_tests() -> Result<Vec<String>, String> {
    let path = root().join("tests").join("e2e").join("Cargo.toml");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let manifest: toml::Table =
        toml::from_str(&text).map_err(|e| format!("cannot parse {}: {e}", path.display()))?;
    let names: Vec<String> = e2e_targets(&manifest)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    if names.is_empty() {
        return Err(format!("{} lists no [[test]]", path.display()));
    }
    Ok(names)
}

/// `(name, path)` of each `[[test]]` of a manifest.
fn e2e_targets(manifest: &toml::Table) -> Vec<(String, String)> {
    manifest
        .get("test")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|test| {
            let name = test.get("name")?.as_str()?.to_owned();
            let path = test.get("path")?.as_str()?.to_owned();
            Some((name, path))
        })
        .collect()
}

/// The suite that drives the app as the .deb installed it: only the `install` layer runs it.
pub const INSTALLED_SUITE: &str = "webdriver_installed";

/// `--test NAME` for each cross-process suite of the `webdriver` layer (all but the installed
/// app's).
pub fn e2e_test_args() -> Result<Vec<String>, String> {
    Ok(e2e_tests()?
        .into_iter()
        .filter(|name| name != INSTALLED_SUITE)
        .flat_map(|name| ["--test".to_owned(), name])
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_cross_process_suites_is_a_named_test() {
        let e2e = root().join("tests").join("e2e");
        let text = std::fs::read_to_string(e2e.join("Cargo.toml")).expect("manifest");
        let manifest: toml::Table = toml::from_str(&text).expect("toml");
        let targets = e2e_targets(&manifest);
        let mut files: Vec<String> = std::fs::read_dir(e2e.join("tests"))
            .expect("the suites' directory")
            .flatten()
            .map(|entry| format!("tests/{}", entry.file_name().to_string_lossy()))
            .filter(|path| path.ends_with(".rs"))
            .collect();
        files.sort();
        let mut paths: Vec<String> = targets.iter().map(|(_, path)| path.clone()).collect();
        paths.sort();
        assert_eq!(
            files, paths,
            "each tests/e2e/tests/*.rs needs its [[test]] entry"
        );
        // Named apart from every other crate's tests, which --workspace would run with them.
        assert!(
            targets
                .iter()
                .all(|(name, _)| name.starts_with("webdriver_"))
        );
        assert_eq!(e2e_tests().expect("listed").len(), targets.len());
    }
}
