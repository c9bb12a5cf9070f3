//! A case after it is submitted: withdrawn in time, 补正 asked and answered, finished, evaluated once,
//! overdue in working days; retried steps get their first answer.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{Application, CaseStatus};
use huiban_platform::cases::{self, OfficerMove};
use serde_json::json;

const KEY: &str = "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10";
const CIVIL_AFFAIRS: &str = "北京市东城区民政局";

fn case(answer: &common::Answer) -> Application {
    answer.case()
}

#[tokio::test]
async fn withdrawal_is_possible_for_ten_minutes_only() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    let first = case(&platform.submit(&tokens.access_token, KEY, &body).await);
    platform.clock.advance(Duration::minutes(9));
    let withdrawn = platform
        .call(
            "POST",
            &format!("/api/v1/applications/{}/withdraw", first.application_no),
            Some(&tokens.access_token),
            Some(json!({"reason": "填错了"})),
        )
        .await;
    let withdrawn = case(&withdrawn);
    assert_eq!(withdrawn.status, CaseStatus::Withdrawn);
    assert_eq!(
        withdrawn.steps.last().unwrap().remark.as_deref(),
        Some("申请人撤回：填错了")
    );

    let second = case(
        &platform
            .submit(
                &tokens.access_token,
                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                &body,
            )
            .await,
    );
    platform.clock.advance(Duration::minutes(10));
    let late = platform
        .call(
            "POST",
            &format!("/api/v1/applications/{}/withdraw", second.application_no),
            Some(&tokens.access_token),
            Some(json!({})),
        )
        .await;
    let error = late.expect_error(409, "withdraw_window_closed");
    assert!(error.message.contains(CIVIL_AFFAIRS), "{}", error.message);
    let detail = platform
        .call(
            "GET",
            &format!("/api/v1/applications/{}", second.application_no),
            Some(&tokens.access_token),
            None,
        )
        .await;
    assert_eq!(case(&detail).withdrawable_until, None);
}

#[tokio::test]
async fn from_submission_through_supplement_to_finish_and_one_evaluation() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    let tokens = platform.citizen_login("13800000001").await;
    let token = Some(tokens.access_token.as_str());
    let body = platform.application_for("高龄津贴").await;
    let number = case(&platform.submit(&tokens.access_token, KEY, &body).await).application_no;
    let path = |tail: &str| format!("/api/v1/applications/{number}{tail}");

    // Evaluation before 办结 is refused.
    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 1})),
        )
        .await
        .expect_error(409, "not_finished");

    let officer = |action, remark| {
        cases::officer_move(&state, "刘洋", CIVIL_AFFAIRS, &number, action, remark)
    };
    officer(OfficerMove::Accept, None).unwrap();
    // Name and ID number are frozen once submitted: no 补正 can ask for them again.
    let asked = |questions: &[&str]| {
        let questions: Vec<String> = questions.iter().map(|q| (*q).to_owned()).collect();
        cases::request_supplement(
            &state,
            "刘洋",
            CIVIL_AFFAIRS,
            &number,
            Some("请补充户口簿首页照片"),
            &questions,
        )
    };
    assert!(matches!(
        asked(&["id_number"]),
        Err(cases::CaseError::IdentityFrozen(id)) if id == "id_number"
    ));
    assert!(matches!(
        asked(&["applicant_name"]),
        Err(cases::CaseError::IdentityFrozen(_))
    ));
    assert!(matches!(
        asked(&["no_such_question"]),
        Err(cases::CaseError::UnknownQuestion(_))
    ));
    let material = body["answers"]
        .as_object()
        .unwrap()
        .keys()
        .find(|id| id.starts_with("material_") || id.starts_with("licence_"))
        .unwrap()
        .clone();
    asked(&[&material]).unwrap();
    let waiting = case(&platform.call("GET", &path(""), token, None).await);
    assert_eq!(waiting.status, CaseStatus::SupplementRequested);
    assert_eq!(waiting.supplement_questions, vec![material.clone()]);
    assert_eq!(
        waiting.steps.last().unwrap().remark.as_deref(),
        Some("请补充户口簿首页照片")
    );

    // A 补正 answers only what was asked: not the ID number, not another answer.
    let supplements = path("/supplements");
    let supplement = |answers: serde_json::Value| {
        platform.call(
            "POST",
            &supplements,
            token,
            Some(json!({"answers": answers, "note": "已补拍"})),
        )
    };
    let held = body["answers"][&material].clone();
    supplement(json!({&material: held, "id_number": common::valid_id_number("11010119500801013")}))
        .await
        .expect_error(422, "not_asked");
    supplement(json!({"bank_card": "6222020200112233446"}))
        .await
        .expect_error(422, "not_asked");
    // …and with files she holds: not somebody else's upload named by its hash.
    supplement(json!({&material: "1".repeat(64)}))
        .await
        .expect_error(422, "not_held");
    supplement(json!({"supplement_photo": "2".repeat(64)}))
        .await
        .expect_error(422, "not_held");
    let supplemented = case(&supplement(json!({&material: held, "supplement_photo": held})).await);
    assert_eq!(supplemented.status, CaseStatus::Reviewing);
    assert_eq!(
        supplemented.answers["id_number"],
        body["answers"]["id_number"]
    );
    assert!(supplemented.answers.contains_key("supplement_photo"));
    assert!(supplemented.supplement_questions.is_empty());
    platform
        .call(
            "POST",
            &path("/supplements"),
            token,
            Some(json!({"answers": {}})),
        )
        .await
        .expect_error(409, "wrong_status");

    // Another department's officer cannot touch the case.
    let other = cases::officer_move(
        &state,
        "陈静",
        "北京市东城区人力资源和社会保障局",
        &number,
        OfficerMove::Approve,
        None,
    );
    assert!(matches!(other, Err(cases::CaseError::OtherDepartment)));

    platform.clock.advance(Duration::days(3));
    // Days later the old access token has expired; the citizen logs in again.
    let tokens = platform.citizen_login("13800000001").await;
    let token = Some(tokens.access_token.as_str());
    let finished = officer(OfficerMove::Approve, None).unwrap();
    assert_eq!(finished.status, CaseStatus::Finished);
    assert_eq!(finished.result, Some(huiban_api::CaseResult::Approved));
    assert_eq!(
        finished.finished_at.as_deref(),
        Some("2026-03-05T09:00:00+08:00")
    );
    let statuses: Vec<CaseStatus> = finished.steps.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            CaseStatus::Submitted,
            CaseStatus::Accepted,
            CaseStatus::SupplementRequested,
            CaseStatus::Reviewing,
            CaseStatus::Finished
        ]
    );

    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 9})),
        )
        .await
        .expect_error(422, "invalid_level");
    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 5})),
        )
        .await
        .expect_error(422, "reason_required");
    let rated = case(
        &platform
            .call(
                "POST",
                &path("/evaluation"),
                token,
                Some(json!({"level": 5, "reason": "等得太久"})),
            )
            .await,
    );
    let evaluation = rated.evaluation.unwrap();
    assert_eq!(evaluation.level, 5);
    // 15 working days from Thursday 5 March 2026.
    assert_eq!(evaluation.rectification.unwrap().due_by, "2026-03-26");
    platform
        .call(
            "POST",
            &path("/evaluation"),
            token,
            Some(json!({"level": 1})),
        )
        .await
        .expect_error(409, "already_evaluated");
}

#[tokio::test]
async fn unfinished_cases_past_their_promise_are_overdue_in_working_days() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    let number = case(&platform.submit(&tokens.access_token, KEY, &body).await).application_no;
    // Promised by Monday 23 March; on Friday 27 March it is 4 working days late.
    platform.clock.advance(Duration::days(25));
    let tokens = platform.citizen_login("13800000001").await;
    let late = case(
        &platform
            .call(
                "GET",
                &format!("/api/v1/applications/{number}"),
                Some(&tokens.access_token),
                None,
            )
            .await,
    );
    assert_eq!(late.overdue_days, 4);
}

#[tokio::test]
async fn a_supplement_and_an_evaluation_retried_under_their_key_get_the_first_answer() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    let tokens = platform.citizen_login("13800000001").await;
    let token = tokens.access_token.as_str();
    let body = platform.application_for("高龄津贴").await;
    let number = case(&platform.submit(token, KEY, &body).await).application_no;
    let path = |tail: &str| format!("/api/v1/applications/{number}{tail}");
    let officer = |action, remark| {
        cases::officer_move(&state, "刘洋", CIVIL_AFFAIRS, &number, action, remark)
    };
    officer(OfficerMove::Accept, None).unwrap();
    officer(OfficerMove::RequestSupplement, Some("请说明情况")).unwrap();

    // A note-only 补正 whose answer was lost is sent again under the same key: the same answer, not
    // a conflict, and it was done once.
    let note = json!({"answers": {}, "note": "已在窗口交过了"});
    let supplement_key = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    let first = platform
        .post_with_key(&path("/supplements"), token, supplement_key, &note)
        .await;
    assert_eq!(first.status.as_u16(), 200, "{}", first.body);
    let again = platform
        .post_with_key(&path("/supplements"), token, supplement_key, &note)
        .await;
    assert_eq!(again.status.as_u16(), 200, "{}", again.body);
    assert_eq!(case(&again).status, CaseStatus::Reviewing);
    let texts = platform.store.sent_sms().unwrap();
    assert!(
        texts.iter().all(|sms| !sms.text.contains("已在窗口交过了")),
        "her own words are not sent back to her phone"
    );
    let steps = case(&platform.call("GET", &path(""), Some(token), None).await).steps;
    assert_eq!(
        steps
            .iter()
            .filter(|s| s.status == CaseStatus::Reviewing)
            .count(),
        1,
        "done once"
    );
    // The same key with something else is refused; without a key a second 补正 conflicts.
    platform
        .post_with_key(
            &path("/supplements"),
            token,
            supplement_key,
            &json!({"answers": {}, "note": "另一句话"}),
        )
        .await
        .expect_error(422, "idempotency_key_reused");
    platform
        .call(
            "POST",
            &path("/supplements"),
            Some(token),
            Some(note.clone()),
        )
        .await
        .expect_error(409, "wrong_status");

    officer(OfficerMove::Approve, None).unwrap();
    let rating = json!({"level": 1});
    let rating_key = "4d5e6f7a-8b9c-4dae-8f10-2b3c4d5e6f7a";
    for _ in 0..2 {
        let rated = platform
            .post_with_key(&path("/evaluation"), token, rating_key, &rating)
            .await;
        assert_eq!(rated.status.as_u16(), 200, "{}", rated.body);
        assert_eq!(case(&rated).evaluation.unwrap().level, 1);
    }
    platform
        .post_with_key(&path("/evaluation"), token, "not-a-uuid", &rating)
        .await
        .expect_error(400, "idempotency_key_invalid");
}
