//! Words on a kiosk without a keyboard: in the real app over WebDriver against the real platform,
//! she files a 诉求 whose description and place are typed on the on-screen pinyin keyboard, words
//! picked from the shipped dictionary (楼下 for the first syllables of louxialoushui, leaving
//! loushui for 漏水), and the 诉求 arrives on the platform as she wrote it, from a 自助终端.

use fantoccini::Client;
use huiban_e2e::counter::press;
use huiban_e2e::kiosk::{KioskMachine, kiosk_window, log_in_by_phone};
use huiban_e2e::page::{by_role, screenshot, small_targets};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};
use serde_json::json;

const ZHANG: &str = "13800000001";

/// Taps the word `word` among those offered.
async fn pick(client: &Client, word: &str) -> TestResult {
    by_role(client, "button", word).await?.click().await?;
    Ok(())
}

/// What is written so far, with any letters still waiting for a word.
async fn written(client: &Client) -> Result<String, Box<dyn std::error::Error>> {
    let text = client
        .execute(
            "return document.querySelector('main output.written').textContent;",
            vec![],
        )
        .await?;
    Ok(text.as_str().ok_or("nothing written")?.to_owned())
}

#[tokio::test]
async fn a_request_is_written_on_the_pinyin_keyboard() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        log_in_by_phone(&client, &platform, ZHANG).await?;
        by_role(&client, "link", "诉求").await?.click().await?;
        by_role(&client, "button", "提一个诉求")
            .await?
            .click()
            .await?;
        answer_choice(&client, "您想做什么？", "投诉").await?;

        by_role(&client, "heading", "请说一说是什么事").await?;
        let boxes = client
            .find_all(fantoccini::Locator::Css(
                "main textarea, main input.text-input",
            ))
            .await?;
        assert!(boxes.is_empty(), "no text box on a kiosk");
        press(&client, "louxialoushui").await?;
        pick(&client, "楼下").await?;
        assert_eq!(written(&client).await?, "楼下loushui");
        pick(&client, "漏水").await?;
        press(&client, "，3").await?;
        press(&client, "tian").await?;
        pick(&client, "天").await?;
        press(&client, "le").await?;
        pick(&client, "了").await?;
        // A slip of the finger: a letter taken back.
        press(&client, "q").await?;
        by_role(&client, "button", "删除一个字")
            .await?
            .click()
            .await?;
        assert_eq!(written(&client).await?, "楼下漏水，3天了");
        let targets = small_targets(&client, 60.0).await?;
        assert!(targets.failures.is_empty(), "{:#?}", targets.failures);
        screenshot(&client, "kiosk-pinyin-keyboard").await?;
        by_role(&client, "button", "下一步").await?.click().await?;

        by_role(&client, "heading", "在什么地方？").await?;
        press(&client, "beimen").await?;
        pick(&client, "北门").await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        let number = send_the_request_without_photo(&client).await?;

        // On the platform as she wrote it, from the kiosk.
        invoke(&client, "copies_refresh", json!({})).await?;
        let detail = invoke(&client, "request_detail", json!({"requestNo": number})).await?;
        assert_eq!(detail["request"]["description"], "楼下漏水，3天了");
        assert_eq!(detail["request"]["location"], "北门");
        assert_eq!(detail["request"]["channel"], "kiosk");
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    let _ = client.close().await;
    outcome
}
