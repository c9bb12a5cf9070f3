//! The kiosk device flow (RFC 8628) over real HTTP, end to end, including slow_down.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{Account, DeviceAuthorization, TokenResponse};
use serde_json::json;

async fn kiosk(platform: &TestPlatform) -> (String, DeviceAuthorization) {
    let token = platform.kiosk_token().await;
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
    // Before she answers, her app shows which kiosk asks, and where it stands.
    let asking = platform
        .call(
            "POST",
            "/api/v1/auth/device/lookup",
            Some(&citizen.access_token),
            Some(json!({"user_code": typed})),
        )
        .await;
    assert_eq!(asking.status.as_u16(), 200, "{}", asking.body);
    assert_eq!(asking.body["kiosk_name"], "一层大厅1号自助机");
    assert_eq!(asking.body["place"], "东城区政务服务中心");
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
    // The kiosk shows whose login it got, masked, to have it confirmed; the login is short and
    // cannot be renewed.
    assert_eq!(tokens.approved_by.as_deref(), Some("张*英"));
    assert_eq!(tokens.refresh_token, None);
    assert_eq!(tokens.expires_in, 15 * 60);
    // She sees it among her logins, with the kiosk's name and place, and ends it from her app.
    let logins = platform
        .call(
            "GET",
            "/api/v1/me/logins",
            Some(&citizen.access_token),
            None,
        )
        .await;
    let logins = logins.body.as_array().unwrap().clone();
    let on_kiosk = logins.iter().find(|l| l["kind"] == "kiosk").unwrap();
    assert_eq!(
        on_kiosk["device"],
        "一层大厅1号自助机（东城区政务服务中心）"
    );
    assert_eq!(on_kiosk["current"], false);
    assert!(
        logins
            .iter()
            .any(|l| l["kind"] == "app" && l["current"] == true)
    );
    let ended = platform
        .call(
            "POST",
            &format!(
                "/api/v1/me/logins/{}/end",
                on_kiosk["login_id"].as_str().unwrap()
            ),
            Some(&citizen.access_token),
            None,
        )
        .await;
    assert_eq!(ended.status.as_u16(), 204, "{}", ended.body);
    platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await
        .expect_error(401, "unauthorized");
    // Ending it again, or another's login, finds nothing.
    let li = platform.citizen_login("13800000002").await;
    platform
        .call(
            "POST",
            &format!(
                "/api/v1/me/logins/{}/end",
                logins.iter().find(|l| l["current"] == true).unwrap()["login_id"]
                    .as_str()
                    .unwrap()
            ),
            Some(&li.access_token),
            None,
        )
        .await
        .expect_error(404, "login_not_found");
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

#[tokio::test]
async fn at_the_kiosk_her_phone_number_and_texted_code_approve_its_own_request_only() {
    let platform = TestPlatform::start().await;
    let (token, grant) = kiosk(&platform).await;
    let sent = platform
        .call(
            "POST",
            "/api/v1/auth/sms-code",
            None,
            Some(json!({"phone": "13800000001"})),
        )
        .await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    let sms = |code: &str, user_code: &str| json!({"user_code": user_code, "phone": "13800000001", "code": code});

    // A wrong code is refused in plain words and approves nothing.
    let wrong = platform
        .call(
            "POST",
            "/api/v1/auth/device/sms",
            Some(&token),
            Some(sms("000000", &grant.user_code)),
        )
        .await;
    assert!(
        wrong
            .expect_error(400, "invalid_grant")
            .message
            .contains("验证码不对")
    );
    assert_eq!(
        poll(&platform, &grant.device_code).await.body["code"],
        "authorization_pending"
    );

    // Another kiosk's code is not this kiosk's to approve (and the code is not spent on it).
    platform
        .store
        .create_account(
            &huiban_platform::store::NewAccount {
                account_id: "k-test-hall-2".to_owned(),
                role: huiban_api::Role::KioskDevice,
                phone: None,
                username: Some("kiosk-test-2".to_owned()),
                password_hash: None,
                name: Some("一层大厅2号自助机".to_owned()),
                id_number: None,
                department: Some("东城区政务服务中心".to_owned()),
            },
            0,
        )
        .unwrap();
    let second = huiban_platform::auth::issue(
        &platform.state(),
        "k-test-hall-2",
        huiban_api::Role::KioskDevice,
    )
    .unwrap()
    .access_token;
    let its_grant = platform
        .call("POST", "/api/v1/auth/device", Some(&second), None)
        .await;
    let code = platform.last_code("13800000001");
    platform
        .call(
            "POST",
            "/api/v1/auth/device/sms",
            Some(&token),
            Some(sms(&code, its_grant.body["user_code"].as_str().unwrap())),
        )
        .await
        .expect_error(404, "user_code_not_found");

    // The right code approves the kiosk's own request: its next poll is her kiosk login.
    platform.clock.advance(Duration::seconds(6));
    let approved = platform
        .call(
            "POST",
            "/api/v1/auth/device/sms",
            Some(&token),
            Some(sms(&code, &grant.user_code.to_lowercase())),
        )
        .await;
    assert_eq!(approved.status.as_u16(), 204, "{}", approved.body);
    let polled = poll(&platform, &grant.device_code).await;
    assert_eq!(polled.status.as_u16(), 200, "{}", polled.body);
    let login: TokenResponse = serde_json::from_value(polled.body).unwrap();
    assert_eq!(login.account_id, "c-demo-zhang");
    assert!(login.refresh_token.is_none() && login.submission_key.is_some());
    // Answered and polled, the request is spent: nothing is approved twice.
    let again = platform
        .call(
            "POST",
            "/api/v1/auth/device/sms",
            Some(&token),
            Some(sms(&code, &grant.user_code)),
        )
        .await;
    assert_eq!(again.status.as_u16(), 404, "{}", again.body);
}
