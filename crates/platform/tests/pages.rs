//! A person's lists come in pages: at most `limit` items, newest first, with a `Link` header to the
//! next page while more remain; a key that is not among the caller's own gives nothing.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use serde_json::{Value, json};

/// Every page of `path` at `limit` items a page: the pages' lengths and all their items in order.
async fn paged(
    platform: &TestPlatform,
    token: &str,
    path: &str,
    limit: u32,
) -> (Vec<usize>, Vec<Value>) {
    let mut next = Some(format!("{path}?limit={limit}"));
    let (mut lengths, mut items) = (Vec::new(), Vec::new());
    while let Some(page) = next.take() {
        let answer = platform.call("GET", &page, Some(token), None).await;
        assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
        let these = answer.body.as_array().unwrap().clone();
        lengths.push(these.len());
        items.extend(these);
        next = answer
            .headers
            .get("link")
            .map(|link| link.to_str().unwrap().to_owned())
            .map(|link| {
                assert!(link.ends_with("; rel=\"next\""), "{link}");
                link[1..link.find('>').unwrap()].to_owned()
            });
        assert!(lengths.len() < 20, "the pages never end");
    }
    (lengths, items)
}

/// The whole list at `path` in one page.
async fn whole(platform: &TestPlatform, token: &str, path: &str) -> Vec<Value> {
    let answer = platform.call("GET", path, Some(token), None).await;
    assert!(answer.headers.get("link").is_none(), "one page holds them");
    answer.body.as_array().unwrap().clone()
}

#[tokio::test]
async fn cases_requests_and_licences_come_in_pages_newest_first() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let body = platform.application_for("高龄津贴").await;
    for _ in 0..3 {
        platform.submitted(&zhang, &body).await;
    }
    for number in 0..3 {
        let request = json!({
            "kind": "suggestion",
            "description": format!("第{number}条建议：希望公园多放几把长椅。"),
            "channel": "desktop",
        });
        let answer = platform
            .post_with_key(
                "/api/v1/requests",
                &zhang,
                &uuid::Uuid::new_v4().to_string(),
                &request,
            )
            .await;
        assert_eq!(answer.status.as_u16(), 201, "{}", answer.body);
    }
    for path in [
        "/api/v1/applications",
        "/api/v1/requests",
        "/api/v1/licences",
    ] {
        let all = whole(&platform, &zhang, path).await;
        assert!(all.len() >= 2, "{path}: {} items", all.len());
        let (lengths, items) = paged(&platform, &zhang, path, 2).await;
        assert_eq!(items, all, "{path}: the pages hold the list, in order");
        assert!(lengths[..lengths.len() - 1].iter().all(|n| *n == 2));
        let (lengths, items) = paged(&platform, &zhang, path, 1).await;
        assert_eq!(lengths.len(), all.len(), "{path}");
        assert_eq!(items, all, "{path}");
    }
}

#[tokio::test]
async fn a_key_of_someone_elses_item_gives_an_empty_page() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let li = platform.citizen_login("13800000002").await.access_token;
    let body = platform.application_for("高龄津贴").await;
    let hers = platform.submitted(&zhang, &body).await;
    let his_page = platform
        .call(
            "GET",
            &format!("/api/v1/applications?after={hers}"),
            Some(&li),
            None,
        )
        .await;
    assert_eq!(his_page.status.as_u16(), 200);
    assert_eq!(his_page.body, json!([]));
    let licences = whole(&platform, &zhang, "/api/v1/licences").await;
    let licence_no = licences[0]["licence_no"].as_str().unwrap();
    let his_licences = platform
        .call(
            "GET",
            &format!("/api/v1/licences?after={licence_no}"),
            Some(&li),
            None,
        )
        .await;
    assert_eq!(his_licences.body, json!([]));
}

#[tokio::test]
async fn a_page_holds_at_most_a_hundred() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await.access_token;
    for limit in ["0", "100000"] {
        let answer = platform
            .call(
                "GET",
                &format!("/api/v1/applications?limit={limit}"),
                Some(&zhang),
                None,
            )
            .await;
        assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
    }
    platform
        .call("GET", "/api/v1/applications?limit=many", Some(&zhang), None)
        .await
        .expect_error(400, "bad_query");
}
