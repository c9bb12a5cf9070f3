//! The device's login against the real platform: the refresh token in the keychain carries the login
//! across restarts, renewals never spend a refresh token twice, and a login ended on the platform ends
//! here too. The sending loop wakes at once when told.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Platform, application, local_store};
use huiban_core::PlatformClient;
use huiban_core::outbox::engine::{self, Engine, Pacing, Whose};
use huiban_core::outbox::{self, QueueSummary};
use huiban_core::secrets::Keychain;
use huiban_core::session::{Session, SessionError};
use tokio::sync::Notify;

fn keychain(name: &str) -> Keychain {
    Keychain::in_store(keyring_core::mock::Store::new().unwrap(), name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_login_survives_a_restart_and_renews_once_under_contention() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = keychain("session-restart");
    let first = Session::in_keychain(keychain.clone());
    let request = platform.sms_grant(&client, "13800000002").await;
    let who = first.log_in(&client, &request).await.unwrap();
    assert_eq!(who.role, huiban_api::Role::Citizen);
    let saved = keychain.kept_login().unwrap().unwrap();
    assert_eq!(
        saved.account_id, "c-demo-li",
        "whose login it is is kept with it"
    );

    // After a restart eight callers ask at once: one renewal, one new refresh token, all get it.
    let restarted = Arc::new(Session::in_keychain(keychain.clone()));
    assert!(restarted.is_logged_in().await.unwrap());
    let calls: Vec<_> = (0..8)
        .map(|_| {
            let session = Arc::clone(&restarted);
            let client = client.clone();
            tokio::spawn(async move { session.token(&client).await.unwrap().access_token })
        })
        .collect();
    let mut tokens = Vec::new();
    for call in calls {
        tokens.push(call.await.unwrap());
    }
    tokens.dedup();
    assert_eq!(tokens.len(), 1, "one renewal served every caller");
    let rotated = keychain.kept_login().unwrap().unwrap();
    assert_ne!(
        rotated.refresh_token, saved.refresh_token,
        "the spent refresh token was replaced"
    );
    let me = platform_me(&client, &tokens[0]).await;
    assert_eq!(me["phone_masked"], "138****0002");
}

#[tokio::test]
async fn a_login_ended_elsewhere_ends_here_and_is_forgotten() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = keychain("session-ended");
    let session = Session::in_keychain(keychain.clone());
    let request = platform.sms_grant(&client, "13800000001").await;
    session.log_in(&client, &request).await.unwrap();
    let token = session.token(&client).await.unwrap().access_token;

    // The platform ends the login (its refresh tokens with it); a restarted app finds out.
    client.log_out(&token).await.unwrap();
    let restarted = Session::in_keychain(keychain.clone());
    assert_eq!(
        restarted.account().await.unwrap().as_deref(),
        Some("c-demo-zhang"),
        "offline, the kept login still says whose it is"
    );
    let error = restarted.token(&client).await.unwrap_err();
    assert!(matches!(error, SessionError::LoggedOut), "{error:?}");
    assert_eq!(keychain.kept_login().unwrap(), None);
    assert_eq!(restarted.account().await.unwrap(), None);
    assert!(!restarted.is_logged_in().await.unwrap());

    // Logging out here forgets the saved login even with the platform unreachable.
    let again = platform.sms_grant(&client, "13800000003").await;
    session.log_in(&client, &again).await.unwrap();
    let gone = PlatformClient::new("http://127.0.0.1:9".parse().unwrap()).unwrap();
    session.log_out(&gone).await.unwrap();
    assert_eq!(keychain.kept_login().unwrap(), None);
}

#[tokio::test]
async fn a_logout_made_offline_is_told_to_the_platform_once_it_answers() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = keychain("session-offline-logout");
    let session = Session::in_keychain(keychain.clone());
    let request = platform.sms_grant(&client, "13800000001").await;
    session.log_in(&client, &request).await.unwrap();
    let kept = keychain.kept_login().unwrap().unwrap();

    let gone = PlatformClient::new("http://127.0.0.1:9".parse().unwrap()).unwrap();
    session.log_out(&gone).await.unwrap();
    assert!(!session.is_logged_in().await.unwrap(), "ended here at once");
    assert_eq!(keychain.untold_logouts().unwrap().len(), 1);
    session.tell_logouts(&gone).await.unwrap_err();
    assert_eq!(
        keychain.untold_logouts().unwrap().len(),
        1,
        "kept until told"
    );

    session.tell_logouts(&client).await.unwrap();
    assert!(keychain.untold_logouts().unwrap().is_empty());
    // The platform ended that login: its refresh token renews nothing now.
    let renewal = client
        .token(&huiban_api::TokenRequest::RefreshToken {
            refresh_token: kept.refresh_token,
        })
        .await;
    assert!(renewal.is_err(), "the login ended on the platform too");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sending_loop_sends_only_the_rows_of_the_person_logged_in() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = keychain("session-two-people");
    let session = Session::in_keychain(keychain.clone());
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    // 张秀英 queued an application while offline and logged out keeping it (留着下次登录再发).
    let zhang = local.of_account("c-demo-zhang");
    let queued = outbox::enqueue_application(&zhang, &application("高龄津贴"), 0).unwrap();
    let lock = dir.path().join("outbox.lock");
    let engine = Engine {
        whose: Whose::LoggedIn,
        store: &local,
        client: &client,
        session: &session,
        lock_path: &lock,
        pacing: Pacing {
            idle: Duration::from_millis(50),
            ..Pacing::default()
        },
        wake: None,
        device: None,
    };
    // 李建国 logs in next: the loop runs a while and sends nothing of hers, under his login or any.
    let li = platform.sms_grant(&client, "13800000002").await;
    session.log_in(&client, &li).await.unwrap();
    let mut heard = Vec::new();
    let ran = engine::run(
        engine,
        false,
        tokio::time::sleep(Duration::from_millis(600)),
        |summary| heard.push(summary),
    )
    .await
    .unwrap();
    assert!(ran);
    assert!(
        heard.iter().all(|s| s.waiting == 0),
        "his queue is empty: {heard:?}"
    );
    assert!(
        platform
            .store
            .case_numbers_of("c-demo-li", None, u32::MAX)
            .unwrap()
            .is_empty()
    );
    assert!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        zhang.outbox_row(&queued).unwrap().unwrap().state,
        huiban_core::store::OutboxState::Queued
    );

    // She logs in again: hers goes out, as hers.
    session.log_out(&client).await.unwrap();
    let again = platform.sms_grant(&client, "13800000001").await;
    session.log_in(&client, &again).await.unwrap();
    let ran = engine::run(engine, true, std::future::pending(), |_| {})
        .await
        .unwrap();
    assert!(ran);
    let row = zhang.outbox_row(&queued).unwrap().unwrap();
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap(),
        vec![row.case_number.unwrap()]
    );
    assert!(
        platform
            .store
            .case_numbers_of("c-demo-li", None, u32::MAX)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sending_loop_wakes_when_told_instead_of_waiting_out_its_pause() {
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let session = Session::in_keychain(keychain("session-wake"));
    let request = platform.sms_grant(&client, "13800000001").await;
    session.log_in(&client, &request).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let wake = Notify::new();
    let lock = dir.path().join("outbox.lock");
    let engine = Engine {
        whose: Whose::LoggedIn,
        store: &local,
        client: &client,
        session: &session,
        lock_path: &lock,
        // Without a wake-up nothing would be sent within the test's time.
        pacing: Pacing {
            idle: Duration::from_secs(3600),
            ..Pacing::default()
        },
        wake: Some(&wake),
        device: None,
    };
    let (heard_tx, mut heard) = tokio::sync::mpsc::unbounded_channel::<QueueSummary>();
    let queue_and_wake = async {
        // The loop reports the empty queue first and then waits.
        assert_eq!(heard.recv().await.unwrap().waiting, 0);
        outbox::enqueue_application(&store, &application("高龄津贴"), 0).unwrap();
        wake.notify_one();
        let mut last = heard.recv().await.unwrap();
        while last.sent == 0 {
            last = heard.recv().await.unwrap();
        }
        last
    };
    let stop = async {
        tokio::time::sleep(Duration::from_secs(30)).await;
    };
    let loop_run = engine::run(engine, false, stop, move |summary| {
        let _ = heard_tx.send(summary);
    });
    tokio::select! {
        last = queue_and_wake => assert_eq!((last.waiting, last.sent), (0, 1)),
        ended = loop_run => panic!("the loop ended first: {ended:?}"),
    }
}

async fn platform_me(client: &PlatformClient, token: &str) -> serde_json::Value {
    reqwest::Client::new()
        .get(client.base().join("/api/v1/me").unwrap())
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_login_held_in_memory_ended_offline_is_ended_on_the_platform_once_it_answers() {
    // A kiosk's login: no keychain, nothing kept; her visit may end while the network is down.
    let platform = Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let session = Session::in_memory();
    let request = platform.sms_grant(&client, "13800000001").await;
    session.log_in(&client, &request).await.unwrap();
    let token = session.token(&client).await.unwrap().access_token;

    let gone = PlatformClient::new("http://127.0.0.1:9".parse().unwrap()).unwrap();
    session.log_out(&gone).await.unwrap();
    assert!(!session.is_logged_in().await.unwrap(), "ended here at once");
    assert!(client.me(&token).await.is_ok(), "not yet on the platform");
    session.tell_logouts(&gone).await.unwrap_err();

    session.tell_logouts(&client).await.unwrap();
    assert!(
        client.me(&token).await.is_err(),
        "ended on the platform too"
    );
    // Told once: the next turn asks nothing.
    session.tell_logouts(&gone).await.unwrap();
}
