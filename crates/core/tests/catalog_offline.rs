//! The saved catalog: refreshed with its ETag, shown when the platform is gone.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use huiban_core::PlatformClient;
use huiban_core::catalog;
use huiban_core::secrets::Keychain;
use huiban_core::store::LocalStore;
use huiban_platform::{AppState, Store, demo_data};
use reqwest::Url;
use tokio::sync::oneshot;

/// A demo platform served until `stop` is sent (then `server` ends), in `platform_dir`.
struct Served {
    url: Url,
    stop: oneshot::Sender<()>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    _platform_dir: tempfile::TempDir,
}

async fn serve_demo_platform() -> Served {
    let platform_dir = tempfile::tempdir().unwrap();
    let platform_store = Store::open(platform_dir.path()).unwrap();
    demo_data::seed(&platform_store).unwrap();
    let listener = huiban_platform::bind("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(huiban_platform::serve(
        listener,
        AppState::new(platform_store),
        async {
            let _ = stopped.await;
        },
    ));
    Served {
        url,
        stop,
        server,
        _platform_dir: platform_dir,
    }
}

#[tokio::test]
async fn the_catalog_is_saved_revalidated_and_shown_offline() {
    let Served {
        url,
        stop,
        server,
        _platform_dir,
    } = serve_demo_platform().await;

    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "catalog-test");
    let (store, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
    let client = PlatformClient::new(url).unwrap();

    let fresh = catalog::refresh(&store, &client).await.unwrap();
    assert!(!fresh.offline);
    assert_eq!(fresh.items.len(), huiban_demo::catalog_items().len());
    assert!(store.cached_catalog_etag().unwrap().is_some());
    // Unchanged: answered 304 and shown from the saved copy.
    let again = catalog::refresh(&store, &client).await.unwrap();
    assert_eq!(again, fresh);

    // Open the first item's form while online; it is kept.
    let form_ref = fresh.items[0].form.clone().unwrap();
    let form = catalog::form(&store, &client, &form_ref.form_id, form_ref.version)
        .await
        .unwrap();
    assert_eq!(form.title, fresh.items[0].name);

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    // Offline, the kept form still opens; one never opened cannot.
    let again = catalog::form(&store, &client, &form_ref.form_id, form_ref.version)
        .await
        .unwrap();
    assert_eq!(again, form);
    let other = fresh.items[1].form.clone().unwrap();
    assert!(
        catalog::form(&store, &client, &other.form_id, other.version)
            .await
            .is_err()
    );
    let offline = catalog::refresh(&store, &client).await.unwrap();
    assert!(offline.offline);
    assert_eq!(offline.items, fresh.items);

    // With nothing saved and no platform, the error comes through.
    let empty_dir = tempfile::tempdir().unwrap();
    let (empty, _) = LocalStore::open(&empty_dir.path().join("huiban.db"), &keychain).unwrap();
    assert!(catalog::refresh(&empty, &client).await.is_err());
}

#[tokio::test]
async fn every_form_on_offer_is_kept_for_offline_use_once_the_catalog_is_pulled() {
    let Served {
        url,
        stop,
        server,
        _platform_dir,
    } = serve_demo_platform().await;
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "forms-test");
    let (store, _) = LocalStore::open(&dir.path().join("huiban.db"), &keychain).unwrap();
    let client = PlatformClient::new(url).unwrap();

    let fresh = catalog::refresh(&store, &client).await.unwrap();
    let offered: Vec<_> = fresh
        .items
        .iter()
        .filter_map(|item| item.form.clone())
        .collect();
    assert!(offered.len() > 1);
    let fetched = catalog::keep_forms_on_offer(&store, &client).await.unwrap();
    assert!(fetched >= 1 && fetched <= offered.len());
    // Kept already: not asked for again.
    assert_eq!(
        catalog::keep_forms_on_offer(&store, &client).await.unwrap(),
        0
    );

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    // Offline, every form on offer opens, none of them opened before.
    for form in offered {
        let kept = catalog::form(&store, &client, &form.form_id, form.version).await;
        assert!(
            kept.is_ok(),
            "{} v{} kept for offline use",
            form.form_id,
            form.version
        );
    }
}
