//! `cargo xtask run`: install, build, start a local platform with demo data, open the app.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::process;
use crate::setup;
use crate::workspace::{self, FEATURES};

/// The card on the simulated ID-card reader of `cargo xtask run -- --mode staff`.
const DEMO_ID_CARD: &str = r#"{"name": "张秀英", "id_number": "110101194403151029"}"#;

/// The staff PIN that leaves the demo kiosk of `cargo xtask run -- --mode kiosk`.
const DEMO_KIOSK_PIN: &str = "2468";

/// Writes the demo kiosk's machine-wide config file in `dir` (its password file, its key folder,
/// its staff PIN's hash from `huiban --hash-pin`) and returns its path.
fn demo_kiosk(dir: &std::path::Path) -> Result<std::path::PathBuf, String> {
    let io = |error: std::io::Error| {
        format!(
            "cannot write the demo kiosk's files in {}: {error}",
            dir.display()
        )
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let password = dir.join("kiosk-password");
    std::fs::write(&password, "huiban-kiosk-01\n").map_err(io)?;
    let mut hashing = Command::new(workspace::debug_binary("huiban"))
        .arg("--hash-pin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run huiban --hash-pin: {error}"))?;
    if let Some(mut stdin) = hashing.stdin.take() {
        use std::io::Write;
        writeln!(stdin, "{DEMO_KIOSK_PIN}").map_err(io)?;
    }
    let hashed = hashing.wait_with_output().map_err(io)?;
    let hash = String::from_utf8_lossy(&hashed.stdout).trim().to_owned();
    if !hashed.status.success() || hash.is_empty() {
        return Err("huiban --hash-pin gave no hash".to_owned());
    }
    let config = dir.join("config.toml");
    let text = format!(
        "mode = \"kiosk\"\n\n[kiosk]\ndevice = \"kiosk01\"\ndevice_password_file = {:?}\nkey_folder = {:?}\nexit_pin = {hash:?}\n",
        password.display().to_string(),
        dir.join("keys").display().to_string(),
    );
    std::fs::write(&config, text).map_err(io)?;
    Ok(config)
}

/// Installs what is missing, builds, and runs the app against a fresh local platform.
pub fn run(args: &[String]) -> Result<(), String> {
    let app_args: Vec<&String> = args.iter().skip_while(|a| *a != "--").skip(1).collect();
    if let Some(unknown) = args.iter().take_while(|a| *a != "--").next() {
        return Err(format!(
            "unknown option {unknown:?}; pass app options after `--`"
        ));
    }
    check_display()?;
    setup::ensure_all(false)?;
    setup::build_ui()?;
    process::run(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args([
                "build",
                "-p",
                "huiban",
                "-p",
                "huiban-platform",
                "--features",
                FEATURES,
            ])
            .current_dir(workspace::root()),
    )?;

    let data_dir = dirs::data_local_dir()
        .ok_or("this system has no data directory for the platform's files")?
        .join("huiban-platform");
    let (mut platform, url) = start_platform(&data_dir)?;
    println!("platform: {url} (data in {})", data_dir.display());

    let mut app = Command::new(workspace::debug_binary("huiban"));
    app.arg("--platform-url").arg(&url).args(&app_args);
    // Staff mode's demo ID-card reader always holds 张秀英's card (the demo citizen 13800000001).
    if std::env::var_os("HUIBAN_SIMULATED_ID_CARD").is_none() {
        let card = data_dir.join("demo-id-card.json");
        std::fs::write(&card, DEMO_ID_CARD)
            .map_err(|e| format!("cannot write {}: {e}", card.display()))?;
        app.env("HUIBAN_SIMULATED_ID_CARD", &card);
    }
    // Kiosk mode reads its device account and staff PIN from a machine-wide config file: the demo
    // kiosk's, unless one is named.
    let kiosk = app_args
        .windows(2)
        .any(|pair| pair[0] == "--mode" && pair[1] == "kiosk")
        || app_args.iter().any(|arg| *arg == "--mode=kiosk");
    if kiosk && std::env::var_os("HUIBAN_MACHINE_CONFIG").is_none() {
        app.env(
            "HUIBAN_MACHINE_CONFIG",
            demo_kiosk(&data_dir.join("demo-kiosk"))?,
        );
        println!("kiosk: the demo kiosk kiosk01; its staff PIN is {DEMO_KIOSK_PIN}");
    }
    let status = app.status();
    stop(&mut platform);
    println!("platform stopped");
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("the app exited with {status}")),
        Err(error) => Err(format!("cannot start the app: {error}")),
    }
}

#[cfg(target_os = "linux")]
fn check_display() -> Result<(), String> {
    if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
        Ok(())
    } else {
        Err(
            "there is no display to open the window on. Run this in a desktop session, \
             or on a machine without a screen try `xvfb-run -a cargo xtask run`."
                .to_owned(),
        )
    }
}

#[cfg(not(target_os = "linux"))]
fn check_display() -> Result<(), String> {
    Ok(())
}

/// Starts the platform on a free loopback port and returns it with its URL.
fn start_platform(data_dir: &std::path::Path) -> Result<(Child, String), String> {
    let mut child = Command::new(workspace::debug_binary("huiban-platform"))
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--demo-data",
            "--keep-sms-codes",
            "--data-dir",
        ])
        .arg(data_dir)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start huiban-platform: {error}"))?;
    let stdout = child.stdout.take().ok_or("huiban-platform has no output")?;
    let mut line = String::new();
    let _ = BufReader::new(stdout).read_line(&mut line);
    match line.trim().strip_prefix("huiban-platform listening on ") {
        Some(url) => Ok((child, url.to_owned())),
        None => {
            stop(&mut child);
            Err("huiban-platform did not start; its messages are above".to_owned())
        }
    }
}

/// Asks the platform to stop (SIGTERM on Unix), then kills it if it lingers.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}
