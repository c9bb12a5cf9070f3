//! The app as the suites start it: a fresh app per test, a saved login, IPC from inside the webview, closing.

use crate::driver::TauriDriver;
use crate::page::by_role;
use crate::platform::Platform;
use crate::prelude::*;
use crate::{TestResult, env_path};

/// The tauri-driver binary: `HUIBAN_E2E_TAURI_DRIVER`, else `tauri-driver` on the PATH.
pub fn driver_binary() -> std::path::PathBuf {
    std::env::var_os("HUIBAN_E2E_TAURI_DRIVER")
        .map(Into::into)
        .unwrap_or_else(|| "tauri-driver".into())
}

/// The app started by a new tauri-driver on a fresh data directory against `platform_url`, with
/// `env` reaching the app; keep the driver and the directory alive as long as the session.
pub async fn fresh_app(
    platform_url: &str,
    env: &[(&str, &str)],
) -> Result<(TauriDriver, fantoccini::Client, tempfile::TempDir), Box<dyn std::error::Error>> {
    fresh_app_with_args(platform_url, env, &[]).await
}

/// As [`fresh_app`], with more command-line arguments (e.g. `--mode staff`).
pub async fn fresh_app_with_args(
    platform_url: &str,
    env: &[(&str, &str)],
    args: &[&str],
) -> Result<(TauriDriver, fantoccini::Client, tempfile::TempDir), Box<dyn std::error::Error>> {
    let driver = TauriDriver::start_with_env(&driver_binary(), env)?;
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let mut all = vec!["--platform-url", platform_url, "--data-dir", &data_dir];
    all.extend_from_slice(args);
    let client = driver.session(&env_path("HUIBAN_E2E_APP"), &all).await?;
    Ok((driver, client, data))
}

/// Calls a command the window must not be allowed to call, and returns Tauri's refusal.
pub async fn refused(
    client: &fantoccini::Client,
    command: &str,
    args: serde_json::Value,
) -> Result<String, Box<dyn std::error::Error>> {
    match invoke(client, command, args).await {
        Ok(answer) => Err(format!("{command} was allowed and answered {answer}").into()),
        Err(error) => Ok(error.to_string()),
    }
}

/// Logs the citizen with `phone` in as the app would, leaving the login in the system keychain.
pub async fn save_login(
    platform: &Platform,
    phone: &str,
) -> Result<huiban_core::secrets::Keychain, Box<dyn std::error::Error>> {
    let keychain = huiban_core::secrets::Keychain::system()?;
    let client = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    client.request_sms_code(phone).await?;
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        phone,
    )
    .ok_or("no login code was sent")?;
    let request = huiban_api::TokenRequest::SmsCode {
        phone: phone.into(),
        code,
    };
    huiban_core::session::Session::in_keychain(keychain.clone())
        .log_in(&client, &request)
        .await?;
    Ok(keychain)
}

/// Calls a command of the shell from inside the real webview, as the UI does.
pub async fn invoke(
    client: &fantoccini::Client,
    command: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let script = "const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args).then(
            (ok) => done({ ok: ok === undefined ? null : ok }),
            (err) => done({ err }));";
    let answer = client
        .execute_async(script, vec![command.into(), args])
        .await?;
    match answer.get("ok") {
        Some(ok) => Ok(ok.clone()),
        None => Err(format!("{command} failed: {}", answer["err"]).into()),
    }
}

/// Ends a test of a logged-in app: prints the page's words when `outcome` failed, closes the app
/// and wipes the saved login; `outcome` is the test's result.
pub async fn close_logged_in(
    client: fantoccini::Client,
    keychain: &huiban_core::secrets::Keychain,
    outcome: TestResult,
) -> TestResult {
    if outcome.is_err() {
        eprintln!(
            "page at failure: {}",
            main_text(&client).await.unwrap_or_default()
        );
    }
    client.close().await?;
    keychain.forget_login()?;
    outcome
}

/// Logs `phone` in through the app's own 登录 pages, with the code the platform sent.
pub async fn log_in_through_the_app(
    client: &fantoccini::Client,
    platform: &Platform,
    phone: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "link", "登录").await?.click().await?;
    by_role(client, "heading", "您的手机号码是多少？").await?;
    client
        .find(fantoccini::Locator::Css("input[type=tel]"))
        .await?
        .send_keys(phone)
        .await?;
    // A code sent to this phone less than a minute ago means waiting, as the page says.
    for _ in 0..20 {
        by_role(client, "button", "获取验证码")
            .await?
            .click()
            .await?;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if !main_text(client).await?.contains("验证码刚刚发过") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
    by_role(client, "heading", "请输入短信里的6位验证码").await?;
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        phone,
    )
    .ok_or("no code was sent")?;
    client
        .find(fantoccini::Locator::Css(
            "input[autocomplete=one-time-code]",
        ))
        .await?
        .send_keys(&code)
        .await?;
    by_role(client, "button", "登录").await?.click().await?;
    by_role(client, "button", "退出").await?;
    Ok(())
}
