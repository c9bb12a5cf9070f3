//! The public catalog and contract over real HTTP, and the demo officer's ticks.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{Application, CaseStatus, CatalogItem, RequestStatus};
use huiban_platform::demo_officer;
use serde_json::json;

#[tokio::test]
async fn catalog_detail_etag_and_the_contract_over_http() {
    let platform = TestPlatform::start().await;
    let list = platform
        .http
        .get(format!("{}/api/v1/catalog/items", platform.base))
        .send()
        .await
        .unwrap();
    let etag = list.headers()["etag"].to_str().unwrap().to_owned();
    let page: serde_json::Value = list.json().await.unwrap();
    assert!(page["items"].as_array().unwrap().len() >= 30);
    let again = platform
        .http
        .get(format!("{}/api/v1/catalog/items", platform.base))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status().as_u16(), 304);
    let code = page["items"][0]["impl_code"].as_str().unwrap();
    let item: CatalogItem = serde_json::from_value(
        platform
            .call("GET", &format!("/api/v1/catalog/items/{code}"), None, None)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(item.impl_code, code);
    let contract = platform
        .call("GET", "/api/v1/openapi.json", None, None)
        .await;
    assert_eq!(contract.body["openapi"], "3.1.0");
    assert!(contract.body["paths"]["/api/v1/applications"]["post"].is_object());
}

#[tokio::test]
async fn the_demo_officer_moves_cases_to_approval_and_requests_to_revisit() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    let tokens = platform.citizen_login("13800000002").await;
    let body = platform.application_for("高龄津贴").await;
    let number = platform.submitted(&tokens.access_token, &body).await;
    let request = platform
        .call(
            "POST",
            "/api/v1/requests",
            Some(&tokens.access_token),
            Some(json!({"kind": "help", "description": "想学用手机挂号", "channel": "desktop"})),
        )
        .await;
    let request_no = request.body["request_no"].as_str().unwrap().to_owned();

    let mut ticks = 0;
    while demo_officer::tick(&state).unwrap() > 0 {
        ticks += 1;
        assert!(ticks < 10, "the demo officer must come to rest");
    }
    let case: Application = serde_json::from_value(
        platform
            .call(
                "GET",
                &format!("/api/v1/applications/{number}"),
                Some(&tokens.access_token),
                None,
            )
            .await
            .body,
    )
    .unwrap();
    assert_eq!(case.status, CaseStatus::Finished);
    assert_eq!(
        case.steps.last().unwrap().actor.as_deref(),
        Some(demo_officer::DEMO_OFFICER)
    );
    let request = platform
        .call(
            "GET",
            &format!("/api/v1/requests/{request_no}"),
            Some(&tokens.access_token),
            None,
        )
        .await;
    let status: RequestStatus = serde_json::from_value(request.body["status"].clone()).unwrap();
    assert_eq!(status, RequestStatus::Revisiting);
}

#[tokio::test]
async fn anyone_gets_the_service_centres_and_she_her_district() {
    let platform = TestPlatform::start().await;
    let centres: huiban_api::ServiceCentres = serde_json::from_value(
        platform
            .call("GET", "/api/v1/service-centres", None, None)
            .await
            .body,
    )
    .unwrap();
    let codes: Vec<_> = centres
        .centres
        .iter()
        .map(|c| c.district_code.as_str())
        .collect();
    assert_eq!(
        codes,
        ["110101", "110102", "110105", "110108"],
        "by district code"
    );
    let dongcheng = &centres.centres[0];
    assert_eq!(dongcheng.name, "东城区政务服务中心");
    assert_eq!(dongcheng.phone, "010-64001101");
    assert!(
        dongcheng.hours.contains("周一到周五"),
        "{}",
        dongcheng.hours
    );

    let tokens = platform.citizen_login("13800000001").await;
    let me = platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await;
    assert_eq!(me.body["district_code"], "110101", "{}", me.body);
}
