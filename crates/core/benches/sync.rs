//! `cargo xtask bench sync`: the outbox against a plain HTTP loop, same bodies, same process.
//!
//! Prints `sync_vs_raw_ratio` (outbox throughput ÷ raw throughput; the outbox commits every state
//! change durably to its encrypted SQLite file) and `bytes_per_submission` (request body).
#![allow(clippy::unwrap_used, clippy::print_stdout)] // A benchmark program: failing loudly is right.

use std::time::{Duration, Instant};

use huiban_api::{NewApplication, TokenRequest};
use huiban_core::PlatformClient;
use huiban_core::outbox::{self, Backoff, QueueSummary};
use huiban_core::secrets::Keychain;
use huiban_core::store::LocalStore;
use huiban_platform::{AppState, Store, demo_accounts, demo_data};
use reqwest::Url;

struct Platform {
    store: Store,
    url: Url,
    _dir: tempfile::TempDir,
}

async fn platform() -> Platform {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    demo_data::seed(&store).unwrap();
    demo_accounts::seed(&store, 0).unwrap();
    let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    tokio::spawn(huiban_platform::serve(
        listener,
        AppState::new(store.clone()).keeping_sms_codes(),
        std::future::pending(),
    ));
    Platform {
        store,
        url,
        _dir: dir,
    }
}

async fn login(platform: &Platform, client: &PlatformClient) -> String {
    client.request_sms_code("13800000001").await.unwrap();
    let code = demo_accounts::last_login_code(&platform.store, "13800000001").unwrap();
    let request = TokenRequest::SmsCode {
        phone: "13800000001".into(),
        code,
    };
    client.token(&request).await.unwrap().access_token
}

fn body() -> NewApplication {
    huiban_demo::sample_application("高龄津贴申领", "11010119440315102").unwrap()
}

async fn outbox_run(n: usize, application: &NewApplication) -> Duration {
    let platform = platform().await;
    let client = PlatformClient::new(platform.url.clone()).unwrap();
    let token = login(&platform, &client).await;
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "bench");
    let (local, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
    let store = local.of_account("c-demo-zhang");
    let started = Instant::now();
    for _ in 0..n {
        outbox::enqueue_application(&store, application, chrono::Utc::now().timestamp_millis())
            .unwrap();
    }
    while QueueSummary::of(&store).unwrap().waiting > 0 {
        outbox::send_due(
            &store,
            &client,
            &token,
            chrono::Utc::now(),
            &Backoff::default(),
        )
        .await
        .unwrap();
    }
    let elapsed = started.elapsed();
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        n
    );
    elapsed
}

async fn raw_run(n: usize, application: &NewApplication) -> Duration {
    let platform = platform().await;
    let client = PlatformClient::new(platform.url.clone()).unwrap();
    let token = login(&platform, &client).await;
    let http = reqwest::Client::new();
    let url = platform.url.join("/api/v1/applications").unwrap();
    let started = Instant::now();
    for _ in 0..n {
        let response = http
            .post(url.clone())
            .bearer_auth(&token)
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
            .json(application)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 201);
        response.bytes().await.unwrap();
    }
    let elapsed = started.elapsed();
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        n
    );
    elapsed
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let application = body();
    // Warm both paths once so that neither pays for first-use costs alone.
    outbox_run(20, &application).await;
    raw_run(20, &application).await;
    let raw = raw_run(n, &application).await;
    let outbox_time = outbox_run(n, &application).await;
    let raw_rate = n as f64 / raw.as_secs_f64();
    let outbox_rate = n as f64 / outbox_time.as_secs_f64();
    println!("submissions: {n}");
    println!("raw_submissions_per_s: {raw_rate:.1}");
    println!("outbox_submissions_per_s: {outbox_rate:.1}");
    println!("sync_vs_raw_ratio: {:.3}", outbox_rate / raw_rate);
    println!(
        "bytes_per_submission: {}",
        serde_json::to_vec(&application).unwrap().len()
    );
}
