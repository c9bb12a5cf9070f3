//! An application the real platform refuses because its form has a newer version is not stranded:
//! it becomes her draft again under the same id, every answer kept, to be moved on and sent anew.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::time::Duration;

use huiban_core::PlatformClient;
use huiban_core::outbox::{self, QueueSummary};

#[tokio::test]
async fn a_refused_form_version_comes_back_as_her_draft_with_every_answer() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");

    // Answered on a form version the platform no longer takes.
    let mut application = common::application("高龄津贴申领");
    let current = application.form_version;
    application.form_version = current - 1;
    let client_id = outbox::enqueue_application(&store, &application, 0).unwrap();
    outbox::send_due(&store, &client, &token, chrono::Utc::now(), &common::FAST)
        .await
        .unwrap();

    assert!(
        store.outbox_row(&client_id).unwrap().is_none(),
        "not left refused in the outbox"
    );
    let draft = store
        .draft(&client_id)
        .unwrap()
        .expect("her draft again, under the same id");
    assert_eq!(draft.answers, application.answers, "every answer kept");
    assert_eq!(draft.form_version, current - 1);
    assert_eq!(draft.impl_code, application.impl_code);
    assert_eq!(QueueSummary::of(&store).unwrap().waiting, 0);

    // Moved on to the version the platform takes, it goes through, once.
    let mut again = application.clone();
    again.form_version = current;
    let resent = outbox::enqueue_application(&store, &again, 1).unwrap();
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert!(
        store
            .outbox_row(&resent)
            .unwrap()
            .unwrap()
            .case_number
            .is_some()
    );
}

#[tokio::test]
async fn a_sent_submission_is_never_turned_back_into_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let client_id =
        outbox::enqueue_application(&store, &common::application("高龄津贴申领"), 0).unwrap();
    let row = store.outbox_row(&client_id).unwrap().unwrap();
    store
        .outbox_update(
            &client_id,
            &huiban_core::store::OutboxUpdate {
                state: huiban_core::store::OutboxState::Sent,
                attempts: 1,
                next_attempt_ms: 0,
                last_error: None,
                case_number: Some("110101202611260001"),
            },
            1,
        )
        .unwrap();
    assert!(!outbox::back_to_draft(&store, &row, 2).unwrap());
    assert!(store.draft(&client_id).unwrap().is_none());
    assert!(store.outbox_row(&client_id).unwrap().is_some());
}
