//! The real app binary, driven over WebDriver, against the real platform server over HTTP.
//! Nothing confirmed is lost: queued while offline, kept across restarts, sent exactly once.

use huiban_e2e::driver::TauriDriver;
use huiban_e2e::page::{by_role, past_first_run, screenshot, text_of_role_containing};
use huiban_e2e::platform::{Platform, Restartable};
use huiban_e2e::prelude::*;
use huiban_e2e::{TestResult, env_path, free_port};

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
    let application = huiban_demo::sample_application("高龄津贴", "11010119500801013")
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
        let form = huiban_demo::form_definitions()
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
        // Home offers it again, and 我没办完的事 says nothing is left but sending it.
        text_of_role_containing(&client, "link", "还没填完，接着填").await?;
        let unfinished = invoke(&client, "drafts_unfinished", serde_json::json!({})).await?;
        let listed = unfinished
            .as_array()
            .and_then(|all| all.iter().find(|d| d["draft_id"] == draft_id.as_str()))
            .ok_or("not among 我没办完的事")?;
        assert_eq!(listed["left_words"], "问题都回答了，还没有提交");
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

#[tokio::test]
async fn the_platform_stops_as_the_form_is_sent_and_the_form_arrives_by_itself_once() -> TestResult
{
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
        let platform = home.start()?;
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
