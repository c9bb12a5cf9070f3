//! Consent by signature in the real staff window against the real platform: 李建国 has no SMS, so
//! the clerk asks him to sign on the pad; a wrong approval opens nothing; the centre's manager
//! approves with her own password and the clerk may act for him; the platform records who approved
//! and the signature drawn here as the evidence.

use huiban_core::mode::Mode;
use huiban_core::secrets::Keychain;
use huiban_e2e::counter::{log_in_as_the_clerk, press, sign_on_the_pad, type_into};
use huiban_e2e::page::{by_role, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn he_signs_on_the_pad_and_the_manager_approves_at_the_counter() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = Keychain::system_for(Mode::Staff)?;
    keychain.forget_login()?;
    let (_driver, client, _data) =
        fresh_app_with_args(&platform.url, &[], &["--mode", "staff"]).await?;
    let outcome = async {
        log_in_as_the_clerk(&client).await?;
        by_role(&client, "link", "为居民办理")
            .await?
            .click()
            .await?;
        press(&client, "110101195008010132").await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        type_into(&client, "input.text-input", "李建国").await?;
        by_role(&client, "button", "发验证码给居民")
            .await?
            .click()
            .await?;
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
