//! Assisted sessions over real HTTP: identify, consent, act as 代理人 for that resident only, close.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{TestPlatform, valid_id_number};
use huiban_api::{ActedForMe, Application, AssistedSession, SessionStatus};
use serde_json::json;

/// A request with a staff token and an assisted-session header.
async fn acting(
    platform: &TestPlatform,
    method: &str,
    path: &str,
    token: &str,
    session: &str,
    body: Option<serde_json::Value>,
) -> common::Answer {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = platform
        .http
        .request(method, format!("{}{path}", platform.base))
        .bearer_auth(token)
        .header("assisted-session", session)
        .header("Idempotency-Key", "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c");
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap()
    };
    common::Answer {
        status,
        headers,
        body,
    }
}

#[tokio::test]
async fn staff_act_for_one_consenting_resident_and_she_sees_it() {
    let platform = TestPlatform::start().await;
    let staff = platform
        .password_login("staff01", "huiban-staff-01")
        .await
        .body["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let zhang_id = valid_id_number("11010119440315102");
    let start = |id: String, name: &str| {
        platform.call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&staff),
            Some(json!({"id_number": id, "name": name})),
        )
    };
    start(zhang_id.clone(), "张秀")
        .await
        .expect_error(404, "resident_not_found");
    start("11010119440315102".into(), "张秀英")
        .await
        .expect_error(422, "invalid_id_number");
    let opened = start(zhang_id, "张秀英").await;
    assert_eq!(opened.status.as_u16(), 201, "{}", opened.body);
    let session: AssistedSession = serde_json::from_value(opened.body).unwrap();
    assert_eq!(session.status, SessionStatus::AwaitingConsent);
    assert_eq!(
        session.resident_phone_masked.as_deref(),
        Some("138****0001")
    );
    assert_eq!(session.staff_name, "赵敏");
    let id = session.session_id.clone();

    // Before consent the session cannot be used.
    acting(&platform, "GET", "/api/v1/applications", &staff, &id, None)
        .await
        .expect_error(403, "session_not_open");

    let code = platform.last_code("13800000001");
    let sms = platform.store.sent_sms().unwrap().pop().unwrap();
    assert!(sms.text.contains("赵敏正在为您代办业务"), "{}", sms.text);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{id}/consent"),
            Some(&staff),
            Some(json!({"method": "sms_code", "code": wrong})),
        )
        .await
        .expect_error(400, "invalid_consent_code");
    let consented = platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{id}/consent"),
            Some(&staff),
            Some(json!({"method": "sms_code", "code": code})),
        )
        .await;
    let consented: AssistedSession = serde_json::from_value(consented.body).unwrap();
    assert_eq!(consented.status, SessionStatus::Open);
    assert_eq!(consented.consent_method.as_deref(), Some("sms_code"));

    // Staff file an application for her; it carries the 代理人 fields.
    let body = platform.application_for("高龄津贴").await;
    let filed = acting(
        &platform,
        "POST",
        "/api/v1/applications",
        &staff,
        &id,
        Some(body),
    )
    .await;
    assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
    let case: Application = serde_json::from_value(filed.body).unwrap();
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    let agent = case.agent.clone().unwrap();
    assert_eq!(agent.name, "赵敏");
    assert_eq!(agent.relation, "东城区政务服务中心工作人员");

    // She sees it in her own list; staff see it only through the session.
    let zhang = platform.citizen_login("13800000001").await;
    let hers = platform
        .call(
            "GET",
            "/api/v1/applications",
            Some(&zhang.access_token),
            None,
        )
        .await;
    assert_eq!(hers.body[0]["application_no"], case.application_no.as_str());
    let path = format!("/api/v1/applications/{}", case.application_no);
    assert_eq!(
        acting(&platform, "GET", &path, &staff, &id, None)
            .await
            .status
            .as_u16(),
        200
    );
    platform
        .call("GET", &path, Some(&staff), None)
        .await
        .expect_error(404, "application_not_found");

    // Another resident's case is out of reach in this session.
    let li = platform.citizen_login("13800000002").await;
    let li_body = platform.application_for("医保异地就医备案").await;
    let li_case = platform
        .submit(
            &li.access_token,
            "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10",
            &li_body,
        )
        .await;
    let li_path = format!(
        "/api/v1/applications/{}",
        li_case.body["application_no"].as_str().unwrap()
    );
    acting(&platform, "GET", &li_path, &staff, &id, None)
        .await
        .expect_error(404, "application_not_found");

    // After closing, the session no longer works.
    let closed = platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{id}/close"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(closed.body["status"], "closed");
    acting(&platform, "GET", "/api/v1/applications", &staff, &id, None)
        .await
        .expect_error(403, "session_not_open");

    // She can see who acted for her and what they did.
    let seen = platform
        .call(
            "GET",
            "/api/v1/me/acted-for-me",
            Some(&zhang.access_token),
            None,
        )
        .await;
    let seen: Vec<ActedForMe> = serde_json::from_value(seen.body).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].session.staff_name, "赵敏");
    let actions: Vec<&str> = seen[0].actions.iter().map(|a| a.action.as_str()).collect();
    assert!(
        actions.contains(&"POST /api/v1/applications"),
        "{actions:?}"
    );
    assert!(seen[0].actions.iter().all(|a| a.actor_name == "赵敏"));
}

#[tokio::test]
async fn signature_consent_and_who_may_use_sessions() {
    let platform = TestPlatform::start().await;
    let staff = platform
        .password_login("staff01", "huiban-staff-01")
        .await
        .body["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let li_id = valid_id_number("11010119500801013");
    let opened = platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&staff),
            Some(json!({"id_number": li_id, "name": "李建国"})),
        )
        .await;
    let id = opened.body["session_id"].as_str().unwrap().to_owned();
    platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{id}/consent"),
            Some(&staff),
            Some(json!({"method": "signature", "signature_sha256": "xyz"})),
        )
        .await
        .expect_error(422, "invalid_signature");
    let consented = platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{id}/consent"),
            Some(&staff),
            Some(json!({"method": "signature", "signature_sha256": "b".repeat(64)})),
        )
        .await;
    assert_eq!(consented.body["consent_method"], "signature");

    // A citizen cannot use a session header, nor open sessions; officers neither.
    let citizen = platform.citizen_login("13800000003").await;
    acting(
        &platform,
        "GET",
        "/api/v1/applications",
        &citizen.access_token,
        &id,
        None,
    )
    .await
    .expect_error(403, "forbidden");
    platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&citizen.access_token),
            Some(json!({"id_number": "x", "name": "y"})),
        )
        .await
        .expect_error(403, "forbidden");
    // Another staff member's session id is useless to anyone else.
    let officer = platform
        .password_login("officer01", "huiban-officer-01")
        .await
        .body["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    acting(
        &platform,
        "GET",
        "/api/v1/applications",
        &officer,
        &id,
        None,
    )
    .await
    .expect_error(403, "forbidden");
}
