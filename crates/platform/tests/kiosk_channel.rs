//! What a citizen files on a service hall's kiosk is recorded as come through the kiosk (自助终端),
//! whatever the kiosk's body says; from her own app, the channel her app names.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::HandlingChannel;
use serde_json::json;

#[tokio::test]
async fn what_she_files_on_a_kiosk_is_recorded_as_filed_on_a_kiosk() {
    let platform = TestPlatform::start().await;
    let on_the_kiosk = platform.zhang_on_the_kiosk().await;
    let mut body = platform.application_for("高龄津贴").await;
    body["channel"] = json!("2");

    let case = platform
        .submit(&on_the_kiosk, "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d", &body)
        .await;
    assert_eq!(case.status.as_u16(), 201, "{}", case.body);
    assert_eq!(case.case().channel, HandlingChannel::Kiosk);
    assert_eq!(case.case().agent, None);
    let request = platform
        .post_with_key(
            "/api/v1/requests",
            &on_the_kiosk,
            "4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e",
            &json!({"kind": "consultation", "description": "高龄津贴哪天发？", "channel": "desktop"}),
        )
        .await;
    assert_eq!(request.status.as_u16(), 201, "{}", request.body);
    assert_eq!(request.body["channel"], "kiosk");

    // From her own app, the channel her app names.
    platform.clock.advance(chrono::Duration::minutes(2));
    let at_home = platform.citizen_login("13800000001").await.access_token;
    let case = platform
        .submit(&at_home, "5c6d7e8f-9a0b-4c2d-9e3f-4a5b6c7d8e9f", &body)
        .await;
    assert_eq!(case.case().channel, HandlingChannel::Web);
}
