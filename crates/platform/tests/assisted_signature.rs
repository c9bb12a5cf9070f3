//! Consent by signature over real HTTP: the resident signs on the counter's pad, the clerk uploads
//! the drawing in this session, and the centre's manager, there at the counter, approves it with her
//! own password. Anything less leaves the session closed to the clerk.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::{Answer, TestPlatform, valid_id_number};
use huiban_api::Role;
use huiban_platform::store::NewAccount;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The demo manager of 东城区政务服务中心 (孙丽), as an approval.
fn manager() -> Value {
    json!({"username": "manager01", "password": "huiban-manager-01"})
}

/// A session 赵敏 began for 李建国, waiting for consent; its consent path.
async fn waiting_for_li(platform: &TestPlatform, staff: &str) -> String {
    let opened = platform
        .call(
            "POST",
            "/api/v1/assisted-sessions",
            Some(staff),
            Some(json!({"id_number": valid_id_number("11010119500801013"), "name": "李建国"})),
        )
        .await;
    let id = opened.body["session_id"].as_str().unwrap();
    format!("/api/v1/assisted-sessions/{id}/consent")
}

/// Consent by the signature `sha256`, approved by `approval`.
async fn sign(
    platform: &TestPlatform,
    staff: &str,
    path: &str,
    sha256: &str,
    approval: Value,
) -> Answer {
    platform
        .call(
            "POST",
            path,
            Some(staff),
            Some(json!({"method": "signature", "signature_sha256": sha256, "approval": approval})),
        )
        .await
}

#[tokio::test]
async fn a_signature_counts_only_if_drawn_here_in_this_session() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    let path = waiting_for_li(&platform, &staff).await;
    // Review finding C1: any 64 hex digits were taken as her signature.
    for made_up in ["xyz".to_owned(), "b".repeat(64)] {
        sign(&platform, &staff, &path, &made_up, manager())
            .await
            .expect_error(422, "invalid_signature");
    }
    // A signature the staff member had from before this session, or someone else's, is refused.
    let li = platform.citizen_login("13800000002").await;
    let hers = platform
        .upload_png(&li.access_token, "drawn by 李建国")
        .await;
    sign(&platform, &staff, &path, &hers, manager())
        .await
        .expect_error(422, "invalid_signature");
    let pdf = b"%PDF-1.4\n% drawn as a pdf".to_vec();
    let pdf_sha256 = hex::encode(Sha256::digest(&pdf));
    platform
        .http
        .post(format!("{}/api/v1/attachments", platform.base))
        .bearer_auth(&staff)
        .body(pdf)
        .send()
        .await
        .unwrap();
    sign(&platform, &staff, &path, &pdf_sha256, manager())
        .await
        .expect_error(422, "invalid_signature");
    // Drawn on the counter's pad, uploaded by the staff member in this session, approved by the
    // centre's manager: open, and the approval is named.
    platform.clock.advance(chrono::Duration::minutes(1));
    let drawn = platform
        .upload_png(&staff, "drawn by 李建国 at the counter")
        .await;
    let consented = sign(&platform, &staff, &path, &drawn, manager()).await;
    assert_eq!(consented.body["status"], "open", "{}", consented.body);
    assert_eq!(consented.body["consent_method"], "signature");
    assert_eq!(consented.body["approved_by"], "孙丽");
    // The same drawing cannot serve a later session.
    platform.clock.advance(chrono::Duration::minutes(1));
    let later = waiting_for_li(&platform, &staff).await;
    sign(&platform, &staff, &later, &drawn, manager())
        .await
        .expect_error(422, "invalid_signature");
    // She sees who approved it among the times someone acted for her.
    let seen = platform.acted_for_me(&li.access_token).await;
    let signed = seen
        .iter()
        .find(|acted| acted.session.consent_method.as_deref() == Some("signature"))
        .unwrap();
    assert_eq!(signed.session.approved_by.as_deref(), Some("孙丽"));
}

#[tokio::test]
async fn only_a_manager_of_her_own_centre_approves_and_wrong_passwords_lock() {
    let platform = TestPlatform::start().await;
    let staff = platform.clerk_token().await;
    let path = waiting_for_li(&platform, &staff).await;
    platform.clock.advance(chrono::Duration::minutes(1));
    let drawn = platform.upload_png(&staff, "drawn at the counter").await;
    platform
        .store
        .create_account(
            &NewAccount {
                account_id: "m-test-xicheng".to_owned(),
                role: Role::Manager,
                phone: None,
                username: Some("manager-xicheng".to_owned()),
                password_hash: Some(huiban_platform::auth::hash_password("xicheng-pass").unwrap()),
                name: Some("周平".to_owned()),
                id_number: None,
                department: Some("西城区政务服务中心".to_owned()),
            },
            0,
        )
        .unwrap();
    let refusals = [
        // The clerk cannot approve her own work, nor can an officer, nor a manager elsewhere.
        json!({"username": "staff01", "password": "huiban-staff-01"}),
        json!({"username": "officer01", "password": "huiban-officer-01"}),
        json!({"username": "manager-xicheng", "password": "xicheng-pass"}),
        json!({"username": "nobody", "password": "huiban-manager-01"}),
        json!({"username": "manager01", "password": "wrong"}),
    ];
    for approval in refusals {
        let refused = sign(&platform, &staff, &path, &drawn, approval.clone())
            .await
            .expect_error(403, "approval_refused");
        assert!(
            refused.message.contains("负责人"),
            "{approval}: {refused:?}"
        );
    }
    // Wrong passwords count towards the manager's own login lock.
    for _ in 0..4 {
        sign(
            &platform,
            &staff,
            &path,
            &drawn,
            json!({"username": "manager01", "password": "x"}),
        )
        .await
        .expect_error(403, "approval_refused");
    }
    let locked = sign(&platform, &staff, &path, &drawn, manager()).await;
    locked.expect_error(429, "login_locked");
    assert!(locked.headers.contains_key("retry-after"));
    platform.clock.advance(chrono::Duration::minutes(16));
    // Nothing was opened by the refusals: the session still waits for consent, and opens now.
    let opened = sign(&platform, &staff, &path, &drawn, manager()).await;
    assert_eq!(opened.body["status"], "open", "{}", opened.body);
}
