//! The kiosk as the suites set it up and use it: its machine-wide config file (device account,
//! password file, key folder, the staff PIN's hash), its window, and a phone that approves its
//! code on the platform's page (Debian's Chromium through chromedriver).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::app::fresh_app_with_args;
use crate::driver::TauriDriver;
use crate::free_port;
use crate::page::by_role;
use crate::platform::Platform;

/// The staff PIN that leaves kiosk mode in the suites.
pub const EXIT_PIN: &str = "2468";

/// A kiosk's machine: its config file and the folders it names, all in one temporary directory.
pub struct KioskMachine {
    dir: tempfile::TempDir,
}

impl KioskMachine {
    /// The demo kiosk `kiosk01`, its password in a file and its keys in a folder of their own.
    pub fn demo() -> Result<Self, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let password = dir.path().join("kiosk-password");
        std::fs::write(&password, "huiban-kiosk-01\n")?;
        let pin = huiban_core::kiosk::setup::exit_pin_hash(EXIT_PIN)
            .map_err(|error| format!("{error:?}"))?;
        let config = format!(
            "mode = \"kiosk\"\n\n[kiosk]\ndevice = \"kiosk01\"\ndevice_password_file = {:?}\n\
             key_folder = {:?}\nexit_pin = {pin:?}\n",
            password.display().to_string(),
            dir.path().join("keys").display().to_string(),
        );
        std::fs::write(dir.path().join("config.toml"), config)?;
        Ok(Self { dir })
    }

    /// The demo kiosk with a (simulated) ID-card reader: a card lies on it while
    /// [`KioskMachine::card_file`] holds one.
    pub fn with_card_reader() -> Result<Self, Box<dyn std::error::Error>> {
        let machine = Self::demo()?;
        let config = std::fs::read_to_string(machine.config())?;
        let reader = format!(
            "simulated_id_card = {:?}\n",
            machine.card_file().display().to_string()
        );
        std::fs::write(machine.config(), format!("{reader}{config}"))?;
        Ok(machine)
    }

    /// The file of its simulated ID-card reader: the card lying on it, as JSON.
    pub fn card_file(&self) -> PathBuf {
        self.dir.path().join("card.json")
    }

    /// The machine-wide config file.
    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// The folder holding the local store's key.
    pub fn key_folder(&self) -> PathBuf {
        self.dir.path().join("keys")
    }

    /// The kiosk's local store, opened as the app opens it.
    pub fn store(
        &self,
        data: &Path,
    ) -> Result<huiban_core::store::LocalStore, Box<dyn std::error::Error>> {
        let keychain = huiban_core::secrets::Keychain::in_folder(
            &self.key_folder(),
            huiban_core::mode::Mode::Kiosk,
        )?;
        let path = data.join(huiban_core::mode::Mode::Kiosk.database_file());
        Ok(huiban_core::store::LocalStore::open(&path, &keychain)?.0)
    }
}

/// The kiosk window (`--mode kiosk` by its machine's config file) on a fresh data directory.
pub async fn kiosk_window(
    platform_url: &str,
    machine: &KioskMachine,
) -> Result<(TauriDriver, Client, tempfile::TempDir), Box<dyn std::error::Error>> {
    let config = machine.config().display().to_string();
    // The test printer (CUPS with cups-pdf) is the kiosk's receipt printer.
    let printer = std::env::var("HUIBAN_E2E_PRINTER").unwrap_or_default();
    let env = [
        ("HUIBAN_MACHINE_CONFIG", config.as_str()),
        ("HUIBAN_PRINTER", printer.as_str()),
    ];
    fresh_app_with_args(platform_url, &env, &[]).await
}

/// The code the welcome screen shows, e.g. BCDF-GHJK.
pub async fn shown_code(client: &Client) -> Result<String, Box<dyn std::error::Error>> {
    by_role(client, "heading", "请用手机扫一扫，登录后就能办事").await?;
    for _ in 0..50 {
        if let Ok(code) = client.find(Locator::Css(".user-code")).await {
            return Ok(code.text().await?.trim().to_owned());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err("the welcome screen shows no code".into())
}

/// Chromium driven by chromedriver, as a phone's browser; killed when dropped.
pub struct Phone {
    child: Child,
    /// The browser's session.
    pub client: Client,
}

impl Phone {
    /// Chromium at a phone's size, headless.
    pub async fn start() -> Result<Self, Box<dyn std::error::Error>> {
        let port = free_port()?;
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start listening".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut capabilities = fantoccini::wd::Capabilities::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": ["--headless=new", "--no-sandbox", "--window-size=412,915", "--lang=zh-CN"],
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        Ok(Self { child, client })
    }

    /// Opens the kiosk's page for `code` (what its QR code holds), logs in with `phone` and the
    /// code texted to it, and answers 是 (`approve`) or 否.
    pub async fn answer_kiosk(
        &self,
        platform: &Platform,
        code: &str,
        phone: &str,
        approve: bool,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let letters: String = code.chars().filter(char::is_ascii_alphabetic).collect();
        let page = &self.client;
        // Each form's answer is a new page: wait for it as a person would.
        let shown = |locator: Locator<'static>| {
            page.wait()
                .at_most(crate::page::PATIENCE)
                .for_element(locator)
        };
        page.goto(&format!("{}/device?user_code={letters}", platform.url))
            .await?;
        shown(Locator::Css("#phone"))
            .await?
            .send_keys(phone)
            .await?;
        page.find(Locator::XPath("//button[normalize-space()='发送验证码']"))
            .await?
            .click()
            .await?;
        shown(Locator::Css("#code")).await?;
        let sms = huiban_platform::demo_accounts::last_login_code(
            &huiban_platform::Store::open(platform.data_dir())?,
            phone,
        )
        .ok_or("no login code was sent")?;
        page.find(Locator::Css("#code"))
            .await?
            .send_keys(&sms)
            .await?;
        page.find(Locator::XPath("//button[normalize-space()='登录']"))
            .await?
            .click()
            .await?;
        let button = if approve {
            "是，登录"
        } else {
            "否，不登录"
        };
        let answer = shown(Locator::XPath(if approve {
            "//button[normalize-space()='是，登录']"
        } else {
            "//button[normalize-space()='否，不登录']"
        }))
        .await?;
        self.screenshot("device-page-question").await?;
        answer.click().await?;
        let done = if approve {
            "好了，请回到自助机前继续"
        } else {
            "已经拒绝了"
        };
        for _ in 0..150 {
            // The page may be between two loads: a heading that went stale is read again.
            if let Ok(heading) = page.find(Locator::XPath("//h1")).await
                && heading.text().await.is_ok_and(|text| text == done)
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(format!("the phone did not show {done} after {button}").into())
    }

    /// A PNG of the phone's page, under the artifacts directory.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, Box<dyn std::error::Error>> {
        let path = crate::artifacts_dir()?.join(format!("{name}.png"));
        std::fs::write(&path, self.client.screenshot().await?)?;
        Ok(path)
    }
}

impl Drop for Phone {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// On the code step of a login without scanning: types the code the platform texted to `phone`,
/// checks 是您本人吗？ names 张秀英 masked only, says 是我本人, and waits for her errands (logged in).
pub async fn type_texted_code_and_confirm(
    client: &Client,
    platform: &Platform,
    phone: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        phone,
    )
    .ok_or("no code was texted")?;
    crate::counter::press(client, &code).await?;
    by_role(client, "button", "登录").await?.click().await?;
    by_role(client, "heading", "是您本人吗？").await?;
    let shown = crate::waits::main_text(client).await?;
    assert!(
        shown.contains("张*英") && !shown.contains("张秀英"),
        "{shown}"
    );
    by_role(client, "button", "是我本人").await?.click().await?;
    by_role(client, "button", "我办完了").await?;
    let status = crate::app::invoke(client, "session_status", json!({})).await?;
    assert_eq!(status["logged_in"], true);
    Ok(())
}

/// Starts her first form, as 开始办理 would: a draft kept in the kiosk's store; answers its id.
pub async fn start_a_form(client: &Client) -> Result<String, Box<dyn std::error::Error>> {
    let catalog = crate::app::invoke(client, "catalog_items", json!({})).await?;
    let item = catalog["items"]
        .as_array()
        .and_then(|items| items.iter().find(|item| !item["form"].is_null()))
        .ok_or("no item with a form")?;
    let draft = crate::app::invoke(
        client,
        "draft_start",
        json!({
            "implCode": item["impl_code"],
            "formId": item["form"]["form_id"],
            "version": item["form"]["version"],
        }),
    )
    .await?;
    Ok(draft["draft_id"].as_str().ok_or("no draft id")?.to_owned())
}

/// From the welcome screen: 扫不了码？用手机号码登录 with `phone` and the code texted to it, on the
/// keypad; she says it is her and her errands open.
pub async fn log_in_by_phone(
    client: &Client,
    platform: &Platform,
    phone: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    shown_code(client).await?;
    by_role(client, "button", "扫不了码？用手机号码登录")
        .await?
        .click()
        .await?;
    crate::counter::press(client, phone).await?;
    by_role(client, "button", "获取验证码")
        .await?
        .click()
        .await?;
    by_role(client, "heading", "请输入短信里的6位验证码").await?;
    type_texted_code_and_confirm(client, platform, phone).await
}
