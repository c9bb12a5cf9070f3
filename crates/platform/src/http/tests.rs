//! Router tests: each request goes through the real router and a real SQLite file.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use huiban_api::{CatalogItem, CatalogPage, ErrorBody, FormDefinition, Health};
use tower::ServiceExt;

use super::router;
use crate::{AppState, Store, demo_data};

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }
}

async fn send(store: &Store, request: Request<Body>) -> Answer {
    let response = router(AppState::new(store.clone()))
        .oneshot(request)
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(store: &Store, uri: &str) -> Answer {
    send(store, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn seeded() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(demo_data::seed(&store).unwrap());
    (dir, store)
}

fn assert_error(answer: &Answer, status: StatusCode, code: &str) -> ErrorBody {
    assert_eq!(
        answer.status,
        status,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let error: ErrorBody = answer.json();
    assert_eq!(error.code, code);
    assert!(!error.message.is_empty() && !error.message_en.is_empty());
    assert!(
        error
            .message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "message is Chinese"
    );
    error
}

#[tokio::test]
async fn healthz_reports_ok_and_catalog_size() {
    let (_dir, store) = seeded();
    let answer = get(&store, "/healthz").await;
    assert_eq!(answer.status, StatusCode::OK);
    let health: Health = answer.json();
    assert_eq!(health.status, "ok");
    assert_eq!(
        health.catalog_items,
        huiban_demo::catalog_items().len() as u64
    );
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_and_name_no_path() {
    let (_dir, store) = seeded();
    // A path naming an item: counted under its template, never its own words.
    let item = huiban_demo::catalog_items()[0].impl_code.clone();
    assert_eq!(
        get(&store, &format!("/api/v1/catalog/items/{item}"))
            .await
            .status,
        StatusCode::OK
    );
    let answer = get(&store, "/metrics").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = String::from_utf8(answer.body).unwrap();
    assert!(
        text.lines()
            .any(|line| line.starts_with("http_requests_total{")
                && line.contains(r#"route="/api/v1/catalog/items/{impl_code}""#)
                && line.contains(r#"status="200""#)),
        "{text}"
    );
    assert!(
        text.contains("http_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(!text.contains(&item), "{text}");
}

#[tokio::test]
async fn every_answer_carries_a_request_id_and_keeps_a_tidy_one_it_was_given() {
    let (_dir, store) = seeded();
    let made = get(&store, "/healthz").await;
    let id = made.headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let missing = get(&store, "/nowhere").await;
    assert!(missing.headers.contains_key("x-request-id"));
    let given = |value: &str| {
        Request::get("/healthz")
            .header("x-request-id", value)
            .body(Body::empty())
            .unwrap()
    };
    let kept = send(&store, given("lb-7f3a.2")).await;
    assert_eq!(kept.headers["x-request-id"], "lb-7f3a.2");
    let long = "a".repeat(super::request_log::MAX_ID_LEN + 1);
    for odd in [long.as_str(), "张秀英", "a b"] {
        let replaced = send(&store, given(odd)).await;
        let id = replaced.headers["x-request-id"]
            .to_str()
            .unwrap_or_default();
        assert_eq!(id.len(), 36, "{odd:?} was replaced by a UUID, got {id:?}");
    }
}

#[tokio::test]
async fn catalog_lists_every_item_and_filters_by_q() {
    let (_dir, store) = seeded();
    let page: CatalogPage = get(&store, "/api/v1/catalog/items").await.json();
    assert_eq!(page.items.len(), huiban_demo::catalog_items().len());

    let page: CatalogPage = get(&store, "/api/v1/catalog/items?q=%E6%AE%8B%E7%96%BE")
        .await
        .json(); // 残疾
    assert!(!page.items.is_empty());
    assert!(page.items.iter().all(|item| item.name.contains("残疾")));
}

#[tokio::test]
async fn catalog_has_a_strong_etag_and_answers_304() {
    let (_dir, store) = seeded();
    let first = get(&store, "/api/v1/catalog/items").await;
    let etag = first
        .headers
        .get(header::ETAG)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        etag.starts_with('"') && !etag.starts_with("W/"),
        "strong etag {etag}"
    );

    let request = Request::get("/api/v1/catalog/items")
        .header(header::IF_NONE_MATCH, format!("\"other\", {etag}"))
        .body(Body::empty())
        .unwrap();
    let again = send(&store, request).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());

    // A change to the catalog changes the ETag.
    let mut item = huiban_demo::catalog_items().remove(0);
    item.summary = "更新过的说明".into();
    store.upsert_catalog_items(&[item]).unwrap();
    let request = Request::get("/api/v1/catalog/items")
        .header(header::IF_NONE_MATCH, &etag)
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&store, request).await.status, StatusCode::OK);
}

#[tokio::test]
async fn since_gives_only_the_changes() {
    let (_dir, store) = seeded();
    let page: CatalogPage = get(&store, "/api/v1/catalog/items").await.json();
    let unchanged: CatalogPage = get(
        &store,
        &format!("/api/v1/catalog/items?since={}", page.revision),
    )
    .await
    .json();
    assert!(unchanged.items.is_empty());
    assert_eq!(unchanged.revision, page.revision);
    let bad = get(&store, "/api/v1/catalog/items?since=yesterday").await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "bad_query");
}

#[tokio::test]
async fn item_detail_and_its_form() {
    let (_dir, store) = seeded();
    let page: CatalogPage = get(&store, "/api/v1/catalog/items").await.json();
    let wanted = &page.items[0];
    let item: CatalogItem = get(
        &store,
        &format!("/api/v1/catalog/items/{}", wanted.impl_code),
    )
    .await
    .json();
    assert_eq!(&item, wanted);
    let form_ref = item.form.unwrap();
    let answer = get(
        &store,
        &format!(
            "/api/v1/forms/{}/versions/{}",
            form_ref.form_id, form_ref.version
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(
        answer
            .headers
            .get(header::CACHE_CONTROL)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let form: FormDefinition = answer.json();
    assert_eq!(form.title, item.name);

    assert_error(
        &get(&store, "/api/v1/catalog/items/nope").await,
        StatusCode::NOT_FOUND,
        "item_not_found",
    );
    let missing = get(
        &store,
        &format!("/api/v1/forms/{}/versions/99", form_ref.form_id),
    )
    .await;
    assert_error(&missing, StatusCode::NOT_FOUND, "form_not_found");
    let bad = get(
        &store,
        &format!("/api/v1/forms/{}/versions/one", form_ref.form_id),
    )
    .await;
    assert_error(&bad, StatusCode::BAD_REQUEST, "bad_path");
}

#[tokio::test]
async fn too_long_query_gets_a_plain_chinese_400() {
    let (_dir, store) = seeded();
    let long = "养".repeat(101);
    let answer = get(&store, &format!("/api/v1/catalog/items?q={long}")).await;
    let error = assert_error(&answer, StatusCode::BAD_REQUEST, "query_too_long");
    assert_eq!(error.field.as_deref(), Some("q"));
    assert!(error.message.contains("100个字"));
}

#[tokio::test]
async fn unknown_paths_and_methods_get_json_errors() {
    let (_dir, store) = seeded();
    assert_error(
        &get(&store, "/api/v1/nothing-here").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    let request = Request::builder()
        .method(Method::DELETE)
        .uri("/api/v1/catalog/items")
        .body(Body::empty())
        .unwrap();
    assert_error(
        &send(&store, request).await,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
}

#[tokio::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let (_dir, store) = seeded();
    let answer = get(&store, "/api/v1/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    let served = String::from_utf8(answer.body).unwrap();
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../api/openapi.json");
    let committed = std::fs::read_to_string(committed_path).unwrap_or_default();
    assert!(
        served == committed,
        "api/openapi.json is stale; regenerate it with\n  cargo run -p huiban-platform -- openapi > api/openapi.json"
    );
    let document: serde_json::Value = serde_json::from_str(&served).unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/healthz",
        "/api/v1/catalog/items",
        "/api/v1/catalog/items/{impl_code}",
        "/api/v1/forms/{form_id}/versions/{version}",
    ] {
        assert!(document["paths"].get(path).is_some(), "{path} undocumented");
    }
}

#[test]
fn the_form_schema_is_the_committed_one_and_describes_every_question_kind() {
    let schema = super::form_schema_json();
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/forms.schema.json");
    let committed = std::fs::read_to_string(committed_path).unwrap_or_default();
    assert!(
        schema == committed,
        "docs/forms.schema.json is stale; regenerate it with\n  cargo run -p huiban-platform -- form-schema > docs/forms.schema.json"
    );
    let document: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert!(!schema.contains("#/components/"));
    let kinds = document["$defs"]["QuestionKind"].to_string();
    for kind in [
        "text",
        "id_number",
        "bank_card",
        "attachment",
        "signature",
        "licence",
    ] {
        assert!(kinds.contains(kind), "{kind} missing from {kinds}");
    }
}
