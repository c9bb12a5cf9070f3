//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! How the real app draws and speaks: text sizes and colours, read-aloud through the real engine.

use huiban_e2e::driver::TauriDriver;
use huiban_e2e::page::{
    by_role, past_first_run, screenshot, smallest_box, text_of_role_containing,
};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn text_size_and_colours_are_chosen_once_drawn_well_and_remembered() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let app = env_path("HUIBAN_E2E_APP");
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let args = [
        "--platform-url",
        platform.url.as_str(),
        "--data-dir",
        data_dir.as_str(),
    ];

    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let first = async {
        // The first run asks the size with real text at each size, then about reading aloud.
        by_role(&client, "heading", huiban_e2e::page::FIRST_RUN_HEADING).await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "first-run").await?;
        client
            .find(fantoccini::Locator::Css("input[value=largest]"))
            .await?
            .click()
            .await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "要不要把页面上的字读给您听？").await?;
        by_role(&client, "button", "不用读").await?.click().await?;
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING).await?;
        check_drawn_page(&client, 40.0).await?;
        let (width, height) = smallest_box(&client, "nav a").await?;
        assert!(
            width >= 60.0 && height >= 60.0,
            "smallest tile is {width}×{height}px"
        );
        screenshot(&client, "home-largest").await?;

        // Each theme, picked in 设置, is drawn at 7:1 or better.
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "heading", "设置").await?;
        for (value, shot) in [
            ("dark_contrast", "settings-dark-contrast"),
            ("light_contrast", "settings-light-contrast"),
            ("light", "settings-light"),
            ("dark_contrast", "settings-dark-contrast"),
        ] {
            client
                .find(fantoccini::Locator::Css(&format!("input[value={value}]")))
                .await?
                .click()
                .await?;
            text_of_role_containing(&client, "status", "已经记住了").await?;
            check_drawn_page(&client, 40.0).await?;
            screenshot(&client, shot).await?;
        }
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    drop(driver);
    first?;

    // Opened again: no first-run questions; the size and colours stay as chosen.
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let second = async {
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING).await?;
        check_drawn_page(&client, 40.0).await?;
        let theme = client
            .execute("return document.documentElement.dataset.theme;", vec![])
            .await?;
        assert_eq!(theme, "dark_contrast");
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        check_drawn_page(&client, 40.0).await?;
        screenshot(&client, "catalog-largest-dark").await?;

        // Every component of the design system, drawn by WebKit at this size and in this theme.
        client
            .execute("location.hash = '#/gallery';", vec![])
            .await?;
        by_role(&client, "heading", "样式库").await?;
        check_drawn_page(&client, 40.0).await?;
        screenshot(&client, "gallery-largest-dark").await?;
        client
            .execute("location.hash = '#/gallery/question';", vec![])
            .await?;
        by_role(&client, "heading", "申请人的姓名是什么？").await?;
        check_drawn_page(&client, 40.0).await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    second
}

#[tokio::test]
async fn read_aloud_speaks_the_page_through_the_real_engine() -> TestResult {
    let daemon = huiban_e2e::speech_daemon::SpeechDaemon::start()?;
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (_driver, client, _data) =
        fresh_app(&platform.url, &[("SPEECHD_ADDRESS", &daemon.address)]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "button", "朗读").await?.click().await?;
        by_role(&client, "button", "停止朗读").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !daemon.heard_sound() {
            assert!(
                std::time::Instant::now() < deadline,
                "no sound reached {}",
                daemon.audio().display()
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        // Any action stops the reading: the button offers to read again.
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING)
            .await?
            .click()
            .await?;
        by_role(&client, "button", "朗读").await?;
        screenshot(&client, "read-aloud").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}
