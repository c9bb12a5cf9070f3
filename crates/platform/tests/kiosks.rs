//! Kiosks' heartbeats over HTTP, and the platform's list of its kiosks (what `huiban-platform
//! kiosks list` prints): the last heartbeat of each, silent ones marked.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{KioskConfig, KioskState, PrinterState};
use huiban_platform::clock::Clock;
use huiban_platform::kiosks;
use serde_json::json;

#[tokio::test]
async fn a_kiosk_says_how_it_is_and_the_platform_lists_it_silent_after_three_minutes() {
    let platform = TestPlatform::start().await;
    let now = || platform.clock.now().timestamp_millis();
    let listed = kiosks::kiosks(&platform.store, now()).unwrap();
    let hall = listed.iter().find(|k| k.device == "k-demo-hall-1").unwrap();
    assert_eq!(
        (hall.kiosk_name.as_str(), hall.place.as_str()),
        ("一层大厅1号自助机", "东城区政务服务中心")
    );
    assert!(hall.silent && hall.last.is_none(), "never heard from");

    let kiosk = platform.kiosk_token().await;
    let beat =
        json!({"version": " 0.1.0 ", "state": "in_use", "printer": "out_of_paper", "queue": 2});
    let kept = platform
        .call("POST", "/api/v1/kiosk/heartbeat", Some(&kiosk), Some(beat))
        .await;
    assert_eq!(kept.status.as_u16(), 204, "{}", kept.body);
    let listed = kiosks::kiosks(&platform.store, now()).unwrap();
    let hall = listed.iter().find(|k| k.device == "k-demo-hall-1").unwrap();
    let last = hall.last.as_ref().unwrap();
    assert_eq!(
        (last.version.as_str(), last.state, last.printer, last.queue),
        ("0.1.0", KioskState::InUse, PrinterState::OutOfPaper, 2)
    );
    assert!(!hall.silent);
    assert!(hall.last_seen_at.is_some());

    // Bad heartbeats are refused in plain words and change nothing.
    for bad in [
        json!({"version": "", "state": "welcome", "printer": "ready", "queue": 0}),
        json!({"version": "v".repeat(41), "state": "welcome", "printer": "ready", "queue": 0}),
        json!({"version": "0.1.0", "state": "dancing", "printer": "ready", "queue": 0}),
    ] {
        let refused = platform
            .call("POST", "/api/v1/kiosk/heartbeat", Some(&kiosk), Some(bad))
            .await;
        assert_eq!(refused.status.as_u16(), 422, "{}", refused.body);
        assert!(
            refused.error().message.contains("格式不对"),
            "{}",
            refused.body
        );
    }

    // Three minutes without a heartbeat: silent.
    platform.clock.advance(Duration::minutes(3));
    let listed = kiosks::kiosks(&platform.store, now()).unwrap();
    let hall = listed.iter().find(|k| k.device == "k-demo-hall-1").unwrap();
    assert!(hall.silent);
    assert_eq!(
        hall.last.as_ref().unwrap().queue,
        2,
        "what it said last stays"
    );
}

#[tokio::test]
async fn a_kiosk_is_told_its_config_the_defaults_until_one_is_set() {
    let platform = TestPlatform::start().await;
    let kiosk = platform.kiosk_token().await;
    let told = platform
        .call("GET", "/api/v1/kiosk/config", Some(&kiosk), None)
        .await;
    assert_eq!(told.status.as_u16(), 200, "{}", told.body);
    assert_eq!(
        told.body,
        json!({"idle_seconds": 90, "countdown_seconds": 30, "services": []})
    );

    let pension = platform.application_for("高龄津贴").await["impl_code"]
        .as_str()
        .unwrap()
        .to_owned();
    let set = KioskConfig {
        idle_seconds: 120,
        countdown_seconds: 20,
        services: vec![pension.clone()],
    };
    kiosks::configure(&platform.store, "k-demo-hall-1", &set).unwrap();
    let told = platform
        .call("GET", "/api/v1/kiosk/config", Some(&kiosk), None)
        .await;
    assert_eq!(
        serde_json::from_value::<KioskConfig>(told.body).unwrap(),
        set
    );

    // What cannot be set is refused, and the config stays.
    for (bad, device) in [
        (
            KioskConfig {
                idle_seconds: 5,
                ..set.clone()
            },
            "k-demo-hall-1",
        ),
        (
            KioskConfig {
                countdown_seconds: 500,
                ..set.clone()
            },
            "k-demo-hall-1",
        ),
        (
            KioskConfig {
                services: vec!["no-such-code".to_owned()],
                ..set.clone()
            },
            "k-demo-hall-1",
        ),
        (set.clone(), "c-demo-zhang"),
    ] {
        assert!(
            kiosks::configure(&platform.store, device, &bad).is_err(),
            "{bad:?} {device}"
        );
    }
    assert_eq!(
        kiosks::config_of(&platform.store, "k-demo-hall-1").unwrap(),
        set
    );
}
