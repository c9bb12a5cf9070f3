//! 诉求 through the outbox against the real platform: filed offline with a photo and arriving
//! exactly once, then the 回访 answers and the 评价 round the closed loop.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::time::Duration;

use huiban_api::{EvaluationRequest, FollowUp, RequestStatus};
use huiban_core::PlatformClient;
use huiban_core::outbox::{self, requests as queued};
use huiban_core::requests::form as request_form;
use huiban_core::store::OutboxState;
use huiban_core::{attachments, pull};
use huiban_platform::AppState;
use huiban_platform::requests::{self, OfficerRequestMove};
use serde_json::json;

#[tokio::test]
async fn a_request_filed_offline_goes_round_the_loop_exactly_once() {
    let platform = common::Platform::new();
    let state = AppState::new(platform.store.clone());
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000002").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-li");

    // Filled in and filed with a photo while the platform cannot be reached.
    let photo = attachments::keep(&store, include_bytes!("../../../icons/32x32.png"), 0).unwrap();
    let answers = huiban_api::Answers::from([
        ("kind".to_owned(), json!("complaint")),
        (
            "description".to_owned(),
            json!("小区门口的路灯坏了一个月。"),
        ),
        ("location".to_owned(), json!("和平里街道示例社区北门")),
        ("photo".to_owned(), json!(photo.sha256)),
    ]);
    let request = request_form::new_request(&answers, huiban_api::IntakeChannel::Desktop).unwrap();
    let client_id = queued::enqueue_request(&store, &request, 0).unwrap();
    let unreachable = PlatformClient::new("http://127.0.0.1:9".parse().unwrap()).unwrap();
    outbox::send_due(
        &store,
        &unreachable,
        &token,
        chrono::Utc::now(),
        &common::FAST,
    )
    .await
    .unwrap();
    assert_eq!(queued::unfiled(&store).unwrap().len(), 1, "kept here");

    // Back online: filed once, even when sent a second time under the same key.
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    let row = store.outbox_row(&client_id).unwrap().unwrap();
    assert_eq!(row.state, OutboxState::Sent);
    let number = row.case_number.unwrap();
    assert!(queued::unfiled(&store).unwrap().is_empty());
    let again = client
        .submit_request(&token, &client_id, &request)
        .await
        .unwrap();
    assert_eq!(again.request_no, number);
    pull::pull(&store, &client, &token).await.unwrap();
    let kept = store.cached_requests().unwrap();
    assert_eq!(kept.len(), 1, "one request, not two");
    assert_eq!(kept[0].photos, vec![photo.sha256.clone()]);

    // The department works it and asks how it went.
    for action in [
        OfficerRequestMove::Dispatch(None),
        OfficerRequestMove::Handle,
        OfficerRequestMove::Reply("路灯已经修好了。".into()),
        OfficerRequestMove::Close,
        OfficerRequestMove::Revisit,
    ] {
        requests::officer_move(&state, "刘洋", "北京市东城区民政局", &number, action).unwrap();
    }
    let follow_up = queued::RequestFollowUp {
        request_no: number.clone(),
        follow_up: FollowUp {
            resolved: true,
            contacted: true,
            comment: None,
        },
    };
    queued::enqueue_follow_up(&store, &follow_up, 1).unwrap();
    let waiting = |store| {
        queued::here_of_requests(store)
            .unwrap()
            .remove(&number)
            .unwrap_or_default()
            .waiting
    };
    assert_eq!(
        waiting(&store),
        vec![huiban_core::store::OutboxKind::RequestFollowUp]
    );
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    // Sent again after a lost answer: the platform already holds it, so it counts as delivered.
    let replay = queued::enqueue_follow_up(&store, &follow_up, 2).unwrap();
    let evaluation = queued::RequestEvaluation {
        request_no: number.clone(),
        evaluation: EvaluationRequest {
            level: 1,
            reason: None,
        },
    };
    queued::enqueue_request_evaluation(&store, &evaluation, 3).unwrap();
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert_eq!(
        store.outbox_row(&replay).unwrap().unwrap().state,
        OutboxState::Sent
    );
    assert!(waiting(&store).is_empty());
    pull::pull(&store, &client, &token).await.unwrap();
    let done = &store.cached_requests().unwrap()[0];
    assert_eq!(done.status, RequestStatus::Evaluated);
    assert_eq!(done.follow_up.as_ref().map(|f| f.resolved), Some(true));
    assert_eq!(done.evaluation.as_ref().map(|e| e.level), Some(1));
}
