//! A visit at a kiosk against the real platform: 张秀英 logs in from her phone, says it is her,
//! confirms 高龄津贴申领 while the network is down and presses 我办完了. Nothing of hers stays but
//! that submission and its grant; when the network is back the kiosk files it, under its own
//! login, for her, as come through the kiosk, exactly once, and forgets it; a photo it names goes up
//! for her under its own grant.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use common::kiosk::kiosk_app;
use common::switch::Switch;
use huiban_api::HandlingChannel;
use huiban_core::kiosk::visit::LoginWait;
use huiban_core::outbox::engine::Whose;
use huiban_core::{App, PlatformClient};

const ZHANG: &str = "c-demo-zhang";

/// The kiosk's sending loop until nothing of anyone waits.
async fn send_as_the_kiosk(app: &App, dir: &tempfile::TempDir) {
    let kiosk = app.kiosk_here().unwrap();
    let lock = dir.path().join("kiosk-outbox.lock");
    common::send_until_drained(app, lock, Whose::Visitors, Some(&kiosk.device)).await;
}

/// 张秀英 at a kiosk that reaches the platform through a switch: her phone approved the code the
/// kiosk shows and she said it is her.
struct Visit {
    platform: Platform,
    switch: Switch,
    dir: tempfile::TempDir,
    app: App,
    /// Her phone's client and token.
    phone: PlatformClient,
    token: String,
}

impl Visit {
    async fn begin() -> Self {
        let platform = Platform::new();
        let url = platform.serve(None).await;
        let switch = Switch::to(&url).await;
        let dir = tempfile::tempdir().unwrap();
        let app = kiosk_app(&dir, switch.url.clone());
        let code = app.kiosk().login_code().await.unwrap();
        let phone = PlatformClient::new(url.clone()).unwrap();
        let token = platform.login(&phone, "13800000001").await;
        phone
            .answer_kiosk(&token, &code.user_code, true)
            .await
            .unwrap();
        assert_eq!(
            app.kiosk().login_wait().await.unwrap(),
            LoginWait::Approved {
                name: "张*英".to_owned()
            }
        );
        let view = app.kiosk().confirm(true).await.unwrap();
        assert_eq!(view.person.as_deref(), Some("张*英"));
        Self {
            platform,
            switch,
            dir,
            app,
            phone,
            token,
        }
    }
}

#[tokio::test]
async fn what_she_confirmed_offline_is_filed_for_her_once_after_her_visit() {
    let Visit {
        platform,
        switch,
        dir,
        app,
        phone,
        token,
    } = Visit::begin().await;

    // Nothing waits: no slip.
    app.catalog().items().await.unwrap();
    assert_eq!(app.kiosk().leaving_slip().await.unwrap(), None);

    // The network goes; she confirms 高龄津贴申领 and presses 我办完了: the slip names it, and
    // nothing of hers.
    let hers = app.own_store().await.unwrap();
    switch.cut();
    let client_id =
        huiban_core::outbox::enqueue_application(&hers, &common::application("高龄津贴申领"), 0)
            .unwrap();
    let slip = app.kiosk().leaving_slip().await.unwrap().expect("a slip");
    assert_eq!(slip.waiting, ["高龄津贴申领"]);
    let after = app.kiosk().finish().await.unwrap();
    assert!(!after.in_use && after.person.is_none());
    assert_eq!(app.kiosk().leaving_slip().await.unwrap(), None, "nobody's");
    assert!(!app.session().status().await.unwrap().logged_in);
    let store = app.store().unwrap();
    assert!(
        store.kiosk_grant(&client_id).unwrap().is_some(),
        "its grant is made"
    );
    assert_eq!(store.accounts_granted().unwrap(), [ZHANG]);

    // The network is back: the kiosk files it for her, once, and forgets it.
    switch.join();
    send_as_the_kiosk(&app, &dir).await;
    let (number, _) = platform
        .store
        .case_of_key(ZHANG, &client_id)
        .unwrap()
        .expect("filed for her");
    let cases = phone.applications(&token).await.unwrap();
    let filed: Vec<_> = cases
        .iter()
        .filter(|case| case.application_no == number)
        .collect();
    assert_eq!(filed.len(), 1, "exactly once");
    assert_eq!(filed[0].channel, HandlingChannel::Kiosk);
    assert_eq!(cases.len(), 1, "nothing else filed for her");
    assert_eq!(
        store.of_account(ZHANG).outbox_row(&client_id).unwrap(),
        None,
        "forgotten here once sent"
    );
    assert!(store.accounts_granted().unwrap().is_empty());
}

#[tokio::test]
async fn the_photo_of_a_request_she_confirmed_offline_goes_up_for_her_under_its_own_grant() {
    let Visit {
        platform: _platform,
        switch,
        dir,
        app,
        phone,
        token,
    } = Visit::begin().await;

    // Offline, she photographs the broken lamp, confirms her 诉求 and leaves.
    let hers = app.own_store().await.unwrap();
    switch.cut();
    let photo = [b"\x89PNG\r\n\x1a\n".as_slice(), "路灯坏了".as_bytes()].concat();
    let kept = huiban_core::attachments::keep(&hers, &photo, 0).unwrap();
    let request = huiban_api::NewRequest {
        kind: huiban_api::RequestKind::Complaint,
        description: "小区门口的路灯坏了".to_owned(),
        location: None,
        photos: vec![kept.sha256.clone()],
        channel: huiban_api::IntakeChannel::Kiosk,
        call_back: false,
    };
    let client_id = huiban_core::outbox::requests::enqueue_request(&hers, &request, 0).unwrap();
    app.kiosk().finish().await.unwrap();
    let store = app.store().unwrap();
    assert!(store.kiosk_grant(&client_id).unwrap().is_some());
    assert!(
        store
            .kiosk_file_grant(ZHANG, &kept.sha256)
            .unwrap()
            .is_some(),
        "the photo has its own grant"
    );

    // Back online: the photo goes up as hers, then the 诉求 that names it; both forgotten here.
    switch.join();
    send_as_the_kiosk(&app, &dir).await;
    let requests = phone.requests(&token).await.unwrap();
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(requests[0].photos, std::slice::from_ref(&kept.sha256));
    assert_eq!(requests[0].channel, huiban_api::IntakeChannel::Kiosk);
    assert!(store.accounts_granted().unwrap().is_empty());
}
