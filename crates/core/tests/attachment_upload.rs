//! Files attached to answers travel with the outbox: kept locally first, sent in chunks that resume
//! after a broken line, then the application; against the real platform, with and without faults.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use std::time::Duration;

use common::{Platform, application, drain, local_store};
use huiban_api::NewUpload;
use huiban_core::PlatformClient;
use huiban_core::attachments::{self, AttachmentError};
use huiban_core::outbox;
use huiban_core::outbox::upload::{CHUNK_BYTES, upload_kept_file};
use huiban_core::store::OutboxState;

/// A PDF-looking file of `size` bytes whose content depends on `seed`.
fn pdf(size: usize, seed: u32) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..size - bytes.len()).map(|i| {
        (i as u32)
            .wrapping_mul(2_654_435_761)
            .wrapping_add(seed)
            .to_le_bytes()[3]
    }));
    bytes
}

async fn download(platform_url: &reqwest::Url, token: &str, sha256: &str) -> Vec<u8> {
    reqwest::Client::new()
        .get(
            platform_url
                .join(&format!("/api/v1/attachments/{sha256}"))
                .unwrap(),
        )
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec()
}

#[tokio::test]
async fn a_broken_off_upload_resumes_where_the_platform_copy_ends() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    let client = PlatformClient::new(url.clone()).unwrap();
    let token = platform.login(&client, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let file = pdf(5 * CHUNK_BYTES + 1234, 1);
    let kept = attachments::keep(&store, &file, 0).unwrap();

    // An earlier try sent two chunks, then the line broke.
    let begun = client
        .start_upload(
            &token,
            &NewUpload {
                sha256: kept.sha256.clone(),
                size: kept.size,
            },
        )
        .await
        .unwrap();
    for offset in [0, CHUNK_BYTES] {
        client
            .upload_chunk(
                &token,
                &begun.upload_id,
                offset as u64,
                file[offset..offset + CHUNK_BYTES].to_vec(),
            )
            .await
            .unwrap();
    }

    let sent = upload_kept_file(&store, &client, &token, &kept.sha256, CHUNK_BYTES)
        .await
        .unwrap();
    assert_eq!(
        sent,
        (file.len() - 2 * CHUNK_BYTES) as u64,
        "only the rest was sent"
    );
    assert!(store.attachment(&kept.sha256).unwrap().unwrap().uploaded);
    assert_eq!(download(&url, &token, &kept.sha256).await, file);
    let again = upload_kept_file(&store, &client, &token, &kept.sha256, CHUNK_BYTES)
        .await
        .unwrap();
    assert_eq!(again, 0, "a file the platform has is not sent again");
}

#[test]
fn files_that_cannot_be_sent_are_refused_before_they_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-zhang");
    let refusals = [
        (Vec::new(), "attachment-empty"),
        (b"MZ\x90\0 a program".to_vec(), "attachment-unsupported"),
        (pdf(10 * 1024 * 1024 + 1, 0), "attachment-too-large"),
    ];
    for (bytes, id) in refusals {
        let error: AttachmentError = attachments::keep(&store, &bytes, 0).unwrap_err();
        assert_eq!(error.message_id(), id);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn applications_with_files_arrive_whole_through_faults() {
    let platform = Platform::new();
    let clean_url = platform.serve(None).await;
    let clean = PlatformClient::new(clean_url.clone()).unwrap();
    let faulty = PlatformClient::new(
        platform
            .serve(Some(
                "latency=20ms,error_rate=0.2,reset_rate=0.05,malformed_rate=0.02,seed=11",
            ))
            .await,
    )
    .unwrap();
    let token = platform.login(&clean, "13800000001").await;
    let dir = tempfile::tempdir().unwrap();
    let local = local_store(&dir);
    let store = local.of_account("c-demo-zhang");

    let mut files = Vec::new();
    for seed in 0..12 {
        let file = pdf(3 * CHUNK_BYTES + 100 * seed as usize + 1, seed);
        let kept = attachments::keep(&store, &file, 0).unwrap();
        let mut body = application("高龄津贴");
        let question = body
            .answers
            .keys()
            .find(|id| id.starts_with("material_"))
            .unwrap()
            .clone();
        body.answers
            .insert(question, serde_json::json!(kept.sha256));
        outbox::enqueue_application(&store, &body, 0).unwrap();
        files.push((kept.sha256, file));
    }

    drain(&store, &faulty, &token, Duration::from_secs(300)).await;
    let rows = store.outbox_rows().unwrap();
    assert!(
        rows.iter().all(|r| r.state == OutboxState::Sent),
        "{rows:#?}"
    );
    assert_eq!(
        platform
            .store
            .case_numbers_of("c-demo-zhang", None, u32::MAX)
            .unwrap()
            .len(),
        12
    );
    for (sha256, file) in files {
        assert_eq!(
            download(&clean_url, &token, &sha256).await,
            file,
            "file {sha256} arrived whole"
        );
    }
}
