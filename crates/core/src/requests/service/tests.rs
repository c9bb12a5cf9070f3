use huiban_api::{IntakeChannel, NewRequest, RequestKind, RequestStatus};

use crate::fixtures::{app_with_store, logged_in, request};
use crate::outbox::requests as queued;

#[tokio::test]
async fn her_unfiled_requests_come_first_and_a_follow_up_given_here_stops_the_asking() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.own_store().await.expect("her store");
    store
        .replace_cached_requests(&[request(&[
            RequestStatus::Accepted,
            RequestStatus::Revisiting,
        ])])
        .expect("kept");
    let unfiled = NewRequest {
        kind: RequestKind::Help,
        description: "想问问怎么办老年卡".to_owned(),
        location: None,
        photos: Vec::new(),
        channel: IntakeChannel::Desktop,
        call_back: false,
    };
    queued::enqueue_request(&store, &unfiled, 1).expect("queued");

    let list = app.requests().list().await.expect("list");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].request_no, None);
    assert!(list[1].asks_you);

    app.requests()
        .follow_up("SQ20261126000001", true, true, Some("  "))
        .await
        .expect("queued");
    let page = app
        .requests()
        .detail("SQ20261126000001")
        .await
        .expect("page");
    assert!(!page.can_follow_up);
    assert!(page.waiting);
    let list = app.requests().list().await.expect("list");
    assert!(!list[1].asks_you);
}

#[tokio::test]
async fn a_request_not_kept_here_is_not_found_in_plain_words() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let missing = app.requests().detail("SQ1").await.expect_err("none kept");
    assert_eq!(missing.id(), "request-not-found");
}
