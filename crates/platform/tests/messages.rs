//! The inbox over real HTTP: a message and an SMS for every change, read by cursor, owner only.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::MessagePage;
use huiban_platform::cases::{self, OfficerMove};

#[tokio::test]
async fn every_change_sends_a_message_and_an_sms() {
    let platform = TestPlatform::start().await;
    // 李建国 holds no demo licences, so his inbox starts empty.
    let tokens = platform.citizen_login("13800000002").await;
    let token = Some(tokens.access_token.as_str());
    let body = platform.application_for("高龄津贴").await;
    let key = "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10";
    let number = platform
        .submitted_under(&tokens.access_token, key, &body)
        .await;
    // A replayed submission sends nothing new.
    platform.submit(&tokens.access_token, key, &body).await;

    let page: MessagePage = serde_json::from_value(
        platform
            .call("GET", "/api/v1/messages", token, None)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(page.messages.len(), 1);
    assert_eq!(page.unread, 1);
    assert_eq!(page.messages[0].title, "申请已经送到");
    assert_eq!(
        page.messages[0].body,
        format!("您的“高龄津贴申领”申请已经送到，查进度用的编号是{number}。")
    );
    assert_eq!(
        page.messages[0].application_no.as_deref(),
        Some(number.as_str())
    );

    let state = platform.state();
    cases::officer_move(
        &state,
        "刘洋",
        "北京市东城区民政局",
        &number,
        OfficerMove::Accept,
        None,
    )
    .unwrap();
    let next: MessagePage = serde_json::from_value(
        platform
            .call(
                "GET",
                &format!("/api/v1/messages?cursor={}", page.next_cursor),
                token,
                None,
            )
            .await
            .body,
    )
    .unwrap();
    assert_eq!(next.messages.len(), 1);
    // Submitted Monday 2 March 2026; 15 working days.
    assert_eq!(
        next.messages[0].body,
        "您的“高龄津贴申领”申请已经收下，预计2026年3月23日前办好。"
    );
    assert_eq!(next.unread, 2);

    let texts: Vec<String> = platform
        .store
        .sent_sms()
        .unwrap()
        .into_iter()
        .filter(|sms| sms.phone == "13800000002" && !sms.text.contains("验证码"))
        .map(|sms| sms.text)
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(texts[1].starts_with("【惠办】您的“高龄津贴申领”申请已经收下"));

    let read = platform
        .call(
            "POST",
            &format!("/api/v1/messages/{}/read", page.messages[0].message_id),
            token,
            None,
        )
        .await;
    assert_eq!(read.status.as_u16(), 204);
    let all: MessagePage = serde_json::from_value(
        platform
            .call("GET", "/api/v1/messages", token, None)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(all.unread, 1);
    assert!(all.messages[0].read);
}

#[tokio::test]
async fn nobody_reads_or_marks_another_persons_messages() {
    let platform = TestPlatform::start().await;
    let owner = platform.citizen_login("13800000001").await;
    let other = platform.citizen_login("13800000002").await;
    let body = platform.application_for("高龄津贴").await;
    platform
        .submit(
            &owner.access_token,
            "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10",
            &body,
        )
        .await;
    let mine: MessagePage = serde_json::from_value(
        platform
            .call("GET", "/api/v1/messages", Some(&owner.access_token), None)
            .await
            .body,
    )
    .unwrap();
    let theirs: MessagePage = serde_json::from_value(
        platform
            .call("GET", "/api/v1/messages", Some(&other.access_token), None)
            .await
            .body,
    )
    .unwrap();
    assert!(theirs.messages.is_empty());
    platform
        .call(
            "POST",
            &format!("/api/v1/messages/{}/read", mine.messages[0].message_id),
            Some(&other.access_token),
            None,
        )
        .await
        .expect_error(404, "message_not_found");
    platform
        .call("GET", "/api/v1/messages", None, None)
        .await
        .expect_error(401, "unauthorized");
}
