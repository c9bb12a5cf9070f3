//! Chunked uploads of the files kept for answers: announce, ask how much arrived, send the rest.

use huiban_api::attachments::UPLOAD_OFFSET_HEADER;
use huiban_api::{API_PREFIX, NewUpload, UploadStatus};

use super::{ClientError, PlatformClient, decode_answer};

impl PlatformClient {
    /// Announces a file for a chunked upload; answers with how many bytes the platform already holds.
    pub async fn start_upload(
        &self,
        access_token: &str,
        file: &NewUpload,
    ) -> Result<UploadStatus, ClientError> {
        let path = format!("{API_PREFIX}/uploads");
        self.post_as(access_token, &path, file).await
    }

    /// Where an upload stands on the platform.
    pub async fn upload_status(
        &self,
        access_token: &str,
        upload_id: &str,
    ) -> Result<UploadStatus, ClientError> {
        let path = format!("{API_PREFIX}/uploads/{upload_id}");
        self.get_as(access_token, &path).await
    }

    /// Sends the chunk of an upload that starts at `offset`.
    pub async fn upload_chunk(
        &self,
        access_token: &str,
        upload_id: &str,
        offset: u64,
        chunk: Vec<u8>,
    ) -> Result<UploadStatus, ClientError> {
        let path = format!("{API_PREFIX}/uploads/{upload_id}");
        let url = self.url(&path)?;
        let response = self
            .as_caller(self.http.patch(url), access_token)
            .header(UPLOAD_OFFSET_HEADER, offset.to_string())
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/offset+octet-stream",
            )
            .body(chunk)
            .send()
            .await
            .map_err(ClientError::Unreachable)?;
        decode_answer(response).await
    }
}
