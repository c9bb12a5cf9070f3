//! The centre's figures over real HTTP, checked against the platform's own rows: cases submitted
//! online, on the phone and at the counter, over a month and on one day; 好差评 given; 诉求 of
//! several kinds, one closed after two hours; a case past its promised date.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::collections::BTreeMap;

use chrono::Duration;
use common::TestPlatform;
use huiban_api::{Application, CentreFigures, Count, ServiceRequest};
use huiban_platform::cases::{self, OfficerMove};
use huiban_platform::requests::{self as service_requests, OfficerRequestMove};
use serde_json::json;

const CIVIL_AFFAIRS: &str = "北京市东城区民政局";

/// 张秀英's token, fresh (the clock moves in this test).
async fn zhang(platform: &TestPlatform) -> String {
    platform.citizen_login("13800000001").await.access_token
}

/// Submits, as `token` (张秀英), her application for the service named `name_part` on `channel`;
/// its number.
async fn submitted(platform: &TestPlatform, token: &str, name_part: &str, channel: &str) -> String {
    let mut body = platform.application_for(name_part).await;
    body["channel"] = json!(channel);
    platform.submitted(token, &body).await
}

/// The manager's figures now.
async fn figures(platform: &TestPlatform) -> CentreFigures {
    let manager = platform
        .password_login("manager01", "huiban-manager-01")
        .await;
    let token = manager.body["access_token"].as_str().unwrap();
    let answer = platform
        .call("GET", "/api/v1/centre/figures", Some(token), None)
        .await;
    assert_eq!(answer.status.as_u16(), 200, "{}", answer.body);
    serde_json::from_value(answer.body).unwrap()
}

/// A count list as a map of key to count.
fn by_key(counts: &[Count]) -> BTreeMap<String, u32> {
    counts.iter().map(|c| (c.key.clone(), c.count)).collect()
}

/// 张秀英's cases as the platform keeps them (her own list, as `token`), received on or after
/// `date`.
async fn her_cases_since(platform: &TestPlatform, token: &str, date: &str) -> Vec<Application> {
    let list = platform
        .call("GET", "/api/v1/applications", Some(token), None)
        .await;
    let all: Vec<Application> = serde_json::from_value(list.body["items"].clone())
        .or_else(|_| serde_json::from_value(list.body.clone()))
        .unwrap();
    all.into_iter()
        .filter(|case| case.submitted_at.as_str() >= date)
        .collect()
}

/// Counts of `cases` by a key of each.
fn tally(cases: &[Application], key: impl Fn(&Application) -> String) -> BTreeMap<String, u32> {
    let mut counts = BTreeMap::new();
    for case in cases {
        *counts.entry(key(case)).or_insert(0) += 1;
    }
    counts
}

fn channel_code(case: &Application) -> String {
    serde_json::to_value(case.channel)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_figures_are_the_platforms_rows_counted() {
    let platform = TestPlatform::start().await;
    let state = platform.state();
    // Monday 2 March: a case that will be late by the end of the month.
    let early = submitted(&platform, &zhang(&platform).await, "高龄津贴", "3").await;

    // Monday 30 March: the day the manager looks.
    platform.clock.advance(Duration::days(28));
    let token = zhang(&platform).await;
    let online = submitted(&platform, &token, "高龄津贴", "2").await;
    let phone = submitted(&platform, &token, "老年人优待证", "3").await;
    let clerk = platform.clerk_token().await;
    let session = platform.session_for_zhang(&clerk).await;
    let body = platform.application_for("高龄津贴").await;
    let counter = platform
        .acting("POST", "/api/v1/applications", &clerk, &session, Some(body))
        .await;
    assert_eq!(counter.status.as_u16(), 201, "{}", counter.body);

    // Two finished and rated: 非常满意 and 不满意.
    for (number, rating) in [
        (&online, json!({"level": 1})),
        (&phone, json!({"level": 4, "reason": "等得太久了"})),
    ] {
        let department = cases::view_unchecked(&state, number).unwrap().department;
        for step in [OfficerMove::Accept, OfficerMove::Approve] {
            cases::officer_move(&state, "刘洋", &department, number, step, None).unwrap();
        }
        let rated = platform
            .post_with_key(
                &format!("/api/v1/applications/{number}/evaluation"),
                &token,
                &uuid::Uuid::new_v4().to_string(),
                &rating,
            )
            .await;
        assert_eq!(rated.status.as_u16(), 200, "{}", rated.body);
    }

    // 诉求: two consultations (one closed two hours later) and a complaint.
    let mut filed = Vec::new();
    for (kind, words) in [
        ("consultation", "怎么办老年卡？"),
        ("consultation", "高龄津贴什么时候发？"),
        ("complaint", "窗口排队太久"),
    ] {
        let answer = platform
            .call(
                "POST",
                "/api/v1/requests",
                Some(&token),
                Some(json!({"kind": kind, "description": words, "channel": "app"})),
            )
            .await;
        assert_eq!(answer.status.as_u16(), 201, "{}", answer.body);
        let request: ServiceRequest = serde_json::from_value(answer.body).unwrap();
        filed.push(request.request_no);
    }
    platform.clock.advance(Duration::hours(2));
    let token = zhang(&platform).await;
    for step in [
        OfficerRequestMove::Dispatch(None),
        OfficerRequestMove::Reply("老年卡在社区服务中心办理。".to_owned()),
        OfficerRequestMove::Close,
    ] {
        service_requests::officer_move(&state, "刘洋", CIVIL_AFFAIRS, &filed[0], step).unwrap();
    }

    let seen = figures(&platform).await;
    assert_eq!(seen.centre, "东城区政务服务中心");
    assert_eq!(seen.today.since, "2026-03-30T00:00:00+08:00");
    assert_eq!(seen.month.since, "2026-03-01T00:00:00+08:00");

    // Cases: the counts are her rows counted, today and this month.
    for (period, since, expected_total) in [
        (&seen.today, "2026-03-30", 3),
        (&seen.month, "2026-03-01", 4),
    ] {
        let rows = her_cases_since(&platform, &token, since).await;
        assert_eq!(rows.len(), expected_total);
        assert_eq!(
            by_key(&period.cases_by_service),
            tally(&rows, |c| c.impl_code.clone())
        );
        assert_eq!(by_key(&period.cases_by_channel), tally(&rows, channel_code));
        for group in &period.cases_by_service {
            let named = rows.iter().find(|c| c.impl_code == group.key).unwrap();
            assert_eq!(group.label, named.item_name);
        }
    }
    assert_eq!(
        by_key(&seen.today.cases_by_channel),
        BTreeMap::from([("1".into(), 1), ("2".into(), 1), ("3".into(), 1)]),
        "窗口, 网上 and 移动端 once each today"
    );
    assert_eq!(seen.today.cases_by_service[0].count, 2, "most first");

    // 好差评: all five levels, the two given.
    assert_eq!(
        by_key(&seen.today.satisfaction),
        BTreeMap::from([
            ("1".into(), 1),
            ("2".into(), 0),
            ("3".into(), 0),
            ("4".into(), 1),
            ("5".into(), 0)
        ])
    );

    // 诉求: by kind, one of the consultations closed two hours after it came.
    let requests: Vec<ServiceRequest> = serde_json::from_value(
        platform
            .call("GET", "/api/v1/requests", Some(&token), None)
            .await
            .body,
    )
    .unwrap();
    assert_eq!(requests.len(), 3);
    let of_kind = |name: &str| {
        seen.today
            .requests_by_kind
            .iter()
            .find(|kind| kind.kind == name)
            .unwrap()
    };
    let consultations = of_kind("consultation");
    assert_eq!((consultations.received, consultations.closed), (2, 1));
    assert_eq!(consultations.mean_hours_to_close, Some(2.0));
    let complaints = of_kind("complaint");
    assert_eq!((complaints.received, complaints.closed), (1, 0));
    assert_eq!(complaints.mean_hours_to_close, None);

    // Overdue: the early case alone, as late as its own page says.
    assert_eq!(seen.overdue.len(), 1);
    let late = &seen.overdue[0];
    assert_eq!(late.application_no, early);
    let own = platform
        .call(
            "GET",
            &format!("/api/v1/applications/{early}"),
            Some(&token),
            None,
        )
        .await
        .case();
    assert_eq!(late.working_days_over, own.overdue_days);
    assert_eq!(late.due, own.promised_by);
    assert!(late.working_days_over > 0);
}

#[tokio::test]
async fn only_a_manager_sees_the_figures() {
    let platform = TestPlatform::start().await;
    let clerk = platform.clerk_token().await;
    let citizen = zhang(&platform).await;
    for token in [clerk, citizen] {
        platform
            .call("GET", "/api/v1/centre/figures", Some(&token), None)
            .await
            .expect_error(403, "forbidden");
    }
    platform
        .call("GET", "/api/v1/centre/figures", None, None)
        .await
        .expect_error(401, "unauthorized");
    // Counts only: nothing names a person.
    let seen = serde_json::to_string(&figures(&platform).await).unwrap();
    assert!(
        !seen.contains("张秀英") && !seen.contains("1101011944"),
        "{seen}"
    );
}
