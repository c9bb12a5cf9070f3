//! What a clerk confirmed for a resident goes out from the counter's computer, sometimes after her
//! login is gone: the computer that started the session holds its delivery key, and with it sends
//! what was confirmed and the close under a colleague's login (same centre only), or after the
//! session's lifetime ran out (for a week). The key delivers; it never reads her data.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{Application, HandlingChannel};
use serde_json::{Value, json};

/// The key of the application confirmed in the session.
const CONFIRMED: &str = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
/// The key of one more application.
const ANOTHER: &str = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a";

/// A session at the counter, as the requests of these tests reach it.
struct Counter<'a> {
    platform: &'a TestPlatform,
    session: String,
    /// The application confirmed for her.
    body: Value,
}

impl Counter<'_> {
    /// A request as `token` in the session, with the delivery key `key` if given.
    fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        (token, key): (&str, Option<&str>),
    ) -> reqwest::RequestBuilder {
        let request = self
            .platform
            .http
            .request(method, format!("{}{path}", self.platform.base))
            .bearer_auth(token);
        match key {
            Some(key) => request.header("assisted-delivery", key),
            None => request,
        }
    }

    /// Files her application under `idempotency_key` as `token` (with `key`): status and body.
    async fn file(&self, caller: (&str, Option<&str>), idempotency_key: &str) -> (u16, Value) {
        let response = self
            .request(reqwest::Method::POST, "/api/v1/applications", caller)
            .header("assisted-session", &self.session)
            .header("Idempotency-Key", idempotency_key)
            .json(&self.body)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }

    /// Reads `path` in the session as `token` (with `key`): the status.
    async fn read(&self, caller: (&str, Option<&str>), path: &str) -> u16 {
        self.request(reqwest::Method::GET, path, caller)
            .header("assisted-session", &self.session)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }

    /// Closes the session as `token` (with `key`), naming `pending`: status and body.
    async fn close(&self, caller: (&str, Option<&str>), pending: &[&str]) -> (u16, Value) {
        let path = format!("/api/v1/assisted-sessions/{}/close", self.session);
        let response = self
            .request(reqwest::Method::POST, &path, caller)
            .json(&json!({ "pending": pending }))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap())
    }
}

/// 赵敏's token and a session she opened for 张秀英, with its delivery key.
async fn at_the_counter(platform: &TestPlatform) -> (String, Counter<'_>, String) {
    let zhao = platform.clerk_token().await;
    let (session, key) = platform.opened_for_zhang(&zhao).await;
    let body = platform.application_for("高龄津贴").await;
    let counter = Counter {
        platform,
        session,
        body,
    };
    (zhao, counter, key)
}

#[tokio::test]
async fn a_colleague_at_her_computer_delivers_what_she_confirmed_and_closes_the_session() {
    let platform = TestPlatform::start().await;
    let (_, counter, key) = at_the_counter(&platform).await;
    let key = Some(key.as_str());
    let qian = platform.second_clerk_token();
    let elsewhere = platform.staff_token_made("s-test-wu", "吴刚", "西城区政务服务中心");

    // Without the key, a colleague cannot act in her session; another centre's clerk not even
    // with it; a wrong key is no key; and the key never reads her data.
    let refused = counter.file((&qian, None), CONFIRMED).await;
    assert_eq!(refused.0, 403, "{}", refused.1);
    let refused = counter.file((&elsewhere, key), CONFIRMED).await;
    assert_eq!(refused.0, 403, "{}", refused.1);
    let wrong = "x".repeat(43);
    let refused = counter.file((&qian, Some(&wrong)), CONFIRMED).await;
    assert_eq!(refused.0, 403, "a wrong key");
    let reading = counter.read((&qian, key), "/api/v1/applications").await;
    assert_eq!(reading, 403, "the key delivers, it does not read");

    // With it, the colleague's login delivers: filed for her, at the counter, 赵敏 as 代理人.
    let (status, case) = counter.file((&qian, key), CONFIRMED).await;
    assert_eq!(status, 201, "{case}");
    let case: Application = serde_json::from_value(case).unwrap();
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    let agent = case.agent.unwrap();
    assert_eq!(
        (agent.name.as_str(), agent.account_id.as_str()),
        ("赵敏", "s-demo-zhao")
    );
    assert_eq!(case.channel, HandlingChannel::Counter);

    // The close made at her computer: not by another centre, then by the colleague with the key.
    let refused = counter.close((&elsewhere, key), &[]).await;
    assert_eq!(refused.0, 404, "{}", refused.1);
    let refused = counter.close((&qian, None), &[]).await;
    assert_eq!(refused.0, 404, "{}", refused.1);
    let (status, closed) = counter.close((&qian, key), &[]).await;
    assert_eq!(
        (status, closed["status"].as_str()),
        (200, Some("closed")),
        "{closed}"
    );
    let told = platform.store.sent_sms().unwrap();
    let told = &told.last().unwrap().text;
    assert!(told.contains("赵敏") && told.contains("结束"), "{told}");

    // Once closed, the key delivers nothing the close did not name.
    let refused = counter.file((&qian, key), ANOTHER).await;
    assert_eq!(refused.0, 403, "{}", refused.1);

    // She sees it in 谁帮我办过: in 赵敏's session, delivered by 钱进.
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let seen = platform.acted_for_me(&zhang).await;
    let mine = seen
        .iter()
        .find(|acted| acted.session.session_id == counter.session)
        .unwrap();
    assert_eq!(mine.session.staff_name, "赵敏");
    assert!(
        mine.session.delivery_key.is_none(),
        "the key is never shown again"
    );
    let filed = mine
        .actions
        .iter()
        .find(|action| action.action == "POST /api/v1/applications")
        .unwrap();
    assert_eq!(filed.actor_name, "钱进");
}

#[tokio::test]
async fn what_the_close_named_is_delivered_by_a_colleague_with_the_key() {
    let platform = TestPlatform::start().await;
    let (zhao, counter, key) = at_the_counter(&platform).await;
    let qian = platform.second_clerk_token();
    let (status, _) = counter.close((&zhao, None), &[CONFIRMED]).await;
    assert_eq!(status, 200);

    let refused = counter.file((&qian, None), CONFIRMED).await;
    assert_eq!(refused.0, 403, "not without the key");
    let (status, case) = counter.file((&qian, Some(&key)), CONFIRMED).await;
    assert_eq!(status, 201, "{case}");
    assert_eq!(case["agent"]["name"], "赵敏");
}

#[tokio::test]
async fn after_her_session_ran_out_her_computer_still_delivers_for_a_week_then_nothing() {
    let platform = TestPlatform::start().await;
    let (_, counter, key) = at_the_counter(&platform).await;
    let key = Some(key.as_str());

    // The next morning: the session's eight hours ran out, the close never reached the platform.
    platform.clock.advance(Duration::hours(20));
    let zhao = platform.clerk_token().await;
    let refused = counter.file((&zhao, None), CONFIRMED).await;
    assert_eq!(refused.0, 403, "she cannot go on acting for her");
    let reading = counter.read((&zhao, key), "/api/v1/me").await;
    assert_eq!(reading, 403, "nor read her data with the key");
    let (status, case) = counter.file((&zhao, key), CONFIRMED).await;
    assert_eq!(status, 201, "{case}");
    assert_eq!(case["agent"]["name"], "赵敏");
    let (status, closed) = counter.close((&zhao, key), &[]).await;
    assert_eq!((status, closed["status"].as_str()), (200, Some("closed")));

    // A session left without its close for more than a week takes nothing more.
    let (stale, stale_key) = platform.opened_for_zhang(&zhao).await;
    let stale = Counter {
        session: stale,
        ..counter
    };
    platform.clock.advance(Duration::days(8));
    let zhao = platform.clerk_token().await;
    let refused = stale.file((&zhao, Some(&stale_key)), ANOTHER).await;
    assert_eq!(refused.0, 403, "{}", refused.1);
}
