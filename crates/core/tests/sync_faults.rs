//! `sync_faults`: the outbox against the real platform over HTTP with injected faults (the issue's
//! latency=200ms, error_rate=0.2, reset_rate=0.05, malformed_rate=0.02): nothing lost, nothing doubled.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::time::Duration;

mod common;

use common::{FAST, Platform, application, drain, local_store};
use huiban_core::outbox::{self, QueueSummary};
use huiban_core::store::{OutboxKind, OutboxState};
use huiban_core::{Locale, Localizer, PlatformClient};
use reqwest::Url;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_submissions_through_faults_arrive_exactly_once() {
    let platform = Platform::new();
    let clean = PlatformClient::new(platform.serve(None).await).unwrap();
    let faulty = PlatformClient::new(
        platform
            .serve(Some(
                "latency=200ms,error_rate=0.2,reset_rate=0.05,malformed_rate=0.02,seed=7",
            ))
            .await,
    )
    .unwrap();
    let token = platform.login(&clean, "13800000001").await;

    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let body = application("高龄津贴");
    let now_ms = chrono::Utc::now().timestamp_millis();
    for _ in 0..1000 {
        outbox::enqueue_application(&store, &body, now_ms).unwrap();
    }
    // Injected 503s say Retry-After: 1, which the outbox honours, so draining takes seconds.
    drain(&store, &faulty, &token, Duration::from_secs(600)).await;
    let rows = store.outbox_rows().unwrap();
    assert!(
        rows.iter().all(|r| r.state == OutboxState::Sent),
        "every submission sent"
    );
    let local: std::collections::BTreeSet<String> = rows
        .iter()
        .map(|r| r.case_number.clone().unwrap())
        .collect();
    let remote: std::collections::BTreeSet<String> = platform
        .store
        .case_numbers_of("c-demo-zhang", None, u32::MAX)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(local.len(), 1000, "no case number twice");
    assert_eq!(local, remote, "exactly the platform's cases, none doubled");
    assert!(rows.iter().any(|r| r.attempts > 1), "the faults really hit");
}

#[tokio::test]
async fn a_refusal_needs_attention_and_keeps_the_answers() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000002").await;
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-li");
    let mut body = application("高龄津贴");
    body.answers.insert("phone".into(), serde_json::json!(""));
    let id = outbox::enqueue_application(&store, &body, 0).unwrap();
    let pass = outbox::send_due(&store, &client, &token, chrono::Utc::now(), &FAST)
        .await
        .unwrap();
    assert_eq!(pass.needs_attention, 1);
    let row = store.outbox_row(&id).unwrap().unwrap();
    assert_eq!(row.state, OutboxState::NeedsAttention);
    assert_eq!(row.last_error.as_deref(), Some("还没有回答：您的手机号码"));
    assert_eq!(
        outbox::application_of(&row).unwrap(),
        body,
        "what the person typed is kept"
    );
    let sentence = QueueSummary::of(&store)
        .unwrap()
        .sentence(&Localizer::new(Locale::ZhCn));
    assert_eq!(
        sentence,
        "有1份申请没有通过平台检查，需要您看一看，填好的内容都还在。"
    );
}

#[tokio::test]
async fn queued_offline_then_sent_when_the_platform_is_back() {
    let platform = Platform::new();
    let live = platform.serve(None).await;
    let client = PlatformClient::new(live.clone()).unwrap();
    let token = platform.login(&client, "13800000003").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let nowhere =
        PlatformClient::new(Url::parse(&format!("http://127.0.0.1:{port}")).unwrap()).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-wang");
    outbox::enqueue_application(&store, &application("医保异地"), 0).unwrap();
    let pass = outbox::send_due(&store, &nowhere, &token, chrono::Utc::now(), &FAST)
        .await
        .unwrap();
    assert_eq!(pass.retrying, 1);
    let localizer = Localizer::new(Locale::ZhCn);
    assert_eq!(
        QueueSummary::of(&store).unwrap().sentence(&localizer),
        "有1份申请等待发送，联网后会自动提交。"
    );

    tokio::time::sleep(Duration::from_millis(10)).await;
    let pass = outbox::send_due(&store, &client, &token, chrono::Utc::now(), &FAST)
        .await
        .unwrap();
    assert_eq!(pass.sent, 1);
    assert_eq!(
        QueueSummary::of(&store).unwrap().sentence(&localizer),
        "所有申请都已经送到办事平台了。"
    );
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-wang", None, u32::MAX)
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_kind_this_version_does_not_know_is_kept_as_it_is_and_never_sent() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    store
        .outbox_insert(
            "newer",
            OutboxKind::Unknown,
            "{\"from\":\"a newer app\"}",
            1,
        )
        .unwrap();
    let known = outbox::enqueue_application(&store, &application("高龄津贴"), 1).unwrap();

    let pass = outbox::send_due(&store, &client, &token, chrono::Utc::now(), &FAST)
        .await
        .unwrap();

    assert_eq!(pass.sent, 1, "the application is sent");
    let newer = store.outbox_row("newer").unwrap().unwrap();
    assert_eq!(newer.kind, OutboxKind::Unknown);
    assert_eq!(
        newer.state,
        OutboxState::Queued,
        "kept for the version that wrote it"
    );
    assert_eq!((newer.attempts, newer.last_error), (0, None), "never tried");
    assert_eq!(newer.body, "{\"from\":\"a newer app\"}");
    let sent = store.outbox_row(&known).unwrap().unwrap();
    assert_eq!(sent.state, OutboxState::Sent);
}
