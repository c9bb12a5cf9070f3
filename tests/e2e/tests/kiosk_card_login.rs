//! The kiosk's login with an ID card, the real app over WebDriver against the real platform: a
//! stranger presses 用身份证登录, lays her card on the kiosk's (simulated) reader, types the code the
//! platform texted to her phone (shown masked) on the keypad, is asked 是您本人吗？ with her masked
//! name, and her errands open.

use huiban_e2e::kiosk::{KioskMachine, kiosk_window, shown_code, type_texted_code_and_confirm};
use huiban_e2e::page::{by_role, screenshot, small_targets};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};
use serde_json::json;

#[tokio::test]
async fn she_logs_in_with_her_id_card_and_the_code_texted_to_her_phone() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::with_card_reader()?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        shown_code(&client).await?;
        by_role(&client, "button", "用身份证登录")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "请把身份证放到读卡器上").await?;
        let targets = small_targets(&client, 60.0).await?;
        assert!(targets.failures.is_empty(), "{:#?}", targets.failures);
        screenshot(&client, "kiosk-card").await?;

        // She lays her card on the reader: the kiosk sees it and the code goes to her phone.
        let card = json!({"name": "张秀英", "id_number": "110101194403151029"});
        std::fs::write(machine.card_file(), card.to_string())?;
        by_role(&client, "heading", "请输入短信里的6位验证码").await?;
        let shown = main_text(&client).await?;
        assert!(
            shown.contains("138****0001") && !shown.contains("110101194403151029"),
            "{shown}"
        );
        std::fs::remove_file(machine.card_file())?;
        type_texted_code_and_confirm(&client, &platform, "13800000001").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    let _ = client.close().await;
    outcome
}
