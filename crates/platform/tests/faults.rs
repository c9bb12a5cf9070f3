//! Fault injection over real HTTP: 503s, cut-off answers after the work is done, broken JSON.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;

const KEY: &str = "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10";

#[tokio::test]
async fn injected_errors_are_json_503s_with_retry_after() {
    let platform = TestPlatform::start().await;
    let faulty = platform
        .serve_also(
            platform
                .state()
                .with_faults("error_rate=1".parse().unwrap()),
        )
        .await;
    let answer = platform
        .http
        .get(format!("{faulty}/api/v1/catalog/items"))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 503);
    assert_eq!(answer.headers()["retry-after"], "1");
    let body: huiban_api::ErrorBody = answer.json().await.unwrap();
    assert_eq!(body.code, "injected_fault");
}

#[tokio::test]
async fn a_reset_loses_the_answer_but_not_the_case_and_a_retry_finds_it() {
    let platform = TestPlatform::start().await;
    let faulty = platform
        .serve_also(
            platform
                .state()
                .with_faults("reset_rate=1".parse().unwrap()),
        )
        .await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;

    let lost = platform
        .http
        .post(format!("{faulty}/api/v1/applications"))
        .bearer_auth(&tokens.access_token)
        .header("Idempotency-Key", KEY)
        .json(&body)
        .send()
        .await;
    let outcome = match lost {
        Err(error) => Err(error),
        Ok(response) => response.bytes().await.map(|_| ()),
    };
    assert!(outcome.is_err(), "the answer must not arrive whole");
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        1,
        "the work was done"
    );

    // The client retries with the same key and learns its case number, still one case.
    let retried = platform.submit(&tokens.access_token, KEY, &body).await;
    assert_eq!(retried.status.as_u16(), 201);
    assert!(retried.headers.contains_key("idempotent-replayed"));
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn malformed_answers_are_not_json() {
    let platform = TestPlatform::start().await;
    let faulty = platform
        .serve_also(
            platform
                .state()
                .with_faults("malformed_rate=1,latency=50ms".parse().unwrap()),
        )
        .await;
    let started = std::time::Instant::now();
    let answer = platform
        .http
        .get(format!("{faulty}/healthz"))
        .send()
        .await
        .unwrap();
    assert!(started.elapsed() >= std::time::Duration::from_millis(50));
    let text = answer.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
}
