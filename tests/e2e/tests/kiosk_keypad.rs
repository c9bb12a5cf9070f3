//! A kiosk has no keyboard: in the real app over WebDriver against the real platform, a form's
//! phone and ID-number questions are answered on the on-screen keypad (X included), with no text
//! box to type into, and the answers are kept in her draft as typed.

use fantoccini::Locator;
use huiban_e2e::counter::press;
use huiban_e2e::kiosk::{KioskMachine, kiosk_window, log_in_by_phone, start_a_form};
use huiban_e2e::page::{by_role, screenshot, small_targets};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};
use serde_json::{Value, json};

const ZHANG: &str = "13800000001";

/// Opens the question `question_id` of the draft `draft_id`, as 下一步 would.
async fn open_question(
    client: &fantoccini::Client,
    draft_id: &str,
    question_id: &str,
) -> TestResult {
    let hash = format!("#/form/{draft_id}/q/{question_id}");
    client
        .execute("window.location.hash = arguments[0]", vec![json!(hash)])
        .await?;
    by_role(client, "button", "全部清空").await?;
    Ok(())
}

/// Her draft's answer to `question_id`, as the kiosk's store keeps it.
async fn kept_answer(
    client: &fantoccini::Client,
    question_id: &str,
) -> Result<Value, Box<dyn std::error::Error>> {
    let drafts = invoke(client, "draft_list", json!({})).await?;
    Ok(drafts[0]["answers"][question_id].clone())
}

#[tokio::test]
async fn her_phone_and_id_number_are_answered_on_the_keypad() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        log_in_by_phone(&client, &platform, ZHANG).await?;
        let draft_id = start_a_form(&client).await?;

        open_question(&client, &draft_id, "phone").await?;
        by_role(&client, "heading", "您的手机号码").await?;
        let boxes = client.find_all(Locator::Css("input.text-input")).await?;
        assert!(boxes.is_empty(), "no text box on a kiosk");
        by_role(&client, "button", "全部清空")
            .await?
            .click()
            .await?;
        press(&client, "13912345678").await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "您现在住在哪里").await?;
        assert_eq!(kept_answer(&client, "phone").await?, json!("13912345678"));

        open_question(&client, &draft_id, "id_number").await?;
        by_role(&client, "heading", "您的身份证号码").await?;
        let targets = small_targets(&client, 60.0).await?;
        assert!(targets.failures.is_empty(), "{:#?}", targets.failures);
        by_role(&client, "button", "全部清空")
            .await?
            .click()
            .await?;
        press(&client, "11010519491231002X").await?;
        screenshot(&client, "kiosk-question-id-number").await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "您的手机号码").await?;
        assert_eq!(
            kept_answer(&client, "id_number").await?,
            json!("11010519491231002X")
        );
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    let _ = client.close().await;
    outcome
}
