//! Staff mode's login against the real platform: a clerk logs in with her account and password,
//! other roles are refused, her PIN and her password open the lock, and logging out ends the login
//! on the platform too.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use huiban_core::app::{App, AppParts};
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::{PlatformClient, UrlSource};

/// A staff-mode app on `platform`, its login kept in a mock keychain.
async fn staff_app(platform: &Platform) -> App {
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "staff");
    App::new(AppParts {
        client,
        source: UrlSource::Default,
        store: None,
        store_notice: None,
        session: Session::in_keychain(keychain),
    })
}

/// The demo password of the demo account `username`.
fn password_of(username: &str) -> &'static str {
    huiban_demo::people::PASSWORD_ACCOUNTS
        .iter()
        .find(|account| account.2 == username)
        .map(|account| account.3)
        .unwrap()
}

#[tokio::test]
async fn a_clerk_logs_in_with_her_password_and_her_pin_and_password_open_the_lock() {
    let platform = Platform::new();
    let app = staff_app(&platform).await;
    assert!(!app.staff().status().await.unwrap().logged_in);

    let wrong = app
        .staff()
        .log_in("staff01", "not-her-password")
        .await
        .unwrap_err();
    assert!(!wrong.text(app.localizer()).is_empty());
    assert!(
        !app.staff().status().await.unwrap().logged_in,
        "a wrong password logs nobody in"
    );

    let status = app
        .staff()
        .log_in("staff01", password_of("staff01"))
        .await
        .unwrap();
    assert!(status.logged_in && !status.locked && !status.pin_usable);
    assert_eq!(status.clerk_name.as_deref(), Some("赵敏"));
    assert_eq!(status.centre.as_deref(), Some("东城区政务服务中心"));
    assert!(status.ends_at_words.is_some());
    assert!(
        app.session().status().await.unwrap().logged_in,
        "the token is kept"
    );

    let no_pin = app.staff().unlock_with_pin("2468").await.unwrap_err();
    assert_eq!(
        no_pin.id(),
        "staff-pin-none",
        "no PIN set is not told as too many tries"
    );
    app.staff().set_pin("2468").unwrap();
    assert!(app.staff().status().await.unwrap().pin_usable);
    let wrong_pin = app.staff().unlock_with_pin("1357").await.unwrap_err();
    assert_eq!(wrong_pin.id(), "staff-pin-wrong");
    assert!(!app.staff().unlock_with_pin("2468").await.unwrap().locked);

    let refused = app.staff().unlock_with_password("not-her-password").await;
    assert!(refused.is_err(), "a wrong password does not open the lock");
    let opened = app
        .staff()
        .unlock_with_password(password_of("staff01"))
        .await
        .unwrap();
    assert!(opened.logged_in && !opened.locked);
    assert_eq!(
        app.logins().list().await.unwrap().len(),
        1,
        "the password check's own login was ended: only her day's login is live"
    );

    app.staff().lock().unwrap();
    assert!(app.staff().status().await.unwrap().locked, "锁屏 locks");
    assert_eq!(app.staff().at_work().unwrap_err().id(), "staff-locked");
    app.staff().unlock_with_pin("2468").await.unwrap();
    app.staff().at_work().unwrap();

    app.staff().log_out(false).await.unwrap();
    assert!(!app.staff().status().await.unwrap().logged_in);
    assert_eq!(
        app.staff().at_work().unwrap_err().id(),
        "staff-not-logged-in"
    );
    assert!(
        !app.session().status().await.unwrap().logged_in,
        "the login is gone here too"
    );
}

#[tokio::test]
async fn an_officer_or_a_kiosk_account_cannot_log_in_to_staff_mode() {
    let platform = Platform::new();
    let app = staff_app(&platform).await;
    for username in ["officer01", "kiosk01"] {
        let refused = app
            .staff()
            .log_in(username, password_of(username))
            .await
            .unwrap_err();
        assert_eq!(refused.id(), "staff-not-staff", "{username}");
        assert!(!app.staff().status().await.unwrap().logged_in);
        assert!(
            !app.session().status().await.unwrap().logged_in,
            "{username}'s token is not kept"
        );
    }
}

#[tokio::test]
async fn a_login_kept_from_before_a_restart_is_ended_and_she_logs_in_again() {
    let platform = Platform::new();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "staff");
    let url = platform.serve(None).await;
    let app_with = |keychain: Keychain| {
        App::new(AppParts {
            client: PlatformClient::new(url.clone()).unwrap(),
            source: UrlSource::Default,
            store: None,
            store_notice: None,
            session: Session::in_keychain(keychain),
        })
    };
    let before = app_with(keychain.clone());
    before
        .staff()
        .log_in("staff01", password_of("staff01"))
        .await
        .unwrap();
    assert!(
        keychain.kept_login().unwrap().is_some(),
        "the token is in the keychain"
    );
    drop(before);

    let after = app_with(keychain.clone());
    let status = after.staff().status().await.unwrap();
    assert!(
        !status.logged_in,
        "her PIN and day were in memory: she logs in again"
    );
    assert_eq!(
        keychain.kept_login().unwrap(),
        None,
        "the kept login is ended"
    );
}
