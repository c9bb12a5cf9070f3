//! Acting for a resident at the counter, against the real platform: the clerk identifies 张秀英 by
//! her ID number and name, she gives the code the platform texted her, the session opens, and
//! 结束办理 ends it there too; nothing is done while the screen is locked or before a login.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use huiban_core::app::{App, AppParts};
use huiban_core::assisted::SimulatedReader;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::{PlatformClient, UrlSource};

/// 张秀英's ID number, as on her card.
const ZHANG_ID: &str = "110101194403151029";

/// A staff-mode app on `platform` with a simulated card reader at `card`, 赵敏 logged in.
async fn clerk_at_work(platform: &Platform, card: std::path::PathBuf) -> App {
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "staff");
    let app = App::new(AppParts {
        client,
        source: UrlSource::Default,
        store: None,
        store_notice: None,
        session: Session::in_keychain(keychain),
    })
    .with_card_reader(std::sync::Arc::new(SimulatedReader::at(card)));
    app.staff()
        .log_in("staff01", "huiban-staff-01")
        .await
        .unwrap();
    app
}

/// The newest consent code the platform texted to `phone`.
fn texted_code(platform: &Platform, phone: &str) -> String {
    huiban_platform::demo_accounts::last_login_code(&platform.store, phone).unwrap()
}

#[tokio::test]
async fn the_clerk_identifies_a_resident_who_consents_and_ends_the_session() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let app = clerk_at_work(&platform, dir.path().join("card.json")).await;
    assert_eq!(app.assisted().current().unwrap(), None);

    let short = app.assisted().check_id_number("1101011944").unwrap_err();
    assert_eq!(short.id(), "assisted-id-number-length");
    assert_eq!(
        app.assisted()
            .check_id_number(" 1101011944 0315 1029 ")
            .unwrap(),
        ZHANG_ID
    );
    assert_eq!(
        app.assisted().start(ZHANG_ID, " ").await.unwrap_err().id(),
        "assisted-name-blank"
    );

    let waiting = app.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    assert!(!waiting.open);
    assert_eq!(waiting.banner, "正在为 张秀英（110…1029）办理");
    assert_eq!(waiting.consent_words.len(), 4);
    assert!(
        waiting.consent_words[2].contains("不能"),
        "what the clerk cannot do is said"
    );
    assert_eq!(
        app.assisted().consent_by_code("12").await.unwrap_err().id(),
        "assisted-code-shape"
    );

    let code = texted_code(&platform, "13800000001");
    let open = app.assisted().consent_by_code(&code).await.unwrap();
    assert!(open.open);
    assert_eq!(open.phone_masked.as_deref(), Some("138****0001"));
    let next = app.assisted().start(ZHANG_ID, "张秀英").await.unwrap_err();
    assert_eq!(next.id(), "assisted-end-first", "one resident at a time");

    app.staff().lock().unwrap();
    assert_eq!(
        app.assisted().current().unwrap_err().id(),
        "staff-locked",
        "nothing of hers while the screen is locked"
    );
    app.staff()
        .unlock_with_password("huiban-staff-01")
        .await
        .unwrap();

    app.assisted().end().await.unwrap();
    assert_eq!(app.assisted().current().unwrap(), None);
    let told = platform.store.sent_sms().unwrap();
    let last = told
        .iter()
        .rev()
        .find(|sms| sms.phone == "13800000001")
        .unwrap();
    assert!(
        last.text.contains("代办已经结束"),
        "ended on the platform, which told her: {}",
        last.text
    );
}

#[tokio::test]
async fn a_name_that_does_not_go_with_the_number_is_told_only_at_consent() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let app = clerk_at_work(&platform, dir.path().join("card.json")).await;
    let waiting = app.assisted().start(ZHANG_ID, "张秀").await.unwrap();
    assert!(
        !waiting.open,
        "the platform says nothing yet (no identity lookup without consent)"
    );
    let refused = app.assisted().consent_by_code("123456").await.unwrap_err();
    assert_eq!(refused.id(), "error-platform-answered");
    assert!(!app.assisted().current().unwrap().unwrap().open);
    // A new start replaces the session still waiting for a code.
    let again = app.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    assert_eq!(again.resident_name, "张秀英");
}

#[tokio::test]
async fn the_card_on_the_reader_names_the_resident() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let card = dir.path().join("card.json");
    let app = clerk_at_work(&platform, card.clone()).await;
    assert_eq!(app.assisted().read_card().unwrap(), None, "no card yet");
    std::fs::write(
        &card,
        format!(r#"{{"name": "张秀英", "id_number": "{ZHANG_ID}"}}"#),
    )
    .unwrap();
    let read = app.assisted().read_card().unwrap().unwrap();
    assert_eq!(
        (read.name.as_str(), read.id_number.as_str()),
        ("张秀英", ZHANG_ID)
    );
    app.staff().log_out().await.unwrap();
    assert_eq!(
        app.assisted().read_card().unwrap_err().id(),
        "staff-not-logged-in"
    );
}
