//! A resident reports a session she does not recognise, over real HTTP: it becomes her 投诉, sent
//! straight to the clerk's centre, naming the session; only for a session in which someone acted for
//! her, and once however often she presses.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{TestPlatform, valid_id_number};
use huiban_api::{RequestKind, RequestStatus, ServiceRequest};
use serde_json::json;

#[tokio::test]
async fn a_session_she_does_not_recognise_becomes_her_complaint_to_the_centre() {
    let platform = TestPlatform::start().await;
    let zhao = platform.clerk_token().await;
    let session = platform.session_for_zhang(&zhao).await;
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let report = |token: String, id: String| {
        let platform = &platform;
        async move {
            platform
                .call(
                    "POST",
                    &format!("/api/v1/me/acted-for-me/{id}/report"),
                    Some(&token),
                    None,
                )
                .await
        }
    };

    let filed = report(zhang.clone(), session.clone()).await;
    assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
    let complaint: ServiceRequest = serde_json::from_value(filed.body).unwrap();
    assert_eq!(complaint.kind, RequestKind::Complaint);
    assert_eq!(complaint.status, RequestStatus::Dispatched);
    assert_eq!(complaint.department.as_deref(), Some("东城区政务服务中心"));
    assert!(
        complaint.description.contains("赵敏"),
        "{}",
        complaint.description
    );
    assert!(
        complaint.description.contains(&session),
        "{}",
        complaint.description
    );
    assert!(
        platform
            .store
            .request_numbers_for("东城区政务服务中心")
            .unwrap()
            .contains(&complaint.request_no),
        "the centre has it"
    );

    // Pressed again: the same 投诉.
    let again: ServiceRequest =
        serde_json::from_value(report(zhang.clone(), session.clone()).await.body).unwrap();
    assert_eq!(again.request_no, complaint.request_no);

    // Not another resident's session, nor one she never consented to.
    let li = platform.citizen_login("13800000002").await.access_token;
    report(li, session.clone())
        .await
        .expect_error(404, "session_not_found");
    let waiting = platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(&zhao),
            Some(json!({"id_number": valid_id_number("11010119440315102"), "name": "张秀英"})),
        )
        .await;
    let waiting = waiting.body["session_id"].as_str().unwrap().to_owned();
    report(zhang, waiting)
        .await
        .expect_error(404, "session_not_found");
}
