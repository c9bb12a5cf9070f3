//! The wallet against licences sealed by the platform's own signing code.

use std::collections::BTreeMap;

use huiban_api::{LicenceIssuer, LicenceSignature};

use super::*;

/// A licence sealed by a fresh department key, with that key.
fn sealed() -> (Licence, huiban_api::DepartmentKey) {
    let dir = tempfile::tempdir().unwrap();
    let department = huiban_api::Department {
        name: "北京市东城区民政局".into(),
        credit_code: "111101014001000200".into(),
    };
    let keys = huiban_platform::keys::KeyRing::load_or_create(
        dir.path(),
        &[(department.name.clone(), department.credit_code.clone())],
    )
    .unwrap();
    let mut licence = Licence {
        licence_no: "DEMO-1".into(),
        licence_type: "老年人优待证".into(),
        holder_name: "张秀英".into(),
        holder_id_number: "11010119440315102X".into(),
        issuer: LicenceIssuer {
            name: department.name.clone(),
            credit_code: department.credit_code.clone(),
        },
        issued_on: "2026-01-05".into(),
        valid_from: "2026-01-05".into(),
        valid_to: None,
        fields: BTreeMap::new(),
        signature: LicenceSignature {
            algorithm: huiban_api::licences::ALGORITHM_SM2.into(),
            key_id: String::new(),
            value: String::new(),
        },
    };
    let key = keys.public_keys().remove(0);
    licence.signature.key_id = key.key_id.clone();
    let seal = keys
        .sign(
            &department.name,
            &huiban_api::licences::signed_bytes(&licence),
        )
        .unwrap();
    licence.signature.key_id = seal.key_id;
    licence.signature.value = seal.value;
    (licence, key)
}

#[test]
fn a_sealed_licence_checks_out_offline_and_a_changed_one_does_not() {
    let (licence, key) = sealed();
    let ok = checked(licence.clone(), std::slice::from_ref(&key), "2026-11-25");
    assert!(ok.verified, "{ok:?}");
    let mut changed = licence.clone();
    changed.holder_name = "李建国".into();
    let bad = checked(changed, std::slice::from_ref(&key), "2026-11-25");
    assert_eq!((bad.verified, bad.problem), (false, Some("seal-tampered")));
    let early = checked(licence.clone(), std::slice::from_ref(&key), "2025-12-31");
    assert_eq!(
        (early.verified, early.problem),
        (false, Some("seal-not-yet-valid")),
        "not before its first valid day"
    );
    let unknown = checked(licence.clone(), &[], "2026-11-25");
    assert_eq!(unknown.problem, Some("seal-unknown-key"));
    let mut expired = licence;
    expired.valid_to = Some("2026-01-01".into());
    assert!(!checked(expired, &[key], "2026-11-25").verified);
}

#[test]
fn the_qr_code_holds_the_number_and_the_seal() {
    let (licence, _) = sealed();
    assert!(qr_text(&licence).starts_with("HUIBAN-LICENCE:DEMO-1:"));
    let svg = qr_svg(&licence).unwrap();
    assert!(
        svg.starts_with("<?xml") && svg.contains("<svg"),
        "{}",
        &svg[..80]
    );
}

#[test]
fn a_licence_sealed_under_a_changed_key_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let keys = crate::secrets::Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "w");
    let (local, _) = crate::store::LocalStore::open(&dir.path().join("h.db"), &keys).unwrap();
    let (licence, key) = sealed();
    let (other, other_key) = sealed();
    local
        .keep_department_keys(std::slice::from_ref(&key))
        .unwrap();
    let store = local.of_account("a");
    store.replace_cached_licences(&[licence]).unwrap();
    let today = "2026-11-25";
    assert!(licences(&store, today).unwrap()[0].verified);

    // The platform now offers another key under the same id, and a licence sealed with it.
    let impostor = huiban_api::DepartmentKey {
        key_id: key.key_id.clone(),
        ..other_key
    };
    let changed = local.keep_department_keys(&[impostor]).unwrap();
    assert_eq!(changed, std::slice::from_ref(&key.key_id));
    let mut resealed = other;
    resealed.signature.key_id = key.key_id.clone();
    resealed.licence_no = "DEMO-2".into();
    store.replace_cached_licences(&[resealed]).unwrap();
    let shown = licences(&store, today).unwrap();
    assert_eq!(
        (shown[0].verified, shown[0].problem),
        (false, Some(KEY_CHANGED))
    );
}

#[tokio::test]
async fn the_wallet_service_checks_her_licences_offline_and_finds_none_of_anyone_else() {
    let dir = tempfile::tempdir().unwrap();
    let app = crate::fixtures::app_with_store(&dir, crate::fixtures::logged_in("a"));
    let store = app.own_store().await.unwrap();
    let (licence, key) = sealed();
    store
        .shared()
        .keep_department_keys(std::slice::from_ref(&key))
        .unwrap();
    store
        .replace_cached_licences(std::slice::from_ref(&licence))
        .unwrap();
    let entries = app.wallet().licences().await.unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].verified, "{:?}", entries[0].problem);
    assert!(
        app.wallet()
            .qr(&licence.licence_no)
            .await
            .unwrap()
            .contains("<svg")
    );
    let missing = app.wallet().qr("not-hers").await.unwrap_err();
    assert_eq!(missing.id(), "licence-not-found");
}
