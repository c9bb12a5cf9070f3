//! The kiosk device flow (RFC 8628) over real HTTP, end to end, including slow_down.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{Account, DeviceAuthorization, TokenResponse};
use serde_json::json;

async fn kiosk(platform: &TestPlatform) -> (String, DeviceAuthorization) {
    let login = platform.password_login("kiosk01", "huiban-kiosk-01").await;
    let token = login.body["access_token"].as_str().unwrap().to_owned();
    let started = platform
        .call("POST", "/api/v1/auth/device", Some(&token), None)
        .await;
    assert_eq!(started.status.as_u16(), 200, "{}", started.body);
    (token, serde_json::from_value(started.body).unwrap())
}

async fn poll(platform: &TestPlatform, device_code: &str) -> common::Answer {
    platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": device_code})),
        )
        .await
}

#[tokio::test]
async fn a_citizen_logs_a_kiosk_in_from_her_own_app() {
    let platform = TestPlatform::start().await;
    let (_, grant) = kiosk(&platform).await;
    assert_eq!(grant.interval, 5);
    assert_eq!(grant.expires_in, 600);
    assert_eq!(grant.user_code.len(), 9);
    assert_eq!(&grant.user_code[4..5], "-");
    assert!(
        grant
            .verification_uri_complete
            .ends_with(&grant.user_code.replace('-', ""))
    );

    poll(&platform, &grant.device_code)
        .await
        .expect_error(400, "authorization_pending");
    // Polling again at once is too fast: slow_down, and every slow_down adds 5 seconds (RFC 8628 §3.5).
    platform.clock.advance(Duration::seconds(2));
    poll(&platform, &grant.device_code)
        .await
        .expect_error(400, "slow_down"); // interval now 10 s
    platform.clock.advance(Duration::seconds(6));
    poll(&platform, &grant.device_code)
        .await
        .expect_error(400, "slow_down"); // interval now 15 s
    platform.clock.advance(Duration::seconds(15));
    poll(&platform, &grant.device_code)
        .await
        .expect_error(400, "authorization_pending");

    let citizen = platform.citizen_login("13800000001").await;
    let typed = grant.user_code.to_lowercase().replace('-', " ");
    let approved = platform
        .call(
            "POST",
            "/api/v1/auth/device/approve",
            Some(&citizen.access_token),
            Some(json!({"user_code": typed, "approve": true})),
        )
        .await;
    assert_eq!(approved.status.as_u16(), 204, "{}", approved.body);

    platform.clock.advance(Duration::seconds(15));
    let answer = poll(&platform, &grant.device_code).await;
    assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
    let tokens: TokenResponse = serde_json::from_value(answer.body).unwrap();
    let me: Account = serde_json::from_value(
        platform
            .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(me.name.as_deref(), Some("张秀英"));
    // The device code is single-use.
    platform.clock.advance(Duration::seconds(15));
    poll(&platform, &grant.device_code)
        .await
        .expect_error(400, "invalid_grant");
}

#[tokio::test]
async fn refusal_expiry_and_wrong_callers() {
    let platform = TestPlatform::start().await;
    let citizen = platform.citizen_login("13800000002").await;
    // Only kiosks start the flow.
    platform
        .call(
            "POST",
            "/api/v1/auth/device",
            Some(&citizen.access_token),
            None,
        )
        .await
        .expect_error(403, "forbidden");

    let (kiosk_token, refused) = kiosk(&platform).await;
    let answer = |code: &str, approve: bool| {
        platform.call(
            "POST",
            "/api/v1/auth/device/approve",
            Some(&citizen.access_token),
            Some(json!({"user_code": code, "approve": approve})),
        )
    };
    assert_eq!(answer(&refused.user_code, false).await.status.as_u16(), 204);
    poll(&platform, &refused.device_code)
        .await
        .expect_error(400, "access_denied");
    // A kiosk cannot approve itself.
    let (_, other) = kiosk(&platform).await;
    platform
        .call(
            "POST",
            "/api/v1/auth/device/approve",
            Some(&kiosk_token),
            Some(json!({"user_code": other.user_code, "approve": true})),
        )
        .await
        .expect_error(403, "forbidden");
    answer("ZZZZ-ZZZZ", true)
        .await
        .expect_error(404, "user_code_not_found");

    platform.clock.advance(Duration::minutes(11));
    answer(&other.user_code, true)
        .await
        .expect_error(404, "user_code_not_found");
    poll(&platform, &other.device_code)
        .await
        .expect_error(400, "expired_token");
    poll(&platform, "no-such-code")
        .await
        .expect_error(400, "invalid_grant");
}
