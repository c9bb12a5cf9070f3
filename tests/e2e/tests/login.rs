//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! Logging in and out: by SMS code, letting a kiosk in, two people on one computer.

use huiban_e2e::driver::TauriDriver;
use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn a_citizen_logs_in_with_an_sms_code_and_out_again() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = huiban_core::secrets::Keychain::system()?;
    keychain.forget_login()?;
    let logs = tempfile::tempdir()?;
    let log_dir = logs.path().to_string_lossy().into_owned();
    let (_driver, client, _data) =
        fresh_app(&platform.url, &[("HUIBAN_LOG_DIR", log_dir.as_str())]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "登录").await?.click().await?;
        by_role(&client, "heading", "您的手机号码是多少？").await?;
        client
            .find(fantoccini::Locator::Css("input[type=tel]"))
            .await?
            .send_keys("13800000001")
            .await?;
        by_role(&client, "button", "获取验证码")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "请输入短信里的6位验证码").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "login-code").await?;
        let code = huiban_platform::demo_accounts::last_login_code(
            &huiban_platform::Store::open(platform.data_dir())?,
            "13800000001",
        )
        .ok_or("no code was sent")?;
        client
            .find(fantoccini::Locator::Css(
                "input[autocomplete=one-time-code]",
            ))
            .await?
            .send_keys(&code)
            .await?;
        by_role(&client, "button", "登录").await?.click().await?;
        huiban_e2e::page::at_home(&client).await?;
        by_role(&client, "button", "退出").await?;
        assert!(
            keychain.kept_login()?.is_some(),
            "the login is kept in the keychain"
        );

        // Her licences come down with the login, and go with her at 退出.
        open_area_until(&client, "证照", "heading", "居民身份证").await?;
        by_role(&client, "link", "返回").await?.click().await?;
        by_role(&client, "button", "退出").await?.click().await?;
        by_role(&client, "link", "登录").await?;
        assert_eq!(keychain.kept_login()?, None, "退出 wipes the login");
        let left = invoke(&client, "wallet_licences", serde_json::json!({})).await?;
        assert_eq!(
            left,
            serde_json::json!([]),
            "退出 forgets what was pulled for her"
        );
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await?;
    // Her phone typed in, the code she was sent: none of it in the log.
    huiban_e2e::traces::log_holds_none_of(logs.path(), &["13800000001", "张秀英"])
}

#[tokio::test]
async fn a_citizen_lets_a_kiosk_in_then_logs_it_out_from_her_list() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000001").await?;
    // A kiosk in the hall asks to log someone in and shows its code.
    let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    let kiosk = api
        .token(&huiban_api::TokenRequest::Password {
            username: "kiosk01".into(),
            password: "huiban-kiosk-01".into(),
        })
        .await?;
    let asked = api.device_authorization(&kiosk.access_token).await?;

    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "link", "在自助机上登录")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "自助机屏幕上的号码是多少？").await?;
        let code = client
            .find(fantoccini::Locator::Css("main input.text-input"))
            .await?;
        // Typed as a person would: small letters, the dash left out.
        code.send_keys(&asked.user_code.replace('-', "").to_lowercase())
            .await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "要让这台自助机用您的身份登录吗？").await?;
        let facts = main_text(&client).await?;
        assert!(facts.contains("一层大厅1号自助机"), "{facts}");
        assert!(facts.contains("东城区政务服务中心"), "{facts}");
        assert!(facts.contains(&asked.user_code), "{facts}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "kiosk-check").await?;
        by_role(&client, "button", "同意登录")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "好了，请回到自助机前继续办事").await?;

        // The kiosk's poll now logs it in as her, her name masked, for a short while only.
        let kiosk_login = api
            .token(&huiban_api::TokenRequest::DeviceCode {
                device_code: asked.device_code.clone(),
            })
            .await?;
        assert_eq!(kiosk_login.approved_by.as_deref(), Some("张*英"));
        assert!(
            kiosk_login.refresh_token.is_none(),
            "a kiosk login is not renewed"
        );
        api.me(&kiosk_login.access_token).await?;

        // Her list shows the kiosk; she logs it out from there.
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "link", "看看在哪里登录着")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "在哪里登录着").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !main_text(&client)
            .await?
            .contains("自助机：一层大厅1号自助机")
        {
            assert!(
                std::time::Instant::now() < deadline,
                "the kiosk is never listed"
            );
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        assert!(main_text(&client).await?.contains("这台电脑（您正在用的）"));
        screenshot(&client, "logins").await?;
        by_role(
            &client,
            "button",
            "让“自助机：一层大厅1号自助机（东城区政务服务中心）”退出",
        )
        .await?
        .click()
        .await?;
        text_of_role_containing(&client, "status", "已经让它退出了").await?;
        assert!(
            api.me(&kiosk_login.access_token).await.is_err(),
            "the kiosk can no longer act as her"
        );
        assert!(!main_text(&client).await?.contains("一层大厅1号自助机"));
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn one_computer_two_people_each_sees_and_sends_only_their_own() -> TestResult {
    // 张秀英 logged in on this shared computer and queued an application; then the line dropped.
    let offline = QueuedOffline::set_up().await?;
    let QueuedOffline {
        url,
        app_data,
        keychain,
        ..
    } = &offline;
    let driver = TauriDriver::start(&driver_binary())?;
    let app = env_path("HUIBAN_E2E_APP");
    let app_dir = app_data.path().to_string_lossy().into_owned();
    let client = driver
        .session(&app, &["--platform-url", &url, "--data-dir", &app_dir])
        .await?;
    let outcome = async {
        past_first_run(&client).await?;
        queue_status_containing(&client, "有1份申请等待发送").await?;

        // She leaves, still offline, and is asked what to do with it: she keeps it for next time.
        by_role(&client, "button", "退出").await?.click().await?;
        by_role(&client, "heading", "退出前，您还有东西没发出去，怎么办？").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "logout-unsent").await?;
        by_role(&client, "button", "留着，下次登录再发")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "status", "已经退出").await?;
        assert_eq!(keychain.kept_login()?, None, "her login is gone");

        // The line is back; 李建国 logs in next on the same computer.
        let platform = offline.platform_back()?;
        by_role(&client, "link", "回到首页").await?.click().await?;
        log_in_through_the_app(&client, &platform, "13800000002").await?;
        for (command, nothing) in [
            ("draft_list", serde_json::json!([])),
            ("cases", serde_json::json!([])),
            ("requests", serde_json::json!([])),
        ] {
            let seen = invoke(&client, command, serde_json::json!({})).await?;
            assert_eq!(seen, nothing, "{command}: he sees nothing of hers");
        }
        let queue = invoke(&client, "queue_summary", serde_json::json!({})).await?;
        assert_eq!(queue["waiting"], 0, "her application is not in his queue");
        open_area_until(&client, "进度", "heading", "进度").await?;
        assert!(
            !main_text(&client).await?.contains("高龄津贴"),
            "进度 shows nothing of hers"
        );
        // The sending loop has had its chances (it wakes at a login and probes every 5 s).
        tokio::time::sleep(std::time::Duration::from_secs(7)).await;
        let platform_store = huiban_platform::Store::open(platform.data_dir())?;
        assert!(
            platform_store
                .case_numbers_of("c-demo-li", None, u32::MAX)?
                .is_empty(),
            "nothing of hers was filed as his"
        );
        assert!(
            platform_store
                .case_numbers_of("c-demo-zhang", None, u32::MAX)?
                .is_empty()
        );

        // He leaves (nothing of his unsent: no question); she comes back and hers goes out as hers.
        by_role(&client, "link", "返回").await?.click().await?;
        by_role(&client, "button", "退出").await?.click().await?;
        log_in_through_the_app(&client, &platform, "13800000001").await?;
        until_the_platform_has("her application, as hers", || async {
            Ok(!platform_store
                .case_numbers_of("c-demo-zhang", None, u32::MAX)?
                .is_empty())
        })
        .await?;
        assert_eq!(
            platform_store
                .case_numbers_of("c-demo-zhang", None, u32::MAX)?
                .len(),
            1
        );
        assert!(
            platform_store
                .case_numbers_of("c-demo-li", None, u32::MAX)?
                .is_empty()
        );
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}
