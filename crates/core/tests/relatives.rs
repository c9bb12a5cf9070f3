//! 亲友代办 end to end against the real platform: 李明 asks to help his mother; 张秀英 agrees in
//! her Huiban; he switches to her at the top and files 高龄津贴申领 for her through his outbox;
//! her 进度 says 由 李明（儿子）代办 and 谁帮我办过 lists his act; back to 我自己 her copies are
//! gone from his computer; she ends the grant and his next switch is refused in plain words.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use huiban_api::{GrantState, Kinship};
use huiban_core::app::AppParts;
use huiban_core::client::GrantAnswer;
use huiban_core::outbox::engine::Whose;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::{App, PlatformClient, UrlSource};

async fn logged_in(
    platform: &common::Platform,
    url: &reqwest::Url,
    dir: &tempfile::TempDir,
    phone: &str,
) -> App {
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), phone);
    let app = App::new(AppParts {
        client: PlatformClient::new(url.clone()).unwrap(),
        source: UrlSource::Default,
        store: Some(std::sync::Arc::new(common::local_store(dir))),
        store_notice: None,
        session: Session::in_keychain(keychain),
    });
    app.session().request_code(phone).await.unwrap();
    let code = huiban_platform::demo_accounts::last_login_code(&platform.store, phone).unwrap();
    app.session().log_in(phone, &code).await.unwrap();
    app
}

/// 李明, acting for her, confirms 高龄津贴申领 and his outbox sends until nothing is left to try.
async fn files_for_her(
    liming: &App,
    for_her: &huiban_core::store::AccountStore<'_>,
    his_dir: &std::path::Path,
) {
    huiban_core::outbox::enqueue_application(for_her, &common::application("高龄津贴申领"), 0)
        .unwrap();
    common::send_until_drained(liming, his_dir.join("outbox.lock"), Whose::LoggedIn, None).await;
}

#[tokio::test]
async fn her_son_acts_for_her_with_her_consent_until_she_ends_it() {
    let platform = common::Platform::new();
    let url = platform.serve(None).await;
    let (his_dir, her_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let liming = logged_in(&platform, &url, &his_dir, "13800000004").await;
    let zhang = logged_in(&platform, &url, &her_dir, "13800000001").await;

    // A wrong phone is told before the platform is asked.
    let wrong = liming
        .relatives()
        .ask("138 0000", Kinship::Son)
        .await
        .unwrap_err();
    assert_eq!(wrong.id(), "relatives-phone-wrong");
    let asked = liming
        .relatives()
        .ask("138 0000 0001", Kinship::Son)
        .await
        .unwrap();
    assert_eq!(asked.who, "138****0001");
    assert_eq!(asked.state, GrantState::Asked);
    // Nobody to switch to until she agrees.
    assert!(
        liming
            .relatives()
            .switch()
            .await
            .unwrap()
            .choices
            .is_empty()
    );

    let hers = zhang.relatives().page().await.unwrap();
    assert_eq!(
        hers.asked[0].question.as_deref(),
        Some("您的儿子 李明 想帮您办事，同意吗？")
    );
    let agreed = zhang
        .relatives()
        .answer(&asked.grant_id, GrantAnswer::Agree)
        .await
        .unwrap();
    assert!(agreed.asked.is_empty());
    assert_eq!(agreed.helped_by[0].state, GrantState::Granted);

    let switch = liming.relatives().switch().await.unwrap();
    let names: Vec<&str> = switch.choices.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["我自己", "张秀英"]);
    let acting = liming
        .relatives()
        .act_for(Some(&asked.grant_id))
        .await
        .unwrap();
    assert_eq!(acting.acting_words.as_deref(), Some("现在替 张秀英 办事"));
    liming.refresh_copies().await.unwrap();
    let for_her = liming.own_store().await.unwrap();
    assert_eq!(for_her.account_id(), "c-demo-liming/c-demo-zhang");
    assert_eq!(for_her.subject(), "c-demo-zhang");
    assert_eq!(
        for_her
            .profile()
            .unwrap()
            .and_then(|account| account.name)
            .as_deref(),
        Some("张秀英")
    );

    // He files 高龄津贴申领 for her through his outbox.
    files_for_her(&liming, &for_her, his_dir.path()).await;
    let sent = for_her.outbox_rows().unwrap();
    assert_eq!(sent.len(), 1);
    let number = sent[0].case_number.clone().unwrap();

    // Her 进度 says who filed it, and 谁帮我办过 lists it.
    zhang.refresh_copies().await.unwrap();
    let detail = zhang.cases().detail(&number).await.unwrap();
    assert_eq!(detail.agent_words.as_deref(), Some("由 李明（儿子）代办"));
    let acted = zhang.acted_for_me().await.unwrap();
    let row = acted
        .iter()
        .find(|row| row.who == "您的儿子 李明")
        .expect("his grant is in 谁帮我办过");
    assert!(!row.reportable);
    assert!(row.did.iter().any(|deed| deed.contains("申请")), "{row:?}");

    // Back to himself: her copies are gone from his computer.
    let mine = liming.relatives().act_for(None).await.unwrap();
    assert_eq!(mine.acting_words, None);
    assert_eq!(
        liming.own_store().await.unwrap().account_id(),
        "c-demo-liming"
    );
    assert!(for_her.cached_cases().unwrap().is_empty());

    // He acts for her again; she ends it: his next pull is refused in plain words, he is back to
    // himself, and her copies leave his computer; switching to her again is refused too.
    liming
        .relatives()
        .act_for(Some(&asked.grant_id))
        .await
        .unwrap();
    liming.refresh_copies().await.unwrap();
    assert!(!for_her.cached_cases().unwrap().is_empty());
    zhang
        .relatives()
        .answer(&asked.grant_id, GrantAnswer::End)
        .await
        .unwrap();
    let ended = liming.refresh_copies().await.unwrap_err();
    assert!(
        ended.text(liming.localizer()).contains("结束了授权"),
        "{}",
        ended.text(liming.localizer())
    );
    assert_eq!(
        liming.own_store().await.unwrap().account_id(),
        "c-demo-liming"
    );
    assert!(for_her.cached_cases().unwrap().is_empty());
    let refused = liming
        .relatives()
        .act_for(Some(&asked.grant_id))
        .await
        .unwrap_err();
    assert!(
        refused.text(liming.localizer()).contains("结束了授权"),
        "{}",
        refused.text(liming.localizer())
    );
    assert!(
        liming
            .relatives()
            .switch()
            .await
            .unwrap()
            .choices
            .is_empty()
    );

    // What he confirmed for her before he heard she ended it is refused, kept here, and he is told.
    files_for_her(&liming, &for_her, his_dir.path()).await;
    assert_eq!(for_her.outbox_rows().unwrap().len(), 2, "kept, not lost");
    let his = liming.relatives().page().await.unwrap();
    let told = his.helping[0].not_sent.as_deref().unwrap_or_default();
    assert!(
        told.starts_with("您替张秀英办的1件事没有送到：") && told.contains("授权结束了"),
        "{told}"
    );
}

/// 请家人帮忙: once her son helps her, 求助 offers a button for him; a tap is queued (and says it
/// waits for the network) and, sent, texts him once naming the page she was on.
#[tokio::test]
async fn she_asks_her_son_for_help_from_the_help_page_and_he_is_texted_once() {
    use huiban_core::help::{FamilyHelp, FamilyTap};

    let platform = common::Platform::new();
    let url = platform.serve(None).await;
    let (his_dir, her_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let liming = logged_in(&platform, &url, &his_dir, "13800000004").await;
    let zhang = logged_in(&platform, &url, &her_dir, "13800000001").await;
    // Nobody helps her yet: the page says how it starts.
    assert!(matches!(
        zhang.help().family().await.unwrap(),
        FamilyHelp::NobodyYet { .. }
    ));
    let asked = liming
        .relatives()
        .ask("13800000001", Kinship::Son)
        .await
        .unwrap();
    zhang
        .relatives()
        .answer(&asked.grant_id, GrantAnswer::Agree)
        .await
        .unwrap();
    // He acting for nobody else has no family button of his own.
    assert!(matches!(
        liming.help().family().await.unwrap(),
        FamilyHelp::NobodyYet { .. }
    ));

    // The page opens from what is kept here.
    let FamilyHelp::Relatives { relatives } = zhang.help().page().await.unwrap().family else {
        panic!("her son is kept here");
    };
    assert_eq!(relatives[0].ask, "请儿子 李明帮忙");
    let texts_to_him = || {
        platform
            .store
            .sent_sms()
            .unwrap()
            .into_iter()
            .filter(|sms| sms.phone == "13800000004")
            .count()
    };
    let before = texts_to_him();
    let FamilyHelp::Relatives { relatives } = zhang
        .help()
        .ask_family(&asked.grant_id, Some("高龄津贴申领（钱发到哪张银行卡）"))
        .await
        .unwrap()
    else {
        panic!("her son");
    };
    assert_eq!(
        relatives[0].tap,
        Some(FamilyTap::Waiting {
            said: "正在发短信告诉儿子 李明。没有网络的话，连上网络以后马上发。".to_owned()
        })
    );
    common::send_until_drained(
        &zhang,
        her_dir.path().join("outbox.lock"),
        Whose::LoggedIn,
        None,
    )
    .await;
    assert_eq!(texts_to_him(), before + 1);
    let text = platform.store.sent_sms().unwrap().pop().unwrap().text;
    // Tapped again today: nothing more is queued.
    zhang
        .help()
        .ask_family(&asked.grant_id, None)
        .await
        .unwrap();
    assert_eq!(
        huiban_core::outbox::relative_help::helps_asked(&zhang.own_store().await.unwrap())
            .unwrap()
            .len(),
        1
    );
    assert!(text.contains("高龄津贴申领（钱发到哪张银行卡）"), "{text}");
    let FamilyHelp::Relatives { relatives } = zhang.help().page().await.unwrap().family else {
        panic!("her son");
    };
    assert_eq!(
        relatives[0].tap,
        Some(FamilyTap::Sent {
            said: "已经发短信告诉儿子 李明了，请留意接听电话。".to_owned()
        })
    );

    // Someone not helping her is not hers to text.
    let stranger = zhang
        .help()
        .ask_family("rg-nobody", None)
        .await
        .unwrap_err();
    assert_eq!(stranger.id(), "help-family-not-helping");
}
