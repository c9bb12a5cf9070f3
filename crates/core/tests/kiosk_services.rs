//! The services a kiosk offers come from its remote config on the real platform: its catalog and
//! search show only those, in the config's order, and a form of another is refused in plain words;
//! a config naming none offers the whole catalog.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use common::kiosk::kiosk_app;
use huiban_api::KioskConfig;

#[tokio::test]
async fn a_kiosk_offers_the_services_its_config_names_in_its_order() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    let dir = tempfile::tempdir().unwrap();
    let kiosk = kiosk_app(&dir, url);
    let all = huiban_demo::catalog_items();
    let everything = kiosk.catalog().items().await.unwrap();
    assert_eq!(everything.items.len(), all.len(), "no services named: all");

    // The hall offers two services, the second of the catalog first.
    let offered = vec![all[1].impl_code.clone(), all[0].impl_code.clone()];
    huiban_platform::kiosks::configure(
        &platform.store,
        "k-demo-hall-1",
        &KioskConfig {
            services: offered.clone(),
            ..KioskConfig::default()
        },
    )
    .unwrap();
    let shown = kiosk.catalog().items().await.unwrap();
    let codes: Vec<&str> = shown
        .items
        .iter()
        .map(|entry| entry.item.impl_code.as_str())
        .collect();
    assert_eq!(codes, offered);
    let other = &all[2];
    assert!(
        kiosk
            .catalog()
            .search(&other.name)
            .unwrap()
            .iter()
            .all(|entry| offered.contains(&entry.item.impl_code)),
        "search finds only what is offered"
    );
    let form = other.form.as_ref().or(all[0].form.as_ref()).unwrap();
    let refused = kiosk
        .drafts()
        .start(&other.impl_code, &form.form_id, form.version)
        .await
        .unwrap_err();
    assert!(
        refused
            .text(kiosk.localizer())
            .contains("这台自助机不能办这件事"),
        "{}",
        refused.text(kiosk.localizer())
    );
}
