//! The centre's manager in the real staff window against the real platform. Consent by signature:
//! 李建国 has no SMS, so the clerk asks him to sign on the pad; a wrong approval opens nothing; the
//! manager approves with her own password and the clerk may act for him; the platform records who
//! approved. The centre's figures: the manager sees this month's cases as the platform's rows count
//! them, and saves them as a CSV table.

use huiban_e2e::counter::{
    identify, log_in_as, log_in_as_the_clerk, sign_on_the_pad, staff_window, type_into,
};
use huiban_e2e::page::{by_role, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn he_signs_on_the_pad_and_the_manager_approves_at_the_counter() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (keychain, _driver, client, _data) = staff_window(&platform.url, &[]).await?;
    let outcome = async {
        log_in_as_the_clerk(&client).await?;
        identify(&client, "110101195008010132", "李建国").await?;
        by_role(&client, "link", "居民没有手机或收不到短信？改用签名")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "请李建国在框里签名").await?;
        // Nothing signed yet: said plainly, and the page stays.
        by_role(&client, "button", "签好了，请负责人确认")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "alert", "还没有签名").await?;
        sign_on_the_pad(&client).await?;
        text_of_role_containing(&client, "status", "已经签好名了").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-resident-signature").await?;
        by_role(&client, "button", "签好了，请负责人确认")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "请中心负责人确认").await?;
        client
            .find(fantoccini::Locator::Css("img[alt=李建国的签名]"))
            .await?;
        // The clerk's own password approves nothing; what she typed as the account stays.
        type_into(&client, "input[autocomplete=off]", "staff01").await?;
        type_into(&client, "input[type=password]", "huiban-staff-01").await?;
        by_role(&client, "button", "负责人确认，开始办理")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "alert", "不是本中心的负责人").await?;
        let kept = client
            .execute(
                "return [document.querySelector('input[autocomplete=off]').value, \
                 document.querySelector('input[type=password]').value];",
                vec![],
            )
            .await?;
        assert_eq!(kept, serde_json::json!(["staff01", ""]));
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-resident-approval").await?;
        client
            .find(fantoccini::Locator::Css("input[autocomplete=off]"))
            .await?
            .clear()
            .await?;
        type_into(&client, "input[autocomplete=off]", "manager01").await?;
        type_into(&client, "input[type=password]", "huiban-manager-01").await?;
        by_role(&client, "button", "负责人确认，开始办理")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "现在可以为李建国办理了").await?;
        the_platform_recorded_the_approval(&platform)?;
        by_role(&client, "button", "结束办理")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "赵敏，您好").await?;
        Ok(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

/// The platform's session names 孙丽 as the approving manager and holds a PNG drawn by the clerk in
/// it as the evidence.
fn the_platform_recorded_the_approval(platform: &Platform) -> TestResult {
    let store = huiban_platform::Store::open(platform.data_dir())?;
    let sessions = store.sessions_of_staff_since("s-demo-zhao", 0, 10)?;
    let signed = sessions
        .iter()
        .find(|session| session.consent_method.as_deref() == Some("signature"))
        .ok_or("no session opened by signature")?;
    assert_eq!(signed.approved_by.as_deref(), Some("m-demo-sun"));
    assert!(signed.opened_ms.is_some());
    Ok(())
}

#[tokio::test]
async fn the_manager_sees_the_platforms_figures_and_saves_them_as_a_table() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    file_a_case_as_zhang(&platform).await?;
    let (keychain, _driver, client, _data) = staff_window(&platform.url, &[]).await?;
    let outcome = async {
        log_in_as(&client, "manager01", "huiban-manager-01", "孙丽").await?;
        open_the_figures(&client).await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-figures").await?;
        client
            .find(fantoccini::Locator::Css("input[value=month]"))
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "本月").await?;
        // This month's cases by service: the platform's rows, counted.
        let store = huiban_platform::Store::open(platform.data_dir())?;
        let now_ms = chrono::Utc::now().timestamp_millis();
        let month = huiban_platform::beijing_time::start_of_month_ms(now_ms);
        let expected: Vec<Vec<String>> = store
            .cases_by_service_since(month)?
            .into_iter()
            .map(|group| vec![group.label, group.count.to_string()])
            .collect();
        assert!(!expected.is_empty(), "the case filed today counts this month");
        let shown = client
            .execute(
                "const table = document.querySelector('[aria-labelledby=\"month-service-title\"] table');
                 return [...table.querySelectorAll('tbody tr')].map((row) =>
                   [...row.children].map((cell) => cell.textContent.trim()));",
                vec![],
            )
            .await?;
        assert_eq!(shown, serde_json::json!(expected));
        // 导出表格: saved where the page says, with the same rows.
        by_role(&client, "button", "导出表格（CSV）")
            .await?
            .click()
            .await?;
        let said = text_of_role_containing(&client, "status", "表格已经存好了").await?;
        let path = said
            .split_once('：')
            .map(|(_, path)| path.trim().to_owned())
            .ok_or("no path said")?;
        let table = std::fs::read(&path)?;
        assert!(table.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with its mark");
        let table = String::from_utf8(table)?;
        let rows: String = expected.iter().map(|row| format!("{}\n", row.join(","))).collect();
        assert!(
            table.contains(&format!("本月：办件（按事项）\n事项,件数\n{rows}")),
            "{table}"
        );
        std::fs::remove_file(&path)?;
        Ok(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

/// From the manager's home to 中心数据, until its first chart is drawn.
async fn open_the_figures(client: &fantoccini::Client) -> TestResult {
    by_role(client, "link", "中心数据").await?.click().await?;
    by_role(client, "heading", "中心数据").await?;
    text_of_role_containing(client, "img", "").await?;
    Ok(())
}

/// 张秀英 files 高龄津贴申领 on her own phone, through the platform's API.
async fn file_a_case_as_zhang(platform: &Platform) -> TestResult {
    let client = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    client.request_sms_code("13800000001").await?;
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        "13800000001",
    )
    .ok_or("no login code was texted")?;
    let grant = huiban_api::TokenRequest::SmsCode {
        phone: "13800000001".to_owned(),
        code,
    };
    let token = client.token(&grant).await?;
    let case = huiban_demo::sample_application("高龄津贴", "11010119440315102")
        .ok_or("no such demo item")?;
    client
        .submit_application(
            &token.access_token,
            &uuid::Uuid::new_v4().to_string(),
            &case,
        )
        .await?;
    Ok(())
}

#[tokio::test]
async fn the_staff_window_is_drawn_well_at_the_largest_text_in_every_theme() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    file_a_case_as_zhang(&platform).await?;
    let (keychain, _driver, client, _data) = staff_window(&platform.url, &[]).await?;
    let outcome = async {
        log_in_as(&client, "manager01", "huiban-manager-01", "孙丽").await?;
        for theme in ["light", "dark_contrast", "light_contrast"] {
            let preferences = serde_json::json!({"preferences": {
                "text_size": "largest",
                "theme": theme,
                "read_aloud": false,
                "speech_rate": "normal",
                "first_run_done": true,
            }});
            invoke(&client, "preferences_set", preferences).await?;
            // The window draws her choice as it opens: from her home.
            client
                .execute("window.location.hash = '#/';", vec![])
                .await?;
            client.refresh().await?;
            by_role(&client, "heading", "孙丽，您好").await?;
            check_drawn_page(&client, 40.0).await?;
            screenshot(&client, &format!("staff-manager-home-{theme}-largest")).await?;
            open_the_figures(&client).await?;
            check_drawn_page(&client, 40.0).await?;
            screenshot(&client, &format!("staff-figures-{theme}-largest")).await?;
        }
        Ok(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}
