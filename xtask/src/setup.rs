//! Installing what the project needs: system packages, Node packages and test tools.

use std::path::Path;
use std::process::Command;

use crate::process::{self, on_path, output};
use crate::workspace;

/// Debian/Ubuntu packages needed to build and run the app (Tauri's list, CJK fonts, reading aloud).
const RUN_PACKAGES: &[&str] = &[
    "build-essential",
    "curl",
    "wget",
    "file",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "fonts-noto-cjk",
    // Reading aloud: the engine with a Mandarin voice (the app speaks to it over its socket, so
    // nothing is linked; without it the app starts all the same and says reading aloud is off).
    "speech-dispatcher",
    "speech-dispatcher-espeak-ng",
    "espeak-ng",
    // Printing a receipt: the app hands the page to CUPS with its `lp` command.
    "cups-client",
];

/// Extra packages for the test layers: a virtual display, a D-Bus session with a keyring,
/// WebKit's WebDriver, a Chromium for the browser suite, and a printer: CUPS with the cups-pdf
/// driver, and poppler and tesseract to read a printed page back (cups-pdf's Ghostscript keeps no
/// text layer for CJK, so the page is read as a picture); systemd's `systemd-analyze` checks the
/// platform's unit in `deploy/`, and `util-linux`'s `unshare` hides the speech library from the app.
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "dbus",
    "dbus-x11",
    "gnome-keyring",
    "webkit2gtk-driver",
    "cups",
    "printer-driver-cups-pdf",
    "poppler-utils",
    "tesseract-ocr",
    "tesseract-ocr-chi-sim",
    "systemd",
    "util-linux",
];

/// Oldest Node.js the UI toolchain (Vite 8, Vitest 4) supports.
const NODE_MIN: (u64, u64) = (20, 19);

/// What the machine is, as far as installing goes.
enum System {
    /// Debian, Ubuntu or a derivative: apt is used.
    Debian {
        /// Ubuntu names some packages differently.
        ubuntu: bool,
    },
    /// Another Linux: the user installs by hand.
    OtherLinux,
    /// macOS.
    MacOs,
    /// Windows.
    Windows,
    /// Anything else.
    Unknown,
}

fn detect_system() -> System {
    match std::env::consts::OS {
        "linux" => {
            let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
            let ids: Vec<&str> = release
                .lines()
                .filter_map(|l| l.strip_prefix("ID=").or_else(|| l.strip_prefix("ID_LIKE=")))
                .flat_map(|v| v.trim_matches('"').split_whitespace())
                .collect();
            if ids.iter().any(|id| matches!(*id, "debian" | "ubuntu")) {
                System::Debian {
                    ubuntu: ids.contains(&"ubuntu"),
                }
            } else {
                System::OtherLinux
            }
        }
        "macos" => System::MacOs,
        "windows" => System::Windows,
        _ => System::Unknown,
    }
}

/// Makes sure every system package, Node.js and the npm packages are there; `for_tests` adds test tools.
pub fn ensure_all(for_tests: bool) -> Result<(), String> {
    ensure_system_packages(for_tests)?;
    ensure_node()?;
    ensure_npm_packages()?;
    if for_tests {
        ensure_tauri_driver()?;
    }
    Ok(())
}

fn ensure_system_packages(for_tests: bool) -> Result<(), String> {
    let mut wanted: Vec<&str> = RUN_PACKAGES.to_vec();
    match detect_system() {
        System::Debian { ubuntu } => {
            if for_tests {
                wanted.extend_from_slice(TEST_PACKAGES);
                // Ubuntu ships Chromium as a snap behind a transitional package.
                // Ubuntu's snap carries its own driver; Debian packages it apart (the kiosk suite
                // drives the approval page on a phone's behalf through it).
                wanted.extend(if ubuntu {
                    &["chromium-browser"][..]
                } else {
                    &["chromium", "chromium-driver"][..]
                });
            }
            let missing = missing_debian_packages(&wanted);
            if missing.is_empty() {
                println!("system packages: all {} present", wanted.len());
                return Ok(());
            }
            println!("system packages: installing {}", missing.join(" "));
            apt_install(&missing)
        }
        System::MacOs => {
            println!(
                "macOS: install Xcode's command-line tools (`xcode-select --install`) and Node.js ≥ {}.{} \
                 (e.g. `brew install node`); WebKit comes with the system. The WebDriver suite runs on Linux only.",
                NODE_MIN.0, NODE_MIN.1
            );
            Ok(())
        }
        System::Windows => {
            println!(
                "Windows: install the Visual Studio C++ Build Tools, WebView2 (preinstalled on Windows 10/11) \
                 and Node.js ≥ {}.{} (e.g. `winget install OpenJS.NodeJS.LTS`). The WebDriver suite runs on Linux only.",
                NODE_MIN.0, NODE_MIN.1
            );
            Ok(())
        }
        System::OtherLinux | System::Unknown => {
            println!(
                "This system is not Debian or Ubuntu: install the equivalents of these packages by hand: {}",
                wanted.join(" ")
            );
            Ok(())
        }
    }
}

fn missing_debian_packages(wanted: &[&str]) -> Vec<String> {
    // dpkg-query exits non-zero when any package is unknown, so read what it printed either way.
    let listed = Command::new("dpkg-query")
        .args(["-W", "-f", "${Package} ${db:Status-Status}\\n"])
        .args(wanted)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let installed: Vec<&str> = listed
        .lines()
        .filter_map(|line| line.strip_suffix(" installed"))
        .map(|name| name.split(':').next().unwrap_or(name))
        .collect();
    wanted
        .iter()
        .filter(|name| !installed.contains(name))
        .map(|name| (*name).to_owned())
        .collect()
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

fn apt_install(packages: &[String]) -> Result<(), String> {
    let sudo = !is_root();
    if sudo && !on_path("sudo") {
        return Err(format!(
            "these packages are missing and I am not root and there is no sudo: {}\n\
             install them as root: apt-get install {}",
            packages.join(" "),
            packages.join(" ")
        ));
    }
    let apt = |args: &[&str]| {
        let mut command = if sudo {
            Command::new("sudo")
        } else {
            Command::new("apt-get")
        };
        if sudo {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    process::run(&mut apt(&["update", "-q"]))?;
    let mut install = apt(&["install", "-y", "-q"]);
    install.args(packages);
    process::run(&mut install)
}

fn ensure_node() -> Result<(), String> {
    let version = output(Command::new("node").arg("--version")).ok_or_else(|| {
        format!(
            "Node.js is not installed. Install Node.js ≥ {}.{} (from nodejs.org or your distribution's \
             NodeSource packages), then run this command again.",
            NODE_MIN.0, NODE_MIN.1
        )
    })?;
    let mut parts = version.trim().trim_start_matches('v').split('.');
    let major: u64 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    let minor: u64 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    if (major, minor) < NODE_MIN {
        return Err(format!(
            "Node.js {} is too old: the UI toolchain needs ≥ {}.{}. Install a newer Node.js and run again.",
            version.trim(),
            NODE_MIN.0,
            NODE_MIN.1
        ));
    }
    println!("node: {}", version.trim());
    Ok(())
}

/// Runs `npm ci` when node_modules is missing or older than the lockfile.
fn ensure_npm_packages() -> Result<(), String> {
    let ui = workspace::ui();
    let lock = ui.join("package-lock.json");
    let installed = ui.join("node_modules").join(".package-lock.json");
    if is_newer_or_equal(&installed, &lock) {
        println!("npm packages: up to date");
        return Ok(());
    }
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    process::run(
        Command::new(npm)
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&ui),
    )
}

fn is_newer_or_equal(path: &Path, than: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (modified(path), modified(than)) {
        (Some(a), Some(b)) => a >= b,
        _ => false,
    }
}

/// Path of tauri-driver, installing it with `cargo install --locked` when missing.
pub fn ensure_tauri_driver() -> Result<(), String> {
    if tauri_driver().is_file() || on_path("tauri-driver") {
        println!("tauri-driver: present");
        return Ok(());
    }
    process::run(Command::new("cargo").args(["install", "tauri-driver", "--locked"]))
}

/// Where `cargo install` puts tauri-driver.
pub fn tauri_driver() -> std::path::PathBuf {
    cargo_installed("tauri-driver")
}

/// Where `cargo install` puts the program `name`.
pub fn cargo_installed(name: &str) -> std::path::PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| dirs::home_dir().map(|home| home.join(".cargo")))
        .unwrap_or_default();
    cargo_home
        .join("bin")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Builds the UI into ui/dist for a package: without the component gallery.
pub fn build_release_ui() -> Result<(), String> {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    process::run(
        Command::new(npm)
            .args(["run", "build"])
            .env_remove("VITE_HUIBAN_GALLERY")
            .current_dir(workspace::ui()),
    )
}

/// Builds the UI into ui/dist, which the app embeds, with the component gallery (样式库) for
/// developers and tests; a release build ([`build_release_ui`]) leaves it out.
pub fn build_ui() -> Result<(), String> {
    let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
    process::run(
        Command::new(npm)
            .args(["run", "build"])
            .env("VITE_HUIBAN_GALLERY", "1")
            .current_dir(workspace::ui()),
    )
}
