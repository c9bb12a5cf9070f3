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
            algorithm: huiban_api::licences::ALGORITHM.into(),
            key_id: String::new(),
            value: String::new(),
        },
    };
    let key = keys.public_keys().remove(0);
    licence.signature.key_id = key.key_id.clone();
    let (key_id, value) = keys
        .sign(
            &department.name,
            &huiban_api::licences::signed_bytes(&licence),
        )
        .unwrap();
    licence.signature.key_id = key_id;
    licence.signature.value = value;
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
