use huiban_api::{CaseStatus, HandlingChannel, NewApplication};

use crate::fixtures::{app_with_store, case, logged_in};
use crate::outbox;
use crate::session::Session;

fn application() -> NewApplication {
    NewApplication {
        impl_code: "x".to_owned(),
        form_id: "f".to_owned(),
        form_version: 1,
        answers: huiban_api::Answers::new(),
        channel: HandlingChannel::Web,
    }
}

#[tokio::test]
async fn the_list_shows_what_waits_here_first_then_her_cases_newest_first() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.own_store().await.expect("her store");
    let mut older = case(&[CaseStatus::Submitted]);
    older.application_no = "older".to_owned();
    older.submitted_at = "2026-11-01T09:00:00+08:00".to_owned();
    let mut newer = case(&[CaseStatus::Submitted, CaseStatus::Accepted]);
    newer.application_no = "newer".to_owned();
    store
        .replace_cached_cases(&[older, newer])
        .expect("kept cases");
    let client_id = outbox::enqueue_application(&store, &application(), 1).expect("queued");

    let list = app.cases().list().await.expect("list");
    let shown: Vec<(&str, Option<&str>)> = list
        .iter()
        .map(|c| (c.application_no.as_str(), c.waiting_client_id.as_deref()))
        .collect();
    assert_eq!(
        shown,
        [
            ("", Some(client_id.as_str())),
            ("newer", None),
            ("older", None)
        ]
    );
}

#[tokio::test]
async fn nobody_logged_in_sees_no_case_and_cannot_evaluate() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, Session::in_memory());
    assert!(app.cases().list().await.expect("list").is_empty());
    let refused = app
        .cases()
        .evaluate("older", 1, None)
        .await
        .expect_err("nobody to evaluate for");
    assert_eq!(refused.id(), "login-needed");
    let missing = app.cases().detail("older").await.expect_err("no case");
    assert_eq!(missing.id(), "case-not-found");
}

#[tokio::test]
async fn a_bad_level_or_a_missing_reason_is_refused_and_nothing_is_queued() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let refused = app
        .cases()
        .evaluate("older", 5, None)
        .await
        .expect_err("a reason is needed");
    assert_eq!(refused.id(), "evaluation-reason-required");
    let store = app.own_store().await.expect("her store");
    assert!(
        outbox::evaluation_of(&store, "older")
            .expect("read")
            .is_none()
    );
    app.cases()
        .evaluate("older", 1, None)
        .await
        .expect("queued");
    assert!(
        outbox::evaluation_of(&store, "older")
            .expect("read")
            .is_some()
    );
}
