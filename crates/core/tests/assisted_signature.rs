//! Consent by signature at the counter, against the real platform: 李建国 signs on the pad, the
//! centre's manager approves with her own password, and only then does the session open.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use base64::Engine as _;
use common::Platform;
use common::counter::clerk_at_work;

/// 李建国's ID number.
const LI_ID: &str = "110101195008010132";

/// A drawing as the pad gives it: a PNG data URL.
fn drawn(seed: &str) -> String {
    let png = [b"\x89PNG\r\n\x1a\n".as_slice(), seed.as_bytes()].concat();
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

#[tokio::test]
async fn a_signature_opens_the_session_only_with_the_managers_approval() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let app = clerk_at_work(&platform, dir.path().join("card.json")).await;
    let id = app.assisted().check_id_number(LI_ID).unwrap();
    let waiting = app.assisted().start(&id, "李建国").await.unwrap();
    assert!(!waiting.open);

    let signature = app.assisted();
    let blank = signature
        .consent_by_signature("", "manager01", "huiban-manager-01")
        .await
        .unwrap_err();
    assert_eq!(blank.id(), "assisted-signature-missing");
    let unapproved = signature
        .consent_by_signature(&drawn("李建国"), "", "")
        .await
        .unwrap_err();
    assert_eq!(unapproved.id(), "assisted-approval-missing");
    // The clerk cannot approve her own work: the platform's words come back, nothing opens.
    let own = signature
        .consent_by_signature(&drawn("李建国"), "staff01", "huiban-staff-01")
        .await
        .unwrap_err();
    assert_eq!(own.id(), "error-platform-answered");
    let words = own.text(huiban_core::i18n::spoken());
    assert!(words.contains("不是本中心的负责人"), "{words}");
    assert!(!app.assisted().current().unwrap().unwrap().open);

    let open = signature
        .consent_by_signature(&drawn("李建国 again"), "manager01", "huiban-manager-01")
        .await
        .unwrap();
    assert!(open.open);
    assert_eq!(open.resident_name, "李建国");
    assert_eq!(open.phone_masked.as_deref(), Some("138****0002"));
    // Her own data is the clerk's to see now, through the session.
    let cases = app.cases().list().await;
    assert!(cases.is_ok(), "{cases:?}");
    app.assisted().end().await.unwrap();
}
