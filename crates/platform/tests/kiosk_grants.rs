//! A kiosk files, with its own device login, what a person confirmed on it after her login there
//! ended: one grant a submission, for her, as come through that kiosk, for seven days; never a read,
//! another submission, another caller's or after the seven days.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::HandlingChannel;
use huiban_api::kiosk::submission_grant;
use serde_json::json;

const KEY: &str = "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d";
const OTHER_KEY: &str = "4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e";

#[tokio::test]
async fn the_kiosk_files_what_she_confirmed_after_her_login_ended_and_nothing_else() {
    let platform = TestPlatform::start().await;
    let login = platform.zhang_s_kiosk_login().await;
    let key = login
        .submission_key
        .clone()
        .expect("a kiosk login has a submission key");
    // 我办完了 while the platform could not be reached: her login ends, her submission waits.
    let ended = platform
        .call(
            "POST",
            "/api/v1/auth/logout",
            Some(&login.access_token),
            None,
        )
        .await;
    assert_eq!(ended.status.as_u16(), 204, "{}", ended.body);
    let grant = submission_grant(&key, KEY);
    let kiosk = platform.kiosk_token().await;
    let body = platform.application_for("高龄津贴").await;

    let filed = platform
        .post_granted("/api/v1/applications", (&kiosk, &grant), KEY, &body)
        .await;
    assert_eq!(filed.status.as_u16(), 201, "{}", filed.body);
    let case = filed.case();
    assert_eq!(case.channel, HandlingChannel::Kiosk);
    platform.clock.advance(chrono::Duration::minutes(2));
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let hers = platform
        .call("GET", "/api/v1/applications", Some(&zhang), None)
        .await;
    assert!(
        hers.body.to_string().contains(&case.application_no),
        "filed for her"
    );

    // Sent again (the answer was lost): the same case, once.
    let again = platform
        .post_granted("/api/v1/applications", (&kiosk, &grant), KEY, &body)
        .await;
    assert_eq!(again.body["application_no"], case.application_no.as_str());

    // The grant files that submission only: not another, and not a 诉求 under another key.
    let other = platform
        .post_granted("/api/v1/applications", (&kiosk, &grant), OTHER_KEY, &body)
        .await;
    other.expect_error(403, "forbidden");
    let request = platform
        .post_granted(
            "/api/v1/requests",
            (&kiosk, &grant),
            OTHER_KEY,
            &json!({"kind": "consultation", "description": "高龄津贴哪天发？"}),
        )
        .await;
    request.expect_error(403, "forbidden");
}

#[tokio::test]
async fn a_grant_never_reads_serves_no_other_caller_and_ends_after_seven_days() {
    let platform = TestPlatform::start().await;
    let login = platform.zhang_s_kiosk_login().await;
    let key = login.submission_key.clone().unwrap();
    let grant = submission_grant(&key, KEY);
    let kiosk = platform.kiosk_token().await;
    let body = platform.application_for("高龄津贴").await;

    // A read with the grant is the kiosk's own: nothing of hers (she has a case by now).
    platform.submitted(&login.access_token, &body).await;
    let read = platform
        .http
        .get(format!("{}/api/v1/applications", platform.base))
        .bearer_auth(&kiosk)
        .header(huiban_api::kiosk::KIOSK_GRANT_HEADER, &grant)
        .send()
        .await
        .unwrap();
    let read: serde_json::Value = read.json().await.unwrap();
    assert_eq!(read, json!([]), "{read}");

    // A clerk presenting it files nothing for her.
    let clerk = platform.clerk_token().await;
    let by_clerk = platform
        .post_granted("/api/v1/applications", (&clerk, &grant), KEY, &body)
        .await;
    assert_eq!(by_clerk.status.as_u16(), 403, "{}", by_clerk.body);

    // A grant not made of her key, or past its seven days, files nothing.
    let forged = format!("{}.{}", key.login_id, "00".repeat(32));
    platform
        .post_granted("/api/v1/applications", (&kiosk, &forged), KEY, &body)
        .await
        .expect_error(403, "forbidden");
    platform.clock.advance(chrono::Duration::days(7));
    let kiosk = platform.kiosk_token().await;
    platform
        .post_granted("/api/v1/applications", (&kiosk, &grant), KEY, &body)
        .await
        .expect_error(403, "forbidden");
}

#[tokio::test]
async fn her_supplement_and_evaluation_confirmed_at_the_kiosk_are_sent_under_their_grants() {
    use huiban_api::CaseStatus;
    use huiban_platform::cases::{self, OfficerMove};
    let platform = TestPlatform::start().await;
    let state = platform.state();
    let login = platform.zhang_s_kiosk_login().await;
    let key = login.submission_key.clone().unwrap();
    let body = platform.application_for("高龄津贴").await;
    let number = platform.submitted(&login.access_token, &body).await;
    let path = |tail: &str| format!("/api/v1/applications/{number}{tail}");
    let officer = |action, remark| {
        cases::officer_move(
            &state,
            "刘洋",
            "北京市东城区民政局",
            &number,
            action,
            remark,
        )
    };
    officer(OfficerMove::Accept, None).unwrap();
    officer(OfficerMove::RequestSupplement, Some("请说明情况")).unwrap();
    let kiosk = platform.kiosk_token().await;

    // Her 补正, confirmed before her visit ended offline: sent for her under its own grant.
    let note = json!({"answers": {}, "note": "已在窗口交过了"});
    let supplement_key = "5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a";
    let supplemented = platform
        .post_granted(
            &path("/supplements"),
            (&kiosk, &submission_grant(&key, supplement_key)),
            supplement_key,
            &note,
        )
        .await;
    assert_eq!(supplemented.status.as_u16(), 200, "{}", supplemented.body);
    assert_eq!(supplemented.case().status, CaseStatus::Reviewing);
    // The application's grant sends no 补正: each grant is of one submission.
    platform
        .post_granted(
            &path("/supplements"),
            (&kiosk, &submission_grant(&key, KEY)),
            OTHER_KEY,
            &note,
        )
        .await
        .expect_error(403, "forbidden");

    officer(OfficerMove::Approve, None).unwrap();
    let evaluation_key = "6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b";
    let rated = platform
        .post_granted(
            &path("/evaluation"),
            (&kiosk, &submission_grant(&key, evaluation_key)),
            evaluation_key,
            &json!({"level": 1}),
        )
        .await;
    assert_eq!(rated.status.as_u16(), 200, "{}", rated.body);
    assert_eq!(rated.case().evaluation.map(|e| e.level), Some(1));
}

/// A kiosk's request under a file's grant: its device token, the grant and the file it is of.
fn as_granted_file(
    request: reqwest::RequestBuilder,
    (kiosk, grant, sha256): (&str, &str, &str),
) -> reqwest::RequestBuilder {
    request
        .bearer_auth(kiosk)
        .header(huiban_api::kiosk::KIOSK_GRANT_HEADER, grant)
        .header(huiban_api::kiosk::KIOSK_GRANT_FILE_HEADER, sha256)
}

#[tokio::test]
async fn the_kiosk_uploads_her_file_under_its_grant_and_no_other_file() {
    use sha2::Digest;
    let platform = TestPlatform::start().await;
    let login = platform.zhang_s_kiosk_login().await;
    let key = login.submission_key.clone().unwrap();
    let kiosk = platform.kiosk_token().await;
    let photo = b"%PDF-1.7\n her photo of the missing page".to_vec();
    let sha256 = hex::encode(sha2::Sha256::digest(&photo));
    let grant = submission_grant(&key, &sha256);
    let announce = |sha: &str| json!({"sha256": sha, "size": photo.len()});

    // Another file under this file's grant: refused, whichever header names which.
    let other = hex::encode(sha2::Sha256::digest(b"%PDF-1.7\n something else"));
    for (named, announced) in [(&sha256, &other), (&other, &other)] {
        let refused = as_granted_file(
            platform
                .http
                .post(format!("{}/api/v1/uploads", platform.base)),
            (&kiosk, &grant, named),
        )
        .json(&announce(announced))
        .send()
        .await
        .unwrap();
        assert_eq!(refused.status().as_u16(), 403);
    }

    let started = as_granted_file(
        platform
            .http
            .post(format!("{}/api/v1/uploads", platform.base)),
        (&kiosk, &grant, &sha256),
    )
    .json(&announce(&sha256))
    .send()
    .await
    .unwrap();
    assert_eq!(started.status().as_u16(), 201);
    let started: huiban_api::UploadStatus = started.json().await.unwrap();
    let sent = as_granted_file(
        platform.http.patch(format!(
            "{}/api/v1/uploads/{}",
            platform.base, started.upload_id
        )),
        (&kiosk, &grant, &sha256),
    )
    .header("upload-offset", "0")
    .header("content-type", "application/offset+octet-stream")
    .body(photo.clone())
    .send()
    .await
    .unwrap();
    assert_eq!(sent.status().as_u16(), 200);

    // The file is hers: announced by her own login, she has it already.
    platform.clock.advance(chrono::Duration::minutes(2));
    let zhang = platform.citizen_login("13800000001").await.access_token;
    let hers = platform
        .call(
            "POST",
            "/api/v1/uploads",
            Some(&zhang),
            Some(announce(&sha256)),
        )
        .await;
    assert!(!hers.body["attachment"].is_null(), "{}", hers.body);
}
