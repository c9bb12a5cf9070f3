//! Huiban's developer commands.
//!
//! `cargo xtask run`  — install what is missing, build, start a local platform with demo data, open the app.
//! `cargo xtask test` — install what is missing, then run every test layer in order, stopping at the first failure.
//! `cargo xtask bench` — run the benchmarks in release mode.
//! `cargo xtask screenshots` — PNGs of every screen in each theme at both ends of the text sizes.
//! `cargo xtask dist` — the installable packages for this system, into target/dist.

mod advisories;
mod bench;
mod counts;
mod deny;
mod dist;
mod install;
mod layout;
mod printer;
mod process;
mod report;
mod run;
mod screenshots;
mod setup;
mod test;
mod workspace;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [-- APP-ARGS]    install what is missing, build, start a local platform server with demo
                       data and open Huiban pointed at it; the server stops when the app closes
  test [LAYER...]      install what is missing and run the test layers in order, stopping at the
                       first failure; with LAYER names, run only those layers
                       layers: fmt layout clippy advisories deny rust svelte-check vitest browser webkit webdriver install
  bench [sync] [N]     release-build benchmarks, printed as ratios against a baseline in the same
                       run: sync sends N (1000) submissions through the outbox and through a
                       plain HTTP loop and prints sync_vs_raw_ratio and bytes_per_submission
  bench search         catalog search over 100,000 items: catalog_search_p99_ms through the index and
                       index_speedup_vs_fair_scan, a scan doing the same matching ÷ the index
                       (bigger is better); form_validate_p99_ms for a 60-question form
  dist [--debug]       the installable packages for this system into target/dist: a .deb on
                       Linux (NSIS and MSI on Windows, .app and .dmg on macOS); --debug packages
                       a debug build, as the install test does
  screenshots [DIR]    PNGs of every screen in each theme at the smallest and largest text
                       size into DIR (docs/screenshots/screens), drawn by Chromium
  help                 show this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("test") => test::test(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        Some("screenshots") => screenshots::screenshots(&args[1..]),
        Some("dist") => dist::dist(&args[1..]),
        Some("help" | "-h" | "--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}
