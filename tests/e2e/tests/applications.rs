//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! 办事 end to end: finding an item, applying, following the case to its end, naming the family.

use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::Platform;
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn a_citizen_finds_applies_and_follows_the_case_to_its_end() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000001").await?;
    let id_number = zhang_id_number()?;
    // Its log goes to a folder of its own, read at the end for personal data.
    let logs = tempfile::tempdir()?;
    let log_dir = logs.path().to_string_lossy().into_owned();
    let (_driver, client, _data) =
        fresh_app(&platform.url, &[("HUIBAN_LOG_DIR", log_dir.as_str())]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        // The e-ID card comes down with the saved login.
        open_area_until(&client, "证照", "heading", "居民身份证").await?;
        by_role(&client, "link", "返回").await?.click().await?;
        // Task 1 of docs/usability.md: find the errand.
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        let search = client
            .find(fantoccini::Locator::Css("input[type=search]"))
            .await?;
        search.send_keys("yanglao").await?;
        by_role(&client, "button", "找").await?.click().await?;
        by_role(&client, "link", PENSION_ITEM).await?.click().await?;
        // Task 2: apply.
        by_role(&client, "button", "开始办理").await?.click().await?;

        // Never asked twice: the name is filled in from the e-ID card, said so, and 下一步 confirms it.
        by_role(&client, "heading", "您的姓名").await?;
        text_of_role_containing(&client, "status", "电子居民身份证填好的").await?;
        let filled = client
            .execute(
                "return document.querySelector('main .text-input').value;",
                vec![],
            )
            .await?;
        assert_eq!(filled.as_str(), Some("张秀英"));
        screenshot(&client, "apply-filled-in").await?;
        by_role(&client, "button", "下一步").await?.click().await?;

        // One question a page; a wrong answer is explained and what was typed stays.
        answer_typed(&client, "您的身份证号码", "110101194403151020").await?;
        text_of_role_containing(&client, "alert", "身份证号码").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "apply-question-error").await?;
        answer_pension_form_from_the_id_number(&client, &id_number).await?;

        // 核对, then 确认提交.
        by_role(&client, "heading", "请核对您填写的内容").await?;
        let check = main_text(&client).await?;
        for shown in [
            "张秀英",
            &id_number,
            "北京市东城区 和平里街道示例社区1号楼2单元301",
            "已选好1个文件",
            "6222020200112233446",
            "不是，我自己办",
        ] {
            assert!(check.contains(shown), "the check page shows {shown:?}: {check}");
        }
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "apply-check").await?;
        by_role(&client, "button", "确认提交").await?.click().await?;

        // The outbox sends it; the case number comes back in large digits with its QR code.
        text_of_role_containing(&client, "heading", "申请已经送到").await?;
        let number = client
            .execute(
                "return document.querySelector('.confirmation .number').getAttribute('aria-label');",
                vec![],
            )
            .await?;
        let number = number.as_str().ok_or("no case number")?.to_owned();
        assert!(
            number.len() >= 18 && number.bytes().all(|b| b.is_ascii_digit()),
            "a 办件编号: {number}"
        );
        by_role(&client, "link", "打印回执").await?;
        let drawn = client
            .execute(
                "const img = document.querySelector('.qr img'); return img && img.complete && img.naturalWidth > 0;",
                vec![],
            )
            .await?;
        assert_eq!(drawn, serde_json::Value::Bool(true), "the QR code is drawn");
        // By when, until when she may take it back (once the case is pulled), where the SMS goes.
        for said in ["最晚", "以前，可以点“看办理进度”，把申请要回来", "会发短信到 1"] {
            wait_for_main_text(&client, said).await?;
        }
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "apply-sent").await?;
        receipt_saved_as_pdf_shows_only_the_receipt(&client, &number).await?;

        // The officer accepts it with the CLI, then asks for one more photo and the card number
        // again (补正).
        platform.officer("officer02", &["accept", &number, "--remark", "材料齐全"])?;
        platform.officer(
            "officer02",
            &[
                "request-supplement",
                &number,
                "--remark",
                "请补充银行卡背面的照片",
                "--ask",
                "bank_card",
            ],
        )?;

        // Task 3: find out what is needed after the 补正 message. 进度 pulls the news when it opens;
        // the 补正 is answered in the app.
        by_role(&client, "link", "看办理进度").await?.click().await?;
        by_role(&client, "link", "返回").await?.click().await?;
        refresh_progress_until(&client, "要补材料").await?;
        // Home says so too, greeting her by name, one tap from the case.
        by_role(&client, "link", "惠办，回到首页")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "张秀英，您好").await?;
        screenshot(&client, "home-asks").await?;
        by_role(&client, "link", "有1件事要您补材料")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "heading", "需要您补充材料").await?;
        assert!(main_text(&client).await?.contains("请补充银行卡背面的照片"));
        // Task 4: answer it.
        by_role(&client, "link", "补充材料").await?.click().await?;
        // The card number asked again comes first, on a page of its own, starting from the one
        // sent; a wrong one is told plainly and what was typed stays.
        by_role(&client, "heading", "钱发到哪张银行卡").await?;
        let card = client
            .find(fantoccini::Locator::Css("main .text-input"))
            .await?;
        assert_eq!(
            card.prop("value").await?.map(|v| v.replace(' ', "")),
            Some("6222020200112233446".to_owned())
        );
        answer_typed_once(&client, "钱发到哪张银行卡", "6222020200112233440").await?;
        text_of_role_containing(&client, "alert", "有一位填错了").await?;
        screenshot(&client, "supplement-question").await?;
        answer_typed_once(&client, "钱发到哪张银行卡", "6222020200112233552").await?;
        by_role(&client, "heading", "补充材料").await?;
        attach_photo(&client).await?;
        client
            .find(fantoccini::Locator::Css("main textarea"))
            .await?
            .send_keys("已拍好背面")
            .await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "supplement").await?;
        by_role(&client, "button", "提交补充材料").await?.click().await?;
        by_role(&client, "heading", PENSION_ITEM).await?;
        let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
        let token = huiban_core::session::Session::in_keychain(keychain.clone())
            .token(&api)
            .await?
            .access_token;
        until_the_platform_has("the 补正 with the new card number", || async {
            let cases = api.applications(&token).await?;
            Ok(cases.iter().any(|c| {
                c.application_no == number
                    && c.status == huiban_api::CaseStatus::Reviewing
                    && c.answers.get("bank_card")
                        == Some(&serde_json::json!("6222020200112233552"))
            }))
        })
        .await?;

        // Approved: 进度 asks her to rate it; the case says how it ended first, with every step.
        platform.officer("officer02", &["approve", &number, "--remark", "准予"])?;
        by_role(&client, "link", "返回").await?.click().await?;
        refresh_progress_until(&client, "请您评价").await?;
        by_role(&client, "link", PENSION_ITEM).await?.click().await?;
        by_role(&client, "heading", "结果：批准了").await?;
        let case = main_text(&client).await?;
        assert!(case.contains("部门写的是：准予"), "{case}");
        assert!(case.contains(&number), "{case}");
        assert!(case.contains("材料齐全"), "the officer's remark shows: {case}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "case-finished").await?;

        // Task 5: rate the result. 好差评: five choices in words; 非常满意 goes out through the outbox.
        by_role(&client, "link", "去评价").await?.click().await?;
        by_role(&client, "heading", "您对这次办理满意吗？").await?;
        click_xpath(&client, "//main//label[contains(@class,'choice')][normalize-space(.)='非常满意']").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "evaluate").await?;
        by_role(&client, "button", "提交评价").await?.click().await?;
        text_of_role_containing(&client, "heading", "您的评价：非常满意").await?;
        until_the_platform_has("the evaluation", || async {
            let cases = api.applications(&token).await?;
            Ok(cases
                .iter()
                .find(|c| c.application_no == number)
                .and_then(|c| c.evaluation.as_ref())
                .is_some_and(|e| e.level == 1))
        })
        .await?;

        // The department issues the licence the case granted: 证照 fetches it on opening, and its
        // seal checks out here.
        platform.officer(
            "officer02",
            &["issue-licence", &number, "--type", "养老保险待遇核定通知书"],
        )?;
        client
            .execute("window.location.hash = '#/';", vec![])
            .await?;
        open_area_until(&client, "证照", "heading", "养老保险待遇核定通知书").await?;
        let wallet = main_text(&client).await?;
        let issued = wallet
            .split("养老保险待遇核定通知书")
            .nth(1)
            .ok_or("the new licence is listed")?;
        assert!(
            issued.split('\n').take(4).any(|line| line.contains("已验证")),
            "the new licence checks out: {wallet}"
        );
        screenshot(&client, "licence-issued").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await?;
    // A whole journey (her login, her form, her case, her licence) left no personal data in the log.
    huiban_e2e::traces::log_holds_none_of(logs.path(), &["13800000001", &id_number, "张秀英"])
}

#[tokio::test]
async fn a_citizen_confirms_what_is_known_and_names_the_family_living_with_her() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000001").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let spouse_first17 = "11010119420101001";
    let spouse_id = format!(
        "{spouse_first17}{}",
        huiban_api::id_number::check_character(spouse_first17).ok_or("no check character")?
    );
    let outcome = async {
        past_first_run(&client).await?;
        open_area_until(&client, "证照", "heading", "户口簿").await?;
        by_role(&client, "link", "返回").await?.click().await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "link", HOUSEHOLD_ITEM)
            .await?
            .click()
            .await?;
        by_role(&client, "button", "开始办理")
            .await?
            .click()
            .await?;

        // Name, ID number, phone and address are filled in; 下一步 on each confirms it.
        for question in [
            "您的姓名",
            "您的身份证号码",
            "您的手机号码",
            "您现在住在哪里",
        ] {
            by_role(&client, "heading", question).await?;
            text_of_role_containing(&client, "status", "填好的").await?;
            by_role(&client, "button", "下一步").await?.click().await?;
        }
        answer_choice(&client, "请选择您的电子居民身份证", "居民身份证").await?;
        answer_choice(&client, "请选择您的电子户口簿", "户口簿").await?;
        by_role(&client, "heading", "请拍照上传：家庭收入和财产情况说明").await?;
        attach_photo(&client).await?;
        by_role(&client, "button", "下一步").await?.click().await?;

        // The family (asked because she does not live alone): one member added, one question a
        // page, then listed in words.
        answer_choice(&client, "您是不是一个人住", "不是，和家人一起住").await?;
        by_role(&client, "heading", "和您一起生活的家人").await?;
        assert!(main_text(&client).await?.contains("还没有添加家庭成员"));
        by_role(&client, "button", "添加一位家庭成员")
            .await?
            .click()
            .await?;
        answer_typed(&client, "这位家人叫什么名字", "李建国").await?;
        answer_choice(&client, "这位家人是您的什么人", "配偶").await?;
        answer_typed(&client, "这位家人的身份证号码", &spouse_id).await?;
        answer_typed(&client, "这位家人每月收入多少元", "1200").await?;
        by_role(&client, "heading", "第1位家庭成员").await?;
        let listed = main_text(&client).await?;
        assert!(listed.contains("李建国，配偶"), "{listed}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "apply-family").await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        answer_choice(&client, "是不是别人帮您办理", "不是，我自己办").await?;

        by_role(&client, "heading", "请核对您填写的内容").await?;
        by_role(&client, "button", "确认提交").await?;
        let check = main_text(&client).await?;
        for shown in [
            "1. 李建国，配偶",
            "1200 元",
            "北京市东城区 和平里街道示例社区1号",
            "13800000001",
        ] {
            assert!(
                check.contains(shown),
                "the check page shows {shown:?}: {check}"
            );
        }
        by_role(&client, "button", "确认提交")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "heading", "申请已经送到").await?;

        let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
        let token = huiban_core::session::Session::in_keychain(keychain.clone())
            .token(&api)
            .await?
            .access_token;
        until_the_platform_has("the family in the application", || async {
            let cases = api.applications(&token).await?;
            Ok(cases.iter().any(|c| {
                c.answers.get("family")
                    == Some(&serde_json::json!([{
                        "member_name": "李建国",
                        "member_relation": "spouse",
                        "member_id_number": spouse_id,
                        "member_income": "1200",
                    }]))
                    && c.answers.get("applicant_name") == Some(&serde_json::json!("张秀英"))
            }))
        })
        .await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

/// From the sent page: 打印回执 → 存为PDF; the PDF is the receipt alone on one page (its service,
/// number and promise; not the window around it, not her name); back to the sent page.
async fn receipt_saved_as_pdf_shows_only_the_receipt(
    client: &fantoccini::Client,
    number: &str,
) -> TestResult {
    use huiban_e2e::printed::{receipt_reads, save_receipt_pdf};
    by_role(client, "link", "打印回执").await?.click().await?;
    let saved = save_receipt_pdf(client).await?;
    receipt_reads(&saved, &["养老保险待遇申领", number], "朗读")?;
    client.back().await?;
    by_role(client, "link", "看办理进度").await?;
    Ok(())
}
