//! Sending a kept file in chunks that resume: the platform says how much it holds, and sending goes
//! on from there, whether the last try broke off a second or a day ago.

use huiban_api::NewUpload;
use reqwest::StatusCode;

use crate::client::{ClientError, PlatformClient};
use crate::store::{AccountStore, StoreError};

/// Bytes per chunk (the platform takes up to 1 MiB).
pub const CHUNK_BYTES: usize = 256 * 1024;

/// Why a file could not be sent this time.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// The platform refused or could not be reached; the sender's verdict decides what next.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Sends the kept file `sha256` unless the platform has it already; returns the bytes sent this time.
/// A file not kept here is left to the platform to judge.
pub async fn upload_kept_file(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
    sha256: &str,
    chunk_bytes: usize,
) -> Result<u64, UploadError> {
    let Some(file) = store.attachment(sha256)? else {
        return Ok(0);
    };
    if file.uploaded {
        return Ok(0);
    }
    // After a kiosk visitor's visit: her file goes up for her, under its own grant.
    let granted = store
        .shared()
        .kiosk_file_grant(store.account_id(), sha256)?
        .map(|grant| client.granted_file(&grant, sha256));
    let client = granted.as_ref().unwrap_or(client);
    // Announcing the same file again finds the platform's unfinished copy and its length.
    let mut status = client
        .start_upload(
            access_token,
            &NewUpload {
                sha256: file.sha256.clone(),
                size: file.size,
            },
        )
        .await?;
    let mut sent = 0_u64;
    while status.attachment.is_none() {
        let chunk = store.attachment_chunk(sha256, status.received, chunk_bytes.max(1))?;
        let length = u64::try_from(chunk.len()).unwrap_or(u64::MAX);
        match client
            .upload_chunk(access_token, &status.upload_id, status.received, chunk)
            .await
        {
            Ok(next) => {
                sent += length;
                status = next;
            }
            // Someone else (another try whose answer was lost) moved the platform's copy on: ask where.
            Err(ClientError::Platform {
                status: StatusCode::CONFLICT,
                ..
            }) => {
                status = client
                    .upload_status(access_token, &status.upload_id)
                    .await?;
            }
            Err(error) => return Err(error.into()),
        }
    }
    store.attachment_mark_uploaded(sha256)?;
    Ok(sent)
}

/// The SHA-256 names among an application's answers (strings of 64 hex digits, also inside lists
/// and the items of groups).
pub fn attachment_names(answers: &huiban_api::Answers) -> Vec<String> {
    fn collect(value: &serde_json::Value, into: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) if crate::forms::is_file_name(text) => {
                into.push(text.to_ascii_lowercase());
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, into)),
            // An item of a group holds its own answers, files among them.
            serde_json::Value::Object(parts) => parts.values().for_each(|part| collect(part, into)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    answers
        .values()
        .for_each(|value| collect(value, &mut names));
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn files_are_found_in_answers_lists_and_the_items_of_groups() {
        let photo = "A".repeat(64);
        let other = "b".repeat(64);
        let answers: huiban_api::Answers = [
            ("photo".to_owned(), json!(photo)),
            ("more".to_owned(), json!([other, "not a file"])),
            (
                "family".to_owned(),
                json!([{"member_name": "李四", "member_photo": "c".repeat(64)}]),
            ),
            ("name".to_owned(), json!("张秀英")),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            attachment_names(&answers),
            ["a".repeat(64), "b".repeat(64), "c".repeat(64)]
        );
    }
}
