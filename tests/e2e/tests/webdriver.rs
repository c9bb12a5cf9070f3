//! The real app binary, driven over WebDriver, against the real platform server over HTTP.

use huiban_e2e::driver::TauriDriver;
use huiban_e2e::page::{body_font_px, by_role, screenshot, smallest_box};
use huiban_e2e::platform::Platform;
use huiban_e2e::{env_path, free_port};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A name that exists only in the platform's demo data, not in any UI fixture.
const SERVER_ONLY_ITEM: &str = "困难老年人家庭适老化改造申请";

fn driver_binary() -> std::path::PathBuf {
    std::env::var_os("HUIBAN_E2E_TAURI_DRIVER")
        .map(Into::into)
        .unwrap_or_else(|| "tauri-driver".into())
}

#[tokio::test]
async fn home_then_catalog_from_the_real_platform() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let driver = TauriDriver::start(&driver_binary())?;
    let app = env_path("HUIBAN_E2E_APP");
    let client = driver
        .session(&app, &["--platform-url", &platform.url])
        .await?;

    let outcome = async {
        by_role(&client, "heading", "您好，请选择要办的事").await?;
        let body_px = body_font_px(&client).await?;
        assert!(
            body_px >= 24.0,
            "body font is {body_px}px, must be at least 24px"
        );
        let (width, height) = smallest_box(&client, "nav a").await?;
        assert!(
            width >= 60.0 && height >= 60.0,
            "smallest tile is {width}×{height}px"
        );
        for label in ["办事", "进度", "证照", "诉求", "消息", "求助"] {
            by_role(&client, "link", label).await?;
        }
        screenshot(&client, "home").await?;

        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", "办事").await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        by_role(&client, "heading", "高龄津贴申领").await?;
        let shot = screenshot(&client, "catalog").await?;
        eprintln!("catalog screenshot: {}", shot.display());
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn an_unreachable_platform_is_explained_in_plain_chinese() -> TestResult {
    // A port nobody listens on: the app must say so and offer to try again.
    let nowhere = format!("http://127.0.0.1:{}", free_port()?);
    let driver = TauriDriver::start(&driver_binary())?;
    let app = env_path("HUIBAN_E2E_APP");
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let client = driver
        .session(&app, &["--platform-url", &nowhere, "--data-dir", &data_dir])
        .await?;

    let outcome = async {
        by_role(&client, "link", "办事").await?.click().await?;
        let text = client
            .wait()
            .at_most(huiban_e2e::page::PATIENCE)
            .for_element(fantoccini::Locator::Css("[role=alert]"))
            .await?
            .text()
            .await?;
        assert!(text.contains("暂时连不上办事平台"), "alert says {text:?}");
        let retry = by_role(&client, "button", "再试一次").await?;
        let (_, _, width, height) = retry.rectangle().await?;
        assert!(
            width >= 60.0 && height >= 60.0,
            "retry button is {width}×{height}px"
        );
        screenshot(&client, "catalog-unreachable").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn the_saved_catalog_is_shown_when_the_platform_is_gone() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let url = platform.url.clone();
    let app = env_path("HUIBAN_E2E_APP");
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let args = [
        "--platform-url",
        url.as_str(),
        "--data-dir",
        data_dir.as_str(),
    ];

    // Online once: the app saves the catalog in its encrypted store.
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let first = async {
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    drop(driver);
    first?;
    assert!(
        data.path().join("huiban.db").exists(),
        "the local store was written"
    );

    // The platform goes away; the app starts again and still lists the services, saying why.
    drop(platform);
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let second = async {
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        let notice = client
            .wait()
            .at_most(huiban_e2e::page::PATIENCE)
            .for_element(fantoccini::Locator::Css("[role=status]"))
            .await?
            .text()
            .await?;
        assert!(notice.contains("上次保存的事项"), "notice says {notice:?}");
        screenshot(&client, "catalog-offline").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    second
}
