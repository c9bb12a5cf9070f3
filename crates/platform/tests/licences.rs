//! Electronic licences over real HTTP: the holder's wallet, department keys, seals that catch tampering.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use common::TestPlatform;
use huiban_api::{DepartmentKey, Licence, Verification};
use huiban_platform::cases::{self, OfficerMove};
use huiban_platform::licences;
use sm2::dsa::signature::Verifier;

async fn wallet(platform: &TestPlatform, token: &str) -> Vec<Licence> {
    serde_json::from_value(
        platform
            .call("GET", "/api/v1/licences", Some(token), None)
            .await
            .body,
    )
    .unwrap()
}

async fn verdict(platform: &TestPlatform, licence: &Licence) -> Verification {
    let body = serde_json::to_value(licence).unwrap();
    serde_json::from_value(
        platform
            .call("POST", "/api/v1/licences/verify", None, Some(body))
            .await
            .body,
    )
    .unwrap()
}

#[tokio::test]
async fn the_holder_sees_her_licences_and_nobody_else_does() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await;
    let li = platform.citizen_login("13800000002").await;
    let licences = wallet(&platform, &zhang.access_token).await;
    let types: Vec<&str> = licences.iter().map(|l| l.licence_type.as_str()).collect();
    assert_eq!(types.len(), 3);
    for held in ["居民身份证", "户口簿", "老年人优待证"] {
        assert!(types.contains(&held), "{types:?}");
    }
    assert!(licences.iter().all(|l| l.holder_name == "张秀英"));

    let number = &licences[0].licence_no;
    let own = platform
        .call(
            "GET",
            &format!("/api/v1/licences/{number}"),
            Some(&zhang.access_token),
            None,
        )
        .await;
    assert_eq!(
        serde_json::from_value::<Licence>(own.body).unwrap(),
        licences[0]
    );
    platform
        .call(
            "GET",
            &format!("/api/v1/licences/{number}"),
            Some(&li.access_token),
            None,
        )
        .await
        .expect_error(404, "licence_not_found");
    assert!(wallet(&platform, &li.access_token).await.is_empty());
}

#[tokio::test]
async fn seals_verify_online_and_offline_and_catch_tampering() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await;
    let licence = wallet(&platform, &zhang.access_token).await.remove(0);
    assert_eq!(
        verdict(&platform, &licence).await,
        Verification {
            valid: true,
            reason: None
        }
    );

    // Offline: only the published public key and the canonical bytes are needed.
    let keys: Vec<DepartmentKey> = serde_json::from_value(
        platform
            .call("GET", "/api/v1/licences/keys", None, None)
            .await
            .body,
    )
    .unwrap();
    assert!(keys.len() >= 2, "at least two departments hold keys");
    let key = keys
        .iter()
        .find(|k| k.key_id == licence.signature.key_id)
        .unwrap();
    assert_eq!(key.credit_code, licence.issuer.credit_code);
    // Sealed in the national algorithms: SM2 over SM3, the signer's id GM/T 0009's default.
    assert_eq!(licence.signature.algorithm, "SM2-with-SM3");
    assert_eq!(key.algorithm, "SM2-with-SM3");
    let public = sm2::dsa::VerifyingKey::from_sec1_bytes(
        huiban_api::licences::SM2_DISTID,
        &BASE64.decode(&key.public_key).unwrap(),
    )
    .unwrap();
    let signature =
        sm2::dsa::Signature::from_slice(&BASE64.decode(&licence.signature.value).unwrap()).unwrap();
    let bytes = huiban_api::licences::signed_bytes(&licence);
    assert!(public.verify(&bytes, &signature).is_ok());

    let mut tampered = licence.clone();
    tampered.holder_name = "李建国".into();
    let refused = verdict(&platform, &tampered).await;
    assert!(!refused.valid);
    assert_eq!(
        refused.reason.as_deref(),
        Some("证照内容被改动过，或者电子印章不对。")
    );
    assert!(
        public
            .verify(&huiban_api::licences::signed_bytes(&tampered), &signature)
            .is_err()
    );

    let mut extended = licence.clone();
    extended.valid_to = Some("2099-12-31".into());
    assert!(!verdict(&platform, &extended).await.valid);

    let mut unknown = licence.clone();
    unknown.signature.key_id = "0000000000000000".into();
    assert_eq!(
        verdict(&platform, &unknown).await.reason.as_deref(),
        Some("不认识这个发证机关的电子印章。")
    );

    let mut broken = licence.clone();
    broken.signature.value = "not base64!".into();
    assert!(!verdict(&platform, &broken).await.valid);
}

#[tokio::test]
async fn an_approved_case_gets_its_licence_and_the_holder_is_told() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    let zhang = platform.citizen_login("13800000001").await;
    let body = platform.application_for("老年人优待证").await;
    let number = platform.submitted(&zhang.access_token, &body).await;
    let department = "北京市东城区民政局";
    let early = licences::issue_for_case(&state, department, &number, "老年人优待证", None);
    assert!(matches!(early, Err(licences::LicenceError::NotApproved)));
    cases::officer_move(
        &state,
        "刘洋",
        department,
        &number,
        OfficerMove::Accept,
        None,
    )
    .unwrap();
    cases::officer_move(
        &state,
        "刘洋",
        department,
        &number,
        OfficerMove::Approve,
        None,
    )
    .unwrap();
    let other = licences::issue_for_case(
        &state,
        "北京市公安局东城分局",
        &number,
        "老年人优待证",
        None,
    );
    assert!(matches!(
        other,
        Err(licences::LicenceError::OtherDepartment)
    ));

    let issued =
        licences::issue_for_case(&state, department, &number, "老年人优待证", Some(5)).unwrap();
    assert_eq!(issued.fields.get("办件编号"), Some(&number));
    assert_eq!(issued.valid_to.as_deref(), Some("2031-03-02"));
    assert_eq!(wallet(&platform, &zhang.access_token).await[0], issued);
    assert!(verdict(&platform, &issued).await.valid);
    let inbox = platform
        .call("GET", "/api/v1/messages", Some(&zhang.access_token), None)
        .await;
    let last = inbox.body["messages"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["title"], "电子证照已发放");
}

#[tokio::test]
async fn a_licence_names_the_checked_identity_never_what_was_typed() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    // A first-time citizen, not yet checked, types 张秀英's name and ID number into the form.
    let stranger = platform.citizen_login("13800000077").await;
    let account_id = platform
        .store
        .citizen_by_phone("13800000077")
        .unwrap()
        .unwrap()
        .account_id;
    let body = platform.application_for("老年人优待证").await;
    let photo = body["answers"]
        .as_object()
        .unwrap()
        .values()
        .find_map(|v| v.as_str().filter(|s| s.len() == 64))
        .unwrap()
        .to_owned();
    // Her own upload of the same photo: files are named by content, owned per uploader.
    platform
        .store
        .put_attachment(&photo, "image/png", b"\x89PNG", &account_id, 0)
        .unwrap();
    assert_eq!(body["answers"]["applicant_name"], "张秀英");
    let number = platform.submitted(&stranger.access_token, &body).await;
    let department = "北京市东城区民政局";
    for action in [OfficerMove::Accept, OfficerMove::Approve] {
        cases::officer_move(&state, "刘洋", department, &number, action, None).unwrap();
    }
    let refused = licences::issue_for_case(&state, department, &number, "老年人优待证", None);
    assert!(
        matches!(refused, Err(licences::LicenceError::NoRealName)),
        "{refused:?}"
    );
    assert!(wallet(&platform, &stranger.access_token).await.is_empty());

    // Once her own identity is checked at a counter, the licence carries it, not the typed one.
    let own = common::valid_id_number("11010119520607041");
    platform
        .store
        .record_real_name(
            &account_id,
            &huiban_platform::store::RealName {
                name: "周桂兰".to_owned(),
                id_number: own.clone(),
            },
            "东城区政务服务中心 3号窗口",
            1,
        )
        .unwrap()
        .unwrap();
    let issued =
        licences::issue_for_case(&state, department, &number, "老年人优待证", None).unwrap();
    assert_eq!(issued.holder_name, "周桂兰");
    assert_eq!(issued.holder_id_number, own);
}
