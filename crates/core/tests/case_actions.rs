//! What a citizen does with a case after sending it, against the real platform: a 好差评 queued in
//! the outbox arrives exactly once (offline first, then sent), and 撤回 within the window.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::time::Duration;

use huiban_api::{CaseStatus, EvaluationRequest, WithdrawRequest};
use huiban_core::PlatformClient;
use huiban_core::outbox::{self, CaseEvaluation};
use huiban_core::store::OutboxState;
use huiban_platform::AppState;
use huiban_platform::cases::{self, OfficerMove};

/// Sends one demo application through the outbox and returns its 办件编号.
async fn sent_case(
    store: &huiban_core::store::AccountStore<'_>,
    client: &PlatformClient,
    token: &str,
) -> String {
    let client_id =
        outbox::enqueue_application(store, &common::application("高龄津贴申领"), 0).unwrap();
    common::drain(store, client, token, Duration::from_secs(10)).await;
    store
        .outbox_row(&client_id)
        .unwrap()
        .unwrap()
        .case_number
        .unwrap()
}

#[tokio::test]
async fn an_evaluation_waits_offline_then_arrives_exactly_once() {
    let platform = common::Platform::new();
    let state = AppState::new(platform.store.clone());
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let number = sent_case(&store, &client, &token).await;
    for action in [
        OfficerMove::Accept,
        OfficerMove::Review,
        OfficerMove::Approve,
    ] {
        cases::officer_move(&state, "刘洋", "北京市东城区民政局", &number, action, None).unwrap();
    }

    // Evaluated while the platform cannot be reached: kept here and shown as waiting.
    let evaluation = CaseEvaluation {
        application_no: number.clone(),
        evaluation: EvaluationRequest {
            level: 5,
            reason: Some("等了很久".to_owned()),
        },
    };
    let client_id = outbox::enqueue_evaluation(&store, &evaluation, 0).unwrap();
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
    let (kept, row) = outbox::evaluation_of(&store, &number).unwrap().unwrap();
    assert_eq!(kept, evaluation.evaluation);
    assert_eq!(row.state, OutboxState::Queued, "it waits to be sent");
    let sentence = outbox::QueueSummary::of(&store)
        .unwrap()
        .sentence(&huiban_core::Localizer::new(huiban_core::Locale::ZhCn));
    assert!(
        sentence.starts_with("有1件事"),
        "an evaluation is not called an application: {sentence}"
    );

    // Back online: sent once; the bad level opened a rectification order.
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    let row = store.outbox_row(&client_id).unwrap().unwrap();
    assert_eq!(row.state, OutboxState::Sent);
    assert_eq!(row.case_number.as_deref(), Some(number.as_str()));
    let (_, row) = outbox::evaluation_of(&store, &number).unwrap().unwrap();
    assert_eq!(row.state, OutboxState::Sent);
    let case = client
        .applications(&token)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.application_no == number)
        .unwrap();
    let given = case.evaluation.unwrap();
    assert_eq!(given.level, 5);
    assert!(given.rectification.is_some(), "a bad evaluation opens 整改");

    // The answer to a send was lost and it is sent again: the platform already has it, and that
    // counts as delivered, not as a refusal the person must look at.
    let again = outbox::enqueue_evaluation(&store, &evaluation, 1).unwrap();
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert_eq!(
        store.outbox_row(&again).unwrap().unwrap().state,
        OutboxState::Sent
    );
}

#[tokio::test]
async fn a_case_is_withdrawn_within_ten_minutes() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let number = sent_case(&store, &client, &token).await;
    let withdrawn = client
        .withdraw(
            &token,
            &number,
            &WithdrawRequest {
                reason: Some("填错了".to_owned()),
            },
        )
        .await
        .unwrap();
    assert_eq!(withdrawn.status, CaseStatus::Withdrawn);
}

#[tokio::test]
async fn a_supplement_with_a_photo_answers_the_department_exactly_once() {
    use huiban_core::outbox::supplement::{self, CaseSupplement};

    let platform = common::Platform::new();
    let state = AppState::new(platform.store.clone());
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let number = sent_case(&store, &client, &token).await;
    let officer = |action| {
        cases::officer_move(
            &state,
            "刘洋",
            "北京市东城区民政局",
            &number,
            action,
            Some("请补充户口簿本人页的照片"),
        )
        .unwrap()
    };
    officer(OfficerMove::Accept);
    officer(OfficerMove::RequestSupplement);

    let photo =
        huiban_core::attachments::keep(&store, include_bytes!("../../../icons/32x32.png"), 0)
            .unwrap();
    let answer = CaseSupplement {
        application_no: number.clone(),
        supplement: huiban_api::SupplementRequest {
            answers: huiban_api::Answers::from([(
                "supplement_photo".to_owned(),
                serde_json::json!(photo.sha256),
            )]),
            note: Some("已拍好户口簿".to_owned()),
        },
    };
    supplement::enqueue_supplement(&store, &answer, 1).unwrap();
    assert!(
        supplement::supplement_here(&store, &number)
            .unwrap()
            .waiting
    );
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert!(
        !supplement::supplement_here(&store, &number)
            .unwrap()
            .waiting
    );
    let case = client
        .applications(&token)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.application_no == number)
        .unwrap();
    assert_eq!(case.status, CaseStatus::Reviewing, "back to 审查");
    assert_eq!(
        case.answers.get("supplement_photo"),
        Some(&serde_json::json!(photo.sha256))
    );

    // Sent again after a lost answer: the case already holds it.
    let again = supplement::enqueue_supplement(&store, &answer, 2).unwrap();
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert_eq!(
        store.outbox_row(&again).unwrap().unwrap().state,
        OutboxState::Sent
    );
}

#[tokio::test]
async fn progress_shows_an_application_until_its_case_is_pulled() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let client_id =
        outbox::enqueue_application(&store, &common::application("高龄津贴申领"), 0).unwrap();
    let waiting = outbox::applications_not_yet_pulled(&store).unwrap();
    assert_eq!(waiting.len(), 1, "waiting here");
    assert_eq!(waiting[0].0.client_id, client_id);
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert_eq!(
        outbox::applications_not_yet_pulled(&store).unwrap().len(),
        1,
        "sent but not pulled back yet"
    );
    huiban_core::pull::pull(&store, &client, &token)
        .await
        .unwrap();
    assert!(
        outbox::applications_not_yet_pulled(&store)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_note_alone_is_never_counted_sent_unless_the_platform_says_so() {
    use huiban_core::outbox::supplement::{self, CaseSupplement};

    let platform = common::Platform::new();
    let state = AppState::new(platform.store.clone());
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let number = sent_case(&store, &client, &token).await;
    cases::officer_move(
        &state,
        "刘洋",
        "北京市东城区民政局",
        &number,
        OfficerMove::Accept,
        None,
    )
    .unwrap();
    // The department asked for nothing: the platform refuses the note.
    let note = CaseSupplement::from_person(
        &number,
        Some("在窗口交过了"),
        None,
        &huiban_api::Answers::new(),
        &[],
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    )
    .unwrap();
    let refused = supplement::enqueue_supplement(&store, &note, 1).unwrap();
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    assert_eq!(
        store.outbox_row(&refused).unwrap().unwrap().state,
        OutboxState::NeedsAttention,
        "refused, not taken for delivered"
    );

    // Asked for, sent, its answer lost, sent again under the same key: the platform says so.
    cases::officer_move(
        &state,
        "刘洋",
        "北京市东城区民政局",
        &number,
        OfficerMove::RequestSupplement,
        Some("请说明情况"),
    )
    .unwrap();
    let once = supplement::enqueue_supplement(&store, &note, 2).unwrap();
    common::drain(&store, &client, &token, Duration::from_secs(10)).await;
    let row = store.outbox_row(&once).unwrap().unwrap();
    assert_eq!(row.state, OutboxState::Sent);
    let replay = client
        .supplement(&token, &once, &number, &note.supplement)
        .await
        .unwrap();
    assert_eq!(
        replay.status,
        CaseStatus::Reviewing,
        "the first answer again"
    );
}
