//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! The catalog from the real platform: shown, explained when unreachable, kept when it is gone, searched.

use huiban_e2e::driver::TauriDriver;
use huiban_e2e::page::{
    body_font_px, by_role, past_first_run, screenshot, smallest_box, text_of_role_containing,
};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path, free_port};

#[tokio::test]
async fn home_then_catalog_from_the_real_platform() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let driver = TauriDriver::start(&driver_binary())?;
    let app = env_path("HUIBAN_E2E_APP");
    let client = driver
        .session(&app, &["--platform-url", &platform.url])
        .await?;

    let outcome = async {
        past_first_run(&client).await?;
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
        // 老年人常办 first: the services older people use most, one press away.
        by_role(&client, "heading", "老年人常办").await?;
        let offered = client
            .execute(
                "return [...document.querySelectorAll('.shortcuts a')].map((a) => a.textContent.trim());",
                vec![],
            )
            .await?;
        assert_eq!(
            offered.as_array().map(Vec::len),
            Some(6),
            "six shortcuts: {offered}"
        );
        assert_eq!(offered[0], "高龄津贴申领");
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
        past_first_run(&client).await?;
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
        past_first_run(&client).await?;
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
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        let notice = text_of_role_containing(&client, "status", "上次保存的事项").await?;
        assert!(
            notice.contains("联网以后会自动更新"),
            "notice says {notice:?}"
        );
        screenshot(&client, "catalog-offline").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    second
}

#[tokio::test]
async fn a_service_is_found_by_pinyin_initials_and_everyday_words() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        for (typed, expected) in [
            ("yanglao", "城乡居民基本养老保险待遇申领"),
            ("gljt", "高龄津贴申领"),
            ("退休金", "企业职工基本养老保险待遇申领"),
        ] {
            let box_ = client
                .find(fantoccini::Locator::Css("input[type=search]"))
                .await?;
            box_.clear().await?;
            box_.send_keys(typed).await?;
            by_role(&client, "button", "找").await?.click().await?;
            text_of_role_containing(&client, "heading", expected).await?;
            let found = client
                .execute(
                    "return [...document.querySelectorAll('main h2')].map(h => h.textContent.trim());",
                    vec![],
                )
                .await?;
            assert!(
                !found.to_string().contains(SERVER_ONLY_ITEM),
                "{typed}: only matching items are listed, not {SERVER_ONLY_ITEM}: {found}"
            );
        }
        screenshot(&client, "catalog-search").await?;

        // The item's page says what to bring, how long, what it costs and who handles it.
        by_role(&client, "link", "企业职工基本养老保险待遇申领")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "需要准备的材料").await?;
        text_of_role_containing(&client, "heading", "企业职工基本养老保险待遇申领").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "item").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}
