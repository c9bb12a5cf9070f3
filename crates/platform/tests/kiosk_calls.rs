//! 请工作人员过来 over HTTP: a kiosk's call is seen by the staff of its own centre only, one of
//! them goes, the kiosk sees who is coming, and the call ends once; another centre's staff and
//! kiosks neither see nor touch it.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{KioskCall, KioskCalls, Role};
use huiban_platform::store::NewAccount;

/// A kiosk of another centre, made for the test: its access token.
fn other_centre_kiosk(platform: &TestPlatform) -> String {
    platform
        .store
        .create_account(
            &NewAccount {
                account_id: "k-test-xicheng".to_owned(),
                role: Role::KioskDevice,
                phone: None,
                username: Some("kiosk-xicheng".to_owned()),
                password_hash: None,
                name: Some("大厅2号自助机".to_owned()),
                id_number: None,
                department: Some("西城区政务服务中心".to_owned()),
            },
            0,
        )
        .unwrap();
    huiban_platform::auth::issue(&platform.state(), "k-test-xicheng", Role::KioskDevice)
        .unwrap()
        .access_token
}

async fn calls(platform: &TestPlatform, path: &str, token: &str) -> Vec<KioskCall> {
    let answer = platform.call("GET", path, Some(token), None).await;
    assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
    serde_json::from_value::<KioskCalls>(answer.body)
        .unwrap()
        .calls
}

#[tokio::test]
async fn a_kiosk_s_call_reaches_its_own_centre_s_staff_and_ends_once() {
    let platform = TestPlatform::start().await;
    let kiosk = platform.kiosk_token().await;
    let zhao = platform.clerk_token().await;
    let qian = platform.second_clerk_token();
    let far_clerk = platform.staff_token_made("s-test-xi", "周红", "西城区政务服务中心");
    let far_kiosk = other_centre_kiosk(&platform);

    // Nothing is open before she asks.
    assert!(
        calls(&platform, "/api/v1/kiosk/calls", &kiosk)
            .await
            .is_empty()
    );
    let raised = platform
        .call("POST", "/api/v1/kiosk/calls", Some(&kiosk), None)
        .await;
    assert_eq!(raised.status.as_u16(), 200, "{}", raised.body);
    let call: KioskCall = serde_json::from_value(raised.body).unwrap();
    assert_eq!(
        (call.kiosk_name.as_str(), call.place.as_str()),
        ("一层大厅1号自助机", "东城区政务服务中心")
    );
    assert_eq!(call.answered_by, None);
    // Asking again (a second press) is the same call, not a second one.
    let again = platform
        .call("POST", "/api/v1/kiosk/calls", Some(&kiosk), None)
        .await;
    assert_eq!(again.body["call_id"], call.call_id.as_str());

    // Her centre's clerks see it; another centre's clerk does not, nor can she answer or end it.
    let seen = calls(&platform, "/api/v1/centre/kiosk-calls", &qian).await;
    assert_eq!(seen, vec![call.clone()]);
    assert!(
        calls(&platform, "/api/v1/centre/kiosk-calls", &far_clerk)
            .await
            .is_empty()
    );
    let answer_path = format!("/api/v1/centre/kiosk-calls/{}/answer", call.call_id);
    let end_path = format!("/api/v1/centre/kiosk-calls/{}/end", call.call_id);
    for path in [&answer_path, &end_path] {
        platform
            .call("POST", path, Some(&far_clerk), None)
            .await
            .expect_error(404, "call_not_found");
    }
    // Another centre's kiosk has no call of its own, and ending its own touches none of ours.
    assert!(
        calls(&platform, "/api/v1/kiosk/calls", &far_kiosk)
            .await
            .is_empty()
    );
    let ended = platform
        .call("POST", "/api/v1/kiosk/calls/end", Some(&far_kiosk), None)
        .await;
    assert_eq!(ended.status.as_u16(), 204);
    assert_eq!(
        calls(&platform, "/api/v1/kiosk/calls", &kiosk).await.len(),
        1
    );

    // 赵敏 goes; the kiosk sees who is coming; 钱进 is told she is already going.
    let going = platform.call("POST", &answer_path, Some(&zhao), None).await;
    assert_eq!(going.status.as_u16(), 200, "{}", going.body);
    assert_eq!(going.body["answered_by"], "赵敏");
    let at_kiosk = calls(&platform, "/api/v1/kiosk/calls", &kiosk).await;
    assert_eq!(at_kiosk[0].answered_by.as_deref(), Some("赵敏"));
    let taken = platform
        .call("POST", &answer_path, Some(&qian), None)
        .await
        .expect_error(409, "call_taken");
    assert!(
        taken.message.contains("赵敏已经过去了"),
        "{}",
        taken.message
    );
    // Saying so twice is no error.
    let twice = platform.call("POST", &answer_path, Some(&zhao), None).await;
    assert_eq!(twice.status.as_u16(), 200, "{}", twice.body);

    // She helped: the call ends, once.
    let done = platform.call("POST", &end_path, Some(&zhao), None).await;
    assert_eq!(done.status.as_u16(), 204);
    platform
        .call("POST", &end_path, Some(&qian), None)
        .await
        .expect_error(404, "call_not_found");
    assert!(
        calls(&platform, "/api/v1/centre/kiosk-calls", &zhao)
            .await
            .is_empty()
    );
    assert!(
        calls(&platform, "/api/v1/kiosk/calls", &kiosk)
            .await
            .is_empty()
    );

    // A new call after that is a new one, and the kiosk ending it (不用了) takes it off the list.
    let next = platform
        .call("POST", "/api/v1/kiosk/calls", Some(&kiosk), None)
        .await;
    assert_ne!(next.body["call_id"], call.call_id.as_str());
    let dropped = platform
        .call("POST", "/api/v1/kiosk/calls/end", Some(&kiosk), None)
        .await;
    assert_eq!(dropped.status.as_u16(), 204);
    assert!(
        calls(&platform, "/api/v1/centre/kiosk-calls", &zhao)
            .await
            .is_empty()
    );
}
