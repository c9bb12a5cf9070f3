//! Kiosk mode (`mode = "kiosk"` in the machine-wide config file), the real app over WebDriver
//! against the real platform: a stranger logs in with her phone (the platform's approval page
//! driven in Debian's Chromium), says it is her, starts a form, and 我办完了 leaves nothing of her
//! in the database, the webview's storage or the window; the window refuses to close, the staff PIN
//! ends kiosk mode; the kiosk window is refused staff and lasting commands.

use std::time::Duration;

use huiban_e2e::counter::press;
use huiban_e2e::kiosk::{EXIT_PIN, KioskMachine, Phone, kiosk_window, shown_code, start_a_form};
use huiban_e2e::page::{by_role, screenshot, text_of_alert};
use huiban_e2e::platform::{Platform, Restartable};
use huiban_e2e::prelude::*;
use huiban_e2e::printed::{new_pdf, pdfs_in, printed_dir, printed_text_of, squeezed};
use huiban_e2e::{TestResult, env_path};
use serde_json::json;

const ZHANG: &str = "13800000001";

/// Checks the kiosk's page as drawn: the app's own checks, and every target 60 px on a touch screen.
async fn check_kiosk_page(client: &fantoccini::Client) -> TestResult {
    check_drawn_page(client, 24.0).await?;
    let targets = huiban_e2e::page::small_targets(client, 60.0).await?;
    assert!(
        targets.failures.is_empty(),
        "kiosk targets below 60 px: {:#?}",
        targets.failures
    );
    Ok(())
}

/// 张秀英 logs in on the kiosk from her phone and says it is her.
async fn zhang_logs_in(
    platform: &Platform,
    client: &fantoccini::Client,
    phone: &Phone,
) -> TestResult {
    let code = shown_code(client).await?;
    phone.answer_kiosk(platform, &code, ZHANG, true).await?;
    by_role(client, "heading", "是您本人吗？").await?;
    let shown = main_text(client).await?;
    assert!(
        shown.contains("张*英") && !shown.contains("张秀英"),
        "{shown}"
    );
    Ok(())
}

/// What the kiosk's store holds of anyone: drafts, pulled cases, and its text size.
fn left_in_the_store(
    machine: &KioskMachine,
    data: &std::path::Path,
    account: &str,
) -> (usize, usize) {
    let store = machine.store(data).expect("the kiosk's store");
    let hers = store.of_account(account);
    (
        hers.drafts().expect("drafts").len(),
        hers.cached_cases().expect("cases").len(),
    )
}

#[tokio::test]
async fn a_stranger_logs_in_with_her_phone_and_leaves_nothing_behind() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let phone = Phone::start().await?;
    let (_driver, client, data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        // Full screen (a bare X server applies the size a moment after the window appears).
        let mut rect = client.get_window_rect().await?;
        for _ in 0..50 {
            if (rect.2, rect.3) == (1280, 900) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            rect = client.get_window_rect().await?;
        }
        assert_eq!((rect.2, rect.3), (1280, 900), "full screen: {rect:?}");
        shown_code(&client).await?;
        check_kiosk_page(&client).await?;
        screenshot(&client, "kiosk-welcome").await?;
        // It told the platform it is there, waiting for the next person.
        let mut heard = serde_json::Value::Null;
        for _ in 0..50 {
            let kiosks: serde_json::Value =
                serde_json::from_str(&platform.cli(&["kiosks", "list", "--json"])?)?;
            heard = kiosks[0]["last"].clone();
            if !heard.is_null() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert_eq!(heard["state"], "welcome", "{heard}");
        assert_eq!(heard["printer"], "ready", "{heard}");

        zhang_logs_in(&platform, &client, &phone).await?;
        phone.screenshot("device-page-done").await?;
        check_kiosk_page(&client).await?;
        screenshot(&client, "kiosk-is-it-you").await?;
        by_role(&client, "button", "是我本人")
            .await?
            .click()
            .await?;
        by_role(&client, "button", "我办完了").await?;
        let banner = main_text(&client).await.unwrap_or_default();
        assert!(!banner.contains("张秀英"), "{banner}");
        screenshot(&client, "kiosk-home").await?;
        let status = invoke(&client, "session_status", json!({})).await?;
        assert_eq!(status["logged_in"], true);

        // What a visit leaves while it lasts: a form begun, her cases pulled, the page's storage.
        start_a_form(&client).await?;
        invoke(&client, "copies_refresh", json!({})).await?;
        client
            .execute(
                "window.localStorage.setItem('left', 'by her'); return null;",
                vec![],
            )
            .await?;
        let account = platform.account_of(ZHANG)?;
        let (drafts, _) = left_in_the_store(&machine, data.path(), &account);
        assert_eq!(drafts, 1, "her form is kept while she uses the kiosk");

        by_role(&client, "button", "我办完了")
            .await?
            .click()
            .await?;
        shown_code(&client).await?;
        assert_eq!(
            left_in_the_store(&machine, data.path(), &account),
            (0, 0),
            "nothing of hers in the database"
        );
        let storage = client
            .execute(
                "return window.localStorage.length + window.sessionStorage.length;",
                vec![],
            )
            .await?;
        assert_eq!(
            storage,
            json!(0),
            "nothing of hers in the webview's storage"
        );
        assert!(
            !main_text(&client).await?.contains("张*英"),
            "nor in the window"
        );
        let status = invoke(&client, "session_status", json!({})).await?;
        assert_eq!(status["logged_in"], false);
        Ok::<(), Box<dyn std::error::Error>>(())
    }
    .await;
    if outcome.is_err() {
        let _ = screenshot(&client, "kiosk-failure").await;
        eprintln!(
            "page at failure: {}",
            main_text(&client).await.unwrap_or_default()
        );
    }
    client.close().await?;
    outcome
}

/// Whether the app started on the data directory `data` still runs.
fn app_running(data: &std::path::Path) -> bool {
    std::process::Command::new("pgrep")
        .args(["-f", "--", &format!("--data-dir {}", data.display())])
        .output()
        .is_ok_and(|found| found.status.success())
}

#[tokio::test]
async fn the_kiosk_window_refuses_to_close() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, data) = kiosk_window(&platform.url, &machine).await?;
    shown_code(&client).await?;
    // Asked to close (its close button, Alt+F4 and the window manager ask the same way): it stays.
    invoke(&client, "plugin:window|close", json!({"label": "kiosk"})).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(app_running(data.path()), "the kiosk closed");
    invoke(&client, "kiosk_status", json!({})).await?;
    // The page itself refuses its context menu and the zoom keys.
    let refused_keys = client
        .execute(
            "const menu = new MouseEvent('contextmenu', {bubbles: true, cancelable: true});
             document.body.dispatchEvent(menu);
             const zoom = new KeyboardEvent('keydown', {key: '+', ctrlKey: true, cancelable: true});
             document.body.dispatchEvent(zoom);
             return [menu.defaultPrevented, zoom.defaultPrevented];",
            vec![],
        )
        .await?;
    assert_eq!(refused_keys, json!([true, true]));
    client.close().await?;
    Ok(())
}

#[tokio::test]
async fn the_staff_pin_ends_kiosk_mode() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        shown_code(&client).await?;
        by_role(&client, "button", "工作人员")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "工作人员退出自助模式").await?;
        check_kiosk_page(&client).await?;
        screenshot(&client, "kiosk-leave").await?;
        press(&client, "1357").await?;
        by_role(&client, "button", "退出自助模式")
            .await?
            .click()
            .await?;
        let wrong = text_of_alert(&client).await?;
        assert!(wrong.contains("还可以再试4次"), "{wrong}");
        press(&client, EXIT_PIN).await?;
        by_role(&client, "button", "退出自助模式")
            .await?
            .click()
            .await?;
        for _ in 0..50 {
            if !app_running(data.path()) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err("the app is still running after the staff PIN".into())
    }
    .await;
    let _ = client.close().await;
    outcome
}

#[tokio::test]
async fn the_kiosk_window_is_refused_staff_and_lasting_commands() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let machine = KioskMachine::demo()?;
    let (_driver, client, _data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        invoke(&client, "kiosk_status", json!({})).await?;
        for (command, args) in [
            ("staff_status", json!({})),
            (
                "staff_log_in",
                json!({"username": "staff01", "password": "huiban-staff-01"}),
            ),
            ("assisted_current", json!({})),
            ("centre_figures", json!({})),
            ("login_with_code", json!({"phone": ZHANG, "code": "000000"})),
            ("logout", json!({})),
            ("logins", json!({})),
            ("receipt_save_pdf", json!({"applicationNo": "1"})),
            ("kiosk_answer", json!({"code": "BCDFGHJK", "approve": true})),
            ("staff_kiosk_calls", json!({})),
            ("staff_call_backs", json!({})),
            ("staff_call_back_called", json!({"requestNo": "SQ1"})),
            ("staff_answer_kiosk_call", json!({"callId": "1"})),
            ("login_request_code", json!({"phone": ZHANG})),
            ("help_call_back", json!({"lookingAt": null})),
            ("help_centre", json!({})),
            ("help_districts", json!({})),
            ("help_pick_district", json!({"code": "110101"})),
            ("relatives_page", json!({})),
            ("relatives_switch", json!({})),
            ("relatives_act_for", json!({"grantId": "rg-1"})),
            ("help_family", json!({})),
            (
                "help_ask_family",
                json!({"grantId": "rg-1", "lookingAt": null}),
            ),
        ] {
            let refusal = refused(&client, command, args).await?;
            assert!(refusal.contains("not allowed"), "{command}: {refusal}");
        }
        Ok::<(), Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn idle_asks_still_there_keeps_her_on_a_touch_and_clears_her_at_zero() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    platform.cli(&[
        "kiosks",
        "configure",
        "--device",
        "k-demo-hall-1",
        "--idle-seconds",
        "30",
        "--countdown-seconds",
        "10",
    ])?;
    let machine = KioskMachine::demo()?;
    let phone = Phone::start().await?;
    let (_driver, client, data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        zhang_logs_in(&platform, &client, &phone).await?;
        by_role(&client, "button", "是我本人")
            .await?
            .click()
            .await?;
        by_role(&client, "button", "我办完了").await?;
        start_a_form(&client).await?;
        let account = platform.account_of(ZHANG)?;

        // 30 s without a touch: 还在吗？ counting down; 我还要用 keeps her session.
        let dialog = client
            .wait()
            .at_most(Duration::from_secs(45))
            .for_element(fantoccini::Locator::Css("[role=alertdialog]"))
            .await?;
        assert!(dialog.text().await?.contains("还在吗？"));
        check_kiosk_page(&client).await?;
        screenshot(&client, "kiosk-still-there").await?;
        by_role(&client, "button", "我还要用")
            .await?
            .click()
            .await?;
        tokio::time::sleep(Duration::from_secs(2)).await;
        assert_eq!(
            invoke(&client, "session_status", json!({})).await?["logged_in"],
            true
        );
        assert_eq!(left_in_the_store(&machine, data.path(), &account).0, 1);

        // Then nothing more: at zero everything of hers goes and the welcome screen returns.
        tokio::time::sleep(Duration::from_secs(42)).await;
        shown_code(&client).await?;
        assert_eq!(
            invoke(&client, "session_status", json!({})).await?["logged_in"],
            false
        );
        assert_eq!(left_in_the_store(&machine, data.path(), &account), (0, 0));
        Ok::<(), Box<dyn std::error::Error>>(())
    }
    .await;
    if outcome.is_err() {
        eprintln!(
            "page at failure: {}",
            main_text(&client).await.unwrap_or_default()
        );
    }
    client.close().await?;
    outcome
}

#[tokio::test]
async fn what_she_confirmed_while_the_platform_was_down_is_filed_for_her_once_after_her_visit()
-> TestResult {
    let home = Restartable::new(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let platform = home.start()?;
    let machine = KioskMachine::demo()?;
    let phone = Phone::start().await?;
    let (_driver, client, data) = kiosk_window(&platform.url, &machine).await?;
    let outcome = async {
        zhang_logs_in(&platform, &client, &phone).await?;
        by_role(&client, "button", "是我本人")
            .await?
            .click()
            .await?;
        by_role(&client, "button", "我办完了").await?;
        let account = platform.account_of(ZHANG)?;
        // She had the services listed (办事) before she confirmed one.
        invoke(&client, "catalog_items", json!({})).await?;

        // The platform goes down; 高龄津贴申领 is confirmed for her (queued in her outbox, as
        // 确认提交 queues it), and she presses 我办完了 and walks away.
        let url = platform.url.clone();
        drop(platform);
        let application = huiban_demo::sample_application("高龄津贴", "11010119440315102")
            .ok_or("no demo application")?;
        let client_id = huiban_core::outbox::enqueue_application(
            &machine.store(data.path())?.of_account(&account),
            &application,
            chrono::Utc::now().timestamp_millis(),
        )?;
        // 我办完了 prints the slip on the kiosk's printer first: what waits, that it is sent for
        // her, and nothing that names her.
        let before = pdfs_in(&printed_dir());
        by_role(&client, "button", "我办完了")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "还没发出去的事，会替您发出").await?;
        screenshot(&client, "kiosk-leaving-slip").await?;
        let printed = new_pdf(&printed_dir(), &before).await?;
        let text = squeezed(&printed_text_of(&printed)?);
        // (Words whose glyphs the PDF's text layer maps back faithfully: a few CJK glyphs of its
        // embedded font subsets read back as others.)
        for shown in ["高龄津贴申领", "只发一次", "不用再来", "12345"] {
            assert!(
                text.contains(&squeezed(shown)),
                "the slip says {shown:?}: {text}"
            );
        }
        assert!(
            !text.contains("张") && !text.contains("我办完了"),
            "no name, nothing of the window: {text}"
        );
        by_role(&client, "heading", "请用手机扫一扫，登录后就能办事").await?;
        assert_eq!(
            invoke(&client, "session_status", json!({})).await?["logged_in"],
            false
        );
        let store = machine.store(data.path())?;
        assert!(
            store.kiosk_grant(&client_id)?.is_some(),
            "its grant is kept"
        );
        assert_eq!(left_in_the_store(&machine, data.path(), &account).0, 0);

        // The platform is back: the kiosk files it for her under its own login, once.
        let platform = home.start()?;
        assert_eq!(platform.url, url);
        until_the_platform_has("her application filed by the kiosk", || async {
            Ok(huiban_platform::Store::open(platform.data_dir())?
                .case_of_key(&account, &client_id)?
                .is_some())
        })
        .await?;
        let filed_store = huiban_platform::Store::open(platform.data_dir())?;
        let (number, _) = filed_store
            .case_of_key(&account, &client_id)?
            .ok_or("filed")?;
        let filed = filed_store.case(&number)?.ok_or("its case")?;
        assert_eq!(filed.channel, huiban_api::HandlingChannel::Kiosk);
        assert_eq!(
            filed_store.case_numbers_of(&account, None, 100)?.len(),
            1,
            "filed once, and nothing else for her"
        );
        // Sent, it is forgotten on the kiosk.
        for _ in 0..50 {
            if machine
                .store(data.path())?
                .of_account(&account)
                .outbox_row(&client_id)?
                .is_none()
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err("the kiosk kept her application after sending it".into())
    }
    .await;
    if outcome.is_err() {
        eprintln!(
            "page at failure: {}",
            main_text(&client).await.unwrap_or_default()
        );
    }
    client.close().await?;
    outcome
}
