//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! 亲友代办 on the family's computer: 李明 asks to help his mother; 张秀英 agrees in her Huiban; he
//! switches to her at the top and files 高龄津贴申领 for her; she sees it in 进度 with
//! 由 李明（儿子）代办 and in 谁帮我办过; she ends the grant (from her own phone) and his next
//! attempt is refused in plain words.

use huiban_e2e::page::{at_home, by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

const LIMING: &str = "13800000004";
const ZHANG: &str = "13800000001";
const ALLOWANCE: &str = "高龄津贴申领";

/// 退出, with nothing left to send, back to 登录.
async fn log_out(client: &fantoccini::Client) -> TestResult {
    by_role(client, "button", "退出").await?.click().await?;
    by_role(client, "link", "登录").await?;
    Ok(())
}

/// 设置 → 谁能帮我办.
async fn open_relatives(client: &fantoccini::Client) -> TestResult {
    by_role(client, "link", "设置").await?.click().await?;
    by_role(client, "link", "谁能帮我办").await?.click().await?;
    by_role(client, "heading", "谁能帮我办").await?;
    Ok(())
}

/// 高龄津贴申领 for 张秀英, from 开始办理 to 确认提交, as her son fills it in.
async fn file_the_allowance_for_her(client: &fantoccini::Client) -> TestResult {
    by_role(client, "link", "办事").await?.click().await?;
    let search = client
        .find(fantoccini::Locator::Css("input[type=search]"))
        .await?;
    search.send_keys("gljt").await?;
    by_role(client, "button", "找").await?.click().await?;
    by_role(client, "link", ALLOWANCE).await?.click().await?;
    by_role(client, "button", "开始办理").await?.click().await?;
    answer_typed(client, "您的姓名", "张秀英").await?;
    answer_typed(client, "您的身份证号码", &zhang_id_number()?).await?;
    answer_typed(client, "您的手机号码", ZHANG).await?;
    answer_address(
        client,
        "您现在住在哪里",
        &["北京市", "东城区"],
        "和平里街道示例社区1号楼2单元301",
    )
    .await?;
    // Her e-licences came down with the switch to her.
    answer_choice(client, "请选择您的电子居民身份证", "居民身份证").await?;
    answer_choice(client, "请选择您的电子户口簿", "户口簿").await?;
    by_role(client, "heading", "请拍照上传：本人社会保障卡或银行卡").await?;
    attach_photo(client).await?;
    by_role(client, "button", "下一步").await?.click().await?;
    answer_typed(client, "钱发到哪张银行卡", "6222020200112233446").await?;
    answer_choice(client, "是不是别人帮您办理", "是，别人帮我办").await?;
    answer_typed(client, "帮您办理的人叫什么名字", "李明").await?;
    by_role(client, "heading", "请核对您填写的内容").await?;
    by_role(client, "button", "确认提交").await?.click().await?;
    text_of_role_containing(client, "heading", "申请已经送到").await?;
    Ok(())
}

#[tokio::test]
async fn her_son_acts_for_her_with_her_consent_until_she_ends_it() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, LIMING).await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        // 李明 asks to help his mother, by her phone, as her son.
        open_relatives(&client).await?;
        by_role(&client, "link", "请家人同意我帮她办事")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "您要帮的家人，手机号码是多少？").await?;
        client
            .find(fantoccini::Locator::Css("main input[type=tel]"))
            .await?
            .send_keys("138 0000 0001")
            .await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "您是她的什么人？").await?;
        click_xpath(
            &client,
            "//main//label[contains(@class,'choice')][contains(., '儿子')]",
        )
        .await?;
        check_drawn_page(&client, 24.0).await?;
        by_role(&client, "button", "发短信问她")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "status", "已经发短信问她了").await?;
        screenshot(&client, "relatives-asked-by-him").await?;
        by_role(&client, "link", "她会在自己的惠办里同意，先回去")
            .await?
            .click()
            .await?;
        log_out(&client).await?;

        // 张秀英 logs in on the same computer and agrees.
        log_in_through_the_app(&client, &platform, ZHANG).await?;
        open_relatives(&client).await?;
        by_role(&client, "heading", "您的儿子 李明 想帮您办事，同意吗？").await?;
        let shown = main_text(&client).await?;
        for said in ["一年内有效", "不能看您的投诉和举报", "不能替您评价"] {
            assert!(shown.contains(said), "she is told {said:?}: {shown}");
        }
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "relatives-asked-her").await?;
        by_role(&client, "button", "同意").await?.click().await?;
        text_of_role_containing(&client, "status", "您同意了").await?;
        // Now 求助 offers him: one tap texts him, once.
        by_role(&client, "link", "求助").await?.click().await?;
        by_role(&client, "heading", "请家人帮忙").await?;
        by_role(&client, "button", "请儿子 李明帮忙")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "status", "发短信告诉儿子 李明").await?;
        until_the_platform_has("her text to her son", || async {
            Ok(texts_to_him(&platform)? == 1)
        })
        .await?;
        text_of_role_containing(&client, "status", "已经发短信告诉儿子 李明了").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "relatives-help-texted").await?;
        log_out(&client).await?;

        // 李明 again: one tap at the top, and he acts for her.
        log_in_through_the_app(&client, &platform, LIMING).await?;
        by_role(&client, "button", "张秀英").await?.click().await?;
        at_home(&client).await?;
        let pressed = by_role(&client, "button", "张秀英")
            .await?
            .attr("aria-pressed")
            .await?;
        assert_eq!(
            pressed.as_deref(),
            Some("true"),
            "whom he acts for is plain"
        );
        wait_for_main_text(&client, "张秀英，您好").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "relatives-acting").await?;
        file_the_allowance_for_her(&client).await?;
        // Filed for her, once, with him as 代理人 (亲属, 儿子).
        until_the_platform_has("the allowance filed for her", || async {
            Ok(her_allowance(&platform)?.is_some())
        })
        .await?;
        let case = her_allowance(&platform)?.ok_or("her case")?;
        let agent = case.agent.clone().ok_or("an agent")?;
        assert_eq!(
            (agent.name.as_str(), agent.relation.as_str()),
            ("李明", "亲属")
        );
        assert_eq!(agent.kinship, Some(huiban_api::Kinship::Son));
        // Back to himself: her copies leave this computer.
        by_role(&client, "button", "我自己").await?.click().await?;
        wait_for_main_text(&client, "李明，您好").await?;
        log_out(&client).await?;

        // 张秀英 sees who filed it, in 进度 and in 谁帮我办过.
        log_in_through_the_app(&client, &platform, ZHANG).await?;
        open_area_until(&client, "进度", "link", ALLOWANCE).await?;
        by_role(&client, "link", ALLOWANCE).await?.click().await?;
        wait_for_main_text(&client, "由 李明（儿子）代办").await?;
        screenshot(&client, "relatives-case-for-her").await?;
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "link", "谁帮我办过")
            .await?
            .click()
            .await?;
        let trail = text_of_role_containing(&client, "main", "您的儿子 李明").await?;
        assert!(trail.contains("替您申请了办事"), "{trail}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "relatives-acted-for-her").await?;
        log_out(&client).await?;

        // 李明 acts for her again; she ends it from her own phone; his next attempt is refused.
        log_in_through_the_app(&client, &platform, LIMING).await?;
        by_role(&client, "button", "张秀英").await?.click().await?;
        wait_for_main_text(&client, "张秀英，您好").await?;
        end_her_grant_from_her_phone(&platform).await?;
        // His next look at her 进度 is refused in plain words; he is back to himself, and her
        // copies are gone from this computer.
        by_role(&client, "link", "进度").await?.click().await?;
        let refused = text_of_role_containing(&client, "alert", "结束了授权").await?;
        assert!(refused.contains("不能替这位家人办事"), "{refused}");
        let left = invoke(&client, "cases", serde_json::json!({})).await?;
        assert!(
            !left.to_string().contains(ALLOWANCE),
            "her cases left with the grant: {left}"
        );
        let switch = invoke(&client, "relatives_switch", serde_json::json!({})).await?;
        assert_eq!(
            switch["choices"],
            serde_json::json!([]),
            "nobody to act for now"
        );
        screenshot(&client, "relatives-refused").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

/// 张秀英's 高龄津贴申领 that someone filed for her, as the platform holds it.
fn her_allowance(
    platform: &Platform,
) -> Result<Option<huiban_platform::store::CaseRecord>, Box<dyn std::error::Error>> {
    let store = huiban_platform::Store::open(platform.data_dir())?;
    for number in store.case_numbers_of("c-demo-zhang", None, 100)? {
        if let Some(case) = store.case(&number)?
            && case.item_name == ALLOWANCE
            && case.agent.is_some()
        {
            return Ok(Some(case));
        }
    }
    Ok(None)
}

/// 张秀英, in her own Huiban on her phone (another device: her login never touches this
/// computer's keychain), ends her son's grant in 谁能帮我办.
async fn end_her_grant_from_her_phone(platform: &Platform) -> TestResult {
    use huiban_core::client::GrantAnswer;
    let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    // A code texted to her less than a minute ago means waiting, as her phone would say.
    for _ in 0..20 {
        if api.request_sms_code(ZHANG).await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        ZHANG,
    )
    .ok_or("no login code was sent")?;
    let her = huiban_core::session::Session::in_memory();
    her.log_in(
        &api,
        &huiban_api::TokenRequest::SmsCode {
            phone: ZHANG.into(),
            code,
        },
    )
    .await?;
    let token = her.token(&api).await?.access_token;
    let relatives = api.relatives(&token).await?;
    let grant = relatives.helped_by.first().ok_or("her son's grant")?;
    api.answer_grant(&token, &grant.grant_id, GrantAnswer::End)
        .await?;
    Ok(())
}

/// How many texts 李明 got asking him to help his mother.
fn texts_to_him(platform: &Platform) -> Result<usize, Box<dyn std::error::Error>> {
    Ok(huiban_platform::Store::open(platform.data_dir())?
        .sent_sms()?
        .iter()
        .filter(|sms| sms.phone == LIMING && sms.text.contains("张秀英请您帮忙"))
        .count())
}
