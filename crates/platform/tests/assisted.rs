//! Assisted sessions over real HTTP: identify, consent, act as 代理人 for that resident only, close.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{TestPlatform, valid_id_number};
use huiban_api::{Application, AssistedSession, HandlingChannel, SessionStatus};
use huiban_platform::assisted as assisted_limits;
use serde_json::json;

#[tokio::test]
async fn staff_act_for_one_consenting_resident_and_she_sees_it() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    let zhang_id = valid_id_number("11010119440315102");
    let start = |id: String, name: &str| {
        platform.call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&staff),
            Some(json!({"id_number": id, "name": name})),
        )
    };
    start("11010119440315102".into(), "张秀英")
        .await
        .expect_error(422, "invalid_id_number");
    // A name that does not go with the ID number answers like a right one (no identity oracle):
    // the same status, no phone shown, and no SMS to anyone; its code is simply never right.
    let texts_before = platform.store.sent_sms().unwrap().len();
    let wrong_name = start(zhang_id.clone(), "张秀").await;
    assert_eq!(wrong_name.status.as_u16(), 201, "{}", wrong_name.body);
    let wrong_name: AssistedSession = serde_json::from_value(wrong_name.body).unwrap();
    assert_eq!(wrong_name.status, SessionStatus::AwaitingConsent);
    assert_eq!(
        (
            wrong_name.resident_name.as_str(),
            wrong_name.resident_phone_masked.as_deref()
        ),
        ("张秀", None)
    );
    assert_eq!(platform.store.sent_sms().unwrap().len(), texts_before);
    let opened = start(zhang_id, "张秀英").await;
    assert_eq!(opened.status.as_u16(), 201, "{}", opened.body);
    let session: AssistedSession = serde_json::from_value(opened.body).unwrap();
    assert_eq!(session.status, SessionStatus::AwaitingConsent);
    assert_eq!(
        (
            session.resident_name.as_str(),
            session.resident_phone_masked.as_deref()
        ),
        ("张秀英", None),
        "the same shape as a pair that matches nobody"
    );
    assert_eq!(session.staff_name, "赵敏");
    let id = session.session_id.clone();
    for _ in 0..5 {
        platform
            .call(
                "POST",
                &format!(
                    "/api/v1/assisted-sessions/{}/consent",
                    wrong_name.session_id
                ),
                Some(&staff),
                Some(json!({"method": "sms_code", "code": "123456"})),
            )
            .await
            .expect_error(400, "invalid_consent_code");
    }

    // Before consent the session cannot be used.
    platform
        .acting("GET", "/api/v1/applications", &staff, &id, None)
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
    assert_eq!(
        consented.resident_phone_masked.as_deref(),
        Some("138****0001"),
        "once she agreed, staff see whom they act for"
    );
    let told = platform.store.sent_sms().unwrap().pop().unwrap();
    assert!(told.text.contains("开始为您代办业务"), "{}", told.text);

    // Staff file an application for her; it carries the 代理人 fields.
    let body = platform.application_for("高龄津贴").await;
    let filed = platform
        .acting("POST", "/api/v1/applications", &staff, &id, Some(body))
        .await;
    assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
    let case: Application = serde_json::from_value(filed.body).unwrap();
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    let agent = case.agent.clone().unwrap();
    assert_eq!(agent.name, "赵敏");
    assert_eq!(agent.relation, "东城区政务服务中心工作人员");
    assert_eq!(agent.centre.as_deref(), Some("东城区政务服务中心"));
    assert_eq!(
        case.channel,
        HandlingChannel::Counter,
        "a case staff file for her is a counter case, whatever channel the body named"
    );

    // In the session, her account is the one her forms are filled in from; outside it, his own.
    let her = platform
        .acting("GET", "/api/v1/me", &staff, &id, None)
        .await;
    assert_eq!(her.body["name"], "张秀英", "{}", her.body);
    assert_eq!(her.body["role"], "citizen");
    let own = platform.call("GET", "/api/v1/me", Some(&staff), None).await;
    assert_eq!(own.body["name"], "赵敏", "{}", own.body);

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
        platform
            .acting("GET", &path, &staff, &id, None)
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
    platform
        .acting("GET", &li_path, &staff, &id, None)
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
    let told = platform.store.sent_sms().unwrap().pop().unwrap();
    assert!(told.text.contains("为您代办已经结束"), "{}", told.text);
    platform
        .acting("GET", "/api/v1/applications", &staff, &id, None)
        .await
        .expect_error(403, "session_not_open");

    // She can see who acted for her and what they did.
    let seen = platform.acted_for_me(&zhang.access_token).await;
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
async fn who_may_use_sessions() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    let id = platform.session_for_zhang(&staff).await;
    // A citizen cannot use a session header, nor open sessions; officers neither.
    let citizen = platform.citizen_login("13800000003").await;
    platform
        .acting(
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
    platform
        .acting("GET", "/api/v1/applications", &officer, &id, None)
        .await
        .expect_error(403, "forbidden");
}

#[tokio::test]
async fn starts_are_limited_per_staff_member_and_per_resident() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    let wang_id = valid_id_number("11010119381120024");
    let start = |id: String| {
        platform.call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&staff),
            Some(json!({"id_number": id, "name": "王淑芬"})),
        )
    };
    for _ in 0..assisted_limits::STARTS_PER_RESIDENT {
        assert_eq!(start(wang_id.clone()).await.status.as_u16(), 201);
    }
    let refused = start(wang_id).await;
    refused.expect_error(429, "too_many_assisted_sessions");
    assert!(refused.headers.contains_key("retry-after"));
    // Other residents can still be served, up to the staff member's own limit.
    let mut served = assisted_limits::STARTS_PER_RESIDENT;
    let mut n = 0_u32;
    while served < assisted_limits::STARTS_PER_STAFF {
        let id = valid_id_number(&format!("11010119500101{n:03}"));
        n += 1;
        if start(id).await.status.as_u16() == 201 {
            served += 1;
        }
    }
    start(valid_id_number("11010119600101999"))
        .await
        .expect_error(429, "too_many_assisted_sessions");
}

#[tokio::test]
async fn a_session_reaches_only_what_the_errand_needs() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    // 张秀英 filed a complaint and a consultation herself, and has a message.
    let zhang = platform.citizen_login("13800000001").await;
    let mut numbers = Vec::new();
    for (kind, key) in [
        ("complaint", "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a60"),
        ("consultation", "2b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a61"),
    ] {
        let filed = platform
            .post_with_key(
                "/api/v1/requests",
                &zhang.access_token,
                key,
                &json!({"kind": kind, "description": "窗口办事排队太久", "channel": "desktop"}),
            )
            .await;
        assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
        numbers.push(filed.body["request_no"].as_str().unwrap().to_owned());
    }
    // She agrees to a session.
    let id = platform.session_for_zhang(&staff).await;

    // Her 投诉 is out of the session's reach; her consultation is not.
    let seen = platform
        .acting("GET", "/api/v1/requests", &staff, &id, None)
        .await;
    let kinds: Vec<&str> = seen
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["consultation"], "{}", seen.body);
    platform
        .acting(
            "GET",
            &format!("/api/v1/requests/{}", numbers[0]),
            &staff,
            &id,
            None,
        )
        .await
        .expect_error(404, "request_not_found");
    assert_eq!(
        platform
            .acting(
                "GET",
                &format!("/api/v1/requests/{}", numbers[1]),
                &staff,
                &id,
                None
            )
            .await
            .status
            .as_u16(),
        200
    );
    for kind in ["complaint", "report"] {
        platform
            .acting(
                "POST",
                "/api/v1/requests",
                &staff,
                &id,
                Some(json!({"kind": kind, "description": "代她投诉", "channel": "offline"})),
            )
            .await
            .expect_error(403, "only_the_resident");
    }
    // A consultation filed for her carries the clerk as 代理人, and came in person (线下) whatever
    // the body says.
    let filed = platform
        .acting(
            "POST",
            "/api/v1/requests",
            &staff,
            &id,
            Some(json!({"kind": "consultation", "description": "高龄津贴哪天发？", "channel": "desktop"})),
        )
        .await;
    assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
    assert_eq!(filed.body["channel"], "offline");
    assert_eq!(filed.body["agent"]["name"], "赵敏");
    assert_eq!(filed.body["agent"]["centre"], "东城区政务服务中心");
    // Staff may not read her messages, give 好差评 or 评价 for her, answer her 回访, nor mark her
    // messages read.
    platform
        .acting(
            "GET",
            "/api/v1/messages?cursor=0&limit=10",
            &staff,
            &id,
            None,
        )
        .await
        .expect_error(403, "only_the_resident");
    let inbox = platform
        .call(
            "GET",
            "/api/v1/messages?cursor=0&limit=10",
            Some(&zhang.access_token),
            None,
        )
        .await;
    let message_id = inbox.body["messages"][0]["message_id"].as_i64().unwrap();
    for (path, body) in [
        (format!("/api/v1/messages/{message_id}/read"), None),
        (
            "/api/v1/applications/ANY/evaluation".to_owned(),
            Some(json!({"level": 1})),
        ),
        (
            format!("/api/v1/requests/{}/evaluation", numbers[1]),
            Some(json!({"level": 1})),
        ),
        (
            format!("/api/v1/requests/{}/follow-up", numbers[1]),
            Some(json!({"resolved": true, "contacted": true})),
        ),
    ] {
        platform
            .acting("POST", &path, &staff, &id, body)
            .await
            .expect_error(403, "only_the_resident");
    }
}
