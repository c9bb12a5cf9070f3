//! A clerk's day at the counter over real HTTP: today's sessions, masked, with what was done; and
//! picking a resident up again, which asks her consent again.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{TestPlatform, valid_id_number};
use huiban_api::{AssistedSession, ServedToday, SessionStatus};
use serde_json::json;

/// The caller's sessions of today.
async fn today(platform: &TestPlatform, token: &str) -> Vec<ServedToday> {
    let answer = platform
        .call("GET", "/api/v1/assisted-sessions/today", Some(token), None)
        .await;
    assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
    serde_json::from_value(answer.body).unwrap()
}

#[tokio::test]
async fn the_day_lists_her_masked_with_what_was_done_and_only_the_callers_own() {
    let platform = TestPlatform::start().await;
    let zhao = platform.clerk_token().await;
    // A session of yesterday is not today's.
    let yesterday = platform.session_for_zhang(&zhao).await;
    platform.clock.advance(chrono::Duration::hours(24));
    let zhao = platform.clerk_token().await;
    let session = platform.session_for_zhang(&zhao).await;
    let case = platform.application_for("高龄津贴").await;
    let filed = platform
        .http
        .post(format!("{}/api/v1/applications", platform.base))
        .bearer_auth(&zhao)
        .header("assisted-session", &session)
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(&case)
        .send()
        .await
        .unwrap();
    assert_eq!(filed.status().as_u16(), 201);
    // A name typed wrong: a session that never opens, listed as typed, masked.
    platform.clock.advance(chrono::Duration::minutes(5));
    platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&zhao),
            Some(json!({"id_number": valid_id_number("11010119500801013"), "name": "李四"})),
        )
        .await;

    let day = today(&platform, &zhao).await;
    assert_eq!(day.len(), 2, "{day:?}");
    assert!(
        day.iter()
            .all(|served| served.session.session_id != yesterday)
    );
    let (unmatched, hers) = (&day[0], &day[1]);
    assert_eq!(unmatched.session.resident_name, "李*");
    assert_eq!(unmatched.session.status, SessionStatus::AwaitingConsent);
    assert!(unmatched.actions.is_empty());
    assert_eq!(hers.session.session_id, session);
    assert_eq!(
        hers.session.resident_name, "张*英",
        "masked for the next in line"
    );
    assert_eq!(
        hers.session.resident_id_number_masked.as_deref(),
        Some("110…1029")
    );
    assert!(
        hers.actions
            .iter()
            .any(|action| action.action == "POST /api/v1/applications"),
        "{:?}",
        hers.actions
    );

    // Another clerk's day is her own.
    let qian = platform.second_clerk_token();
    assert!(today(&platform, &qian).await.is_empty());
}

#[tokio::test]
async fn picking_her_up_again_asks_her_consent_again() {
    let platform = TestPlatform::start().await;
    let zhao = platform.clerk_token().await;
    let first = platform.session_for_zhang(&zhao).await;
    let again = |id: String| {
        let platform = &platform;
        let zhao = zhao.clone();
        async move {
            platform
                .call(
                    "POST",
                    &format!("/api/v1/assisted-sessions/{id}/again"),
                    Some(&zhao),
                    None,
                )
                .await
        }
    };
    again(first.clone()).await.expect_error(409, "wrong_status");
    platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{first}/close"),
            Some(&zhao),
            None,
        )
        .await;
    let old_code = platform.last_code("13800000001");
    let renewed = again(first.clone()).await;
    assert_eq!(renewed.status.as_u16(), 201, "{}", renewed.body);
    let renewed: AssistedSession = serde_json::from_value(renewed.body).unwrap();
    assert_eq!(renewed.status, SessionStatus::AwaitingConsent);
    assert_ne!(renewed.session_id, first);
    assert_eq!(renewed.resident_name, "张秀英");
    assert_eq!(
        renewed.resident_id_number_masked.as_deref(),
        Some("110…1029")
    );
    let code = platform.last_code("13800000001");
    assert_ne!(code, old_code, "she is texted a new code");
    let consented = platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{}/consent", renewed.session_id),
            Some(&zhao),
            Some(json!({"method": "sms_code", "code": code})),
        )
        .await;
    assert_eq!(consented.body["status"], "open", "{}", consented.body);

    // Not another clerk's session, not one she never consented to, not one of another day.
    let qian = platform.second_clerk_token();
    platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{first}/again"),
            Some(&qian),
            None,
        )
        .await
        .expect_error(404, "session_not_found");
    let unmatched = platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&zhao),
            Some(json!({"id_number": valid_id_number("11010119500801013"), "name": "李四"})),
        )
        .await;
    let unmatched = unmatched.body["session_id"].as_str().unwrap().to_owned();
    again(unmatched).await.expect_error(409, "wrong_status");
    platform.clock.advance(chrono::Duration::hours(24));
    let zhao = platform.clerk_token().await;
    platform
        .call(
            "POST",
            &format!("/api/v1/assisted-sessions/{first}/again"),
            Some(&zhao),
            None,
        )
        .await
        .expect_error(409, "wrong_status");
}
