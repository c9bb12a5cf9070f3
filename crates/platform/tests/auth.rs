//! Login over real HTTP: SMS codes, passwords, rotating refresh tokens, logout, rate limits.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{Account, Role, TokenResponse};
use serde_json::json;

#[tokio::test]
async fn a_citizen_logs_in_by_sms_code_and_out_again() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    assert_eq!(tokens.role, Role::Citizen);
    assert_eq!(tokens.token_type, "Bearer");

    let me = platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await;
    let account: Account = serde_json::from_value(me.body).unwrap();
    assert_eq!(account.name.as_deref(), Some("张秀英"));
    assert_eq!(account.phone_masked.as_deref(), Some("138****0001"));

    let out = platform
        .call(
            "POST",
            "/api/v1/auth/logout",
            Some(&tokens.access_token),
            None,
        )
        .await;
    assert_eq!(out.status.as_u16(), 204);
    let after = platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await;
    after.expect_error(401, "unauthorized");
    assert_eq!(after.headers.get("www-authenticate").unwrap(), "Bearer");
    let refresh = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "refresh_token", "refresh_token": tokens.refresh_token})),
        )
        .await;
    refresh.expect_error(400, "invalid_grant");
}

#[tokio::test]
async fn a_new_phone_gets_a_fresh_citizen_account() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13912345678").await;
    let me = platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await;
    let account: Account = serde_json::from_value(me.body).unwrap();
    assert_eq!(account.role, Role::Citizen);
    assert_eq!(account.name, None);
}

#[tokio::test]
async fn codes_are_rate_limited_and_expire() {
    let platform = TestPlatform::start().await;
    let phone = json!({ "phone": "13800000002" });
    let first = platform
        .call("POST", "/api/v1/auth/sms-code", None, Some(phone.clone()))
        .await;
    assert_eq!(first.body["expires_in"], 600);
    let again = platform
        .call("POST", "/api/v1/auth/sms-code", None, Some(phone.clone()))
        .await;
    again.expect_error(429, "code_too_soon");
    assert_eq!(again.headers.get("retry-after").unwrap(), "61");

    platform.clock.advance(Duration::seconds(61));
    let resent = platform
        .call("POST", "/api/v1/auth/sms-code", None, Some(phone.clone()))
        .await;
    assert_eq!(resent.status.as_u16(), 200);
    let code = platform.last_code("13800000002");

    platform.clock.advance(Duration::minutes(11));
    let late = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "sms_code", "phone": "13800000002", "code": code})),
        )
        .await;
    late.expect_error(400, "code_expired");

    let bad = platform
        .call(
            "POST",
            "/api/v1/auth/sms-code",
            None,
            Some(json!({"phone": "12345"})),
        )
        .await;
    assert_eq!(
        bad.expect_error(400, "invalid_phone").field.as_deref(),
        Some("phone")
    );
}

#[tokio::test]
async fn five_wrong_codes_spend_the_code() {
    let platform = TestPlatform::start().await;
    platform
        .call(
            "POST",
            "/api/v1/auth/sms-code",
            None,
            Some(json!({"phone": "13800000003"})),
        )
        .await;
    let code = platform.last_code("13800000003");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let answer = platform
            .call(
                "POST",
                "/api/v1/auth/token",
                None,
                Some(json!({"grant_type": "sms_code", "phone": "13800000003", "code": wrong})),
            )
            .await;
        answer.expect_error(400, "invalid_grant");
    }
    let right = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "sms_code", "phone": "13800000003", "code": code})),
        )
        .await;
    right.expect_error(400, "code_expired");
}

#[tokio::test]
async fn staff_log_in_by_password_and_are_locked_after_five_failures() {
    let platform = TestPlatform::start().await;
    let ok = platform.password_login("staff01", "huiban-staff-01").await;
    let tokens: TokenResponse = serde_json::from_value(ok.body).unwrap();
    assert_eq!(tokens.role, Role::Staff);

    for _ in 0..5 {
        platform
            .password_login("officer01", "guess")
            .await
            .expect_error(400, "invalid_grant");
    }
    let locked = platform
        .password_login("officer01", "huiban-officer-01")
        .await;
    locked.expect_error(429, "login_locked");
    assert!(locked.headers.get("retry-after").is_some());
    platform.clock.advance(Duration::minutes(16));
    let unlocked = platform
        .password_login("officer01", "huiban-officer-01")
        .await;
    assert_eq!(unlocked.status.as_u16(), 200, "{}", unlocked.body);
    assert_eq!(unlocked.body["role"], "officer");
}

#[tokio::test]
async fn refresh_tokens_rotate_and_reuse_revokes_the_family() {
    let platform = TestPlatform::start().await;
    let first = platform.citizen_login("13800000001").await;
    let refresh = |token: &str| {
        platform.call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "refresh_token", "refresh_token": token})),
        )
    };
    let second: TokenResponse =
        serde_json::from_value(refresh(first.refresh_token.as_deref().unwrap()).await.body)
            .unwrap();
    assert_ne!(second.refresh_token, first.refresh_token);
    assert_eq!(
        platform
            .call("GET", "/api/v1/me", Some(&second.access_token), None)
            .await
            .status
            .as_u16(),
        200
    );

    // The spent token comes back (stolen, or replayed): the whole login is revoked.
    refresh(first.refresh_token.as_deref().unwrap())
        .await
        .expect_error(400, "refresh_token_reused");
    refresh(second.refresh_token.as_deref().unwrap())
        .await
        .expect_error(400, "invalid_grant");
    platform
        .call("GET", "/api/v1/me", Some(&second.access_token), None)
        .await
        .expect_error(401, "unauthorized");
}

#[tokio::test]
async fn access_tokens_expire() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    platform.clock.advance(Duration::minutes(31));
    platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await
        .expect_error(401, "unauthorized");
    let renewed = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "refresh_token", "refresh_token": tokens.refresh_token})),
        )
        .await;
    assert_eq!(renewed.status.as_u16(), 200);
}

#[tokio::test]
async fn bad_bodies_get_plain_errors() {
    let platform = TestPlatform::start().await;
    let url = format!("{}/api/v1/auth/token", platform.base);
    let malformed = platform
        .http
        .post(&url)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status().as_u16(), 400);
    let body: huiban_api::ErrorBody = malformed.json().await.unwrap();
    assert_eq!(body.code, "malformed_json");

    let wrong_shape = platform
        .call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "magic"})),
        )
        .await;
    wrong_shape.expect_error(422, "invalid_body");

    let not_json = platform
        .http
        .post(&url)
        .body("grant_type=password")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status().as_u16(), 415);

    let huge = platform
        .http
        .post(&url)
        .header("content-type", "application/json")
        .body(format!(
            "{{\"grant_type\":\"password\",\"username\":\"{}\",\"password\":\"x\"}}",
            "a".repeat(2 * 1024 * 1024)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status().as_u16(), 413);
    let body: huiban_api::ErrorBody = huge.json().await.unwrap();
    assert_eq!(body.code, "body_too_large");
}

/// The error codes of `n` copies of one request fired at once.
async fn fired_at_once(platform: &TestPlatform, n: usize, body: serde_json::Value) -> Vec<String> {
    let calls =
        (0..n).map(|_| platform.call("POST", "/api/v1/auth/token", None, Some(body.clone())));
    futures_util::future::join_all(calls)
        .await
        .into_iter()
        .map(|answer| {
            answer.body["code"]
                .as_str()
                .map_or_else(|| answer.status.to_string(), str::to_owned)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_wrong_codes_at_once_get_five_compared_at_most() {
    let platform = TestPlatform::start().await;
    platform
        .call(
            "POST",
            "/api/v1/auth/sms-code",
            None,
            Some(json!({"phone": "13800000003"})),
        )
        .await;
    let code = platform.last_code("13800000003");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let codes = fired_at_once(
        &platform,
        200,
        json!({"grant_type": "sms_code", "phone": "13800000003", "code": wrong}),
    )
    .await;
    let compared = codes.iter().filter(|c| *c == "invalid_grant").count();
    assert!(compared <= 5, "{compared} guesses were compared");
    assert!(
        codes
            .iter()
            .all(|c| c == "invalid_grant" || c == "code_expired"),
        "{codes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_passwords_at_once_cannot_get_past_the_lock() {
    let platform = TestPlatform::start().await;
    let codes = fired_at_once(
        &platform,
        60,
        json!({"grant_type": "password", "username": "officer01", "password": "guess"}),
    )
    .await;
    let checked = codes.iter().filter(|c| *c == "invalid_grant").count();
    assert!(checked <= 5, "{checked} passwords were checked: {codes:?}");
    assert!(
        codes
            .iter()
            .all(|c| ["invalid_grant", "login_locked", "busy"].contains(&c.as_str())),
        "{codes:?}"
    );
    platform
        .password_login("officer01", "huiban-officer-01")
        .await
        .expect_error(429, "login_locked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn codes_asked_for_at_once_send_one_sms() {
    let platform = TestPlatform::start().await;
    let before = platform.store.sent_sms().unwrap().len();
    let calls = (0..30).map(|_| {
        platform.call(
            "POST",
            "/api/v1/auth/sms-code",
            None,
            Some(json!({"phone": "13800000002"})),
        )
    });
    let answers = futures_util::future::join_all(calls).await;
    let sent = answers.iter().filter(|a| a.status.as_u16() == 200).count();
    assert_eq!(sent, 1, "one code within the resend wait");
    assert_eq!(platform.store.sent_sms().unwrap().len(), before + 1);
}

#[tokio::test]
async fn an_unknown_username_is_refused_like_a_wrong_password() {
    let platform = TestPlatform::start().await;
    let unknown = platform.password_login("nobody-here", "guess").await;
    let known = platform.password_login("officer02", "guess").await;
    assert_eq!(unknown.status, known.status);
    assert_eq!(unknown.body["code"], known.body["code"]);
    assert_eq!(unknown.body["message"], known.body["message"]);
}

#[tokio::test]
async fn a_login_renewed_again_and_again_still_ends_after_ninety_days() {
    let platform = TestPlatform::start().await;
    let mut tokens = platform.citizen_login("13800000001").await;
    let renew = |refresh_token: String| {
        platform.call(
            "POST",
            "/api/v1/auth/token",
            None,
            Some(json!({"grant_type": "refresh_token", "refresh_token": refresh_token})),
        )
    };
    // Renewed every 20 days (each refresh token lives 30): fine for the first 80 days.
    for _ in 0..4 {
        platform.clock.advance(Duration::days(20));
        let renewed = renew(tokens.refresh_token.clone().unwrap()).await;
        assert_eq!(renewed.status.as_u16(), 200, "{}", renewed.body);
        tokens = serde_json::from_value(renewed.body).unwrap();
    }
    platform.clock.advance(Duration::days(11));
    renew(tokens.refresh_token.unwrap())
        .await
        .expect_error(400, "invalid_grant");
}

#[tokio::test]
async fn a_real_platform_never_stores_a_code_in_clear() {
    let platform = TestPlatform::start().await;
    // Served as a real platform is: the SMS sink without --keep-sms-codes.
    let real = platform
        .serve_also(huiban_platform::AppState::new(platform.store.clone()))
        .await;
    let sent = platform
        .http
        .post(format!("{real}/api/v1/auth/sms-code"))
        .json(&json!({"phone": "13900000009"}))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status().as_u16(), 200);
    let stored = platform.store.sent_sms().unwrap().pop().unwrap();
    assert_eq!(stored.phone, "13900000009");
    assert!(stored.text.contains("验证码是******，"), "{}", stored.text);
}
