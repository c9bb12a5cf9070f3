//! 请工作人员给我回电话 over HTTP: a resident's call-back reaches the staff of her district's
//! centre with the phone to call, is marked called once (answered in the name of the clerk who
//! called), and another district's centre neither sees nor touches it.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{CallBacks, RequestStatus, ServiceRequest};
use serde_json::json;

async fn call_backs(platform: &TestPlatform, token: &str) -> CallBacks {
    let answer = platform
        .call("GET", "/api/v1/centre/call-backs", Some(token), None)
        .await;
    assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
    serde_json::from_value(answer.body).unwrap()
}

async fn filed(platform: &TestPlatform, token: &str, body: serde_json::Value) -> String {
    let answer = platform
        .post_with_key(
            "/api/v1/requests",
            token,
            &uuid::Uuid::new_v4().to_string(),
            &body,
        )
        .await;
    assert_eq!(answer.status.as_u16(), 201, "{}", answer.body);
    answer.body["request_no"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn her_call_back_reaches_her_district_s_centre_and_is_marked_called_once() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let zhao = platform.clerk_token().await;
    let far_clerk = platform.staff_token_made("s-test-xi", "周红", "西城区政务服务中心");
    assert!(call_backs(&platform, &zhao).await.call_backs.is_empty());

    // A 求助 without the call-back, and a complaint that says it wants one, are not call-backs.
    filed(
        &platform,
        &zhang,
        json!({"kind": "help", "description": "想学用手机挂号", "channel": "desktop"}),
    )
    .await;
    filed(
        &platform,
        &zhang,
        json!({"kind": "complaint", "description": "路灯坏了", "channel": "desktop", "call_back": true}),
    )
    .await;
    let number = filed(
        &platform,
        &zhang,
        json!({"kind": "help", "description": "请工作人员给我回电话。我当时在看：高龄津贴申领。", "channel": "desktop", "call_back": true}),
    )
    .await;

    // 赵敏 (东城区) sees it with the phone to call; 周红 (西城区) does not, nor can she mark it.
    let open = call_backs(&platform, &zhao).await.call_backs;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].request_no, number);
    assert_eq!(open[0].name.as_deref(), Some("张秀英"));
    assert_eq!(open[0].phone, "13800000001");
    assert!(open[0].description.contains("高龄津贴申领"));
    assert!(
        call_backs(&platform, &far_clerk)
            .await
            .call_backs
            .is_empty()
    );
    let called = format!("/api/v1/centre/call-backs/{number}/called");
    platform
        .call("POST", &called, Some(&far_clerk), None)
        .await
        .expect_error(404, "call_back_not_found");

    // 赵敏 called her: it leaves the list, and she reads who called in her 诉求.
    let after = platform.call("POST", &called, Some(&zhao), None).await;
    assert_eq!(after.status.as_u16(), 200, "{}", after.body);
    assert!(
        serde_json::from_value::<CallBacks>(after.body)
            .unwrap()
            .call_backs
            .is_empty()
    );
    platform
        .call("POST", &called, Some(&zhao), None)
        .await
        .expect_error(404, "call_back_not_found");
    let hers: ServiceRequest = serde_json::from_value(
        platform
            .call(
                "GET",
                &format!("/api/v1/requests/{number}"),
                Some(&zhang),
                None,
            )
            .await
            .body,
    )
    .unwrap();
    assert!(hers.call_back);
    assert_eq!(hers.status, RequestStatus::Replied);
    assert_eq!(hers.reply.as_deref(), Some("赵敏已经给您回过电话了。"));
    assert_eq!(hers.department.as_deref(), Some("东城区政务服务中心"));
}
