//! At the kiosk, without scanning: 张秀英 types her phone number and the code texted to it on the
//! kiosk's keypad, against the real platform. A wrong code is told in plain words and logs nobody
//! in; the right one brings 是您本人吗？ with her masked name, as a scan does.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use common::kiosk::kiosk_app;
use huiban_core::kiosk::visit::LoginWait;

#[tokio::test]
async fn her_phone_number_and_texted_code_log_her_in_at_the_kiosk() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    let dir = tempfile::tempdir().unwrap();
    let kiosk = kiosk_app(&dir, url);

    kiosk.kiosk().send_sms_code("138 0000 0001").await.unwrap();
    let wrong = kiosk
        .kiosk()
        .log_in_by_sms("13800000001", "000000")
        .await
        .unwrap_err();
    assert!(
        wrong.text(kiosk.localizer()).contains("验证码不对"),
        "{}",
        wrong.text(kiosk.localizer())
    );
    assert!(!kiosk.kiosk().status().await.unwrap().in_use);

    let code =
        huiban_platform::demo_accounts::last_login_code(&platform.store, "13800000001").unwrap();
    let step = kiosk
        .kiosk()
        .log_in_by_sms("13800000001", &code)
        .await
        .unwrap();
    assert_eq!(
        step,
        LoginWait::Approved {
            name: "张*英".to_owned()
        }
    );
    let view = kiosk.kiosk().confirm(true).await.unwrap();
    assert_eq!(view.person.as_deref(), Some("张*英"));
    assert!(kiosk.session().status().await.unwrap().logged_in);
}
