//! `cargo xtask bench`: benchmarks, each a ratio against a baseline measured in the same run.

use std::process::Command;

use crate::process;
use crate::workspace;

/// Runs huiban-core's benchmark `name` (`crates/core/benches/<name>.rs`, optimised) with `args`.
fn core_bench(name: &str, args: &[&str]) -> Result<(), String> {
    process::run(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args(["bench", "-p", "huiban-core", "--bench", name, "--"])
            .args(args)
            .current_dir(workspace::root()),
    )
}

/// Runs the named benchmark (default: sync).
pub fn bench(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("sync") | None => {
            let count = args.get(1).map_or("1000", String::as_str);
            core_bench("sync", &[count])
        }
        Some("search") => core_bench("search", &[]),
        Some(other) => Err(format!(
            "unknown benchmark {other:?}; benchmarks: sync, search"
        )),
    }
}
