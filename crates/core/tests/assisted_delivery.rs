//! What a clerk confirmed for a resident offline is filed for her even when the clerk's login is
//! gone before the network comes back: the counter's computer keeps the session's delivery key, and
//! the next clerk of her centre to log in there sends it (and the session's close) with it. Against
//! the real platform.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use common::counter::{
    ZHANG_ID, acting_for_zhang_with, colleague, confirm_offline, her_traces, is_closed,
    send_as_the_clerk, sent_for_her, staff_app_in, staff_on, texted_code,
};
use huiban_core::secrets::Keychain;
use huiban_core::store::{LocalStore, OutboxKind};

/// The counter computer's store, opened (again) with the same keychain.
fn counter_store(dir: &tempfile::TempDir, keychain: &Keychain) -> LocalStore {
    LocalStore::open(&dir.path().join("huiban.db"), keychain)
        .unwrap()
        .0
}

#[tokio::test]
async fn confirmed_offline_then_her_login_ended_is_filed_for_her_by_the_next_clerk_at_that_computer()
 {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "counter");
    let switch = common::switch::Switch::to(&platform.serve(None).await).await;
    let zhao = acting_for_zhang_with(
        &platform,
        switch.url.clone(),
        &dir,
        counter_store(&dir, &keychain),
    )
    .await;

    // The network goes; 赵敏 confirms 张秀英's application and ends the session; then the app is
    // closed (or the computer restarted, or her working day ended) before the network is back.
    let (session, client_id) = confirm_offline(&zhao, &switch).await;
    zhao.assisted().end().await.unwrap();
    drop(zhao);

    // The next morning 钱进, of the same centre, logs in at that computer; the network is back.
    switch.join();
    let login = colleague(&platform);
    let qian = staff_on(
        switch.url.clone(),
        dir.path().join("card.json"),
        Some(counter_store(&dir, &keychain)),
        login,
    )
    .await;
    let store = qian.store().unwrap().clone();
    let waiting: Vec<OutboxKind> = store
        .of_account("c-demo-zhang")
        .outbox_rows()
        .unwrap()
        .into_iter()
        .map(|row| row.kind)
        .collect();
    assert_eq!(
        waiting,
        [OutboxKind::Application, OutboxKind::AssistedClose],
        "what 赵敏 confirmed waited, with the close"
    );
    assert!(store.delivery_key(&session).unwrap().is_some());

    // His sending loop files it for her, in 赵敏's session, with 赵敏 as 代理人; then closes it.
    send_as_the_clerk(&qian, &dir).await;
    let case = sent_for_her(&qian, &platform, &client_id);
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    let agent = case.agent.unwrap();
    assert_eq!(
        (agent.name.as_str(), agent.account_id.as_str()),
        ("赵敏", "s-demo-zhao")
    );
    assert_eq!(case.channel, huiban_api::HandlingChannel::Counter);
    assert!(is_closed(&platform, &session));
    let told = platform.store.sent_sms().unwrap();
    assert!(
        told.iter().any(|sms| sms.phone == "13800000001"
            && sms.text.contains("赵敏")
            && sms.text.contains("代办已经结束")),
        "she is told 赵敏's session ended"
    );

    // Nothing of hers, and not the key, stays on the counter's computer.
    assert_eq!(her_traces(&qian), Vec::<String>::new(), "no trace of her");
    assert_eq!(store.delivery_key(&session).unwrap(), None);
    qian.staff().log_out(false).await.unwrap();
}

#[tokio::test]
async fn after_a_restart_with_something_waiting_the_staff_window_opens_at_the_login() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "counter");
    let switch = common::switch::Switch::to(&platform.serve(None).await).await;
    let zhao = staff_app_in(
        switch.url.clone(),
        Some(counter_store(&dir, &keychain)),
        keychain.clone(),
    );
    zhao.staff()
        .log_in("staff01", "huiban-staff-01")
        .await
        .unwrap();
    zhao.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    let code = texted_code(&platform, "13800000001");
    zhao.assisted().consent_by_code(&code).await.unwrap();
    confirm_offline(&zhao, &switch).await;

    // 下班退出 tells her first; she may leave it for the next clerk here.
    assert_eq!(
        zhao.staff().log_out(false).await.unwrap_err().id(),
        "staff-unsent-waiting"
    );
    assert!(
        zhao.staff().status().await.unwrap().logged_in,
        "still at work"
    );
    drop(zhao);

    // The window closed without 下班退出 (her login kept in the keychain): the next start ends that
    // login and opens at the login screen; what she confirmed still waits.
    let again = staff_app_in(
        switch.url.clone(),
        Some(counter_store(&dir, &keychain)),
        keychain.clone(),
    );
    let status = again.staff().status().await.unwrap();
    assert!(!status.logged_in);
    let waiting = huiban_core::outbox::assisted_close::confirmed_waiting(again.store().unwrap());
    assert_eq!(waiting.unwrap(), 1);

    // Logged in again (the network back for a moment), she leaves anyway before it was sent: her
    // login ends, what waits stays.
    switch.join();
    again
        .staff()
        .log_in("staff01", "huiban-staff-01")
        .await
        .unwrap();
    again.staff().log_out(true).await.unwrap();
    assert!(!again.staff().status().await.unwrap().logged_in);
    let waiting = huiban_core::outbox::assisted_close::confirmed_waiting(again.store().unwrap());
    assert_eq!(waiting.unwrap(), 1, "left for the next clerk here");
}

#[tokio::test]
async fn a_close_the_platform_already_has_counts_as_sent() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "counter");
    let url = platform.serve(None).await;
    let zhao = acting_for_zhang_with(&platform, url, &dir, counter_store(&dir, &keychain)).await;
    let session = zhao
        .own_store()
        .await
        .unwrap()
        .assisted_session()
        .unwrap()
        .to_owned();
    zhao.assisted().end().await.unwrap();
    assert!(
        is_closed(&platform, &session),
        "closed at once: nothing waited"
    );

    // Its close queued again (the answer to an earlier try was lost): sent, not 需要处理.
    let store = zhao.store().unwrap().clone();
    let again = huiban_core::outbox::assisted_close::enqueue_close(
        &store.of_resident("c-demo-zhang", &session),
        &session,
        &huiban_api::CloseAssistedSession::default(),
        0,
    )
    .unwrap();
    send_as_the_clerk(&zhao, &dir).await;
    let row = store
        .of_account("c-demo-zhang")
        .outbox_row(&again)
        .unwrap()
        .unwrap();
    assert_eq!(
        row.state,
        huiban_core::store::OutboxState::Sent,
        "{:?}",
        row.last_error
    );
}
