//! The kiosk's login without scanning, the real app over WebDriver against the real platform: a
//! stranger presses 扫不了码？用手机号码登录, types her phone number and the code texted to it on the
//! kiosk's keypad, is asked 是您本人吗？ with her masked name, and her errands open.

use huiban_e2e::counter::press;
use huiban_e2e::kiosk::{KioskMachine, kiosk_window, shown_code, type_texted_code_and_confirm};
use huiban_e2e::page::{by_role, screenshot, small_targets, text_of_alert};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};
use serde_json::json;

const ZHANG: &str = "13800000001";

#[tokio::test]
async fn she_logs_in_with_her_phone_number_and_texted_code_on_the_keypad() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        shown_code(&client).await?;
        by_role(&client, "button", "扫不了码？用手机号码登录")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "您的手机号码是多少？").await?;
        let targets = small_targets(&client, 60.0).await?;
        assert!(targets.failures.is_empty(), "{:#?}", targets.failures);
        press(&client, ZHANG).await?;
        by_role(&client, "button", "获取验证码")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "请输入短信里的6位验证码").await?;
        screenshot(&client, "kiosk-phone-code").await?;

        // A wrong code is told in plain words; the right one asks 是您本人吗？.
        press(&client, "000000").await?;
        by_role(&client, "button", "登录").await?.click().await?;
        let wrong = text_of_alert(&client).await?;
        assert!(wrong.contains("验证码不对"), "{wrong}");
        by_role(&client, "button", "全部清空")
            .await?
            .click()
            .await?;
        type_texted_code_and_confirm(&client, &platform, ZHANG).await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    let _ = client.close().await;
    outcome
}
