//! Staff mode (`huiban --mode staff`), the real app over WebDriver against the real platform: a
//! clerk logs in with her password, sets her unlock PIN, locks and unlocks the screen and logs out;
//! each window is refused the other mode's commands (its Tauri capability); the clerk identifies
//! 张秀英, files for her with her consent, and she sees it in her own Huiban (谁帮我办过).

use huiban_core::mode::Mode;
use huiban_core::secrets::Keychain;
use huiban_e2e::counter::{
    identify, log_in_as, log_in_as_the_clerk, press, set_the_pin, staff_window, type_into,
};
use huiban_e2e::page::{
    by_role, past_first_run, screenshot, text_of_alert, text_of_role_containing,
};
use huiban_e2e::platform::{Platform, Restartable};
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path};

#[tokio::test]
async fn a_clerk_logs_in_sets_her_pin_locks_unlocks_and_logs_out() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (keychain, _driver, client, _data) = staff_window(&platform.url, &[]).await?;
    let outcome = async {
        by_role(&client, "heading", "工作人员登录").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-login").await?;

        // A wrong password is told plainly and what was typed stays.
        type_into(&client, "input[autocomplete=username]", "staff01").await?;
        type_into(&client, "input[type=password]", "not-her-password").await?;
        by_role(&client, "button", "登录").await?.click().await?;
        text_of_alert(&client).await?;
        let username = client
            .find(fantoccini::Locator::Css("input[autocomplete=username]"))
            .await?
            .prop("value")
            .await?;
        assert_eq!(
            username.as_deref(),
            Some("staff01"),
            "the account typed stays"
        );

        client
            .find(fantoccini::Locator::Css("input[type=password]"))
            .await?
            .clear()
            .await?;
        type_into(&client, "input[type=password]", "huiban-staff-01").await?;
        by_role(&client, "button", "登录").await?.click().await?;
        by_role(&client, "heading", "请设一个解锁密码").await?;
        assert!(
            keychain.kept_login()?.is_some(),
            "her login is kept in the staff entry of the keychain"
        );
        check_drawn_page(&client, 24.0).await?;
        set_the_pin(&client).await?;
        screenshot(&client, "staff-home").await?;

        by_role(&client, "button", "锁屏").await?.click().await?;
        by_role(&client, "heading", "屏幕已锁定").await?;
        let work_shown = client
            .execute(
                "return [...document.querySelectorAll('h1')]
                   .some((h) => h.textContent.includes('您好') && h.offsetParent !== null);",
                vec![],
            )
            .await?;
        assert_eq!(
            work_shown,
            serde_json::json!(false),
            "her work is hidden while locked"
        );
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-locked").await?;
        let status = invoke(&client, "staff_status", serde_json::json!({})).await?;
        assert_eq!(status["locked"], true);

        press(&client, "1357").await?;
        by_role(&client, "button", "解锁").await?.click().await?;
        let wrong = text_of_alert(&client).await?;
        assert!(wrong.contains("解锁密码不对"), "{wrong}");
        press(&client, "2468").await?;
        by_role(&client, "button", "解锁").await?.click().await?;
        by_role(&client, "heading", "赵敏，您好").await?;

        by_role(&client, "button", "下班退出")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "工作人员登录").await?;
        assert_eq!(keychain.kept_login()?, None, "下班退出 wipes her login");
        Ok(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn the_clerk_identifies_zhang_by_keypad_and_she_consents_with_the_texted_code() -> TestResult
{
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let printer = huiban_e2e::printed::printer();
    let (keychain, _driver, client, data) =
        staff_window(&platform.url, &[("HUIBAN_PRINTER", printer.as_str())]).await?;
    let outcome = async {
        log_in_as_the_clerk(&client).await?;
        identify_zhang_who_consents(&client, &platform).await?;
        let banner = client
            .find(fantoccini::Locator::Css(".acting-banner"))
            .await?
            .text()
            .await?;
        assert!(banner.contains("正在为 张秀英（110…1029）办理"), "{banner}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "staff-acting").await?;
        file_the_pension_form_for_her(&client, &platform).await?;
        let while_served = her_columns(data.path())?;
        assert!(
            !while_served.is_empty(),
            "the sweep sees her while she is served"
        );

        by_role(&client, "button", "结束办理")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "赵敏，您好").await?;
        by_role(&client, "link", "为居民办理").await?;
        let ended = invoke(&client, "assisted_current", serde_json::json!({})).await?;
        assert_eq!(ended, serde_json::Value::Null, "nothing of hers is held");
        nothing_of_hers_remains(&client, data.path()).await?;
        the_day_lists_her_masked(&client).await?;
        let texts = huiban_platform::Store::open(platform.data_dir())?.sent_sms()?;
        let last = texts
            .iter()
            .rev()
            .find(|sms| sms.phone == "13800000001")
            .ok_or("no SMS to her")?;
        assert!(last.text.contains("代办已经结束"), "{}", last.text);
        Ok(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await?;
    she_sees_who_acted_for_her(&platform).await
}

/// With the platform down, 赵敏 confirms for 张秀英, ends the session and (her day over) leaves with
/// it unsent; the platform returns and the next clerk of her centre to log in at this computer
/// sends it: filed for her with 赵敏 as 代理人.
#[tokio::test]
async fn confirmed_for_her_with_the_platform_down_is_filed_for_her_when_it_returns() -> TestResult {
    let home = Restartable::new(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let platform = home.start()?;
    let (keychain, _driver, client, data) = staff_window(&platform.url, &[]).await?;
    let outcome =
        async {
            log_in_as_the_clerk(&client).await?;
            identify_zhang_who_consents(&client, &platform).await?;
            answer_the_pension_form_for_her(&client).await?;

            // The platform goes down; the clerk confirms for her and ends the session all the same.
            drop(platform);
            by_role(&client, "button", "确认提交")
                .await?
                .click()
                .await?;
            queue_status_containing(&client, "等待发送").await?;
            let told = main_text(&client).await?;
            assert!(told.contains("保存在这台电脑上"), "{told}");
            screenshot(&client, "staff-offline-confirmed").await?;
            by_role(&client, "button", "结束办理")
                .await?
                .click()
                .await?;
            by_role(&client, "heading", "赵敏，您好").await?;
            let ended = invoke(&client, "assisted_current", serde_json::json!({})).await?;
            assert_eq!(ended, serde_json::Value::Null, "ended here at once");
            let waiting = her_columns(data.path())?;
            assert!(
                waiting.iter().all(|column| column.starts_with("outbox.")
                    || column.starts_with("local_attachment.")),
                "nothing of hers but what waits to be sent and the photo it needs: {waiting:?}"
            );
            screenshot(&client, "staff-offline-waiting").await?;

            // Her day ends before the network is back: 下班退出 asks first, then she leaves it.
            by_role(&client, "button", "下班退出")
                .await?
                .click()
                .await?;
            let told = text_of_alert(&client).await?;
            assert!(told.contains("下次在这台电脑上登录"), "{told}");
            screenshot(&client, "staff-log-out-waiting").await?;
            by_role(&client, "button", "仍然下班退出")
                .await?
                .click()
                .await?;
            by_role(&client, "heading", "工作人员登录").await?;

            // The platform returns at the same address; 钱进, of her centre, logs in at this
            // computer, and what 赵敏 confirmed goes out under his login, filed with her as 代理人.
            let colleague = ("staff-e2e-qian", "huiban-staff-e2e-qian");
            a_colleague_of_zhao(home.data_dir(), colleague)?;
            let platform = home.start()?;
            let waiting = her_columns(data.path())?;
            assert!(
                !waiting.is_empty(),
                "nothing goes out without a clerk's login"
            );
            log_in_as(&client, colleague.0, colleague.1, "钱进").await?;
            queue_status_containing(&client, "都已经送到").await?;
            let store = huiban_platform::Store::open(platform.data_dir())?;
            let cases = store.case_numbers_of("c-demo-zhang", None, 100)?;
            let state = huiban_platform::AppState::new(store);
            let filed: Vec<_> = cases
                .iter()
                .map(|number| huiban_platform::cases::view(&state, "c-demo-zhang", number))
                .collect::<Result<_, _>>()?;
            let counter: Vec<_> = filed
                .iter()
                .filter(|case| case.channel == huiban_api::HandlingChannel::Counter)
                .collect();
            assert_eq!(counter.len(), 1, "filed once, for her: {cases:?}");
            assert_eq!(counter[0].applicant_name.as_deref(), Some("张秀英"));
            let agent = counter[0].agent.clone().ok_or("no 代理人")?;
            assert_eq!(
                (agent.name.as_str(), agent.relation.as_str()),
                ("赵敏", "东城区政务服务中心工作人员")
            );
            // The session's close goes out after what was filed in it: "都已经送到" speaks of her
            // submission only, so the close (and forgetting her) may come a moment later.
            until_the_platform_has("the session closed when the network came back", || async {
                Ok(state
                    .store
                    .sent_sms()?
                    .iter()
                    .any(|sms| sms.phone == "13800000001" && sms.text.contains("代办已经结束")))
            })
            .await?;
            until_the_platform_has("her data forgotten here once sent", || async {
                Ok(her_columns(data.path())?.is_empty())
            })
            .await?;
            Ok(())
        }
        .await;
    close_logged_in(client, &keychain, outcome).await
}

/// Adds 钱进, a clerk of 赵敏's centre, with the username and password `login`, to the platform whose
/// data is in `dir` (while it is down).
fn a_colleague_of_zhao(dir: &std::path::Path, login: (&str, &str)) -> TestResult {
    let store = huiban_platform::Store::open(dir)?;
    store.create_account(
        &huiban_platform::store::NewAccount {
            account_id: "s-e2e-qian".to_owned(),
            role: huiban_api::Role::Staff,
            phone: None,
            username: Some(login.0.to_owned()),
            password_hash: Some(huiban_platform::auth::hash_password(login.1)?),
            name: Some("钱进".to_owned()),
            id_number: None,
            department: Some("东城区政务服务中心".to_owned()),
        },
        0,
    )?;
    Ok(())
}

/// From the clerk's home: 为居民办理, 张秀英's ID number on the keypad and her name, what she will
/// allow read to her, and the code the platform texted her typed in; the session opens.
async fn identify_zhang_who_consents(
    client: &fantoccini::Client,
    platform: &Platform,
) -> TestResult {
    identify(client, "110101194403151029", "张秀英").await?;
    let words = main_text(client).await?;
    assert!(
        words.contains("工作人员不能"),
        "she is told what the clerk cannot do: {words}"
    );
    assert!(
        !words.contains("138"),
        "nothing of hers before she consents: {words}"
    );
    screenshot(client, "staff-resident-consent").await?;
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        "13800000001",
    )
    .ok_or("no consent code was texted")?;
    press(client, &code).await?;
    by_role(client, "button", "居民同意，开始办理")
        .await?
        .click()
        .await?;
    by_role(client, "heading", "现在可以为张秀英办理了").await?;
    Ok(())
}

/// What would name 张秀英: her name, ID number, phone (plain and masked) and account.
const HER_WORDS: [&str; 5] = [
    "张秀英",
    "110101194403151029",
    "13800000001",
    "138****0001",
    "c-demo-zhang",
];

/// After 结束办理 nothing of 张秀英 remains: not on the page or in the webview's storage, not in any
/// file the app or its webview wrote, not in any column of the staff window's store.
async fn nothing_of_hers_remains(
    client: &fantoccini::Client,
    data_dir: &std::path::Path,
) -> TestResult {
    let shown = huiban_e2e::traces::webview_words(client).await?;
    for word in HER_WORDS {
        assert!(
            !shown.contains(word),
            "{word} still in the webview: {shown}"
        );
    }
    let files =
        huiban_e2e::traces::files_holding(&huiban_e2e::traces::app_dirs(data_dir), &HER_WORDS)?;
    assert!(files.is_empty(), "files still naming her: {files:?}");
    let columns = her_columns(data_dir)?;
    assert!(columns.is_empty(), "columns still naming her: {columns:?}");
    Ok(())
}

/// The columns of the staff window's store that name 张秀英.
fn her_columns(data_dir: &std::path::Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let (store, _) = huiban_core::store::LocalStore::open(
        &data_dir.join(Mode::Staff.database_file()),
        &Keychain::system_for(Mode::Staff)?,
    )?;
    Ok(store.columns_holding(&HER_WORDS)?)
}

/// 今天办过的居民 lists her, masked, with what was done; 再次办理 would ask her consent again.
async fn the_day_lists_her_masked(client: &fantoccini::Client) -> TestResult {
    by_role(client, "link", "今天办过的居民")
        .await?
        .click()
        .await?;
    by_role(client, "heading", "今天办过的居民").await?;
    let heading = text_of_role_containing(client, "heading", "张*英（110…1029）").await?;
    let words = main_text(client).await?;
    assert!(!words.contains("张秀英"), "masked: {words}");
    for shown in ["已结束", "申请了办事"] {
        assert!(words.contains(shown), "{shown} in {heading}: {words}");
    }
    by_role(client, "button", "再次办理").await?;
    check_drawn_page(client, 24.0).await?;
    screenshot(client, "staff-served-today").await?;
    by_role(client, "link", "返回").await?.click().await?;
    by_role(client, "heading", "赵敏，您好").await?;
    Ok(())
}

/// 张秀英 in her own Huiban: 设置 → 谁帮我办过 shows that 赵敏 of the centre applied for her.
async fn she_sees_who_acted_for_her(platform: &Platform) -> TestResult {
    let keychain = save_login(platform, "13800000001").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "link", "谁帮我办过")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "谁帮我办过").await?;
        text_of_role_containing(&client, "heading", "年").await?;
        let words = main_text(&client).await?;
        for shown in [
            "东城区政务服务中心 赵敏",
            "您用短信验证码同意了",
            "替您申请了办事",
        ] {
            assert!(words.contains(shown), "谁帮我办过 shows {shown:?}: {words}");
        }
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "acted-for-me").await?;

        // A time she does not recognise: asked alone, it becomes her 投诉 to the centre.
        by_role(&client, "button", "这次不是我同意的")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "这次代办不是您同意的吗？").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "acted-for-me-report").await?;
        by_role(&client, "button", "提交投诉")
            .await?
            .click()
            .await?;
        let done = text_of_role_containing(&client, "status", "已经替您提了投诉").await?;
        let store = huiban_platform::Store::open(platform.data_dir())?;
        let to_centre = store.request_numbers_for("东城区政务服务中心")?;
        assert_eq!(to_centre.len(), 1, "the centre has her 投诉: {done}");
        assert!(done.contains(&to_centre[0]), "{done}");

        // 进度: the case filed for her names who filed it.
        client
            .execute("window.location.hash = '#/';", vec![])
            .await?;
        open_area_until(&client, "进度", "link", PENSION_ITEM).await?;
        by_role(&client, "link", PENSION_ITEM)
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "办理过程").await?;
        let words = main_text(&client).await?;
        assert!(
            words.contains("由 东城区政务服务中心 赵敏 代办"),
            "the case names the clerk who filed it: {words}"
        );
        screenshot(&client, "case-filed-by-clerk").await?;
        Ok(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

/// From her errands, the clerk answers the pension form for 张秀英 with the citizen's pages under the
/// banner (her name filled in from her own e-ID card), up to 核对.
async fn answer_the_pension_form_for_her(client: &fantoccini::Client) -> TestResult {
    by_role(client, "link", "办事").await?.click().await?;
    let search = client
        .find(fantoccini::Locator::Css("input[type=search]"))
        .await?;
    search.send_keys("yanglao").await?;
    by_role(client, "button", "找").await?.click().await?;
    by_role(client, "link", PENSION_ITEM).await?.click().await?;
    by_role(client, "button", "开始办理").await?.click().await?;
    by_role(client, "heading", "您的姓名").await?;
    text_of_role_containing(client, "status", "电子居民身份证填好的").await?;
    by_role(client, "button", "下一步").await?.click().await?;
    answer_pension_form_from_the_id_number(client, &zhang_id_number()?).await?;
    let banner = client
        .find(fantoccini::Locator::Css(".acting-banner"))
        .await?
        .text()
        .await?;
    assert!(
        banner.contains("张秀英"),
        "the banner stays on her pages: {banner}"
    );
    Ok(())
}

/// From her errands, the clerk applies for 张秀英's pension with the citizen's pages under the banner
/// (her name filled in from her own e-ID card), confirms it, and the platform files it for her as a
/// counter case with the clerk as 代理人.
async fn file_the_pension_form_for_her(
    client: &fantoccini::Client,
    platform: &Platform,
) -> TestResult {
    answer_the_pension_form_for_her(client).await?;
    screenshot(client, "staff-acting-check").await?;
    by_role(client, "button", "确认提交").await?.click().await?;
    text_of_role_containing(client, "heading", "申请已经送到").await?;
    let number = client
        .execute(
            "return document.querySelector('.confirmation .number').getAttribute('aria-label');",
            vec![],
        )
        .await?;
    let number = number.as_str().ok_or("no case number")?;
    let state = huiban_platform::AppState::new(huiban_platform::Store::open(platform.data_dir())?);
    let case = huiban_platform::cases::view(&state, "c-demo-zhang", number)?;
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    assert_eq!(case.agent.ok_or("no 代理人")?.name, "赵敏");
    assert_eq!(case.channel, huiban_api::HandlingChannel::Counter);
    huiban_e2e::printed::print_the_receipt(client, number, PENSION_ITEM).await
}

#[tokio::test]
async fn each_window_is_refused_the_other_modes_commands() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;

    // The citizen window calls the staff commands: Tauri refuses them before they run.
    let (_driver, citizen, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        invoke(&citizen, "session_status", serde_json::json!({})).await?;
        for (command, args) in [
            ("staff_status", serde_json::json!({})),
            (
                "staff_log_in",
                serde_json::json!({"username": "staff01", "password": "huiban-staff-01"}),
            ),
            ("staff_unlock_pin", serde_json::json!({"pin": "2468"})),
            ("staff_log_out", serde_json::json!({"evenWithUnsent": false})),
            ("assisted_current", serde_json::json!({})),
            (
                "assisted_start",
                serde_json::json!({"idNumber": "110101194403151029", "name": "张秀英"}),
            ),
            (
                "assisted_consent_signature",
                serde_json::json!({"drawing": "", "managerUsername": "manager01", "managerPassword": "huiban-manager-01"}),
            ),
            ("centre_figures", serde_json::json!({})),
            ("centre_figures_save_csv", serde_json::json!({})),
            ("kiosk_status", serde_json::json!({})),
            ("kiosk_leave", serde_json::json!({"pin": "2468"})),
            ("kiosk_call_staff", serde_json::json!({})),
            (
                "kiosk_log_in_by_sms",
                serde_json::json!({"phone": "13800000001", "code": "000000"}),
            ),
            ("kiosk_card_code", serde_json::json!({})),
            ("kiosk_pinyin_candidates", serde_json::json!({"typed": "wang"})),
            ("kiosk_idle_warning", serde_json::json!({"shown": true})),
            ("staff_kiosk_calls", serde_json::json!({})),
            ("staff_call_backs", serde_json::json!({})),
            ("staff_call_back_called", serde_json::json!({"requestNo": "SQ1"})),
        ] {
            let refusal = refused(&citizen, command, args).await?;
            assert!(refusal.contains("not allowed"), "{command}: {refusal}");
        }
        Ok::<(), Box<dyn std::error::Error>>(())
    }
    .await;
    citizen.close().await?;
    outcome?;

    // The staff window calls a citizen's login and what only a resident may do herself: refused
    // the same way. Her errands it may call, and they hold nothing without a consented session.
    let (_driver, staff, _data) =
        fresh_app_with_args(&platform.url, &[], &["--mode", "staff"]).await?;
    let outcome = async {
        invoke(&staff, "staff_status", serde_json::json!({})).await?;
        let nobody = invoke(&staff, "cases", serde_json::json!({})).await?;
        assert_eq!(nobody, serde_json::json!([]), "no session, nobody's cases");
        for (command, args) in [
            (
                "login_with_code",
                serde_json::json!({"phone": "13800000001", "code": "000000"}),
            ),
            ("inbox", serde_json::json!({})),
            ("home", serde_json::json!({})),
            ("drafts_unfinished", serde_json::json!({})),
            (
                "case_evaluate",
                serde_json::json!({"applicationNo": "1", "level": 5, "reason": null}),
            ),
            ("logout", serde_json::json!({})),
            ("kiosk_finish", serde_json::json!({})),
            ("kiosk_login_code", serde_json::json!({})),
            ("kiosk_call_staff", serde_json::json!({})),
            ("kiosk_leaving_slip", serde_json::json!({})),
            ("help_call_back", serde_json::json!({"lookingAt": null})),
            ("help_centre", serde_json::json!({})),
            ("help_districts", serde_json::json!({})),
            ("help_pick_district", serde_json::json!({"code": "110101"})),
            ("relatives_page", serde_json::json!({})),
            ("relatives_switch", serde_json::json!({})),
            ("relatives_act_for", serde_json::json!({"grantId": "rg-1"})),
            ("help_family", serde_json::json!({})),
            (
                "help_ask_family",
                serde_json::json!({"grantId": "rg-1", "lookingAt": null}),
            ),
        ] {
            let refusal = refused(&staff, command, args).await?;
            assert!(refusal.contains("not allowed"), "{command}: {refusal}");
        }
        Ok::<(), Box<dyn std::error::Error>>(())
    }
    .await;
    staff.close().await?;
    outcome
}
