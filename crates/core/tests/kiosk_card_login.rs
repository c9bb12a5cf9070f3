//! At the kiosk, with her ID card: 张秀英 lays her card on the kiosk's (simulated) reader, the real
//! platform texts a code to her phone (the kiosk shows it masked), and the code typed on the keypad
//! brings 是您本人吗？ with her masked name. No card, no code; her visit's end forgets the card.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::sync::Arc;

use common::Platform;
use common::kiosk::kiosk_app;
use common::switch::Switch;
use huiban_api::id_number;
use huiban_core::assisted::SimulatedReader;
use huiban_core::kiosk::visit::LoginWait;

fn lay_card(file: &std::path::Path, name: &str, first17: &str) {
    let number = format!("{first17}{}", id_number::check_character(first17).unwrap());
    let card = serde_json::json!({"name": name, "id_number": number});
    std::fs::write(file, card.to_string()).unwrap();
}

#[tokio::test]
async fn her_card_and_the_code_texted_to_her_phone_log_her_in_at_the_kiosk() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    let dir = tempfile::tempdir().unwrap();
    let card = dir.path().join("card.json");
    let kiosk = kiosk_app(&dir, url).with_card_reader(Arc::new(SimulatedReader::at(card.clone())));
    assert!(kiosk.kiosk().status().await.unwrap().card_reader);

    // No card on the reader yet: nothing is sent.
    assert_eq!(kiosk.kiosk().card_code().await.unwrap(), None);
    // A card nobody registered is told plainly.
    lay_card(&card, "陈某", "44010119900101123");
    let unknown = kiosk.kiosk().card_code().await.unwrap_err();
    assert!(unknown.text(kiosk.localizer()).contains("手机号码登录"));

    lay_card(&card, "张秀英", "11010119440315102");
    let sent = kiosk.kiosk().card_code().await.unwrap().unwrap();
    assert_eq!(sent.phone, "138****0001");
    std::fs::remove_file(&card).unwrap(); // she takes her card back

    let wrong = kiosk.kiosk().log_in_by_card("000000").await.unwrap_err();
    assert!(wrong.text(kiosk.localizer()).contains("验证码不对"));
    assert!(!kiosk.kiosk().status().await.unwrap().in_use);

    let code =
        huiban_platform::demo_accounts::last_login_code(&platform.store, "13800000001").unwrap();
    let step = kiosk.kiosk().log_in_by_card(&code).await.unwrap();
    assert_eq!(
        step,
        LoginWait::Approved {
            name: "张*英".to_owned()
        }
    );
    let view = kiosk.kiosk().confirm(true).await.unwrap();
    assert_eq!(view.person.as_deref(), Some("张*英"));
    assert!(kiosk.session().status().await.unwrap().logged_in);

    // The card read is used once: after it (and whenever her visit ends) she lays it again.
    kiosk.kiosk().finish().await.unwrap();
    let gone = kiosk.kiosk().log_in_by_card(&code).await.unwrap_err();
    assert!(gone.text(kiosk.localizer()).contains("重新放一次身份证"));
}

#[tokio::test]
async fn a_refused_card_is_not_asked_about_again_until_it_is_lifted() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    let switch = Switch::to(&url).await;
    let dir = tempfile::tempdir().unwrap();
    let card = dir.path().join("card.json");
    let kiosk = kiosk_app(&dir, switch.url.clone())
        .with_card_reader(Arc::new(SimulatedReader::at(card.clone())));

    lay_card(&card, "陈某", "44010119900101123");
    let refused = kiosk.kiosk().card_code().await.unwrap_err();
    assert!(refused.text(kiosk.localizer()).contains("手机号码登录"));
    // The page asks again every moment while the card lies there: told the same, the platform
    // not asked (it can't be reached now).
    switch.cut();
    for _ in 0..3 {
        assert_eq!(kiosk.kiosk().card_code().await.unwrap_err(), refused);
    }
    // Lifted and laid again, the platform is asked again.
    std::fs::remove_file(&card).unwrap();
    assert_eq!(kiosk.kiosk().card_code().await.unwrap(), None);
    lay_card(&card, "陈某", "44010119900101123");
    let offline = kiosk.kiosk().card_code().await.unwrap_err();
    assert_eq!(offline.id(), "kiosk-offline");
    // Offline is not remembered: once the network is back the card is asked about.
    switch.join();
    let again = kiosk.kiosk().card_code().await.unwrap_err();
    assert_eq!(again, refused);
}
