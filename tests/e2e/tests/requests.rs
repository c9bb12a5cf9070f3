//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! 诉求 round the loop: filed, handled, answered, 回访 and 评价.

use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn a_citizen_files_a_request_and_follows_it_round_the_loop() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000002").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "诉求").await?.click().await?;
        by_role(&client, "button", "提一个诉求")
            .await?
            .click()
            .await?;
        answer_choice(&client, "您想做什么？", "投诉").await?;
        answer_typed(
            &client,
            "请说一说是什么事",
            "小区门口的路灯坏了一个月，晚上出门看不见路。",
        )
        .await?;
        answer_typed(&client, "在什么地方？", "和平里街道示例社区北门").await?;
        let number = send_the_request_without_photo(&client).await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "request-sent").await?;

        // The department works it, replies, closes it and asks how it went.
        platform.officer("officer01", &["dispatch", &number])?;
        platform.officer("officer01", &["handle", &number])?;
        platform.officer(
            "officer01",
            &["reply", &number, "--text", "已联系街道，路灯已经修好了。"],
        )?;
        platform.officer("officer01", &["close", &number])?;
        platform.officer("officer01", &["revisit", &number])?;

        by_role(&client, "link", "看诉求进度")
            .await?
            .click()
            .await?;
        by_role(&client, "link", "返回").await?.click().await?;
        refresh_progress_until(&client, "等您回话").await?;
        by_role(&client, "link", "投诉：对某件事不满意")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "heading", "部门的答复").await?;
        assert!(main_text(&client).await?.contains("路灯已经修好了"));
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "request-replied").await?;

        // 回访, then 评价 (the page may redraw as fresh copies arrive, swallowing a click).
        // The timeline says 问题解决了吗？ too: wait for what only the 回访 page has.
        click_until_shown(&client, "link", "去回答", "提交回答").await?;
        for legend in ["问题解决了吗？", "办理部门和您联系过吗？"] {
            let xpath = format!(
                "//fieldset[legend[normalize-space(.)='{legend}']]//label[normalize-space(.)='是']"
            );
            click_xpath(&client, &xpath).await?;
        }
        by_role(&client, "button", "提交回答")
            .await?
            .click()
            .await?;
        by_role(&client, "link", "去评价").await?.click().await?;
        click_xpath(
            &client,
            "//main//label[contains(@class,'choice')][normalize-space(.)='非常满意']",
        )
        .await?;
        by_role(&client, "button", "提交评价")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "投诉：对某件事不满意").await?;

        // Both arrive on the platform by themselves.
        let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
        let token = huiban_core::session::Session::in_keychain(keychain.clone())
            .token(&api)
            .await?
            .access_token;
        until_the_platform_has("the 回访 and the 评价", || async {
            let requests = api.requests(&token).await?;
            Ok(requests.iter().any(|r| {
                r.request_no == number
                    && r.follow_up.as_ref().is_some_and(|f| f.resolved)
                    && r.evaluation.as_ref().is_some_and(|e| e.level == 1)
            }))
        })
        .await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}
