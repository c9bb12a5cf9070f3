//! `cargo xtask bench`: benchmarks, each a ratio against a baseline measured in the same run.

use std::process::Command;

use crate::process;
use crate::workspace;

/// Runs the named benchmark (default: all).
pub fn bench(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("sync") | None => {
            let count = args.get(1).cloned().unwrap_or_else(|| "1000".to_owned());
            process::run(
                Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
                    .args([
                        "run",
                        "--release",
                        "-p",
                        "huiban-core",
                        "--example",
                        "bench_sync",
                        "--",
                        &count,
                    ])
                    .current_dir(workspace::root()),
            )
        }
        Some("search") => process::run(
            Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
                .args([
                    "run",
                    "--release",
                    "-p",
                    "huiban-core",
                    "--example",
                    "bench_search",
                ])
                .current_dir(workspace::root()),
        ),
        Some(other) => Err(format!(
            "unknown benchmark {other:?}; benchmarks: sync, search"
        )),
    }
}
