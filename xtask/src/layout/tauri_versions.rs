//! The Tauri crate and the npm packages `@tauri-apps/api` and `@tauri-apps/cli` at the same minor
//! version: the Tauri CLI refuses to bundle when they differ (found when `tauri build` first ran).

use std::path::Path;

/// The npm packages that must follow the crate.
const NPM_PACKAGES: &[&str] = &["@tauri-apps/api", "@tauri-apps/cli"];

/// `major.minor` of a version string.
fn minor_of(version: &str) -> String {
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}

/// The version of package `name` in a Cargo.lock's text.
fn crate_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            return lines
                .next()
                .and_then(|next| next.trim().strip_prefix("version = "))
                .map(|quoted| quoted.trim_matches('"').to_owned());
        }
    }
    None
}

/// The version of npm package `name` in a package-lock.json's text.
fn npm_version(lock: &str, name: &str) -> Option<String> {
    let lock: serde_json::Value = serde_json::from_str(lock).ok()?;
    lock["packages"][format!("node_modules/{name}")]["version"]
        .as_str()
        .map(str::to_owned)
}

/// What differs between the two lock files' Tauri versions.
pub fn problems_in(cargo_lock: &str, npm_lock: &str) -> Vec<String> {
    let Some(tauri) = crate_version(cargo_lock, "tauri") else {
        return vec!["Cargo.lock has no tauri crate".to_owned()];
    };
    NPM_PACKAGES
        .iter()
        .filter_map(|package| match npm_version(npm_lock, package) {
            None => Some(format!("ui/package-lock.json has no {package}")),
            Some(version) if minor_of(&version) != minor_of(&tauri) => Some(format!(
                "{package} {version} and the tauri crate {tauri} differ in minor version: the Tauri CLI will not bundle"
            )),
            Some(_) => None,
        })
        .collect()
}

/// The problems of the repository at `root`.
pub fn problems(root: &Path) -> Result<Vec<String>, String> {
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    Ok(problems_in(
        &read("Cargo.lock")?,
        &read("ui/package-lock.json")?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARGO: &str = "[[package]]\nname = \"tauri\"\nversion = \"2.12.5\"\n";

    fn npm(api: &str, cli: &str) -> String {
        format!(
            r#"{{"packages":{{"node_modules/@tauri-apps/api":{{"version":"{api}"}},"node_modules/@tauri-apps/cli":{{"version":"{cli}"}}}}}}"#
        )
    }

    #[test]
    fn the_same_minor_version_passes_and_another_is_named() {
        assert!(problems_in(CARGO, &npm("2.12.4", "2.12.6")).is_empty());
        let found = problems_in(CARGO, &npm("2.12.4", "2.13.0"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("@tauri-apps/cli 2.13.0"), "{found:?}");
    }

    #[test]
    fn the_repository_s_own_locks_agree() {
        let root = crate::workspace::root();
        assert_eq!(problems(&root), Ok(Vec::new()));
    }
}
