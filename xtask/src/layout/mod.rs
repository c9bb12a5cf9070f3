//! `cargo xtask test layout`: the shape rules of issue #14 that no compiler checks — no import cycle
//! between the files of a crate, no source file over 600 lines, no function over 80 lines outside tests,
//! and the Tauri crate and npm packages at one minor version.

mod cycles;
mod lengths;
mod tauri_versions;

use std::path::{Path, PathBuf};

use crate::report::Report;
use crate::workspace;

/// The Rust source roots whose files must not import each other in a loop.
const CRATE_ROOTS: &[&str] = &[
    "crates/api/src",
    "crates/rules/src",
    "crates/core/src",
    "crates/platform/src",
    "crates/platform/src/bin/huiban-platform",
    "src-tauri/src",
    "tests/e2e/src",
    "xtask/src",
];

/// Directories whose hand-written sources are measured for length.
const MEASURED: &[&str] = &[
    "crates",
    "src-tauri/src",
    "tests",
    "xtask/src",
    "ui/src",
    "ui/tests",
];

/// Runs every layout rule over the repository and reports what breaks them.
pub fn check() -> Result<Report, String> {
    let root = workspace::root();
    let mut problems = Vec::new();
    for crate_root in CRATE_ROOTS {
        for cycle in cycles::of_crate(&root.join(crate_root))? {
            problems.push(format!(
                "{crate_root}: import cycle among {}; arrows: {}",
                cycle.files.join(", "),
                cycle.arrows.join(", ")
            ));
        }
    }
    for dir in MEASURED {
        for file in source_files(&root.join(dir)) {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let shown = file
                .strip_prefix(&root)
                .unwrap_or(&file)
                .display()
                .to_string();
            problems.extend(lengths::problems(&shown, &text));
        }
    }
    problems.extend(tauri_versions::problems(&root)?);
    for problem in &problems {
        println!("  {problem}");
    }
    Ok(Report {
        ok: problems.is_empty(),
        detail: if problems.is_empty() {
            "no cycle, no long file or function".to_owned()
        } else {
            format!("{} problems, listed above", problems.len())
        },
        counts: None,
    })
}

/// Every hand-written source file under `dir` (Rust, TypeScript, Svelte, JavaScript modules), skipping
/// dependencies, build output and generated files.
fn source_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(name.as_str(), "node_modules" | "target" | "dist" | "gen") {
                    stack.push(path);
                }
            } else if is_measured(&name) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn is_measured(name: &str) -> bool {
    let generated = name.contains(".generated.") || name.ends_with(".d.ts");
    let source = [".rs", ".ts", ".svelte", ".mjs", ".js"]
        .iter()
        .any(|ext| name.ends_with(ext));
    source && !generated
}
