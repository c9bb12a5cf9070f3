//! Logging in at a kiosk with the ID card on its reader, over real HTTP: the code goes to the
//! card holder's phone (the kiosk sees it masked), and only that code approves the kiosk's own
//! request as her.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::{TestPlatform, valid_id_number};
use huiban_api::{CardCodeSent, DeviceAuthorization, TokenResponse};
use serde_json::json;

/// 张秀英's 18-character ID number, as on her card.
fn zhang_card() -> String {
    valid_id_number("11010119440315102")
}

async fn kiosk(platform: &TestPlatform) -> (String, DeviceAuthorization) {
    let token = platform.kiosk_token().await;
    let started = platform
        .call("POST", "/api/v1/auth/device", Some(&token), None)
        .await;
    assert_eq!(started.status.as_u16(), 200, "{}", started.body);
    (token, serde_json::from_value(started.body).unwrap())
}

#[tokio::test]
async fn her_card_sends_the_code_to_her_phone_and_the_code_logs_the_kiosk_in_as_her() {
    let platform = TestPlatform::start().await;
    let (token, grant) = kiosk(&platform).await;
    let card = |name: &str| json!({"id_number": zhang_card(), "name": name});

    // Only a kiosk's own login may ask.
    let citizen = platform.citizen_login("13800000002").await.access_token;
    platform
        .call(
            "POST",
            "/api/v1/auth/device/card-code",
            Some(&citizen),
            Some(card("张秀英")),
        )
        .await
        .expect_error(403, "forbidden");

    let texts_to_her = || {
        let sent = platform.store.sent_sms().unwrap();
        sent.iter().filter(|sms| sms.phone == "13800000001").count()
    };
    let before = texts_to_her();
    // A misread number, a name that is not the card's and a card nobody registered are told
    // plainly; no code is sent for them.
    let misread = json!({"id_number": "110101194403151020x", "name": "张秀英"});
    let refused = platform
        .call(
            "POST",
            "/api/v1/auth/device/card-code",
            Some(&token),
            Some(misread),
        )
        .await;
    assert!(
        refused
            .expect_error(422, "invalid_id_number")
            .message
            .contains("读卡器")
    );
    platform
        .call(
            "POST",
            "/api/v1/auth/device/card-code",
            Some(&token),
            Some(card("张秀")),
        )
        .await
        .expect_error(404, "card_not_registered");
    let stranger = valid_id_number("44010119900101123");
    let unknown = platform
        .call(
            "POST",
            "/api/v1/auth/device/card-code",
            Some(&token),
            Some(json!({"id_number": stranger, "name": "陈某"})),
        )
        .await;
    assert!(
        unknown
            .expect_error(404, "card_not_registered")
            .message
            .contains("手机号码登录")
    );
    assert_eq!(texts_to_her(), before, "no code sent for a refused card");

    // Her card: the code goes to her phone, which the kiosk sees masked.
    let sent = platform
        .call(
            "POST",
            "/api/v1/auth/device/card-code",
            Some(&token),
            Some(card("张秀英")),
        )
        .await;
    assert_eq!(sent.status.as_u16(), 200, "{}", sent.body);
    let sent: CardCodeSent = serde_json::from_value(sent.body).unwrap();
    assert_eq!(sent.phone_masked, "138****0001");
    assert_eq!(sent.expires_in, 600);
    // Asking again at once is the usual 60-second wait.
    platform
        .call(
            "POST",
            "/api/v1/auth/device/card-code",
            Some(&token),
            Some(card("张秀英")),
        )
        .await
        .expect_error(429, "code_too_soon");

    let approval = |code: &str, user_code: &str| json!({"user_code": user_code, "id_number": zhang_card(), "code": code});
    let wrong = platform
        .call(
            "POST",
            "/api/v1/auth/device/card",
            Some(&token),
            Some(approval("000000", &grant.user_code)),
        )
        .await;
    assert!(
        wrong
            .expect_error(400, "invalid_grant")
            .message
            .contains("验证码不对")
    );

    let code = platform.last_code("13800000001");
    platform.clock.advance(Duration::seconds(6));
    let approved = platform
        .call(
            "POST",
            "/api/v1/auth/device/card",
            Some(&token),
            Some(approval(&code, &grant.user_code)),
        )
        .await;
    assert_eq!(approved.status.as_u16(), 204, "{}", approved.body);
    let polled = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "urn:ietf:params:oauth:grant-type:device_code", "device_code": grant.device_code})),
        )
        .await;
    assert_eq!(polled.status.as_u16(), 200, "{}", polled.body);
    let login: TokenResponse = serde_json::from_value(polled.body).unwrap();
    assert_eq!(login.account_id, "c-demo-zhang");
    assert!(
        login.refresh_token.is_none(),
        "a kiosk login is never renewed"
    );

    // The code is spent: it approves nothing again.
    let (_, next) = kiosk(&platform).await;
    platform
        .call(
            "POST",
            "/api/v1/auth/device/card",
            Some(&token),
            Some(approval(&code, &next.user_code)),
        )
        .await
        .expect_error(400, "code_expired");
}
