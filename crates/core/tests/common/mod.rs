//! What the outbox suites share: a real platform (store plus servers, some with faults), demo
//! applications and a local store on a mock keychain.
#![allow(dead_code, clippy::unwrap_used)] // Each suite uses part of this; test code unwraps.

pub mod counter;
pub mod kiosk;
pub mod switch;

use std::time::Duration;

use huiban_api::{NewApplication, TokenRequest};
use huiban_core::PlatformClient;
use huiban_core::outbox::{self, Backoff, QueueSummary};
use huiban_core::secrets::Keychain;
use huiban_core::store::{AccountStore, LocalStore, OutboxState};
use huiban_platform::{AppState, Store, demo_accounts, demo_data};
use reqwest::Url;

/// The platform's store and a server on it; more servers (with faults) can share the store.
pub struct Platform {
    /// The platform's database.
    pub store: Store,
    _dir: tempfile::TempDir,
}

impl Platform {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        demo_data::seed(&store).unwrap();
        demo_accounts::seed(&store, 0).unwrap();
        Self { store, _dir: dir }
    }

    pub async fn serve(&self, faults: Option<&str>) -> Url {
        let mut state = AppState::new(self.store.clone()).keeping_sms_codes();
        if let Some(spec) = faults {
            state = state.with_faults(spec.parse().unwrap());
        }
        let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
            .await
            .unwrap();
        let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
        tokio::spawn(huiban_platform::serve(
            listener,
            state,
            std::future::pending(),
        ));
        url
    }

    /// The grant a citizen gives after asking for an SMS code (read from the platform's SMS sink).
    pub async fn sms_grant(&self, client: &PlatformClient, phone: &str) -> TokenRequest {
        client.request_sms_code(phone).await.unwrap();
        let code = demo_accounts::last_login_code(&self.store, phone).unwrap();
        TokenRequest::SmsCode {
            phone: phone.to_owned(),
            code,
        }
    }

    /// Logs a citizen in and returns the access token.
    pub async fn login(&self, client: &PlatformClient, phone: &str) -> String {
        let request = self.sms_grant(client, phone).await;
        client.token(&request).await.unwrap().access_token
    }
}

/// Sends the outbox through `client` until nothing waits, failing after `limit`.
pub async fn drain(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    token: &str,
    limit: Duration,
) {
    let deadline = std::time::Instant::now() + limit;
    while QueueSummary::of(store).unwrap().waiting > 0 {
        if std::time::Instant::now() > deadline {
            let stuck: Vec<_> = store
                .outbox_rows()
                .unwrap()
                .into_iter()
                .filter(|r| r.state != OutboxState::Sent)
                .collect();
            panic!("the outbox did not drain: {stuck:#?}");
        }
        outbox::send_due(store, client, token, chrono::Utc::now(), &FAST)
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A complete application for the demo item whose name contains `name_part`.
pub fn application(name_part: &str) -> NewApplication {
    huiban_demo::sample_application(name_part, "11010119440315102").unwrap()
}

pub fn local_store(dir: &tempfile::TempDir) -> LocalStore {
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "outbox-test");
    LocalStore::open(&dir.path().join("huiban.db"), &keychain)
        .unwrap()
        .0
}

pub const FAST: Backoff = Backoff {
    base: Duration::from_millis(1),
    cap: Duration::from_millis(5),
};

/// Runs `app`'s sending loop for `whose` (with a kiosk's own login in `device`) until nothing of
/// it waits, failing after 20 s.
pub async fn send_until_drained(
    app: &huiban_core::App,
    lock: std::path::PathBuf,
    whose: huiban_core::outbox::engine::Whose,
    device: Option<&huiban_core::kiosk::device_login::DeviceLogin>,
) {
    use huiban_core::outbox::engine::{self, Engine, Pacing};
    let store = app.store().unwrap().clone();
    let login = app.session().shared().clone();
    let engine = Engine {
        whose,
        store: &store,
        client: app.client(),
        session: &login,
        lock_path: &lock,
        pacing: Pacing {
            idle: Duration::from_millis(20),
            backoff: FAST,
        },
        wake: None,
        device,
    };
    let drained = tokio::time::timeout(
        Duration::from_secs(20),
        engine::run(engine, true, std::future::pending(), |_| {}),
    )
    .await
    .unwrap()
    .unwrap();
    assert!(drained);
}
