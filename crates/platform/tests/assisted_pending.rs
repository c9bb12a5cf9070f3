//! What a clerk confirmed for a resident and had not sent when the session closed: the close names
//! those submissions by Idempotency-Key, and they (and nothing else) are still filed for her in that
//! session when they arrive; never for anyone else, never by anyone else.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{Application, HandlingChannel};
use serde_json::json;

/// The key of the application confirmed in the session and still to arrive.
const CONFIRMED: &str = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
/// A key the close did not name.
const NOT_NAMED: &str = "8b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e";

/// Files `body` as `token` in the session `session` under `key`: the status and the body.
async fn file_in(
    platform: &TestPlatform,
    token: &str,
    session: &str,
    key: &str,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let response = platform
        .http
        .post(format!("{}/api/v1/applications", platform.base))
        .bearer_auth(token)
        .header("assisted-session", session)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn what_the_close_names_is_filed_for_her_after_it_and_nothing_else() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    let session = platform.session_for_zhang(&staff).await;
    let body = platform.application_for("高龄津贴").await;

    // A close naming something that is not a key is refused, and the session stays open.
    let close = format!("/api/v1/assisted-sessions/{session}/close");
    platform
        .call(
            "POST",
            &close,
            Some(&staff),
            Some(json!({"pending": ["not-a-key"]})),
        )
        .await
        .expect_error(422, "invalid_pending");
    let closed = platform
        .call(
            "POST",
            &close,
            Some(&staff),
            Some(json!({"pending": [CONFIRMED.to_uppercase()]})),
        )
        .await;
    assert_eq!(closed.body["status"], "closed", "{}", closed.body);

    // What it named arrives after the close: filed for her, at the counter, with the clerk as 代理人.
    let (status, case) = file_in(&platform, &staff, &session, CONFIRMED, &body).await;
    assert_eq!(status, 201, "{case}");
    let case: Application = serde_json::from_value(case).unwrap();
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    assert_eq!(case.agent.unwrap().name, "赵敏");
    assert_eq!(case.channel, HandlingChannel::Counter);
    let (again, replayed) = file_in(&platform, &staff, &session, CONFIRMED, &body).await;
    assert_eq!(
        (again, replayed["application_no"].as_str()),
        (201, Some(case.application_no.as_str())),
        "a retry is the same case"
    );

    // Anything else is refused: another key, reading her cases, another clerk with the same key.
    let (status, refused) = file_in(&platform, &staff, &session, NOT_NAMED, &body).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("session_not_open"))
    );
    let listing = platform
        .http
        .get(format!("{}/api/v1/applications", platform.base))
        .bearer_auth(&staff)
        .header("assisted-session", &session)
        .send()
        .await
        .unwrap();
    assert_eq!(
        listing.status().as_u16(),
        403,
        "a closed session reads nothing"
    );
    let other = platform.second_clerk_token();
    let (status, _) = file_in(&platform, &other, &session, CONFIRMED, &body).await;
    assert_eq!(status, 403, "only the clerk who closed it");
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let (status, _) = file_in(&platform, &zhang, &session, CONFIRMED, &body).await;
    assert_eq!(status, 403, "a citizen cannot name a session");
    // A second close cannot add to what the first named.
    platform
        .call(
            "POST",
            &close,
            Some(&staff),
            Some(json!({"pending": [NOT_NAMED]})),
        )
        .await
        .expect_error(409, "wrong_status");
    let (status, _) = file_in(&platform, &staff, &session, NOT_NAMED, &body).await;
    assert_eq!(status, 403);
}
