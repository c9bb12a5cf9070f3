//! `cargo xtask test`: every test layer, in order, stopping at the first failure, then a summary.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::counts::{self, Counts};
use crate::process::{self, run_captured};
use crate::report::Report;
use crate::setup;
use crate::workspace::{self, FEATURES};

/// One test layer: its name, what it checks, and how to run it.
struct Layer {
    name: &'static str,
    what: &'static str,
    run: fn() -> Result<Report, String>,
}

const LAYERS: &[Layer] = &[
    Layer {
        name: "fmt",
        what: "cargo fmt --check",
        run: fmt,
    },
    Layer {
        name: "layout",
        what: "no import cycle, no file over 600 lines, no function over 80",
        run: crate::layout::check,
    },
    Layer {
        name: "clippy",
        what: "cargo clippy, warnings are errors",
        run: clippy,
    },
    Layer {
        name: "advisories",
        what: "Cargo.lock against the RustSec snapshot",
        run: crate::advisories::check,
    },
    Layer {
        name: "deny",
        what: "cargo deny check licenses bans sources",
        run: crate::deny::check,
    },
    Layer {
        name: "rust",
        what: "cargo test --workspace",
        run: rust,
    },
    Layer {
        name: "svelte-check",
        what: "types and a11y warnings as errors",
        run: svelte_check,
    },
    Layer {
        name: "vitest",
        what: "UI unit and component tests",
        run: vitest,
    },
    Layer {
        name: "browser",
        what: "Chromium + axe, IPC mocked",
        run: browser,
    },
    Layer {
        name: "webkit",
        what: "every screen measured again in WebKitGTK, the app's engine",
        run: webkit,
    },
    Layer {
        name: "webdriver",
        what: "the real app on the real platform",
        run: webdriver,
    },
    Layer {
        name: "install",
        what: "the .deb installed, started and removed",
        run: install,
    },
];

/// Runs the named layers (all when none are named).
pub fn test(args: &[String]) -> Result<(), String> {
    for name in args {
        if !LAYERS.iter().any(|l| l.name == name) {
            let names: Vec<_> = LAYERS.iter().map(|l| l.name).collect();
            return Err(format!(
                "unknown test layer {name:?}; layers: {}",
                names.join(" ")
            ));
        }
    }
    let selected: Vec<&Layer> = LAYERS
        .iter()
        .filter(|l| args.is_empty() || args.iter().any(|a| a == l.name))
        .collect();

    banner("prepare: system packages, Node packages, tauri-driver, UI build");
    // A full disk is the quickest way for this run to fail, so the log says how much there is.
    let _ = process::run(Command::new("df").args(["-h", "."]));
    setup::ensure_all(true)?;
    setup::build_ui()?;

    let mut done: Vec<(&Layer, Report)> = Vec::new();
    for layer in &selected {
        banner(&format!("{} — {}", layer.name, layer.what));
        let report = (layer.run)().unwrap_or_else(|error| Report {
            ok: false,
            detail: error,
            counts: None,
        });
        let ok = report.ok;
        done.push((layer, report));
        if !ok {
            break;
        }
    }
    summarise(&selected, &done)
}

fn banner(title: &str) {
    println!("\n==== {title} ====");
}

fn summarise(selected: &[&Layer], done: &[(&Layer, Report)]) -> Result<(), String> {
    println!("\n==== Huiban test summary ====");
    let mut total = Counts::default();
    for (layer, report) in done {
        let mark = if report.ok { "ok" } else { "FAILED" };
        println!("  {:<13} {:<7} {}", layer.name, mark, report.detail);
        if let Some(counts) = report.counts {
            total.add(counts);
        }
        if !report.ok && report.counts.is_none_or(|c| c.failed == 0) {
            total.failed += 1;
        }
    }
    for layer in selected.iter().skip(done.len()) {
        println!("  {:<13} {:<7} not run", layer.name, "-");
    }
    let failed_layer = done.iter().find(|(_, r)| !r.ok).map(|(l, _)| l.name);
    println!(
        "{} passed, {} failed, {} skipped",
        total.passed, total.failed, total.skipped
    );
    match failed_layer {
        None => Ok(()),
        Some(name) => Err(format!(
            "layer `{name}` failed; run it alone with `cargo xtask test {name}`"
        )),
    }
}

/// Cargo for the test layers. Under CI (a fresh clone that is built once) it keeps no incremental
/// state: that state is about half of a debug target's size and a full disk fails the run in seconds.
fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    keep_no_incremental_state(&mut command, under_ci());
    command
}

/// Whether this run is CI's (a fresh clone, built once).
fn under_ci() -> bool {
    std::env::var_os("CI").is_some()
}

/// Under CI, cargo run by `command` (directly or inside a wrapper) keeps no incremental state.
fn keep_no_incremental_state(command: &mut Command, ci: bool) {
    if ci {
        command.env("CARGO_INCREMENTAL", "0");
    }
}

/// `npm` in `ui/`, without colours.
pub(crate) fn npm() -> Command {
    npm_within(&[])
}

/// `npm` in `ui/`, without colours, run inside `wrapper` (e.g. `dbus-run-session -- xvfb-run`) when
/// one is given.
fn npm_within(wrapper: &[&str]) -> Command {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    let mut command = match wrapper.split_first() {
        Some((program, args)) => {
            let mut command = Command::new(program);
            command.args(args).arg(npm);
            command
        }
        None => Command::new(npm),
    };
    command
        .current_dir(workspace::ui())
        .env("FORCE_COLOR", "0")
        .env("NO_COLOR", "1");
    command
}

/// A layer that passes when its command succeeds.
fn plain(command: &mut Command, detail: &str) -> Result<Report, String> {
    let ok = process::run(command).is_ok();
    Ok(Report {
        ok,
        detail: if ok {
            detail.to_owned()
        } else {
            "see the output above".to_owned()
        },
        counts: None,
    })
}

/// A layer that runs tests: it passes when the command succeeds and at least one test ran.
fn counted(ok: bool, counts: Counts) -> Report {
    let ran_none = counts.passed + counts.failed == 0;
    let mut detail = format!("{} passed, {} failed", counts.passed, counts.failed);
    if counts.skipped > 0 {
        detail.push_str(&format!(", {} skipped", counts.skipped));
    }
    if ran_none {
        detail.push_str(" — no test ran");
    }
    Report {
        ok: ok && !ran_none && counts.failed == 0,
        detail,
        counts: Some(counts),
    }
}

fn fmt() -> Result<Report, String> {
    plain(
        cargo()
            .args(["fmt", "--all", "--check"])
            .current_dir(workspace::root()),
        "formatted",
    )
}

fn clippy() -> Result<Report, String> {
    // `--all-targets` leaves out the cross-process suites (test = false): they are named.
    plain(
        cargo()
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--features",
                FEATURES,
            ])
            .args(workspace::e2e_test_args()?)
            .args(["--", "-D", "warnings"])
            .current_dir(workspace::root()),
        "no warnings",
    )
}

fn rust() -> Result<Report, String> {
    // Inside a private D-Bus session with a fresh keyring, so the keychain tests use the real Secret Service.
    let mut command = keyring_session("rust", &[])?;
    command.args(["test", "--workspace", "--features", FEATURES]);
    let (ok, lines) = run_captured(&mut command)?;
    Ok(counted(ok, counts::cargo_test(&lines)))
}

/// `cargo` run inside `dbus-run-session` with a fresh, unlocked gnome-keyring and fresh XDG
/// directories (under target/xtask-scratch/<name>-<pid>), optionally wrapped in `wrapper` (e.g. xvfb-run).
fn keyring_session(name: &str, wrapper: &[&str]) -> Result<Command, String> {
    keyring_session_for(name, wrapper, under_ci())
}

/// [`keyring_session`], told whether this is CI's run.
fn keyring_session_for(name: &str, wrapper: &[&str], ci: bool) -> Result<Command, String> {
    let scratch = workspace::target()
        .join("xtask-scratch")
        .join(format!("{name}-{}", std::process::id()));
    let mut command = Command::new("dbus-run-session");
    command
        .args([
            "--",
            "sh",
            "-c",
            // A fresh, unlocked Secret Service keyring inside the private D-Bus session.
            "printf huiban | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$@\"",
            "sh",
        ])
        .args(wrapper)
        .arg(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .current_dir(workspace::root());
    keep_no_incremental_state(&mut command, ci);
    for dir in ["data", "cache", "config"] {
        let path = scratch.join(dir);
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        command.env(format!("XDG_{}_HOME", dir.to_uppercase()), path);
    }
    Ok(command)
}

fn svelte_check() -> Result<Report, String> {
    let (ok, lines) = run_captured(npm().args(["run", "check"]))?;
    let detail = match counts::svelte_check(&lines) {
        Some((errors, warnings)) => format!("{errors} errors, {warnings} warnings"),
        None => "no summary printed".to_owned(),
    };
    Ok(Report {
        ok,
        detail,
        counts: None,
    })
}

fn vitest() -> Result<Report, String> {
    let (ok, lines) = run_captured(npm().args(["run", "test"]))?;
    Ok(counted(ok, counts::vitest(&lines)))
}

fn browser() -> Result<Report, String> {
    let mut command = npm();
    command.args(["run", "test:browser"]);
    if let Some(path) = chromium() {
        command.env("CHROMIUM_PATH", path);
    }
    let (ok, lines) = run_captured(&mut command)?;
    Ok(counted(ok, counts::node_test(&lines)))
}

/// The first-screen measurements of every screen, and the kiosk's on its touch screen, in WebKitGTK's
/// MiniBrowser through WebKitWebDriver, on a virtual screen with room for the tallest page (the
/// kiosk standing, 1080 × 1920) and the browser's toolbar.
fn webkit() -> Result<Report, String> {
    let mut command = npm_within(&[
        "dbus-run-session",
        "--",
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 2000x2100x24",
    ]);
    command.args(["run", "test:webkit"]);
    let (ok, lines) = run_captured(&mut command)?;
    Ok(counted(ok, counts::node_test(&lines)))
}

/// Debian's Chromium, or Ubuntu's snap.
pub(crate) fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/snap/bin/chromium",
        "/usr/bin/chromium-browser",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|p| p.is_file())
}

fn webdriver() -> Result<Report, String> {
    // The app binary must embed the built UI, hence the custom-protocol feature on every build.
    process::run(
        cargo()
            .args([
                "build",
                "--workspace",
                "--all-targets",
                "--features",
                FEATURES,
            ])
            .current_dir(workspace::root()),
    )?;
    let mut report = e2e_run(
        "webdriver",
        &workspace::e2e_test_args()?,
        &workspace::debug_binary("huiban"),
    )?;
    if report.ok {
        report.detail.push_str(&format!(
            " — screenshots in {}",
            workspace::target().join("e2e").display()
        ));
    }
    Ok(report)
}

/// The `install` layer, driving the installed app with [`e2e_run`].
fn install() -> Result<Report, String> {
    crate::install::check(e2e_run)
}

/// Runs the cross-process suites named in `tests` (`--test NAME` pairs) under Xvfb with an unlocked
/// keyring, against `app` and the debug platform binary.
fn e2e_run(name: &str, tests: &[String], app: &Path) -> Result<Report, String> {
    let driver = setup::tauri_driver();
    let printed = crate::printer::ensure()?;
    let mut command = keyring_session(name, &["xvfb-run", "-a", "-s", "-screen 0 1280x900x24"])?;
    command
        .args(["test", "--workspace", "--features", FEATURES])
        .args(tests)
        .args(["--", "--test-threads=1"])
        .env("HUIBAN_E2E_APP", app)
        .env(
            "HUIBAN_E2E_PLATFORM",
            workspace::debug_binary("huiban-platform"),
        )
        .env(
            "HUIBAN_E2E_TAURI_DRIVER",
            if driver.is_file() {
                driver
            } else {
                PathBuf::from("tauri-driver")
            },
        )
        .env("HUIBAN_E2E_ARTIFACTS", workspace::target().join("e2e"))
        .env("HUIBAN_E2E_PRINTER", crate::printer::PRINTER)
        .env("HUIBAN_E2E_PRINTED", printed);
    let (ok, lines) = run_captured(&mut command)?;
    Ok(counted(ok, counts::cargo_test(&lines)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    fn incremental(command: &Command) -> Option<Option<&OsStr>> {
        command
            .get_envs()
            .find(|(key, _)| *key == "CARGO_INCREMENTAL")
            .map(|(_, value)| value)
    }

    #[test]
    fn npm_inside_a_wrapper_runs_in_ui_without_colours() {
        let command = npm_within(&["xvfb-run", "-a"]);
        assert_eq!(command.get_program(), "xvfb-run");
        let args: Vec<_> = command.get_args().collect();
        let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
        assert_eq!(args[..2], [OsStr::new("-a"), OsStr::new(npm)]);
        assert_eq!(command.get_current_dir(), Some(workspace::ui().as_path()));
        assert!(command.get_envs().any(|(key, _)| key == "NO_COLOR"));
    }

    // CI's disk filled in the webdriver layer: its cargo, inside dbus-run-session, kept incremental state.
    #[test]
    fn cargo_in_a_keyring_session_keeps_no_incremental_state_under_ci() {
        let command = keyring_session_for("incremental-ci", &["xvfb-run"], true).unwrap();
        assert_eq!(incremental(&command), Some(Some(OsStr::new("0"))));
    }

    #[test]
    fn cargo_in_a_keyring_session_keeps_incremental_state_on_a_developer_machine() {
        let command = keyring_session_for("incremental-dev", &[], false).unwrap();
        assert_eq!(incremental(&command), None);
    }
}
