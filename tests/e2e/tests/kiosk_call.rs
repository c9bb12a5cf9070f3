//! 请工作人员过来, the real app over WebDriver against the real platform: pressed on the kiosk,
//! the call reaches the staff of its centre (赵敏 over the platform's API) and the kiosk shows
//! her name once she says she is going; a call from the kiosk shows in the staff window of its
//! centre (and is announced by the system once), where 我过去 and 处理好了 answer and end it.

use huiban_api::TokenRequest;
use huiban_core::PlatformClient;
use huiban_e2e::counter::{log_in_as_the_clerk, staff_window};
use huiban_e2e::kiosk::{KioskMachine, kiosk_window, shown_code};
use huiban_e2e::page::{by_role, screenshot, small_targets, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

/// The platform's client with the access token of `username`'s password login.
async fn logged_in(
    platform: &Platform,
    username: &str,
    password: &str,
) -> Result<(PlatformClient, String), Box<dyn std::error::Error>> {
    let client = PlatformClient::new(platform.url.parse()?)?;
    let answer = client
        .token(&TokenRequest::Password {
            username: username.to_owned(),
            password: password.to_owned(),
        })
        .await?;
    Ok((client, answer.access_token))
}

#[tokio::test]
async fn the_kiosk_asks_for_staff_and_shows_who_is_coming() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        shown_code(&client).await?;
        by_role(&client, "button", "请工作人员过来")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "已经请工作人员了").await?;
        let targets = small_targets(&client, 60.0).await?;
        assert!(targets.failures.is_empty(), "{:#?}", targets.failures);

        // 赵敏, at her desk, sees the call of her centre's kiosk and says she is going.
        let (desk, zhao) = logged_in(&platform, "staff01", "huiban-staff-01").await?;
        let calls = desk.centre_kiosk_calls(&zhao).await?;
        assert_eq!(calls.len(), 1, "{calls:?}");
        assert_eq!(calls[0].kiosk_name, "一层大厅1号自助机");
        desk.answer_kiosk_call(&zhao, &calls[0].call_id).await?;
        let coming = text_of_role_containing(&client, "status", "赵敏正在过来").await?;
        assert_eq!(coming.trim(), "工作人员赵敏正在过来。");
        screenshot(&client, "kiosk-call-staff").await?;

        // 返回 keeps the call; 不用了 takes it back and it leaves her list.
        by_role(&client, "button", "返回").await?.click().await?;
        by_role(&client, "button", "已请工作人员")
            .await?
            .click()
            .await?;
        by_role(&client, "button", "不用了").await?.click().await?;
        by_role(&client, "button", "请工作人员过来").await?;
        assert!(desk.centre_kiosk_calls(&zhao).await?.is_empty());
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    let _ = client.close().await;
    outcome
}

#[tokio::test]
async fn the_staff_window_shows_its_centre_s_kiosk_calls() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let notifications = huiban_e2e::notifications::Notifications::serve().await?;
    let (_keychain, _driver, client, _data) = staff_window(&platform.url, &[]).await?;
    let outcome = async {
        log_in_as_the_clerk(&client).await?;
        // The hall's kiosk asks for staff.
        let (hall, kiosk) = logged_in(&platform, "kiosk01", "huiban-kiosk-01").await?;
        hall.raise_kiosk_call(&kiosk).await?;
        by_role(&client, "heading", "自助机求助").await?;
        let call = text_of_role_containing(&client, "status", "一层大厅1号自助机").await?;
        assert!(call.contains("有人请工作人员过去"), "{call}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-kiosk-calls").await?;
        // The system announces it too, once, for a clerk busy with a resident.
        let announced = || {
            notifications
                .shown()
                .into_iter()
                .filter(|shown| shown.summary.contains("自助机求助：一层大厅1号自助机"))
                .count()
        };
        assert_eq!(announced(), 1, "{:?}", notifications.shown());

        by_role(&client, "button", "我过去").await?.click().await?;
        text_of_role_containing(&client, "status", "您正在过去").await?;
        let at_kiosk = hall.kiosk_call(&kiosk).await?.ok_or("the call ended")?;
        assert_eq!(at_kiosk.answered_by.as_deref(), Some("赵敏"));

        by_role(&client, "button", "处理好了")
            .await?
            .click()
            .await?;
        for _ in 0..50 {
            if hall.kiosk_call(&kiosk).await?.is_none() {
                assert_eq!(announced(), 1, "announced once however often it is shown");
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        Err::<(), Box<dyn std::error::Error>>("the call did not end".into())
    }
    .await;
    let _ = client.close().await;
    outcome
}
