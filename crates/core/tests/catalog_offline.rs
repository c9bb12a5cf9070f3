//! The saved catalog: refreshed with its ETag, shown when the platform is gone.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use huiban_core::PlatformClient;
use huiban_core::catalog;
use huiban_core::secrets::Keychain;
use huiban_core::store::LocalStore;
use huiban_platform::{AppState, Store, demo_data};
use reqwest::Url;
use tokio::sync::oneshot;

#[tokio::test]
async fn the_catalog_is_saved_revalidated_and_shown_offline() {
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
