//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! What helps when something goes wrong, and what a double-click does: the command line, a
//! computer with no speech engine at all, one app per data folder, the window kept as it was left.

use std::process::Command;
use std::time::{Duration, Instant};

use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[test]
fn the_command_line_answers_help_and_version_and_refuses_an_unknown_flag() -> TestResult {
    let app = env_path("HUIBAN_E2E_APP");
    let version = Command::new(&app).arg("--version").output()?;
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8(version.stdout)?.trim(),
        format!("huiban {}", huiban_core::about::VERSION)
    );
    let help = Command::new(&app).arg("--help").output()?;
    assert!(help.status.success());
    let help = String::from_utf8(help.stdout)?;
    assert!(
        help.contains("--platform-url") && help.contains("--mode"),
        "{help}"
    );
    let wrong = Command::new(&app).arg("--platfrom-url=http://x").output()?;
    assert_eq!(wrong.status.code(), Some(2));
    let said = String::from_utf8(wrong.stderr)?;
    assert!(said.contains("惠办不认识这样的启动参数"), "{said}");
    Ok(())
}

/// A script that starts the app where the speech library and the speech daemon cannot be found
/// (a mount namespace of its own with both covered by an empty file) and no daemon listens where
/// it is told to look.
fn without_speech(dir: &std::path::Path) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let app = env_path("HUIBAN_E2E_APP");
    let mut hidden = Vec::new();
    for name in ["libspeechd.so.2", "libspeechd.so"] {
        for folder in [
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu",
            "/usr/lib",
        ] {
            let path = std::path::Path::new(folder).join(name);
            if let Ok(real) = std::fs::canonicalize(&path) {
                hidden.push(real);
            }
        }
    }
    if let Ok(daemon) = which("speech-dispatcher") {
        hidden.push(daemon);
    }
    let covers: String = hidden
        .iter()
        .map(|path| format!("mount --bind /dev/null '{}' && ", path.display()))
        .collect();
    // As root the mount namespace is enough; otherwise a user namespace makes it.
    let unshare = if is_root() {
        "unshare -m"
    } else {
        "unshare -rm"
    };
    let script = dir.join("huiban-without-speech");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nexport SPEECHD_ADDRESS='unix_socket:{}'\nexec {unshare} sh -c '{covers}exec \"$0\" \"$@\"' '{}' \"$@\"\n",
            dir.join("no-daemon.sock").display(),
            app.display()
        ),
    )?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
    Ok(script)
}

/// Whether this test runs as root.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

/// The full path of `program` on the PATH.
fn which(program: &str) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
        .ok_or_else(|| format!("{program} is not on the PATH").into())
}

#[tokio::test]
async fn without_any_speech_engine_the_app_starts_works_and_says_so() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let scripts = tempfile::tempdir()?;
    let script = without_speech(scripts.path())?;
    // Nothing speech-related is linked into the app, and where it runs here the library is gone.
    let linked = Command::new("ldd")
        .arg(env_path("HUIBAN_E2E_APP"))
        .output()?;
    let linked = String::from_utf8_lossy(&linked.stdout).into_owned();
    assert!(!linked.contains("libspeechd"), "{linked}");
    let check = Command::new(&script).arg("--version").output()?;
    assert!(check.status.success(), "{check:?}");
    let driver = huiban_e2e::driver::TauriDriver::start(&driver_binary())?;
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let client = driver
        .session(
            &script,
            &["--platform-url", &platform.url, "--data-dir", &data_dir],
        )
        .await?;
    let outcome = async {
        past_first_run(&client).await?;
        // 办事 works as anywhere.
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", "高龄津贴申领").await?;
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "heading", "设置").await?;
        let mut said = main_text(&client).await?;
        for _ in 0..40 {
            if said.contains("没有装朗读用的语音引擎") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
            said = main_text(&client).await?;
        }
        assert!(said.contains("没有装朗读用的语音引擎"), "{said}");
        by_role(&client, "link", "关于惠办").await?.click().await?;
        by_role(&client, "button", "复制诊断信息").await?;
        let about = main_text(&client).await?;
        assert!(about.contains("这台电脑现在不能朗读"), "{about}");
        assert!(about.contains("朗读：不能"), "{about}");
        assert!(
            about.contains(&format!("版本：{}", huiban_core::about::VERSION)),
            "{about}"
        );
        screenshot(&client, "about-no-speech").await?;
        // Pressing 朗读 says plainly that it cannot, and nothing else changes.
        by_role(&client, "button", "朗读").await?.click().await?;
        text_of_role_containing(&client, "alert", "不能朗读").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn a_second_start_on_the_same_folder_brings_the_first_forward_and_ends() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (_driver, client, data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        let started = Instant::now();
        let mut second = Command::new(env_path("HUIBAN_E2E_APP"))
            .args(["--platform-url", &platform.url, "--data-dir"])
            .arg(data.path())
            .spawn()?;
        let status = loop {
            if let Some(status) = second.try_wait()? {
                break status;
            }
            if started.elapsed() > Duration::from_secs(30) {
                second.kill()?;
                return Err("the second start stayed open".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert!(status.success(), "the second start ended with {status}");
        // The first is still there and answers.
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", "高龄津贴申领").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn the_window_opens_at_the_size_and_place_it_was_left() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    // Its own config folder, where the window's state is kept between starts.
    let config = tempfile::tempdir()?;
    let config_home = config.path().to_string_lossy().into_owned();
    let env = [("XDG_CONFIG_HOME", config_home.as_str())];
    let (_driver, client, data) = fresh_app(&platform.url, &env).await?;
    let data_dir = data.path().to_string_lossy().into_owned();
    past_first_run(&client).await?;
    client.set_window_rect(40, 30, 900, 700).await?;
    let left = client.get_window_rect().await?;
    // Kept shortly after the change, before the app ends (ended by force here, as by a power cut).
    let kept = config.path().join("cn.huiban.desktop/.window-state.json");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !kept.exists() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    client.close().await?;
    drop(_driver);
    assert!(
        kept.exists(),
        "the window's state was not kept at {}",
        kept.display()
    );

    let driver = huiban_e2e::driver::TauriDriver::start_with_env(&driver_binary(), &env)?;
    let client = driver
        .session(
            &env_path("HUIBAN_E2E_APP"),
            &["--platform-url", &platform.url, "--data-dir", &data_dir],
        )
        .await?;
    let outcome = async {
        by_role(&client, "link", "办事").await?;
        let (_, _, width, height) = client.get_window_rect().await?;
        assert_eq!(
            (width, height),
            (left.2, left.3),
            "opened at {width}×{height}"
        );
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}
