//! Requests (诉求) over real HTTP: the whole closed loop, ownership, plain errors.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{RequestStatus, ServiceRequest};
use huiban_platform::requests::{self, OfficerRequestMove};
use serde_json::json;

fn parsed(answer: &common::Answer) -> ServiceRequest {
    serde_json::from_value(answer.body.clone()).unwrap_or_else(|e| panic!("{e}: {}", answer.body))
}

#[tokio::test]
async fn a_complaint_goes_round_the_whole_loop() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    let tokens = platform.citizen_login("13800000002").await;
    let token = Some(tokens.access_token.as_str());
    let filed = platform
        .call(
            "POST",
            "/api/v1/requests",
            token,
            Some(json!({
                "kind": "complaint",
                "description": "小区门口的路灯坏了一个月，晚上出门看不见路。",
                "location": "和平里街道示例社区北门",
                "photos": ["a".repeat(64)],
                "channel": "desktop",
            })),
        )
        .await;
    assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
    let filed = parsed(&filed);
    assert_eq!(filed.status, RequestStatus::Accepted);
    assert!(filed.request_no.starts_with("SQ20260302"));
    let number = filed.request_no.clone();

    let officer =
        |action| requests::officer_move(&state, "刘洋", "北京市东城区民政局", &number, action);
    officer(OfficerRequestMove::Dispatch(None)).unwrap();
    officer(OfficerRequestMove::Handle).unwrap();
    officer(OfficerRequestMove::Escalate).unwrap();
    officer(OfficerRequestMove::Reply(
        "已联系街道，路灯已于今天修好。".into(),
    ))
    .unwrap();
    // Another department cannot touch it now that it is dispatched.
    let other = requests::officer_move(
        &state,
        "陈静",
        "北京市东城区人力资源和社会保障局",
        &number,
        OfficerRequestMove::Close,
    );
    assert!(matches!(
        other,
        Err(requests::RequestError::OtherDepartment)
    ));
    officer(OfficerRequestMove::Close).unwrap();
    officer(OfficerRequestMove::Revisit).unwrap();

    let path = |tail: &str| format!("/api/v1/requests/{number}{tail}");
    let answered = platform
        .call(
            "POST",
            &path("/follow-up"),
            token,
            Some(json!({"resolved": true, "contacted": true, "comment": "谢谢"})),
        )
        .await;
    assert_eq!(parsed(&answered).status, RequestStatus::Revisited);
    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 4})),
        )
        .await
        .expect_error(422, "reason_required");
    let rated = parsed(
        &platform
            .call(
                "POST",
                &path("/evaluation"),
                token,
                Some(json!({"level": 1})),
            )
            .await,
    );
    assert_eq!(rated.status, RequestStatus::Evaluated);
    assert_eq!(
        rated.reply.as_deref(),
        Some("已联系街道，路灯已于今天修好。")
    );
    assert_eq!(rated.department.as_deref(), Some("北京市东城区民政局"));
    let loop_: Vec<RequestStatus> = rated.steps.iter().map(|s| s.status).collect();
    use RequestStatus as S;
    assert_eq!(
        loop_,
        [
            S::Accepted,
            S::Dispatched,
            S::Handling,
            S::Supervised,
            S::Replied,
            S::Closed,
            S::Revisiting,
            S::Revisited,
            S::Evaluated
        ]
    );
    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 1})),
        )
        .await
        .expect_error(409, "wrong_status");

    // Every step reached the inbox.
    let inbox = platform
        .call("GET", "/api/v1/messages?limit=200", token, None)
        .await;
    let about: Vec<_> = inbox.body["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["request_no"] == number.as_str())
        .collect();
    assert_eq!(about.len(), 9);
}

#[tokio::test]
async fn requests_are_private_and_checked() {
    let platform = TestPlatform::start().await;
    let owner = platform.citizen_login("13800000002").await;
    let other = platform.citizen_login("13800000003").await;
    let empty = platform
        .call(
            "POST",
            "/api/v1/requests",
            Some(&owner.access_token),
            Some(json!({"kind": "help", "description": "  ", "channel": "app"})),
        )
        .await;
    assert_eq!(
        empty
            .expect_error(422, "description_required")
            .field
            .as_deref(),
        Some("description")
    );
    let photos = platform
        .call(
            "POST",
            "/api/v1/requests",
            Some(&owner.access_token),
            Some(json!({"kind": "help", "description": "求助", "photos": ["../../etc/passwd"], "channel": "app"})),
        )
        .await;
    photos.expect_error(422, "invalid_photos");
    let filed = parsed(
        &platform
            .call("POST", "/api/v1/requests", Some(&owner.access_token), Some(json!({"kind": "consultation", "description": "怎么办老年卡？", "channel": "kiosk"})))
            .await,
    );
    let path = format!("/api/v1/requests/{}", filed.request_no);
    platform
        .call("GET", &path, Some(&other.access_token), None)
        .await
        .expect_error(404, "request_not_found");
    platform
        .call(
            "POST",
            &format!("{path}/follow-up"),
            Some(&other.access_token),
            Some(json!({"resolved": true, "contacted": true})),
        )
        .await
        .expect_error(404, "request_not_found");
    let theirs = platform
        .call("GET", "/api/v1/requests", Some(&other.access_token), None)
        .await;
    assert!(theirs.body.as_array().unwrap().is_empty());
    // A follow-up before any 回访 was asked is refused.
    platform
        .call(
            "POST",
            &format!("{path}/follow-up"),
            Some(&owner.access_token),
            Some(json!({"resolved": true, "contacted": true})),
        )
        .await
        .expect_error(409, "wrong_status");
}

#[tokio::test]
async fn a_request_filed_again_under_its_key_is_the_same_request() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000002").await;
    let body = json!({
        "kind": "suggestion",
        "description": "希望社区卫生服务中心周末也开门。",
        "location": null,
        "photos": [],
        "channel": "desktop",
    });
    let key = "5b0c2c2e-8f0e-4d7a-9a57-0d6f1b2c3d4e";
    let first = platform
        .post_with_key("/api/v1/requests", &tokens.access_token, key, &body)
        .await;
    assert_eq!(first.status.as_u16(), 201, "{}", first.body);
    let again = platform
        .post_with_key("/api/v1/requests", &tokens.access_token, key, &body)
        .await;
    assert_eq!(parsed(&again).request_no, parsed(&first).request_no);
    let other = platform
        .post_with_key(
            "/api/v1/requests",
            &tokens.access_token,
            "0f1e2d3c-4b5a-4697-8877-665544332211",
            &body,
        )
        .await;
    assert_ne!(parsed(&other).request_no, parsed(&first).request_no);
    let listed = platform
        .call("GET", "/api/v1/requests", Some(&tokens.access_token), None)
        .await;
    assert_eq!(listed.body.as_array().unwrap().len(), 2, "{}", listed.body);
}
