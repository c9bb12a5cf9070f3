//! Attachments over real HTTP: sniffed types, size limit, content hash, owner-only reads.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::TestPlatform;
use huiban_api::{Attachment, ErrorBody};
use sha2::{Digest, Sha256};

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

async fn upload(
    platform: &TestPlatform,
    token: &str,
    bytes: Vec<u8>,
    claimed: Option<&str>,
) -> reqwest::Response {
    let mut request = platform
        .http
        .post(format!("{}/api/v1/attachments", platform.base))
        .bearer_auth(token)
        .header("content-type", "application/octet-stream")
        .body(bytes);
    if let Some(hash) = claimed {
        request = request.header("x-content-sha256", hash);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn a_photo_is_stored_under_its_hash_for_its_owner_only() {
    let platform = TestPlatform::start().await;
    let owner = platform.citizen_login("13800000001").await;
    let other = platform.citizen_login("13800000002").await;
    let hash = hex::encode(Sha256::digest(PNG));
    let stored = upload(&platform, &owner.access_token, PNG.to_vec(), Some(&hash)).await;
    assert_eq!(stored.status().as_u16(), 201);
    let attachment: Attachment = stored.json().await.unwrap();
    assert_eq!(
        attachment,
        Attachment {
            sha256: hash.clone(),
            media_type: "image/png".into(),
            size: PNG.len() as u64
        }
    );

    let url = format!("{}/api/v1/attachments/{hash}", platform.base);
    let back = platform
        .http
        .get(&url)
        .bearer_auth(&owner.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(back.headers()["content-type"], "image/png");
    assert_eq!(back.headers()["x-content-type-options"], "nosniff");
    assert_eq!(
        back.headers()["content-disposition"],
        format!("attachment; filename=\"{hash}.png\"").as_str()
    );
    assert_eq!(back.bytes().await.unwrap().as_ref(), PNG);
    let denied = platform
        .http
        .get(&url)
        .bearer_auth(&other.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status().as_u16(), 404);
}

#[tokio::test]
async fn wrong_types_sizes_and_hashes_get_plain_json_errors() {
    let platform = TestPlatform::start().await;
    let token = platform.citizen_login("13800000001").await.access_token;
    let cases: Vec<(Vec<u8>, Option<&str>, u16, &str)> = vec![
        (
            b"MZ\x90\0 this is a program".to_vec(),
            None,
            415,
            "unsupported_file",
        ),
        (PNG.to_vec(), Some("00"), 422, "content_hash_mismatch"),
        (
            [b"%PDF-1.7\n".as_slice(), &vec![b'x'; 11 * 1024 * 1024]].concat(),
            None,
            413,
            "file_too_large",
        ),
    ];
    for (bytes, claimed, status, code) in cases {
        let answer = upload(&platform, &token, bytes, claimed).await;
        assert_eq!(answer.status().as_u16(), status);
        let error: ErrorBody = answer.json().await.unwrap();
        assert_eq!(error.code, code);
        assert!(!error.message.is_empty());
    }
    let anonymous = platform
        .http
        .post(format!("{}/api/v1/attachments", platform.base))
        .body(PNG.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
}
