//! Router tests: each request goes through the real router and a real SQLite file.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use huiban_api::{CatalogPage, ErrorBody, Health};
use tower::ServiceExt;

use super::router;
use crate::{Store, demo_data};

async fn get(store: &Store, uri: &str) -> (StatusCode, Vec<u8>) {
    let response = router(store.clone())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, bytes)
}

fn seeded() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    store
        .upsert_catalog_items(&demo_data::catalog_items())
        .unwrap();
    (dir, store)
}

#[tokio::test]
async fn healthz_reports_ok_and_catalog_size() {
    let (_dir, store) = seeded();
    let (status, body) = get(&store, "/healthz").await;
    assert_eq!(status, StatusCode::OK);
    let health: Health = serde_json::from_slice(&body).unwrap();
    assert_eq!(health.status, "ok");
    assert_eq!(
        health.catalog_items,
        demo_data::catalog_items().len() as u64
    );
}

#[tokio::test]
async fn catalog_lists_every_item_and_filters_by_q() {
    let (_dir, store) = seeded();
    let (status, body) = get(&store, "/api/v1/catalog/items").await;
    assert_eq!(status, StatusCode::OK);
    let page: CatalogPage = serde_json::from_slice(&body).unwrap();
    assert_eq!(page.items.len(), demo_data::catalog_items().len());

    let (status, body) = get(&store, "/api/v1/catalog/items?q=%E6%AE%8B%E7%96%BE").await; // 残疾
    assert_eq!(status, StatusCode::OK);
    let page: CatalogPage = serde_json::from_slice(&body).unwrap();
    assert!(!page.items.is_empty());
    assert!(page.items.iter().all(|item| item.name.contains("残疾")));
}

#[tokio::test]
async fn too_long_query_gets_a_plain_chinese_400() {
    let (_dir, store) = seeded();
    let long = "养".repeat(101);
    let (status, body) = get(&store, &format!("/api/v1/catalog/items?q={long}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let error: ErrorBody = serde_json::from_slice(&body).unwrap();
    assert_eq!(error.code, "query_too_long");
    assert_eq!(error.field.as_deref(), Some("q"));
    assert!(error.message.contains("100个字"));
}

#[tokio::test]
async fn unknown_paths_get_a_json_404() {
    let (_dir, store) = seeded();
    let (status, body) = get(&store, "/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let error: ErrorBody = serde_json::from_slice(&body).unwrap();
    assert_eq!(error.code, "not_found");
    assert!(!error.message.is_empty() && !error.message_en.is_empty());
}
