//! The centre's figures in the staff window, against the real platform: the manager sees today's
//! and this month's cases by service and channel in charts with tables, and the overdue cases; a
//! clerk is told plainly they are the manager's; the CSV table holds the same numbers.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::counter::{clerk_on, manager_on};
use common::{Platform, application};
use huiban_core::figures::table_file::csv_of;

#[tokio::test]
async fn the_manager_sees_the_figures_and_a_clerk_does_not() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    // 张秀英 files one case on her phone.
    let client = huiban_core::PlatformClient::new(url.clone()).unwrap();
    let token = platform.login(&client, "13800000001").await;
    client
        .submit_application(
            &token,
            &uuid::Uuid::new_v4().to_string(),
            &application("高龄津贴"),
        )
        .await
        .unwrap();

    let manager = manager_on(url.clone()).await;
    let status = manager.staff().status().await.unwrap();
    assert!(status.manager, "her home offers the figures");
    let view = manager.figures().now().await.unwrap();
    let today = &view.periods[0];
    assert_eq!(today.name, "今天");
    let services = &today.charts[0];
    assert_eq!(services.rows, [["高龄津贴申领", "1"]]);
    assert_eq!(services.bars[0].share, 1.0);
    assert!(
        view.counted.starts_with("东城区政务服务中心"),
        "{}",
        view.counted
    );
    let table = String::from_utf8(csv_of(&view).unwrap()).unwrap();
    assert!(
        table.contains("今天：办件（按事项）\n事项,件数\n高龄津贴申领,1\n"),
        "{table}"
    );

    let dir = tempfile::tempdir().unwrap();
    let clerk = clerk_on(url, dir.path().join("card.json"), None).await;
    assert!(!clerk.staff().status().await.unwrap().manager);
    let refused = clerk.figures().now().await.unwrap_err();
    assert_eq!(refused.id(), "figures-not-manager");
}
