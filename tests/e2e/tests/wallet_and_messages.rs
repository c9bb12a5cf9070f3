//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! 证照 and 消息: licences verified offline, messages read on the platform, notifications opening cases.

use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn licences_come_down_and_are_verified_offline_with_a_qr_code() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000001").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        // Logged in at start: the app pulls the licences and the departments' keys by itself.
        open_area_until(&client, "证照", "heading", "老年人优待证").await?;
        let listed = client
            .execute("return document.querySelector('main').innerText;", vec![])
            .await?;
        assert!(listed.to_string().contains("已验证"), "{listed}");
        assert!(!listed.to_string().contains("没有通过验证"), "{listed}");
        by_role(&client, "link", "老年人优待证").await?.click().await?;
        text_of_role_containing(&client, "heading", "核验二维码").await?;
        let drawn = client
            .execute(
                "const img = document.querySelector('img.qr'); return img && img.complete && img.naturalWidth > 0;",
                vec![],
            )
            .await?;
        assert_eq!(drawn, serde_json::Value::Bool(true), "the QR code is drawn");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "licence").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn a_message_about_a_case_arrives_and_is_marked_read_on_the_platform() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    // 王淑芬 applied earlier; the platform has a message for her.
    let (keychain, api, token, _) =
        wang_has_applied(&platform, "3d0c5b2a-7e1f-4c9a-8b6d-2f4e6a8c0b1d").await?;

    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        open_area_until(&client, "消息", "status", "有1条消息还没看").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "messages").await?;
        by_role(&client, "button", "我看过了")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "status", "消息都看过了").await?;
        let page = api.messages_after(&token, 0, 50).await?;
        assert_eq!(page.unread, 0, "the platform knows it was read");
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn opening_a_notification_of_news_shows_its_case() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (keychain, _, _, case) =
        wang_has_applied(&platform, "5b1e0f3c-2a4d-4e6b-9c8a-7d3f1e5b9a20").await?;
    let notifications = huiban_e2e::notifications::Notifications::serve().await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        // The first pull on this computer brings the earlier news without a notification.
        open_area_until(&client, "消息", "status", "有1条消息还没看").await?;
        assert_eq!(notifications.shown(), [], "old news is not announced");

        // The department accepts the case; 进度 fetches the news and the system announces it.
        platform.officer(
            "officer01",
            &["accept", &case.application_no, "--remark", "材料齐全"],
        )?;
        client
            .execute("window.location.hash = '#/progress';", vec![])
            .await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let shown = loop {
            if let Some(shown) = notifications.shown().pop() {
                break shown;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no notification was shown"
            );
            if let Ok(refresh) = by_role(&client, "button", "刷新").await {
                let _ = refresh.click().await;
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        };
        assert!(shown.body.contains("高龄津贴"), "{shown:?}");
        assert!(shown.actions.iter().any(|a| a == "default"), "{shown:?}");

        // Elsewhere in the app, the person clicks the notification: the case is shown.
        client
            .execute("window.location.hash = '#/';", vec![])
            .await?;
        huiban_e2e::page::at_home(&client).await?;
        let mut opened = false;
        for _ in 0..20 {
            // The app listens for the click once it has shown the notification; click again
            // until it has.
            notifications.open(shown.id).await?;
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            if main_text(&client).await?.contains(&case.application_no) {
                opened = true;
                break;
            }
        }
        assert!(opened, "the case opened: {}", main_text(&client).await?);
        screenshot(&client, "notification-opened").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}
