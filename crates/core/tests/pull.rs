//! Pulling cases, the inbox (by cursor) and licences from the real platform into the local store.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use huiban_api::{CaseStatus, KnownFact, TokenRequest};
use huiban_core::PlatformClient;
use huiban_core::forms::prefill::{Known, Source};
use huiban_core::outbox::{self, Backoff};
use huiban_core::pull;
use huiban_core::secrets::Keychain;
use huiban_core::store::{Draft, LocalStore};
use huiban_platform::cases::{self, OfficerMove};
use huiban_platform::keys::KeyRing;
use huiban_platform::{AppState, Store, demo_accounts, demo_data, demo_licences};
use reqwest::Url;

#[tokio::test]
async fn cases_messages_and_licences_come_down_and_the_platform_wins() {
    let dir = tempfile::tempdir().unwrap();
    let platform_store = Store::open(dir.path()).unwrap();
    demo_data::seed(&platform_store).unwrap();
    demo_accounts::seed(&platform_store, 0).unwrap();
    let keys = KeyRing::load_or_create(dir.path(), &platform_store.catalog_departments().unwrap())
        .unwrap();
    let state = AppState::new(platform_store.clone())
        .with_keys(keys)
        .keeping_sms_codes();
    demo_licences::seed(&state).unwrap();
    let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    tokio::spawn(huiban_platform::serve(
        listener,
        state.clone(),
        std::future::pending(),
    ));
    let client = PlatformClient::new(url).unwrap();
    client.request_sms_code("13800000001").await.unwrap();
    let code = demo_accounts::last_login_code(&platform_store, "13800000001").unwrap();
    let token = client
        .token(&TokenRequest::SmsCode {
            phone: "13800000001".into(),
            code,
        })
        .await
        .unwrap()
        .access_token;

    let local_dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "pull-test");
    let (local, _) = LocalStore::open(&local_dir.path().join("huiban.db"), &keychain).unwrap();
    let store = local.of_account("c-demo-zhang");
    let draft = Draft {
        draft_id: "d1".into(),
        impl_code: "x".into(),
        form_id: "form-005".into(),
        form_version: 1,
        answers: [("phone".to_owned(), serde_json::json!("13800000001"))]
            .into_iter()
            .collect(),
        set_aside: Default::default(),
    };
    store.save_draft(&draft, 0).unwrap();

    // Submit one application through the outbox.
    let application = huiban_demo::sample_application("高龄津贴申领", "11010119440315102").unwrap();
    outbox::enqueue_application(&store, &application, 0).unwrap();
    outbox::send_due(
        &store,
        &client,
        &token,
        chrono::Utc::now(),
        &Backoff::default(),
    )
    .await
    .unwrap();

    let first = pull::pull(&store, &client, &token).await.unwrap();
    assert_eq!(first.cases, 1);
    let sent = &store.outbox_rows().unwrap()[0];
    assert!(
        sent.is_purged() && sent.case_number.is_some(),
        "the answers sent are not kept twice once the case is here: {sent:?}"
    );
    assert!(
        matches!(
            pull::pull(&local.of_account("c-demo-li"), &client, &token).await,
            Err(pull::PullError::OtherAccount)
        ),
        "one person's copies are never pulled into another's"
    );
    assert_eq!(first.licences, 3, "the demo licences");
    assert_eq!(
        first.new_messages, 4,
        "three licence notices and the submission notice"
    );
    let profile = store.profile().unwrap().expect("the account is kept");
    assert_eq!(profile.name.as_deref(), Some("张秀英"));
    assert_eq!(profile.phone.as_deref(), Some("13800000001"));
    // Never ask twice: the verified e-ID card and the account fill the facts forms ask for.
    let today = huiban_core::wallet::licence_today();
    let known = Known::kept(&store, &today).unwrap();
    for (fact, source) in [
        (KnownFact::Name, Source::IdCard),
        (KnownFact::IdNumber, Source::IdCard),
        (KnownFact::Address, Source::IdCard),
        (KnownFact::Phone, Source::Account),
    ] {
        assert_eq!(known.fact(fact).map(|s| s.source), Some(source), "{fact:?}");
    }
    assert_eq!(
        known.fact(KnownFact::Address).unwrap().value,
        serde_json::json!({"region": "110101", "detail": "和平里街道示例社区1号"})
    );
    let form = huiban_demo::form_definitions().remove(0);
    let day = chrono::Local::now().date_naive();
    let filled =
        huiban_core::forms::prefill::kept_suggestions(&store, &form, &Default::default(), day)
            .unwrap();
    assert_eq!(
        filled.keys().map(String::as_str).collect::<Vec<_>>(),
        ["address", "applicant_name", "id_number", "phone"]
    );
    let answered = form
        .questions
        .iter()
        .map(|q| (q.id.clone(), serde_json::json!("已填")))
        .collect();
    assert!(
        huiban_core::forms::prefill::kept_suggestions(&store, &form, &answered, day)
            .unwrap()
            .is_empty(),
        "nothing is filled in over an answer"
    );
    let number = store.cached_cases().unwrap()[0].application_no.clone();
    assert_eq!(
        store.cached_cases().unwrap()[0].status,
        CaseStatus::Submitted
    );

    // The officer moves the case; the next pull brings only what is new, and the platform's state.
    cases::officer_move(
        &state,
        "刘洋",
        "北京市东城区民政局",
        &number,
        OfficerMove::Accept,
        None,
    )
    .unwrap();
    let second = pull::pull(&store, &client, &token).await.unwrap();
    assert_eq!(second.new_messages, 1);
    assert!(
        first.to_announce.is_empty(),
        "the first pull on a computer announces nothing old"
    );
    assert_eq!(
        second.to_announce.len(),
        1,
        "news after that is announced: {:?}",
        second.to_announce
    );
    assert_eq!(
        second.to_announce[0].application_no.as_deref(),
        Some(number.as_str())
    );
    assert_eq!(
        store.cached_cases().unwrap()[0].status,
        CaseStatus::Accepted
    );
    assert_eq!(store.cached_messages().unwrap().len(), 5);
    assert_eq!(store.cached_licences().unwrap().len(), 3);
    assert_eq!(
        store.draft("d1").unwrap(),
        Some(draft.clone()),
        "a pull never touches drafts"
    );

    // 退出: the next person on this computer sees nothing pulled for this one; drafts stay.
    store.forget_pulled().unwrap();
    assert!(store.cached_cases().unwrap().is_empty());
    assert!(store.cached_requests().unwrap().is_empty());
    assert!(store.cached_messages().unwrap().is_empty());
    assert!(store.cached_licences().unwrap().is_empty());
    assert_eq!(store.profile().unwrap(), None);
    assert_eq!(store.message_cursor().unwrap(), 0);
    assert_eq!(store.draft("d1").unwrap(), Some(draft));
}

#[tokio::test]
async fn a_logged_in_app_keeps_its_copies_fresh_by_itself() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "keep-fresh");
    let session = huiban_core::session::Session::in_keychain(keychain.clone());
    let local_dir = tempfile::tempdir().unwrap();
    let (local, _) = LocalStore::open(&local_dir.path().join("huiban.db"), &keychain).unwrap();
    let store = local.of_account("c-demo-wang");

    // Nobody logged in: nothing is pulled, nothing fails.
    let (tx, mut pulled) = tokio::sync::mpsc::unbounded_channel();
    // Left to itself it would wait an hour; a login or a submission asks for a pull at once.
    let now = tokio::sync::Notify::new();
    let refresher = async {
        pull::keep_fresh(
            &local,
            &client,
            &session,
            std::time::Duration::from_secs(3600),
            &now,
            &pull::PullGate::default(),
            |p| {
                let _ = tx.send(p);
            },
        )
        .await
    };
    let scenario = async {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert!(pulled.try_recv().is_err(), "no pull without a login");
        let grant = platform.sms_grant(&client, "13800000003").await;
        session.log_in(&client, &grant).await.unwrap();
        now.notify_one();
        let first = pulled.recv().await.unwrap();
        assert_eq!(first.cases, 0, "pulled at once after the login");
        let token = session.token(&client).await.unwrap().access_token;
        let body = huiban_demo::sample_application("高龄津贴", "11010119381120024").unwrap();
        client
            .submit_application(&token, &uuid::Uuid::new_v4().to_string(), &body)
            .await
            .unwrap();
        now.notify_one();
        loop {
            let p = pulled.recv().await.unwrap();
            if p.cases == 1 && !store.cached_messages().unwrap().is_empty() {
                break;
            }
        }
    };
    tokio::select! {
        () = scenario => {}
        () = refresher => unreachable!("keep_fresh runs until dropped"),
        () = tokio::time::sleep(std::time::Duration::from_secs(30)) => panic!("never pulled"),
    }
    assert_eq!(store.cached_cases().unwrap().len(), 1);
}

#[tokio::test]
async fn a_message_read_here_is_read_on_the_platform_too() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let (token, local, _local_dir) =
        applied_with_an_empty_store(&platform, &client, "read-test").await;
    let store = local.of_account("c-demo-li");
    pull::pull(&store, &client, &token).await.unwrap();
    let message = store.cached_messages().unwrap().pop().unwrap();
    assert!(!message.read);

    // Read while the platform cannot be reached: kept here, and told on the next pull.
    assert!(store.mark_cached_message_read(message.message_id).unwrap());
    assert!(!store.mark_cached_message_read(999_999).unwrap());
    let away = PlatformClient::new(Url::parse("http://127.0.0.1:9").unwrap()).unwrap();
    pull::tell_reads(&store, &away, &token).await.unwrap();
    assert_eq!(store.message_reads_untold().unwrap(), [message.message_id]);
    assert_eq!(
        client.messages_after(&token, 0, 50).await.unwrap().unread,
        1,
        "the platform has not heard yet"
    );
    // A mark the platform cannot place (no such message there) is not tried for ever.
    let stray = huiban_api::Message {
        message_id: 999_999,
        ..message.clone()
    };
    store
        .add_cached_messages(&[stray], store.message_cursor().unwrap())
        .unwrap();
    assert!(store.mark_cached_message_read(999_999).unwrap());
    pull::pull(&store, &client, &token).await.unwrap();
    assert!(store.message_reads_untold().unwrap().is_empty());
    assert!(
        store
            .cached_messages()
            .unwrap()
            .iter()
            .any(|m| m.message_id == message.message_id && m.read)
    );
    let page = client.messages_after(&token, 0, 50).await.unwrap();
    assert_eq!(page.unread, 0, "{page:?}");
}

#[tokio::test]
async fn a_pull_under_way_ends_before_the_copies_are_forgotten() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let slow = PlatformClient::new(platform.serve(Some("latency=150ms")).await).unwrap();
    let (token, local, _local_dir) =
        applied_with_an_empty_store(&platform, &client, "gate-test").await;
    let store = local.of_account("c-demo-li");

    // 退出 comes while a slow pull for the person is under way: it waits for the pull to end, so
    // nothing pulled for them is written after their copies are forgotten.
    let gate = pull::PullGate::default();
    let pulling = async {
        let _held = gate.hold().await;
        pull::pull(&store, &slow, &token).await.unwrap();
    };
    let leaving = async {
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let _held = gate.hold().await;
        store.forget_pulled().unwrap();
    };
    tokio::join!(pulling, leaving);
    assert!(store.cached_cases().unwrap().is_empty());
    assert!(store.cached_messages().unwrap().is_empty());
    assert_eq!(store.profile().unwrap(), None);
}

/// 李建国 (13800000002) after sending the demo 高龄津贴 application: his token, and an empty local
/// store on a mock keychain named `keychain` (alive while the returned directory is).
async fn applied_with_an_empty_store(
    platform: &common::Platform,
    client: &PlatformClient,
    keychain: &str,
) -> (String, LocalStore, tempfile::TempDir) {
    let token = platform.login(client, "13800000002").await;
    let body = huiban_demo::sample_application("高龄津贴", "11010119500801013").unwrap();
    client
        .submit_application(&token, &uuid::Uuid::new_v4().to_string(), &body)
        .await
        .unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), keychain);
    let local_dir = tempfile::tempdir().unwrap();
    let (local, _) = LocalStore::open(&local_dir.path().join("huiban.db"), &keychain).unwrap();
    (token, local, local_dir)
}

#[tokio::test]
async fn the_next_person_gets_their_whole_inbox_and_none_of_the_last_ones_copies() {
    let platform = common::Platform::new();
    let client = PlatformClient::new(platform.serve(None).await).unwrap();
    let (li_token, local, _local_dir) =
        applied_with_an_empty_store(&platform, &client, "two-people").await;
    let li = local.of_account("c-demo-li");
    pull::pull(&li, &client, &li_token).await.unwrap();
    assert!(li.message_cursor().unwrap() > 0);

    // 王淑芬 logs in on the same computer after 李建国, with older messages of her own.
    let wang_token = platform.login(&client, "13800000003").await;
    let body = huiban_demo::sample_application("高龄津贴", "11010119381120024").unwrap();
    client
        .submit_application(&wang_token, &uuid::Uuid::new_v4().to_string(), &body)
        .await
        .unwrap();
    let wang = local.of_account("c-demo-wang");
    pull::pull(&wang, &client, &wang_token).await.unwrap();
    let on_platform = client.messages_after(&wang_token, 0, 200).await.unwrap();
    assert_eq!(
        wang.cached_messages().unwrap(),
        on_platform.messages,
        "her whole inbox, from the first message"
    );
    assert!(li.cached_cases().unwrap().is_empty(), "his copies are gone");
    assert!(li.cached_messages().unwrap().is_empty());
    assert_eq!(li.profile().unwrap(), None);
}
