//! Every request is bounded over real HTTP: too many at once are turned away at once, and one that
//! takes too long is ended, both with the platform's JSON error and Retry-After (review M5).
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::TestPlatform;
use huiban_platform::StoreError;
use huiban_platform::http::limits::RequestBounds;
use huiban_platform::sms::SmsGateway;
use serde_json::json;

/// An SMS gateway that takes its time.
struct SlowGateway(Duration);

impl SmsGateway for SlowGateway {
    fn send(&self, _phone: &str, _text: &str) -> Result<(), StoreError> {
        std::thread::sleep(self.0);
        Ok(())
    }
}

/// The status and error code of asking for a login code for each of `phones` at once.
async fn ask_codes(base: &str, phones: &[&str]) -> Vec<(u16, String, bool)> {
    let http = reqwest::Client::new();
    let calls = phones.iter().map(|phone| {
        let http = http.clone();
        async move {
            let answer = http
                .post(format!("{base}/api/v1/auth/sms-code"))
                .json(&json!({ "phone": phone }))
                .send()
                .await
                .unwrap();
            let status = answer.status().as_u16();
            let retry = answer.headers().contains_key("retry-after");
            let body: serde_json::Value = answer.json().await.unwrap_or_default();
            (
                status,
                body["code"].as_str().unwrap_or("").to_owned(),
                retry,
            )
        }
    });
    futures_util::future::join_all(calls).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn too_many_at_once_are_turned_away_and_slow_ones_are_ended() {
    let platform = TestPlatform::start().await;
    let slow = Arc::new(SlowGateway(Duration::from_millis(400)));

    let one_at_a_time = platform
        .state()
        .with_sms(slow.clone())
        .with_bounds(RequestBounds::new(1, Duration::from_secs(10)));
    let base = platform.serve_also(one_at_a_time).await;
    let answers = ask_codes(&base, &["13900000001", "13900000002", "13900000003"]).await;
    let served = answers.iter().filter(|(status, ..)| *status == 200).count();
    let busy: Vec<_> = answers
        .iter()
        .filter(|(status, ..)| *status == 503)
        .collect();
    assert!(served >= 1, "{answers:?}");
    assert!(!busy.is_empty(), "{answers:?}");
    assert!(busy.iter().all(|(_, code, retry)| code == "busy" && *retry));

    let hasty = platform
        .state()
        .with_sms(slow)
        .with_bounds(RequestBounds::new(8, Duration::from_millis(100)));
    let base = platform.serve_also(hasty).await;
    let answers = ask_codes(&base, &["13900000004"]).await;
    assert_eq!(answers[0].0, 503, "{answers:?}");
    assert_eq!(answers[0].1, "timeout");
    assert!(answers[0].2);
}

#[tokio::test]
async fn token_buckets_turn_away_a_flood_from_one_address_and_to_the_node() {
    use huiban_platform::http::limits::Rate;
    let platform = TestPlatform::start().await;
    let tight = |per_address, per_node| {
        platform.state().with_bounds(
            RequestBounds::new(256, Duration::from_secs(60)).with_rates(per_address, per_node),
        )
    };
    let http = reqwest::Client::new();
    let statuses = |base: String| {
        let http = http.clone();
        async move {
            let mut seen = Vec::new();
            for _ in 0..5 {
                let answer = http
                    .get(format!("{base}/api/v1/catalog/items"))
                    .send()
                    .await
                    .unwrap();
                let status = answer.status().as_u16();
                let retry = answer.headers().get("retry-after").cloned();
                if status == 429 {
                    let body: serde_json::Value = answer.json().await.unwrap();
                    assert_eq!(body["code"], "too_many_requests");
                    assert!(retry.is_some());
                }
                seen.push(status);
            }
            seen
        }
    };
    // Three at once from this address, then one a second.
    let per_address = tight(
        Rate {
            per_second: 1,
            burst: 3,
        },
        Rate {
            per_second: 1000,
            burst: 1000,
        },
    );
    let base = platform.serve_also(per_address).await;
    assert_eq!(statuses(base).await, [200, 200, 200, 429, 429]);
    // The node as a whole takes two at once, whoever sends them.
    let per_node = tight(
        Rate {
            per_second: 1000,
            burst: 1000,
        },
        Rate {
            per_second: 1,
            burst: 2,
        },
    );
    let base = platform.serve_also(per_node).await;
    assert_eq!(statuses(base).await, [200, 200, 429, 429, 429]);
}
