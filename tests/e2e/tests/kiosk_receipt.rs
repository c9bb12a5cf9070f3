//! The receipt on the kiosk's printer: 张秀英, logged in on the kiosk, opens the receipt of the
//! case she filed and presses 打印回执; it goes to the kiosk's printer (CUPS with the cups-pdf driver in the suite)
//! without a dialog, and the printed PDF's text is checked. 存为PDF is not offered on a kiosk.

use huiban_e2e::kiosk::{KioskMachine, Phone, kiosk_window, shown_code};
use huiban_e2e::page::{by_role, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::printed::{new_pdf, pdfs_in, printed_dir, receipt_reads};
use huiban_e2e::{TestResult, env_path};

const ZHANG: &str = "13800000001";

#[tokio::test]
async fn her_receipt_prints_on_the_kiosk_s_printer() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    // Her case, filed earlier from her own app.
    let account = platform.account_of(ZHANG)?;
    let state = huiban_platform::AppState::new(huiban_platform::Store::open(platform.data_dir())?);
    let application = huiban_demo::sample_application("高龄津贴", "11010119440315102")
        .ok_or("no demo application")?;
    let (case, _) = huiban_platform::cases::submit(
        &state,
        (&account, huiban_platform::filed_by::FiledBy::Herself),
        Some("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"),
        &application,
    )?;
    let number = case.application_no;
    let machine = KioskMachine::demo()?;
    let phone = Phone::start().await?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        let code = shown_code(&client).await?;
        phone.answer_kiosk(&platform, &code, ZHANG, true).await?;
        by_role(&client, "button", "是我本人")
            .await?
            .click()
            .await?;
        by_role(&client, "button", "我办完了").await?;
        client
            .execute(
                "window.location.hash = arguments[0]; return null;",
                vec![format!("#/progress/{number}/receipt").into()],
            )
            .await?;
        by_role(&client, "heading", "收件凭证（受理回执）").await?;
        assert!(
            by_role(&client, "button", "打印回执").await.is_ok(),
            "打印回执 is offered"
        );
        let buttons = main_text(&client).await?;
        assert!(
            !buttons.contains("存为PDF"),
            "no file is left on a kiosk: {buttons}"
        );
        screenshot(&client, "kiosk-receipt").await?;

        let before = pdfs_in(&printed_dir());
        by_role(&client, "button", "打印回执")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "status", "回执已经送到打印机").await?;
        let printed = new_pdf(&printed_dir(), &before).await?;
        receipt_reads(&printed, &["高龄津贴申领", &number], "我办完了")?;
        Ok::<(), Box<dyn std::error::Error>>(())
    }
    .await;
    if outcome.is_err() {
        eprintln!(
            "page at failure: {}",
            main_text(&client).await.unwrap_or_default()
        );
    }
    client.close().await?;
    outcome
}
