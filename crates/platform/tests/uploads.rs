//! Resumable uploads over real HTTP: chunks, a broken line picked up where it stopped, replays,
//! wrong offsets, and the whole-file checks.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{ErrorBody, UploadStatus};
use serde_json::json;
use sha2::{Digest, Sha256};

/// A PDF-looking file of `size` bytes whose content depends on `seed`.
fn pdf(size: usize, seed: u8) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..size - bytes.len()).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes
}

async fn start(platform: &TestPlatform, token: &str, bytes: &[u8]) -> UploadStatus {
    let answer = platform
        .call(
            "POST",
            "/api/v1/uploads",
            Some(token),
            Some(json!({"sha256": hex::encode(Sha256::digest(bytes)), "size": bytes.len()})),
        )
        .await;
    assert_eq!(answer.status.as_u16(), 201, "{:?}", answer.body);
    serde_json::from_value(answer.body).unwrap()
}

async fn chunk(
    platform: &TestPlatform,
    token: &str,
    upload_id: &str,
    offset: usize,
    bytes: &[u8],
) -> (u16, serde_json::Value) {
    let response = platform
        .http
        .patch(format!("{}/api/v1/uploads/{upload_id}", platform.base))
        .bearer_auth(token)
        .header("upload-offset", offset.to_string())
        .header("content-type", "application/offset+octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn a_file_sent_in_chunks_resumes_where_the_platform_copy_ends() {
    let platform = TestPlatform::start().await;
    let token = platform.citizen_login("13800000001").await.access_token;
    let file = pdf(2_500_000, 7);
    let begun = start(&platform, &token, &file).await;
    assert_eq!((begun.received, begun.attachment.clone()), (0, None));

    // Two chunks, then the line breaks.
    let size = 1024 * 1024;
    for offset in [0, size] {
        let (status, _) = chunk(
            &platform,
            &token,
            &begun.upload_id,
            offset,
            &file[offset..offset + size],
        )
        .await;
        assert_eq!(status, 200);
    }
    // Announcing the same file again finds the same upload and how far it got.
    let again = start(&platform, &token, &file).await;
    assert_eq!(again.upload_id, begun.upload_id);
    assert_eq!(again.received, 2 * size as u64);

    // A replay of the last chunk (its answer was lost) is accepted; a chunk from elsewhere is 409.
    let (status, _) = chunk(
        &platform,
        &token,
        &begun.upload_id,
        size,
        &file[size..2 * size],
    )
    .await;
    assert_eq!(status, 200);
    let (status, body) = chunk(&platform, &token, &begun.upload_id, 100, &file[100..200]).await;
    assert_eq!(status, 409);
    let error: ErrorBody = serde_json::from_value(body).unwrap();
    assert_eq!(error.code, "upload_offset_mismatch");

    let (status, body) = chunk(
        &platform,
        &token,
        &begun.upload_id,
        2 * size,
        &file[2 * size..],
    )
    .await;
    assert_eq!(status, 200);
    let done: UploadStatus = serde_json::from_value(body).unwrap();
    let attachment = done.attachment.unwrap();
    assert_eq!(attachment.media_type, "application/pdf");
    assert_eq!(attachment.size, file.len() as u64);

    let stored = platform
        .http
        .get(format!(
            "{}/api/v1/attachments/{}",
            platform.base, attachment.sha256
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(stored.bytes().await.unwrap().as_ref(), file.as_slice());

    // Asking where it stands after completion, or announcing the file again, answers "done".
    let status = platform
        .call(
            "GET",
            &format!("/api/v1/uploads/{}", begun.upload_id),
            Some(&token),
            None,
        )
        .await;
    let status: UploadStatus = serde_json::from_value(status.body).unwrap();
    assert_eq!(status.received, file.len() as u64);
    assert!(status.attachment.is_some());
    assert!(start(&platform, &token, &file).await.attachment.is_some());
}

#[tokio::test]
async fn a_wrong_whole_file_is_refused_and_starts_over_and_others_cannot_see_it() {
    let platform = TestPlatform::start().await;
    let token = platform.citizen_login("13800000001").await.access_token;
    let other = platform.citizen_login("13800000002").await.access_token;
    let file = pdf(5000, 1);
    let begun = start(&platform, &token, &file).await;

    let not_theirs = platform
        .call(
            "GET",
            &format!("/api/v1/uploads/{}", begun.upload_id),
            Some(&other),
            None,
        )
        .await;
    not_theirs.expect_error(404, "upload_not_found");

    let mut corrupted = file.clone();
    corrupted[4000] ^= 0xFF;
    let (status, body) = chunk(&platform, &token, &begun.upload_id, 0, &corrupted).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        serde_json::from_value::<ErrorBody>(body).unwrap().code,
        "content_hash_mismatch"
    );
    let again = start(&platform, &token, &file).await;
    assert_eq!(again.received, 0, "a corrupted upload starts over");

    let program = b"MZ\x90\0 a program, not a photo".to_vec();
    let begun = start(&platform, &token, &program).await;
    let (status, body) = chunk(&platform, &token, &begun.upload_id, 0, &program).await;
    assert_eq!(status, 415);
    assert_eq!(
        serde_json::from_value::<ErrorBody>(body).unwrap().code,
        "unsupported_file"
    );
}

#[tokio::test]
async fn bad_announcements_and_chunks_get_plain_json_errors() {
    let platform = TestPlatform::start().await;
    let token = platform.citizen_login("13800000001").await.access_token;
    let cases = [
        (json!({"sha256": "abc", "size": 10}), 400, "bad_sha256"),
        (
            json!({"sha256": "a".repeat(64), "size": 0}),
            413,
            "file_too_large",
        ),
        (
            json!({"sha256": "a".repeat(64), "size": 10 * 1024 * 1024 + 1}),
            413,
            "file_too_large",
        ),
    ];
    for (body, status, code) in cases {
        let answer = platform
            .call("POST", "/api/v1/uploads", Some(&token), Some(body))
            .await;
        answer.expect_error(status, code);
    }

    let file = pdf(3 * 1024 * 1024, 3);
    let begun = start(&platform, &token, &file).await;
    let (status, body) = chunk(
        &platform,
        &token,
        &begun.upload_id,
        0,
        &file[..1024 * 1024 + 1],
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(
        serde_json::from_value::<ErrorBody>(body).unwrap().code,
        "chunk_too_large"
    );

    let no_offset = platform
        .http
        .patch(format!(
            "{}/api/v1/uploads/{}",
            platform.base, begun.upload_id
        ))
        .bearer_auth(&token)
        .body(vec![1, 2, 3])
        .send()
        .await
        .unwrap();
    assert_eq!(no_offset.status().as_u16(), 400);
    let unknown = platform
        .call("GET", "/api/v1/uploads/nope", Some(&token), None)
        .await;
    unknown.expect_error(404, "upload_not_found");
}

#[tokio::test]
async fn one_account_cannot_send_more_than_its_daily_quota() {
    let platform = TestPlatform::start().await;
    let zhang = platform.citizen_login("13800000001").await;
    let li = platform.citizen_login("13800000002").await;
    let announce = |token: String, n: usize| {
        let platform = &platform;
        async move {
            platform
                .call(
                    "POST",
                    "/api/v1/uploads",
                    Some(&token),
                    Some(json!({"sha256": format!("{n:064x}"), "size": 10 * 1024 * 1024})),
                )
                .await
        }
    };
    // Twenty files of 10 MiB are 200 MiB: the day's quota.
    for n in 0..20 {
        assert_eq!(
            announce(zhang.access_token.clone(), n)
                .await
                .status
                .as_u16(),
            201
        );
    }
    let refused = announce(zhang.access_token.clone(), 20).await;
    let error = refused.expect_error(429, "upload_quota");
    assert!(error.message.contains("明天"), "{}", error.message);
    // Another person is not held back; and a day later she may send again.
    assert_eq!(
        announce(li.access_token.clone(), 20).await.status.as_u16(),
        201
    );
    platform
        .clock
        .advance(chrono::Duration::days(1) + chrono::Duration::seconds(1));
    let zhang = platform.citizen_login("13800000001").await;
    assert_eq!(
        announce(zhang.access_token.clone(), 21)
            .await
            .status
            .as_u16(),
        201
    );
}
