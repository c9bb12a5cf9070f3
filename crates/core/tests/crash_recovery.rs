//! A process that syncs is killed with SIGKILL at random moments, 50 times, then run to the end:
//! every submission it committed reaches the platform, none twice.
//!
//! Needs the real keychain (the child reopens the encrypted store): `cargo xtask test` provides one.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.
#![cfg(unix)]

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use huiban_api::{NewApplication, TokenRequest};
use huiban_core::PlatformClient;
use huiban_core::secrets::Keychain;
use huiban_core::store::{LocalStore, OutboxState};
use huiban_platform::{AppState, Store, demo_accounts, demo_data};
use rand::Rng;
use reqwest::Url;

const DRAIN: &str = env!("CARGO_BIN_EXE_huiban-outbox-drain");

fn application() -> NewApplication {
    huiban_demo::sample_application("高龄津贴申领", "11010119500801013").unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_fifty_times_nothing_lost_nothing_doubled() {
    let platform_dir = tempfile::tempdir().unwrap();
    let platform_store = Store::open(platform_dir.path()).unwrap();
    demo_data::seed(&platform_store).unwrap();
    demo_accounts::seed(&platform_store, 0).unwrap();
    // Slow answers, so that kills land in the middle of sends too.
    let state = AppState::new(platform_store.clone())
        .keeping_sms_codes()
        .with_faults("latency=15ms,reset_rate=0.1,seed=3".parse().unwrap());
    let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(huiban_platform::serve(
        listener,
        state,
        std::future::pending(),
    ));
    let clean_state = AppState::new(platform_store.clone()).keeping_sms_codes();
    let clean_listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let clean_url =
        Url::parse(&format!("http://{}", clean_listener.local_addr().unwrap())).unwrap();
    tokio::spawn(huiban_platform::serve(
        clean_listener,
        clean_state,
        std::future::pending(),
    ));
    let client = PlatformClient::new(clean_url).unwrap();
    client.request_sms_code("13800000002").await.unwrap();
    let code = demo_accounts::last_login_code(&platform_store, "13800000002").unwrap();
    let token = client
        .token(&TokenRequest::SmsCode {
            phone: "13800000002".into(),
            code,
        })
        .await
        .unwrap()
        .access_token;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("huiban.db");
    let template = dir.path().join("application.json");
    std::fs::write(&template, serde_json::to_vec(&application()).unwrap()).unwrap();
    let entry = format!("crash-recovery-{}", std::process::id());
    let run = |enqueue: usize| {
        let mut child = Command::new(DRAIN)
            .args([
                "--db",
                db.to_str().unwrap(),
                "--platform-url",
                &url,
                "--token-stdin",
                "--keychain-entry",
                &entry,
            ])
            .args([
                "--enqueue",
                &enqueue.to_string(),
                "--application",
                template.to_str().unwrap(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // The token goes in on standard input, never on the command line.
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{token}").unwrap();
        drop(stdin);
        child
    };

    let mut rng = rand::rng();
    for _ in 0..50 {
        let mut child = run(3);
        // A drain takes about a tenth of a second to reach its queue (keychain, `GET /me` through
        // the faults): kills before, during and after it, so that some runs commit and some die
        // mid-send, on a fast machine and a loaded one.
        tokio::time::sleep(Duration::from_millis(rng.random_range(5..400))).await;
        let _ = child.kill(); // SIGKILL: no clean-up of any kind.
        let _ = child.wait();
    }
    let mut last = run(0);
    let status = tokio::task::spawn_blocking(move || last.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "the final run drains the outbox");

    let keychain = Keychain::in_store(Keychain::system().unwrap().credential_store(), &entry);
    let (store, _) = LocalStore::open(&db, &keychain).unwrap();
    let rows = store.of_account("c-demo-li").outbox_rows().unwrap();
    assert!(
        !rows.is_empty(),
        "some submissions were committed before the kills"
    );
    assert!(
        rows.iter().all(|r| r.state == OutboxState::Sent),
        "every committed submission was sent"
    );
    let local: BTreeSet<String> = rows
        .iter()
        .map(|r| r.case_number.clone().unwrap())
        .collect();
    let remote: BTreeSet<String> = platform_store
        .case_numbers_of("c-demo-li", None, u32::MAX)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(local.len(), rows.len(), "no case number twice");
    assert_eq!(
        local, remote,
        "exactly the committed submissions, none doubled, none extra"
    );
    keychain.delete_database_key().unwrap();
}
