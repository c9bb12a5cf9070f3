//! 请工作人员给我回电话 end to end against the real platform: 张秀英 asks in 求助 (through the
//! outbox), 赵敏's staff window at her district's centre shows it with the phone to call, 已回电话
//! answers it, and 张秀英 may ask again once her copy says so.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use huiban_core::app::AppParts;
use huiban_core::help::CallBack;
use huiban_core::outbox::engine::Whose;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::{App, PlatformClient, UrlSource};

#[tokio::test]
async fn her_call_back_reaches_her_centre_s_staff_window_and_is_answered_once() {
    let platform = common::Platform::new();
    let url = platform.serve(None).await;
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "call-back");
    let her = App::new(AppParts {
        client: PlatformClient::new(url.clone()).unwrap(),
        source: UrlSource::Default,
        store: Some(std::sync::Arc::new(common::local_store(&dir))),
        store_notice: None,
        session: Session::in_keychain(keychain),
    });
    her.session().request_code("13800000001").await.unwrap();
    let code =
        huiban_platform::demo_accounts::last_login_code(&platform.store, "13800000001").unwrap();
    her.session().log_in("13800000001", &code).await.unwrap();
    her.refresh_copies().await.unwrap();
    her.help().call_back(Some("高龄津贴申领")).await.unwrap();
    common::send_until_drained(&her, dir.path().join("outbox.lock"), Whose::LoggedIn, None).await;

    let card = dir.path().join("no-card");
    let zhao = common::counter::clerk_on(url, card, None).await;
    let open = zhao.staff().call_backs().await.unwrap();
    assert_eq!(open.len(), 1, "{open:?}");
    assert!(
        open[0].said.starts_with("张秀英请您回电话（"),
        "{}",
        open[0].said
    );
    assert_eq!(open[0].phone, "138 0000 0001");
    assert!(open[0].description.contains("高龄津贴申领"));

    let after = zhao
        .staff()
        .call_back_called(&open[0].request_no)
        .await
        .unwrap();
    assert!(after.is_empty());
    let again = zhao
        .staff()
        .call_back_called(&open[0].request_no)
        .await
        .unwrap_err();
    assert!(
        again.text(zhao.localizer()).contains("没有这个回电请求"),
        "{}",
        again.text(zhao.localizer())
    );

    // Her copy says who called; she may ask again.
    her.refresh_copies().await.unwrap();
    assert!(matches!(
        her.help().page().await.unwrap().call_back,
        CallBack::CanAsk { .. }
    ));
}
