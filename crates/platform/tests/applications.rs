//! Applications over real HTTP: exactly-once submission, ownership, answers checked by the app's rules.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{Application, CaseStatus};
use serde_json::json;

const KEY: &str = "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10";

fn case(answer: &common::Answer) -> Application {
    answer.case()
}

#[tokio::test]
async fn a_citizen_submits_and_sees_the_case_with_its_deadline() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    let answer = platform.submit(&tokens.access_token, KEY, &body).await;
    assert_eq!(answer.status.as_u16(), 201, "{}", answer.body);
    let created = case(&answer);
    // Region, Beijing date, then a daily sequence.
    assert_eq!(created.application_no, "11010120260302000001");
    assert_eq!(created.status, CaseStatus::Submitted);
    assert_eq!(created.applicant_name.as_deref(), Some("张秀英"));
    assert_eq!(created.submitted_at, "2026-03-02T09:00:00+08:00");
    assert_eq!(
        created.withdrawable_until.as_deref(),
        Some("2026-03-02T09:10:00+08:00")
    );
    // 15 working days from Monday 2 March 2026.
    assert_eq!(created.promised_by, "2026-03-23");
    assert_eq!(created.overdue_days, 0);
    assert_eq!(created.steps.len(), 1);

    let list = platform
        .call(
            "GET",
            "/api/v1/applications",
            Some(&tokens.access_token),
            None,
        )
        .await;
    assert_eq!(list.body.as_array().unwrap().len(), 1);
    let detail = platform
        .call(
            "GET",
            &format!("/api/v1/applications/{}", created.application_no),
            Some(&tokens.access_token),
            None,
        )
        .await;
    assert_eq!(case(&detail), created);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_concurrent_identical_submissions_make_exactly_one_case() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let (http, url, token, body) = (
            platform.http.clone(),
            format!("{}/api/v1/applications", platform.base),
            tokens.access_token.clone(),
            body.clone(),
        );
        requests.spawn(async move {
            let response = http
                .post(url)
                .bearer_auth(token)
                .header("Idempotency-Key", KEY)
                .json(&body)
                .send()
                .await
                .unwrap();
            let replayed = response.headers().contains_key("idempotent-replayed");
            assert_eq!(response.status().as_u16(), 201);
            let case: Application = response.json().await.unwrap();
            (case.application_no, replayed)
        });
    }
    let answers = requests.join_all().await;
    let numbers: std::collections::HashSet<&String> =
        answers.iter().map(|(number, _)| number).collect();
    assert_eq!(numbers.len(), 1);
    assert_eq!(answers.iter().filter(|(_, replayed)| *replayed).count(), 49);
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_same_key_with_another_body_is_refused() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    platform.submit(&tokens.access_token, KEY, &body).await;
    let mut other = body.clone();
    other["answers"]["address"] = json!("另一个地址");
    platform
        .submit(&tokens.access_token, KEY, &other)
        .await
        .expect_error(422, "idempotency_key_reused");
    let no_key = platform
        .call(
            "POST",
            "/api/v1/applications",
            Some(&tokens.access_token),
            Some(body),
        )
        .await;
    no_key.expect_error(400, "idempotency_key_required");
}

#[tokio::test]
async fn missing_and_wrong_answers_are_named_in_plain_words() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let mut body = platform.application_for("高龄津贴").await;
    body["answers"]["phone"] = json!(" ");
    let error = platform
        .submit(&tokens.access_token, KEY, &body)
        .await
        .expect_error(422, "answer_required");
    assert_eq!(error.field.as_deref(), Some("phone"));
    assert_eq!(error.message, "还没有回答：您的手机号码");

    body["answers"]["phone"] = json!("13800000001");
    let valid = common::valid_id_number("11010119440315102");
    let wrong_check = if valid.ends_with('1') {
        "110101194403151020"
    } else {
        "110101194403151021"
    };
    body["answers"]["id_number"] = json!(wrong_check);
    let error = platform
        .submit(
            &tokens.access_token,
            "5c2e1d9a-8f41-4a6b-9e0d-3b7c2a1f4e55",
            &body,
        )
        .await
        .expect_error(422, "invalid_id_number");
    assert_eq!(error.field.as_deref(), Some("id_number"));

    body["form_version"] = json!(0);
    platform
        .submit(
            &tokens.access_token,
            "7d3f2e1b-9a52-4b7c-8f1e-4c8d3b2a5f66",
            &body,
        )
        .await
        .expect_error(409, "form_outdated");
}

#[tokio::test]
async fn a_citizen_cannot_reach_another_citizens_case() {
    let platform = TestPlatform::start().await;
    let owner = platform.citizen_login("13800000001").await;
    let other = platform.citizen_login("13800000002").await;
    let body = platform.application_for("高龄津贴").await;
    let number = case(&platform.submit(&owner.access_token, KEY, &body).await).application_no;
    let path = |tail: &str| format!("/api/v1/applications/{number}{tail}");
    let token = Some(other.access_token.as_str());
    platform
        .call("GET", &path(""), token, None)
        .await
        .expect_error(404, "application_not_found");
    platform
        .call("POST", &path("/withdraw"), token, Some(json!({})))
        .await
        .expect_error(404, "application_not_found");
    platform
        .call(
            "POST",
            &path("/supplements"),
            token,
            Some(json!({"answers": {}})),
        )
        .await
        .expect_error(404, "application_not_found");
    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 1})),
        )
        .await
        .expect_error(404, "application_not_found");
    let list = platform
        .call("GET", "/api/v1/applications", token, None)
        .await;
    assert!(list.body.as_array().unwrap().is_empty());
    // Officers and staff do not file citizens' applications on their own account.
    let staff = platform.password_login("staff01", "huiban-staff-01").await;
    let staff_token = staff.body["access_token"].as_str().unwrap().to_owned();
    platform
        .submit(&staff_token, KEY, &body)
        .await
        .expect_error(403, "forbidden");
}

#[tokio::test]
async fn a_question_asked_only_on_a_condition_is_required_only_then() {
    let platform = TestPlatform::start().await;
    let token = platform.citizen_login("13800000001").await.access_token;
    let mut body = platform.application_for("高龄津贴").await;
    body["answers"]
        .as_object_mut()
        .unwrap()
        .remove("agent_name");
    let alone = platform
        .submit(&token, "6b0f6c1e-1111-4c8e-9d2a-1f2e3d4c5b6a", &body)
        .await;
    assert_eq!(alone.status.as_u16(), 201, "{:?}", alone.body);

    body["answers"]["by_agent"] = serde_json::json!(true);
    let helped = platform
        .submit(&token, "6b0f6c1e-2222-4c8e-9d2a-1f2e3d4c5b6a", &body)
        .await;
    let error = helped.expect_error(422, "answer_required");
    assert!(
        error.message.contains("帮您办理的人叫什么名字"),
        "{}",
        error.message
    );
}

#[tokio::test]
async fn a_retry_gets_the_first_answer_even_after_the_form_changed() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    let first = case(&platform.submit(&tokens.access_token, KEY, &body).await);
    // The answer was lost; meanwhile the department published a newer version of the form.
    let form_id = body["form_id"].as_str().unwrap();
    let version = u32::try_from(body["form_version"].as_u64().unwrap()).unwrap();
    let mut newer = platform.store.form(form_id, version).unwrap().unwrap();
    newer.version = version + 1;
    platform.store.publish_forms(&[newer.clone()]).unwrap();
    let mut item = platform
        .store
        .catalog_item(body["impl_code"].as_str().unwrap())
        .unwrap()
        .unwrap();
    item.form = Some(huiban_api::FormRef {
        form_id: form_id.to_owned(),
        version: newer.version,
    });
    platform.store.upsert_catalog_items(&[item]).unwrap();

    let retried = platform.submit(&tokens.access_token, KEY, &body).await;
    assert_eq!(retried.status.as_u16(), 201, "{}", retried.body);
    assert_eq!(case(&retried).application_no, first.application_no);
    assert_eq!(retried.headers["idempotent-replayed"], "true");
    // A new application on the old version is told of the newer one.
    platform
        .submit(
            &tokens.access_token,
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            &body,
        )
        .await
        .expect_error(409, "form_outdated");
}

#[tokio::test]
async fn an_application_names_only_files_the_applicant_uploaded() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await;
    let li = platform.citizen_login("13800000002").await;
    let mut body = platform.application_for("高龄津贴").await;
    // 李建国 uploads a photo; 张秀英 names it by its hash in her own application.
    let upload = platform
        .http
        .post(format!("{}/api/v1/attachments", platform.base))
        .bearer_auth(&li.access_token)
        .body(b"\x89PNG\r\n\x1a\n li's household register".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status().as_u16(), 201);
    let theirs: serde_json::Value = upload.json().await.unwrap();
    let material = body["answers"]
        .as_object()
        .unwrap()
        .keys()
        .find(|id| id.starts_with("material_"))
        .unwrap()
        .clone();
    body["answers"][&material] = theirs["sha256"].clone();
    let error = platform
        .submit(&zhang.access_token, KEY, &body)
        .await
        .expect_error(422, "not_held");
    assert_eq!(error.field.as_deref(), Some(material.as_str()));
    // The same application naming her own files goes through.
    let mine = platform.application_for("高龄津贴").await;
    assert_eq!(
        platform
            .submit(&zhang.access_token, KEY, &mine)
            .await
            .status
            .as_u16(),
        201
    );
}

#[tokio::test]
async fn the_platform_refuses_what_the_apps_rules_refuse() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    // Each answer broken as a tampered or outdated client might send it.
    let broken = [
        ("bank_card", json!("6222020200112233445"), "invalid_answer"),
        ("address", json!("和平里"), "invalid_answer"),
        ("phone", json!("1380000"), "invalid_answer"),
        ("applicant_name", json!("张".repeat(101)), "invalid_answer"),
        (
            "id_number",
            json!("110101194403151020"),
            "invalid_id_number",
        ),
        ("by_agent", json!("不是"), "invalid_answer"),
    ];
    for (id, value, code) in broken {
        let mut tampered = body.clone();
        tampered["answers"][id] = value;
        let error = platform
            .submit(&zhang.access_token, KEY, &tampered)
            .await
            .expect_error(422, code);
        assert_eq!(error.field.as_deref(), Some(id), "{error:?}");
        assert!(!error.message.contains("Question"), "{}", error.message);
    }
    assert_eq!(
        platform
            .submit(&zhang.access_token, KEY, &body)
            .await
            .status
            .as_u16(),
        201
    );
}
