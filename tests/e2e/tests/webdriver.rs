//! The real app binary, driven over WebDriver, against the real platform server over HTTP.

use huiban_e2e::driver::TauriDriver;
use huiban_e2e::page::{
    body_font_px, by_role, past_first_run, screenshot, smallest_box, text_of_role_containing,
};
use huiban_e2e::platform::Platform;
use huiban_e2e::{env_path, free_port};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A name that exists only in the platform's demo data, not in any UI fixture.
const SERVER_ONLY_ITEM: &str = "困难老年人家庭适老化改造申请";

fn driver_binary() -> std::path::PathBuf {
    std::env::var_os("HUIBAN_E2E_TAURI_DRIVER")
        .map(Into::into)
        .unwrap_or_else(|| "tauri-driver".into())
}

#[tokio::test]
async fn home_then_catalog_from_the_real_platform() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let driver = TauriDriver::start(&driver_binary())?;
    let app = env_path("HUIBAN_E2E_APP");
    let client = driver
        .session(&app, &["--platform-url", &platform.url])
        .await?;

    let outcome = async {
        past_first_run(&client).await?;
        let body_px = body_font_px(&client).await?;
        assert!(
            body_px >= 24.0,
            "body font is {body_px}px, must be at least 24px"
        );
        let (width, height) = smallest_box(&client, "nav a").await?;
        assert!(
            width >= 60.0 && height >= 60.0,
            "smallest tile is {width}×{height}px"
        );
        for label in ["办事", "进度", "证照", "诉求", "消息", "求助"] {
            by_role(&client, "link", label).await?;
        }
        screenshot(&client, "home").await?;

        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", "办事").await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        by_role(&client, "heading", "高龄津贴申领").await?;
        // 老年人常办 first: the services older people use most, one press away.
        by_role(&client, "heading", "老年人常办").await?;
        let offered = client
            .execute(
                "return [...document.querySelectorAll('.shortcuts a')].map((a) => a.textContent.trim());",
                vec![],
            )
            .await?;
        assert_eq!(
            offered.as_array().map(Vec::len),
            Some(6),
            "six shortcuts: {offered}"
        );
        assert_eq!(offered[0], "高龄津贴申领");
        let shot = screenshot(&client, "catalog").await?;
        eprintln!("catalog screenshot: {}", shot.display());
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn an_unreachable_platform_is_explained_in_plain_chinese() -> TestResult {
    // A port nobody listens on: the app must say so and offer to try again.
    let nowhere = format!("http://127.0.0.1:{}", free_port()?);
    let driver = TauriDriver::start(&driver_binary())?;
    let app = env_path("HUIBAN_E2E_APP");
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let client = driver
        .session(&app, &["--platform-url", &nowhere, "--data-dir", &data_dir])
        .await?;

    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        let text = client
            .wait()
            .at_most(huiban_e2e::page::PATIENCE)
            .for_element(fantoccini::Locator::Css("[role=alert]"))
            .await?
            .text()
            .await?;
        assert!(text.contains("暂时连不上办事平台"), "alert says {text:?}");
        let retry = by_role(&client, "button", "再试一次").await?;
        let (_, _, width, height) = retry.rectangle().await?;
        assert!(
            width >= 60.0 && height >= 60.0,
            "retry button is {width}×{height}px"
        );
        screenshot(&client, "catalog-unreachable").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn the_saved_catalog_is_shown_when_the_platform_is_gone() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let url = platform.url.clone();
    let app = env_path("HUIBAN_E2E_APP");
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let args = [
        "--platform-url",
        url.as_str(),
        "--data-dir",
        data_dir.as_str(),
    ];

    // Online once: the app saves the catalog in its encrypted store.
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let first = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    drop(driver);
    first?;
    assert!(
        data.path().join("huiban.db").exists(),
        "the local store was written"
    );

    // The platform goes away; the app starts again and still lists the services, saying why.
    drop(platform);
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let second = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        let notice = text_of_role_containing(&client, "status", "上次保存的事项").await?;
        assert!(
            notice.contains("联网以后会自动更新"),
            "notice says {notice:?}"
        );
        screenshot(&client, "catalog-offline").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    second
}

/// The app started by a new tauri-driver on a fresh data directory against `platform_url`, with
/// `env` reaching the app; keep the driver and the directory alive as long as the session.
async fn fresh_app(
    platform_url: &str,
    env: &[(&str, &str)],
) -> Result<(TauriDriver, fantoccini::Client, tempfile::TempDir), Box<dyn std::error::Error>> {
    let driver = TauriDriver::start_with_env(&driver_binary(), env)?;
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let client = driver
        .session(
            &env_path("HUIBAN_E2E_APP"),
            &["--platform-url", platform_url, "--data-dir", &data_dir],
        )
        .await?;
    Ok((driver, client, data))
}

/// Logs the citizen with `phone` in as the app would, leaving the login in the system keychain.
async fn save_login(
    platform: &Platform,
    phone: &str,
) -> Result<huiban_core::secrets::Keychain, Box<dyn std::error::Error>> {
    let keychain = huiban_core::secrets::Keychain::system()?;
    let client = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    client.request_sms_code(phone).await?;
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        phone,
    )
    .ok_or("no login code was sent")?;
    let request = huiban_api::TokenRequest::SmsCode {
        phone: phone.into(),
        code,
    };
    huiban_core::session::Session::in_keychain(keychain.clone())
        .log_in(&client, &request)
        .await?;
    Ok(keychain)
}

/// Opens the home tile `area` until its page shows an element with `role` containing `needle`:
/// what was pulled in the background may arrive a little after the app starts.
async fn open_area_until(
    client: &fantoccini::Client,
    area: &str,
    role: &str,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        by_role(client, "link", area).await?.click().await?;
        by_role(client, "heading", area).await?;
        if text_of_role_containing(client, role, needle).await.is_ok() {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("{area} never showed {needle:?}").into());
        }
        client.back().await?;
    }
}

/// Calls a command of the shell from inside the real webview, as the UI does.
async fn invoke(
    client: &fantoccini::Client,
    command: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let script = "const [command, args, done] = arguments;
        window.__TAURI_INTERNALS__.invoke(command, args).then(
            (ok) => done({ ok: ok === undefined ? null : ok }),
            (err) => done({ err }));";
    let answer = client
        .execute_async(script, vec![command.into(), args])
        .await?;
    match answer.get("ok") {
        Some(ok) => Ok(ok.clone()),
        None => Err(format!("{command} failed: {}", answer["err"]).into()),
    }
}

/// Text of the queue's status region once it contains `needle`.
async fn queue_status_containing(
    client: &fantoccini::Client,
    needle: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let text = by_role(client, "status", "申请发送情况")
            .await?
            .text()
            .await?;
        if text.contains(needle) {
            return Ok(text);
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the queue status never said {needle:?}; last {text:?}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
}

/// 张秀英 logged in on this computer and queued an application; then the line dropped and the app
/// was closed. What remains is the keychain and the encrypted store; the platform is stopped.
struct QueuedOffline {
    platform_binary: std::path::PathBuf,
    platform_data: tempfile::TempDir,
    bind: String,
    url: String,
    app_data: tempfile::TempDir,
    keychain: huiban_core::secrets::Keychain,
}

impl QueuedOffline {
    async fn set_up() -> Result<Self, Box<dyn std::error::Error>> {
        use huiban_core::outbox;
        use huiban_core::store::LocalStore;

        let platform_binary = env_path("HUIBAN_E2E_PLATFORM");
        let platform_data = tempfile::tempdir()?;
        let bind = format!("127.0.0.1:{}", free_port()?);
        let platform = Platform::start_in(&platform_binary, platform_data.path(), &bind)?;
        let url = platform.url.clone();
        let app_data = tempfile::tempdir()?;
        let keychain = save_login(&platform, "13800000001").await?;
        {
            let (local, _) = LocalStore::open(&app_data.path().join("huiban.db"), &keychain)?;
            let application =
                huiban_platform::demo_data::sample_application("高龄津贴", "11010119440315102")
                    .ok_or("no demo application")?;
            outbox::enqueue_application(
                &local.of_account("c-demo-zhang"),
                &application,
                chrono::Utc::now().timestamp_millis(),
            )?;
        }
        drop(platform);
        Ok(Self {
            platform_binary,
            platform_data,
            bind,
            url,
            app_data,
            keychain,
        })
    }

    /// The platform back at the same address, with the same data.
    fn platform_back(&self) -> Result<Platform, Box<dyn std::error::Error>> {
        Ok(Platform::start_in(
            &self.platform_binary,
            self.platform_data.path(),
            &self.bind,
        )?)
    }
}

#[tokio::test]
async fn a_queued_application_goes_out_by_itself_when_the_platform_returns() -> TestResult {
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
        // Offline at start: the person is told the application waits and will go by itself.
        let waiting = queue_status_containing(&client, "有1份申请等待发送").await?;
        assert!(waiting.contains("联网后会自动提交"), "{waiting:?}");
        screenshot(&client, "queue-waiting").await?;

        // The platform returns at the same address; nobody touches anything.
        let platform = offline.platform_back()?;
        queue_status_containing(&client, "所有申请都已经送到办事平台了").await?;
        screenshot(&client, "queue-sent").await?;
        let cases = huiban_platform::Store::open(platform.data_dir())?.case_numbers_of(
            "c-demo-zhang",
            None,
            100,
        )?;
        assert_eq!(cases.len(), 1, "exactly one case arrived: {cases:?}");
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn a_draft_is_kept_across_a_restart_answer_by_answer_and_then_sent() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000002").await?;
    let application =
        huiban_platform::demo_data::sample_application("高龄津贴", "11010119500801013")
            .ok_or("no demo application")?;
    let app = env_path("HUIBAN_E2E_APP");
    let app_data = tempfile::tempdir()?;
    let app_dir = app_data.path().to_string_lossy().into_owned();
    let args = [
        "--platform-url",
        platform.url.as_str(),
        "--data-dir",
        app_dir.as_str(),
    ];

    // The person answers every question; the app is then closed before sending.
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let first = async {
        past_first_run(&client).await?;
        let draft = invoke(
            &client,
            "draft_start",
            serde_json::json!({
                "implCode": application.impl_code,
                "formId": application.form_id,
                "version": application.form_version,
            }),
        )
        .await?;
        let draft_id = draft["draft_id"].as_str().ok_or("no draft id")?.to_owned();
        for (question_id, value) in &application.answers {
            invoke(
                &client,
                "draft_answer",
                serde_json::json!({"draftId": draft_id, "questionId": question_id, "value": value}),
            )
            .await?;
        }
        // Core checks an answer by its question's rules, and says what is wrong in plain words.
        let form = huiban_platform::demo_data::form_definitions()
            .into_iter()
            .find(|f| f.form_id == application.form_id)
            .ok_or("no demo form")?;
        let id_question = form
            .questions
            .iter()
            .find(|q| q.kind == huiban_api::QuestionKind::IdNumber)
            .ok_or("no ID question")?;
        let check = |value: &str| {
            serde_json::json!({
                "formId": form.form_id,
                "version": form.version,
                "questionId": id_question.id,
                "value": value,
            })
        };
        let wrong = invoke(&client, "form_check_answer", check("110101195008010131")).await?;
        assert!(
            wrong["message"]
                .as_str()
                .unwrap_or_default()
                .contains("身份证号码有一位填错了"),
            "{wrong}"
        );
        let right = invoke(&client, "form_check_answer", check("11010519491231002x")).await?;
        assert_eq!(right, serde_json::Value::Null, "a good number passes");

        let refused = invoke(
            &client,
            "draft_answer",
            serde_json::json!({"draftId": "no-such-draft", "questionId": "x", "value": 1}),
        )
        .await
        .map_err(|e| e.to_string());
        let message = refused.expect_err("an unknown draft is refused");
        assert!(message.contains("没有找到这份填写记录"), "{message}");
        Ok::<_, Box<dyn std::error::Error>>(draft_id)
    }
    .await;
    client.close().await?;
    drop(driver);
    let draft_id = first?;

    // Opened again: the draft is there with every answer, and sending it is one step.
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let second = async {
        past_first_run(&client).await?;
        let drafts = invoke(&client, "draft_list", serde_json::json!({})).await?;
        let kept = drafts
            .as_array()
            .and_then(|all| all.iter().find(|d| d["draft_id"] == draft_id.as_str()))
            .ok_or("the draft was lost")?;
        assert_eq!(
            kept["answers"],
            serde_json::to_value(&application.answers)?,
            "every answer was kept"
        );
        invoke(
            &client,
            "draft_submit",
            serde_json::json!({"draftId": draft_id}),
        )
        .await?;
        queue_status_containing(&client, "所有申请都已经送到办事平台了").await?;
        let left = invoke(&client, "draft_list", serde_json::json!({})).await?;
        assert_eq!(
            left,
            serde_json::json!([]),
            "the draft became the application"
        );
        let cases = huiban_platform::Store::open(platform.data_dir())?.case_numbers_of(
            "c-demo-li",
            None,
            100,
        )?;
        assert_eq!(cases.len(), 1, "exactly one case arrived: {cases:?}");
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    keychain.forget_login()?;
    second
}

/// Checks the page as drawn: body text size, no sideways scroll, contrast, target sizes.
async fn check_drawn_page(
    client: &fantoccini::Client,
    body_at_least: f64,
) -> Result<(), Box<dyn std::error::Error>> {
    let body = body_font_px(client).await?;
    assert!(
        body >= body_at_least,
        "body text is {body}px, must be ≥ {body_at_least}px"
    );
    assert!(
        !huiban_e2e::page::scrolls_sideways(client).await?,
        "the page scrolls sideways"
    );
    let contrast = huiban_e2e::page::low_contrast_text(client, 7.0).await?;
    assert!(
        contrast.checked > 5,
        "too little text checked: {contrast:?}"
    );
    assert!(
        contrast.failures.is_empty(),
        "text below 7:1: {:#?}",
        contrast.failures
    );
    let targets = huiban_e2e::page::small_targets(client, 44.0).await?;
    assert!(
        targets.failures.is_empty(),
        "targets below 44 px: {:#?}",
        targets.failures
    );
    let main_actions =
        huiban_e2e::page::small_targets_among(client, ".primary, nav a, .choice", 60.0).await?;
    assert!(
        main_actions.failures.is_empty(),
        "main actions below 60 px: {:#?}",
        main_actions.failures
    );
    Ok(())
}

#[tokio::test]
async fn text_size_and_colours_are_chosen_once_drawn_well_and_remembered() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let app = env_path("HUIBAN_E2E_APP");
    let data = tempfile::tempdir()?;
    let data_dir = data.path().to_string_lossy().into_owned();
    let args = [
        "--platform-url",
        platform.url.as_str(),
        "--data-dir",
        data_dir.as_str(),
    ];

    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let first = async {
        // The first run asks the size with real text at each size, then about reading aloud.
        by_role(&client, "heading", huiban_e2e::page::FIRST_RUN_HEADING).await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "first-run").await?;
        client
            .find(fantoccini::Locator::Css("input[value=largest]"))
            .await?
            .click()
            .await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "要不要把页面上的字读给您听？").await?;
        by_role(&client, "button", "否").await?.click().await?;
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING).await?;
        check_drawn_page(&client, 40.0).await?;
        let (width, height) = smallest_box(&client, "nav a").await?;
        assert!(
            width >= 60.0 && height >= 60.0,
            "smallest tile is {width}×{height}px"
        );
        screenshot(&client, "home-largest").await?;

        // Each theme, picked in 设置, is drawn at 7:1 or better.
        by_role(&client, "link", "设置").await?.click().await?;
        by_role(&client, "heading", "设置").await?;
        for (value, shot) in [
            ("dark_contrast", "settings-dark-contrast"),
            ("light_contrast", "settings-light-contrast"),
            ("light", "settings-light"),
            ("dark_contrast", "settings-dark-contrast"),
        ] {
            client
                .find(fantoccini::Locator::Css(&format!("input[value={value}]")))
                .await?
                .click()
                .await?;
            text_of_role_containing(&client, "status", "已经记住了").await?;
            check_drawn_page(&client, 40.0).await?;
            screenshot(&client, shot).await?;
        }
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    drop(driver);
    first?;

    // Opened again: no first-run questions; the size and colours stay as chosen.
    let driver = TauriDriver::start(&driver_binary())?;
    let client = driver.session(&app, &args).await?;
    let second = async {
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING).await?;
        check_drawn_page(&client, 40.0).await?;
        let theme = client
            .execute("return document.documentElement.dataset.theme;", vec![])
            .await?;
        assert_eq!(theme, "dark_contrast");
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        check_drawn_page(&client, 40.0).await?;
        screenshot(&client, "catalog-largest-dark").await?;

        // Every component of the design system, drawn by WebKit at this size and in this theme.
        client
            .execute("location.hash = '#/gallery';", vec![])
            .await?;
        by_role(&client, "heading", "样式库").await?;
        check_drawn_page(&client, 40.0).await?;
        screenshot(&client, "gallery-largest-dark").await?;
        client
            .execute("location.hash = '#/gallery/question';", vec![])
            .await?;
        by_role(&client, "heading", "申请人的姓名是什么？").await?;
        check_drawn_page(&client, 40.0).await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    second
}

#[tokio::test]
async fn read_aloud_speaks_the_page_through_the_real_engine() -> TestResult {
    let daemon = huiban_e2e::speech_daemon::SpeechDaemon::start()?;
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (_driver, client, _data) =
        fresh_app(&platform.url, &[("SPEECHD_ADDRESS", &daemon.address)]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "button", "朗读").await?.click().await?;
        by_role(&client, "button", "停止朗读").await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !daemon.heard_sound() {
            assert!(
                std::time::Instant::now() < deadline,
                "no sound reached {}",
                daemon.audio().display()
            );
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        // Any action stops the reading: the button offers to read again.
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING)
            .await?
            .click()
            .await?;
        by_role(&client, "button", "朗读").await?;
        screenshot(&client, "read-aloud").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn a_service_is_found_by_pinyin_initials_and_everyday_words() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        for (typed, expected) in [
            ("yanglao", "城乡居民基本养老保险待遇申领"),
            ("gljt", "高龄津贴申领"),
            ("退休金", "企业职工基本养老保险待遇申领"),
        ] {
            let box_ = client
                .find(fantoccini::Locator::Css("input[type=search]"))
                .await?;
            box_.clear().await?;
            box_.send_keys(typed).await?;
            by_role(&client, "button", "找").await?.click().await?;
            text_of_role_containing(&client, "heading", expected).await?;
            let found = client
                .execute(
                    "return [...document.querySelectorAll('main h2')].map(h => h.textContent.trim());",
                    vec![],
                )
                .await?;
            assert!(
                !found.to_string().contains(SERVER_ONLY_ITEM),
                "{typed}: only matching items are listed, not {SERVER_ONLY_ITEM}: {found}"
            );
        }
        screenshot(&client, "catalog-search").await?;

        // The item's page says what to bring, how long, what it costs and who handles it.
        by_role(&client, "link", "企业职工基本养老保险待遇申领")
            .await?
            .click()
            .await?;
        by_role(&client, "heading", "需要准备的材料").await?;
        text_of_role_containing(&client, "heading", "企业职工基本养老保险待遇申领").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "item").await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    client.close().await?;
    outcome
}

#[tokio::test]
async fn a_citizen_logs_in_with_an_sms_code_and_out_again() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = huiban_core::secrets::Keychain::system()?;
    keychain.forget_login()?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
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
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING).await?;
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
    close_logged_in(client, &keychain, outcome).await
}

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

/// The item the journey applies for: a 养老 item whose form asks for an e-licence, a photo and a
/// bank card as well as the usual questions.
const PENSION_ITEM: &str = "企业职工基本养老保险待遇申领";

/// Types `text` into the page's one answer box (a line or a text area) and presses 下一步.
async fn answer_typed(
    client: &fantoccini::Client,
    question: &str,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    again_if_redrawn(|| answer_typed_once(client, question, text))
        .await
        .map_err(|error| format!("answering {question:?}: {error}").into())
}

/// Clicks the element at `xpath`, looking again if the page was redrawn under it.
async fn click_xpath(
    client: &fantoccini::Client,
    xpath: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    again_if_redrawn(|| async {
        client
            .find(fantoccini::Locator::XPath(xpath))
            .await?
            .click()
            .await?;
        Ok(())
    })
    .await
}

/// Waits until `arrived` says the platform holds what the app sent by itself.
async fn until_the_platform_has<F, Fut>(
    what: &str,
    mut arrived: F,
) -> Result<(), Box<dyn std::error::Error>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<bool, Box<dyn std::error::Error>>>,
{
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !arrived().await? {
        assert!(
            std::time::Instant::now() < deadline,
            "the platform never got {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    Ok(())
}

/// Runs `attempt` again (up to three more times) when the page was redrawn under it, as a person
/// would look again and redo what they were doing.
async fn again_if_redrawn<F, Fut>(mut attempt: F) -> Result<(), Box<dyn std::error::Error>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), Box<dyn std::error::Error>>>,
{
    let mut tries = 0;
    loop {
        match attempt().await {
            Err(error) if tries < 3 && error.to_string().contains("Stale element") => tries += 1,
            outcome => return outcome,
        }
    }
}

async fn answer_typed_once(
    client: &fantoccini::Client,
    question: &str,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "heading", question).await?;
    let input = client
        .find(fantoccini::Locator::Css("main .text-input"))
        .await?;
    input.clear().await?;
    input.send_keys(text).await?;
    by_role(client, "button", "下一步").await?.click().await?;
    Ok(())
}

/// Answers the address asked by `question`: presses each of `places` in turn (province, city,
/// district; 重新选地方 first when it was filled in), types `street`, then 下一步.
async fn answer_address(
    client: &fantoccini::Client,
    question: &str,
    places: &[&str],
    street: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "heading", question).await?;
    // A filled-in address (from the e-ID card) is chosen again, as a person changing it would.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let shown = main_text(client).await?;
        if shown.contains("重新选地方") {
            by_role(client, "button", "重新选地方")
                .await?
                .click()
                .await?;
            break;
        }
        if shown.contains("请选省份") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the address page never opened: {shown}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    for place in places {
        again_if_redrawn(|| async {
            by_role(client, "button", place).await?.click().await?;
            Ok(())
        })
        .await?;
    }
    answer_typed(client, question, street).await
}

/// Chooses the card whose words contain `choice` on the page asking `question`, then 下一步.
async fn answer_choice(
    client: &fantoccini::Client,
    question: &str,
    choice: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    again_if_redrawn(|| answer_choice_once(client, question, choice))
        .await
        .map_err(|error| format!("choosing {choice:?} for {question:?}: {error}").into())
}

async fn answer_choice_once(
    client: &fantoccini::Client,
    question: &str,
    choice: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "heading", question).await?;
    let xpath = format!("//main//label[contains(@class,'choice')][contains(., '{choice}')]");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let card = loop {
        match client.find(fantoccini::Locator::XPath(&xpath)).await {
            Ok(card) => break card,
            Err(_) if std::time::Instant::now() < deadline => {
                tokio::time::sleep(std::time::Duration::from_millis(250)).await;
            }
            Err(error) => return Err(format!("no choice {choice:?}: {error}").into()),
        }
    };
    card.click().await?;
    by_role(client, "button", "下一步").await?.click().await?;
    Ok(())
}

/// 王淑芬 (13800000003), her login saved on this computer, after sending the demo 高龄津贴
/// application under the Idempotency-Key `key`: her keychain, a platform client, her access token
/// and the case.
async fn wang_has_applied(
    platform: &Platform,
    key: &str,
) -> Result<
    (
        huiban_core::secrets::Keychain,
        huiban_core::PlatformClient,
        String,
        huiban_api::Application,
    ),
    Box<dyn std::error::Error>,
> {
    let keychain = save_login(platform, "13800000003").await?;
    let api = huiban_core::PlatformClient::new(platform.url.parse()?)?;
    let token = huiban_core::session::Session::in_keychain(keychain.clone())
        .token(&api)
        .await?
        .access_token;
    let application =
        huiban_platform::demo_data::sample_application("高龄津贴", "11010119381120024")
            .ok_or("no demo application")?;
    let case = api.submit_application(&token, key, &application).await?;
    Ok((keychain, api, token, case))
}

/// Presses the element with `role` and `name` until the page shows `needle`, as a person presses
/// again when a redraw swallowed the first press.
async fn click_until_shown(
    client: &fantoccini::Client,
    role: &str,
    name: &str,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    for _ in 0..4 {
        again_if_redrawn(|| async {
            by_role(client, role, name).await?.click().await?;
            Ok(())
        })
        .await?;
        for _ in 0..20 {
            if main_text(client).await?.contains(needle) {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
    }
    Err(format!("pressing {name:?} never showed {needle:?}").into())
}

/// Ends a test of a logged-in app: prints the page's words when `outcome` failed, closes the app
/// and wipes the saved login; `outcome` is the test's result.
async fn close_logged_in(
    client: fantoccini::Client,
    keychain: &huiban_core::secrets::Keychain,
    outcome: TestResult,
) -> TestResult {
    if outcome.is_err() {
        eprintln!(
            "page at failure: {}",
            main_text(&client).await.unwrap_or_default()
        );
    }
    client.close().await?;
    keychain.forget_login()?;
    outcome
}

/// The text of `main` as drawn.
async fn main_text(client: &fantoccini::Client) -> Result<String, Box<dyn std::error::Error>> {
    let text = client
        .execute("return document.querySelector('main').innerText;", vec![])
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// Chooses a photo (the app's icon) in the page's file picker and waits until it is kept.
async fn attach_photo(client: &fantoccini::Client) -> Result<(), Box<dyn std::error::Error>> {
    let photo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../icons/128x128.png")
        .canonicalize()?;
    again_if_redrawn(|| async {
        client
            .find(fantoccini::Locator::Css("main input[type=file]"))
            .await?
            .send_keys(&photo.to_string_lossy())
            .await?;
        Ok(())
    })
    .await?;
    text_of_role_containing(client, "status", "文件已经选好").await?;
    Ok(())
}

/// Presses 刷新 (on 进度 or 诉求) until the page says `needle`.
async fn refresh_progress_until(
    client: &fantoccini::Client,
    needle: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !main_text(client).await?.contains(needle) {
        assert!(
            std::time::Instant::now() < deadline,
            "进度 never showed {needle:?}"
        );
        by_role(client, "button", "刷新").await?.click().await?;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    Ok(())
}

/// 张秀英's ID number (a demo citizen).
fn zhang_id_number() -> Result<String, Box<dyn std::error::Error>> {
    let first17 = "11010119440315102";
    let check = huiban_api::id_number::check_character(first17).ok_or("no check character")?;
    Ok(format!("{first17}{check}"))
}

/// Answers the pension form from its ID-number question on, as 张秀英: phone, address, her
/// e-licence for the ID card, a photo of her bank card, its number, and 否 to 别人帮您办理; ends on 核对.
async fn answer_pension_form_from_the_id_number(
    client: &fantoccini::Client,
    id_number: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    answer_typed(client, "您的身份证号码", id_number).await?;
    answer_typed(client, "您的手机号码", "13800000001").await?;
    answer_address(
        client,
        "您现在住在哪里",
        &["北京市", "东城区"],
        "和平里街道示例社区1号楼2单元301",
    )
    .await?;
    // The e-licence pulled at login stands in for the paper ID card.
    answer_choice(client, "请选择您的电子居民身份证", "居民身份证").await?;
    by_role(client, "heading", "请拍照上传：本人社会保障卡或银行卡").await?;
    attach_photo(client).await?;
    by_role(client, "button", "下一步").await?.click().await?;
    answer_typed(client, "钱发到哪张银行卡", "6222020200112233446").await?;
    answer_choice(client, "是不是别人帮您办理", "否").await?;
    by_role(client, "heading", "请核对您填写的内容").await?;
    Ok(())
}

#[tokio::test]
async fn a_citizen_finds_applies_and_follows_the_case_to_its_end() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000001").await?;
    let id_number = zhang_id_number()?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        // The e-ID card comes down with the saved login.
        open_area_until(&client, "证照", "heading", "居民身份证").await?;
        by_role(&client, "link", "返回").await?.click().await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "heading", SERVER_ONLY_ITEM).await?;
        let search = client
            .find(fantoccini::Locator::Css("input[type=search]"))
            .await?;
        search.send_keys("yanglao").await?;
        by_role(&client, "button", "找").await?.click().await?;
        by_role(&client, "link", PENSION_ITEM).await?.click().await?;
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
            "否",
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
        by_role(&client, "button", "打印回执").await?;
        let drawn = client
            .execute(
                "const img = document.querySelector('.qr img'); return img && img.complete && img.naturalWidth > 0;",
                vec![],
            )
            .await?;
        assert_eq!(drawn, serde_json::Value::Bool(true), "the QR code is drawn");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "apply-sent").await?;

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

        // 进度 pulls the news when it opens; the 补正 is answered in the app.
        by_role(&client, "link", "看办理进度").await?.click().await?;
        by_role(&client, "link", "返回").await?.click().await?;
        refresh_progress_until(&client, "要补材料").await?;
        by_role(&client, "link", PENSION_ITEM).await?.click().await?;
        text_of_role_containing(&client, "heading", "需要您补充材料").await?;
        assert!(main_text(&client).await?.contains("请补充银行卡背面的照片"));
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

        // Approved: the case shows 办结 with every step.
        platform.officer("officer02", &["approve", &number, "--remark", "准予"])?;
        by_role(&client, "link", "返回").await?.click().await?;
        refresh_progress_until(&client, "已办结，请您评价").await?;
        by_role(&client, "link", PENSION_ITEM).await?.click().await?;
        let case = main_text(&client).await?;
        assert!(case.contains("现在：办结"), "{case}");
        assert!(case.contains(&number), "{case}");
        assert!(case.contains("材料齐全"), "the officer's remark shows: {case}");
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "case-finished").await?;

        // 好差评: five choices in words; 非常满意 goes out through the outbox.
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
    close_logged_in(client, &keychain, outcome).await
}

#[tokio::test]
async fn a_citizen_files_a_request_and_follows_it_round_the_loop() -> TestResult {
    let platform = Platform::start(&env_path("HUIBAN_E2E_PLATFORM"))?;
    let keychain = save_login(&platform, "13800000002").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "诉求").await?.click().await?;
        by_role(&client, "button", "提一个诉求").await?.click().await?;
        answer_choice(&client, "您想做什么？", "投诉").await?;
        answer_typed(
            &client,
            "请说一说是什么事",
            "小区门口的路灯坏了一个月，晚上出门看不见路。",
        )
        .await?;
        answer_typed(&client, "在什么地方？", "和平里街道示例社区北门").await?;
        by_role(&client, "heading", "有照片吗？").await?;
        by_role(&client, "button", "下一步").await?.click().await?;
        by_role(&client, "heading", "请核对您填写的内容").await?;
        by_role(&client, "button", "确认提交").await?.click().await?;
        text_of_role_containing(&client, "heading", "诉求已经送到").await?;
        let number = client
            .execute(
                "return document.querySelector('.confirmation .number').getAttribute('aria-label');",
                vec![],
            )
            .await?;
        let number = number.as_str().ok_or("no request number")?.to_owned();
        assert!(number.starts_with("SQ"), "a 诉求编号: {number}");
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

        by_role(&client, "link", "看诉求进度").await?.click().await?;
        by_role(&client, "link", "返回").await?.click().await?;
        refresh_progress_until(&client, "请您回答回访或评价").await?;
        by_role(&client, "link", "投诉：对某件事不满意").await?.click().await?;
        text_of_role_containing(&client, "heading", "部门的答复").await?;
        assert!(main_text(&client).await?.contains("路灯已经修好了"));
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "request-replied").await?;

        // 回访, then 评价 (the page may redraw as fresh copies arrive, swallowing a click).
        // The timeline says 问题解决了吗？ too: wait for what only the 回访 page has.
        click_until_shown(&client, "link", "回答回访", "提交回答").await?;
        for legend in ["问题解决了吗？", "办理部门和您联系过吗？"] {
            let xpath = format!(
                "//fieldset[legend[normalize-space(.)='{legend}']]//label[normalize-space(.)='是']"
            );
            click_xpath(&client, &xpath).await?;
        }
        by_role(&client, "button", "提交回答").await?.click().await?;
        by_role(&client, "link", "去评价").await?.click().await?;
        click_xpath(&client, "//main//label[contains(@class,'choice')][normalize-space(.)='非常满意']").await?;
        by_role(&client, "button", "提交评价").await?.click().await?;
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

#[tokio::test]
async fn the_platform_stops_as_the_form_is_sent_and_the_form_arrives_by_itself_once() -> TestResult
{
    let platform_binary = env_path("HUIBAN_E2E_PLATFORM");
    let platform_data = tempfile::tempdir()?;
    let bind = format!("127.0.0.1:{}", free_port()?);
    let platform = Platform::start_in(&platform_binary, platform_data.path(), &bind)?;
    let keychain = save_login(&platform, "13800000001").await?;
    let (_driver, client, _data) = fresh_app(&platform.url, &[]).await?;
    let outcome = async {
        past_first_run(&client).await?;
        by_role(&client, "link", "办事").await?.click().await?;
        by_role(&client, "link", PENSION_ITEM)
            .await?
            .click()
            .await?;
        by_role(&client, "button", "开始办理")
            .await?
            .click()
            .await?;
        answer_typed(&client, "您的姓名", "张秀英").await?;
        answer_pension_form_from_the_id_number(&client, &zhang_id_number()?).await?;

        // The platform goes away just as 确认提交 is pressed: the form waits here, and the person
        // is told there is nothing more to do.
        drop(platform);
        by_role(&client, "button", "确认提交")
            .await?
            .click()
            .await?;
        text_of_role_containing(&client, "status", "联网后会自动送出").await?;
        check_drawn_page(&client, 24.0).await?;
        screenshot(&client, "apply-waiting").await?;

        // It comes back at the same address; nobody touches anything.
        let platform = Platform::start_in(&platform_binary, platform_data.path(), &bind)?;
        text_of_role_containing(&client, "heading", "申请已经送到").await?;
        let cases = huiban_platform::Store::open(platform.data_dir())?.case_numbers_of(
            "c-demo-zhang",
            None,
            100,
        )?;
        assert_eq!(cases.len(), 1, "exactly one case arrived: {cases:?}");
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    close_logged_in(client, &keychain, outcome).await
}

/// The household item: its form asks who lives with the applicant, any number of them.
const HOUSEHOLD_ITEM: &str = "最低生活保障申请";

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

        // The family: one member added, one question a page, then listed in words.
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
        answer_choice(&client, "是不是别人帮您办理", "否").await?;

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
        by_role(&client, "heading", huiban_e2e::page::HOME_HEADING).await?;
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

/// Logs `phone` in through the app's own 登录 pages, with the code the platform sent.
async fn log_in_through_the_app(
    client: &fantoccini::Client,
    platform: &Platform,
    phone: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    by_role(client, "link", "登录").await?.click().await?;
    by_role(client, "heading", "您的手机号码是多少？").await?;
    client
        .find(fantoccini::Locator::Css("input[type=tel]"))
        .await?
        .send_keys(phone)
        .await?;
    // A code sent to this phone less than a minute ago means waiting, as the page says.
    for _ in 0..20 {
        by_role(client, "button", "获取验证码")
            .await?
            .click()
            .await?;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if !main_text(client).await?.contains("验证码刚刚发过") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
    }
    by_role(client, "heading", "请输入短信里的6位验证码").await?;
    let code = huiban_platform::demo_accounts::last_login_code(
        &huiban_platform::Store::open(platform.data_dir())?,
        phone,
    )
    .ok_or("no code was sent")?;
    client
        .find(fantoccini::Locator::Css(
            "input[autocomplete=one-time-code]",
        ))
        .await?
        .send_keys(&code)
        .await?;
    by_role(client, "button", "登录").await?.click().await?;
    by_role(client, "button", "退出").await?;
    Ok(())
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
