//! With the platform stopped, a store that synced once lists the catalog and queues a submission; when
//! the platform comes back (same address), the submission arrives with no user action, exactly once.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::net::SocketAddr;
use std::time::Duration;

use huiban_api::{HandlingChannel, NewApplication, TokenRequest};
use huiban_core::outbox::engine::{self, Engine, Pacing, Whose};
use huiban_core::outbox::{self, Backoff, QueueSummary};
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::store::{LocalStore, OutboxState};
use huiban_core::{PlatformClient, catalog};
use huiban_platform::{AppState, Store, demo_accounts, demo_data};
use reqwest::Url;
use tokio::sync::oneshot;

async fn serve_at(
    store: &Store,
    address: SocketAddr,
) -> (
    oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let listener = huiban_platform::bind(address).await.unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(huiban_platform::serve(
        listener,
        AppState::new(store.clone()).keeping_sms_codes(),
        async {
            let _ = stopped.await;
        },
    ));
    (stop, task)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queued_while_offline_and_sent_by_itself_when_the_platform_returns() {
    let platform_dir = tempfile::tempdir().unwrap();
    let platform_store = Store::open(platform_dir.path()).unwrap();
    demo_data::seed(&platform_store).unwrap();
    demo_accounts::seed(&platform_store, 0).unwrap();
    let address: SocketAddr = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap()
    };
    let (stop, task) = serve_at(&platform_store, address).await;
    let client = PlatformClient::new(Url::parse(&format!("http://{address}")).unwrap()).unwrap();

    // Online once: log in and save the catalog.
    client.request_sms_code("13800000003").await.unwrap();
    let text = platform_store.sent_sms().unwrap().pop().unwrap().text;
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "offline-start");
    Session::in_keychain(keychain.clone())
        .log_in(
            &client,
            &TokenRequest::SmsCode {
                phone: "13800000003".into(),
                code,
            },
        )
        .await
        .unwrap();
    let (store, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
    let online = catalog::refresh(&store, &client).await.unwrap();
    // The person looked at this service's form while online, so it is kept.
    let seen = online
        .items
        .iter()
        .find(|i| i.name == "医保异地就医备案")
        .unwrap()
        .form
        .clone()
        .unwrap();
    catalog::form(&store, &client, &seen.form_id, seen.version)
        .await
        .unwrap();

    // The platform goes away.
    stop.send(()).unwrap();
    task.await.unwrap().unwrap();

    // Offline: the catalog still lists, a form is filled from it and queued.
    let view = catalog::refresh(&store, &client).await.unwrap();
    assert!(view.offline);
    let item = view
        .items
        .iter()
        .find(|i| i.name == "医保异地就医备案")
        .unwrap();
    let form_ref = item.form.clone().unwrap();
    let form = catalog::form(&store, &client, &form_ref.form_id, form_ref.version)
        .await
        .unwrap();
    let first17 = "11010119381120024";
    // Answered as the demo applicant would, naming the photo she uploaded earlier.
    let answers = huiban_demo::sample_application(&item.name, first17)
        .unwrap()
        .answers;
    assert!(form.questions.iter().all(|q| answers.contains_key(&q.id)));
    let application = NewApplication {
        impl_code: item.impl_code.clone(),
        form_id: form_ref.form_id,
        form_version: form_ref.version,
        answers,
        channel: HandlingChannel::Web,
    };
    let wang = store.of_account("c-demo-wang");
    let id =
        outbox::enqueue_application(&wang, &application, chrono::Utc::now().timestamp_millis())
            .unwrap();
    assert_eq!(QueueSummary::of(&wang).unwrap().waiting, 1);

    // The engine runs; the platform comes back a little later at the same address.
    let pacing = Pacing {
        idle: Duration::from_millis(50),
        backoff: Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(100),
        },
    };
    let lock = dir.path().join("outbox.lock");
    let revive = {
        let platform_store = platform_store.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(400)).await;
            serve_at(&platform_store, address).await
        })
    };
    let deadline = tokio::time::sleep(Duration::from_secs(30));
    // The app was restarted meanwhile: only the refresh token in the keychain remains of the login.
    let restarted = Session::in_keychain(keychain.clone());
    let engine = Engine {
        whose: Whose::LoggedIn,
        store: &store,
        client: &client,
        session: &restarted,
        lock_path: &lock,
        pacing,
        wake: None,
        device: None,
    };
    let mut heard = Vec::new();
    let ran = engine::run(engine, true, deadline, |summary| heard.push(summary))
        .await
        .unwrap();
    assert!(ran);
    assert_eq!(heard.first().map(|s| s.waiting), Some(1), "{heard:?}");
    assert_eq!(
        heard.last().map(|s| (s.waiting, s.sent)),
        Some((0, 1)),
        "{heard:?}"
    );
    let _server = revive.await.unwrap();

    let row = wang.outbox_row(&id).unwrap().unwrap();
    assert_eq!(
        row.state,
        OutboxState::Sent,
        "sent with no user action: {row:?}"
    );
    assert_eq!(
        platform_store
            .case_numbers_of("c-demo-wang", None, u32::MAX)
            .unwrap(),
        vec![row.case_number.unwrap()]
    );
}
