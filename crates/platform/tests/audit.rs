//! The audit log over real HTTP, and `huiban-platform audit verify` on a tampered file.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::process::Command;

use common::TestPlatform;

#[tokio::test]
async fn reads_of_personal_data_and_writes_are_chained_with_actor_and_request_id() {
    let platform = TestPlatform::start().await;
    platform
        .call("GET", "/api/v1/catalog/items", None, None)
        .await;
    let tokens = platform.citizen_login("13800000001").await;
    let me = platform
        .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
        .await;
    let request_id = me
        .headers
        .get("x-request-id")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let body = platform.application_for("高龄津贴").await;
    let created = platform
        .submit(
            &tokens.access_token,
            "0b8f6c1e-3c55-4f0e-9a43-6f1f3a7e2d10",
            &body,
        )
        .await;
    let number = created.body["application_no"].as_str().unwrap().to_owned();
    platform
        .call(
            "GET",
            &format!("/api/v1/applications/{number}"),
            Some(&tokens.access_token),
            None,
        )
        .await;

    let mine = platform.store.audit_of("c-demo-zhang").unwrap();
    let actions: Vec<&str> = mine.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "GET /api/v1/me",
            "POST /api/v1/applications",
            "GET /api/v1/applications/{application_no}"
        ]
    );
    assert_eq!(mine[0].request_id, request_id);
    assert_eq!(mine[0].role.as_deref(), Some("citizen"));
    assert_eq!(
        mine[2].subject.as_deref(),
        Some(format!("/api/v1/applications/{number}").as_str())
    );
    // The submission's row was committed with the case it made (outcome 0: applied).
    assert_eq!(mine[1].outcome, 0);
    assert_eq!(mine[1].role.as_deref(), Some("citizen"));
    // Public catalog reads are not personal data; the anonymous login calls are writes and are kept.
    assert_eq!(platform.store.verify_audit().unwrap(), Ok(5));
}

#[tokio::test]
async fn a_change_is_kept_only_with_its_audit_row() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    let body = platform.application_for("高龄津贴").await;
    let before = platform
        .store
        .case_numbers_of("c-demo-zhang", None, u32::MAX)
        .unwrap()
        .len();
    // The audit log refuses every row from now on, as a full disk or a broken chain would.
    let raw = rusqlite::Connection::open(
        platform
            .data_dir
            .join(huiban_platform::store::DATABASE_FILE),
    )
    .unwrap();
    raw.execute_batch(
        "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no audit'); END;",
    )
    .unwrap();
    let refused = platform
        .submit(
            &tokens.access_token,
            "7d1f0a52-3e0b-4c7e-8d0e-2b5e6f9a1c33",
            &body,
        )
        .await;
    assert_eq!(refused.status.as_u16(), 500, "{}", refused.body);
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        before,
        "no case without its audit row"
    );
    // Once rows can be written again, the same submission goes through, and its row with it.
    raw.execute_batch("DROP TRIGGER no_audit;").unwrap();
    let created = platform
        .submit(
            &tokens.access_token,
            "7d1f0a52-3e0b-4c7e-8d0e-2b5e6f9a1c33",
            &body,
        )
        .await;
    assert_eq!(created.status.as_u16(), 201, "{}", created.body);
    let number = created.body["application_no"].as_str().unwrap();
    let mine = platform.store.audit_of("c-demo-zhang").unwrap();
    let applied: Vec<_> = mine
        .iter()
        .filter(|e| e.action == "POST /api/v1/applications" && e.outcome == 0)
        .collect();
    assert_eq!(applied.len(), 1, "one row for the one case {number}");
    assert_eq!(platform.store.verify_audit().unwrap().map(|_| ()), Ok(()));
}

#[tokio::test]
async fn audit_verify_names_the_first_changed_row() {
    let platform = TestPlatform::start().await;
    let tokens = platform.citizen_login("13800000001").await;
    for _ in 0..3 {
        platform
            .call("GET", "/api/v1/me", Some(&tokens.access_token), None)
            .await;
    }
    let binary = env!("CARGO_BIN_EXE_huiban-platform");
    let data = platform.data_dir.to_str().unwrap();
    let intact = Command::new(binary)
        .args(["audit", "verify", "--data-dir", data])
        .output()
        .unwrap();
    assert!(
        intact.status.success(),
        "{}",
        String::from_utf8_lossy(&intact.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&intact.stdout).trim(),
        "audit log intact: 5 rows"
    );

    let raw = rusqlite::Connection::open(platform.data_dir.join("platform.sqlite3")).unwrap();
    raw.execute_batch(
        "DROP TRIGGER audit_log_no_update;
         UPDATE audit_log SET actor = 'c-demo-li' WHERE seq = 4;",
    )
    .unwrap();
    let broken = Command::new(binary)
        .args(["audit", "verify", "--data-dir", data])
        .output()
        .unwrap();
    assert!(!broken.status.success());
    assert!(
        String::from_utf8_lossy(&broken.stderr).contains("audit row 4 was changed"),
        "{}",
        String::from_utf8_lossy(&broken.stderr)
    );
}
