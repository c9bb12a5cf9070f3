//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! 求助: stuck on a page, she taps 求助 and 请工作人员给我回电话 — asked once, offline too, filed
//! when the platform is back, and in the officers' queue with the page she was on; her district's
//! service centre is the platform's, by the district on her account; and the staff window of that
//! centre shows her call-back with the phone to dial, where 已回电话 answers it.

use std::time::Duration;

use huiban_e2e::counter::{log_in_as_the_clerk, staff_window};
use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::{Platform, Restartable};
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

/// 张秀英's requests as the platform holds them.
fn her_requests(platform: &Platform) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    Ok(
        huiban_platform::Store::open(platform.data_dir())?.request_numbers_of(
            "c-demo-zhang",
            None,
            100,
        )?,
    )
}

#[tokio::test]
async fn stuck_on_a_page_she_asks_for_a_call_back_and_it_reaches_the_officers_once() -> TestResult {
    let home = Restartable::new(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let platform = home.start()?;
    let keychain = save_login(&platform, "13800000001").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "link", PENSION_ITEM)
            .await?
            .click()
            .await?;
        by_role(&client, "heading", PENSION_ITEM).await?;

        // Stuck here, and the platform unreachable: 求助 in the top bar, then one tap.
        drop(platform);
        by_role(&client, "link", "求助").await?.click().await?;
        by_role(&client, "heading", "求助").await?;
        let shown = main_text(&client).await?;
        assert!(shown.contains("12345"), "{shown}");
        // Never heard here before: where her centre's number will be, once online.
        assert!(
            shown.contains("联网以后，这里会显示您那里服务中心的电话"),
            "{shown}"
        );
        by_role(&client, "button", "请工作人员给我回电话")
            .await?
            .click()
            .await?;
        let said = text_of_role_containing(&client, "status", "已经请工作人员给您回电话了").await?;
        assert!(said.contains("138****0001"), "{said}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "help-asked").await?;

        // Opened again, it is still asked: nothing to press twice.
        by_role(&client, "link", "惠办，回到首页")
            .await?
            .click()
            .await?;
        by_role(&client, "link", "求助").await?.click().await?;
        text_of_role_containing(&client, "status", "已经请工作人员给您回电话了").await?;
        let buttons = client
            .find_all(fantoccini::Locator::XPath(
                "//main//button[normalize-space(.)='请工作人员给我回电话']",
            ))
            .await?;
        assert!(buttons.is_empty(), "asked once, offered no more");

        // The platform is back at the same address: the request is filed by itself, once.
        let platform = home.start()?;
        let mut filed = Vec::new();
        for _ in 0..300 {
            filed = her_requests(&platform)?;
            if !filed.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_secs(3)).await;
        assert_eq!(her_requests(&platform)?, filed);
        assert_eq!(filed.len(), 1, "one call-back filed: {filed:?}");

        // The officers see it in their queue, with where she was.
        let queue = platform.officer("officer01", &["list"])?;
        let line = queue
            .lines()
            .find(|line| line.starts_with(filed[0].as_str()))
            .ok_or_else(|| format!("not in the queue: {queue}"))?;
        assert!(line.contains("Help"), "{line}");
        assert!(line.contains("请工作人员给我回电话"), "{line}");
        let request = huiban_platform::Store::open(platform.data_dir())?
            .service_request(&filed[0])?
            .ok_or("the request is kept")?;
        assert_eq!(
            request.body.description,
            format!("请工作人员给我回电话。我当时在看：{PENSION_ITEM}。")
        );

        // Her centre's number is the one the platform lists for her account's district: changed
        // there, it is the new one here.
        let mut dongcheng = huiban_demo::centres::service_centres();
        dongcheng.truncate(1);
        dongcheng[0].phone = "010-64009999".to_owned();
        huiban_platform::Store::open(platform.data_dir())?.upsert_service_centres(&dongcheng)?;
        by_role(&client, "link", "惠办，回到首页")
            .await?
            .click()
            .await?;
        by_role(&client, "link", "求助").await?.click().await?;
        let centre = text_of_role_containing(&client, "main", "010-64009999").await?;
        assert!(
            centre.contains("东城区政务服务中心，周一到周五，上午9点到下午5点"),
            "{centre}"
        );
        screenshot(&client, "help-centre").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn her_call_back_shows_in_her_centre_s_staff_window_until_someone_called() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    // 张秀英 asked in her own Huiban (the citizen window's part is the test above).
    let hers = save_login(&platform, "13800000001").await?;
    let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    let token = huiban_core::session::Session::in_keychain(hers.clone())
        .token(&api)
        .await?
        .access_token;
    let asked = huiban_core::help::call_back_request(Some("高龄津贴申领"));
    let filed = api.submit_request(&token, "call-back-e2e", &asked).await?;
    hers.forget_login()?;

    let (_keychain, _driver, client, _data) = staff_window(&platform.url, &[]).await?;
    let outcome = async {
        log_in_as_the_clerk(&client).await?;
        by_role(&client, "heading", "请回电话").await?;
        let shown = text_of_role_containing(&client, "main", "138 0000 0001").await?;
        assert!(shown.contains("张秀英请您回电话"), "{shown}");
        assert!(shown.contains("我当时在看：高龄津贴申领"), "{shown}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-call-backs").await?;

        by_role(&client, "button", "已回电话")
            .await?
            .click()
            .await?;
        for _ in 0..50 {
            let request = huiban_platform::Store::open(platform.data_dir())?
                .service_request(&filed.request_no)?
                .ok_or("the request is kept")?;
            if request.status == huiban_api::RequestStatus::Replied {
                assert_eq!(
                    request.body.reply.as_deref(),
                    Some("赵敏已经给您回过电话了。")
                );
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err::<(), Box<dyn std::error::Error>>("not marked called".into())
    }
    .await;
    let _ = client.close().await;
    outcome
}
