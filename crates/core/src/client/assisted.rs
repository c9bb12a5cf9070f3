//! Assisted sessions: a clerk starts one for a resident, records the resident's consent, and closes it.

use huiban_api::{
    API_PREFIX, ActedForMe, AssistedSession, Attachment, CloseAssistedSession, Consent,
    NewAssistedSession, ServedToday, ServiceRequest,
};

use huiban_api::attachments::CONTENT_SHA256_HEADER;
use sha2::Digest as _;

use super::{ClientError, PlatformClient, decode_answer};

impl PlatformClient {
    /// Starts a session for the resident `resident` names; her consent code goes to her phone (when
    /// the pair matches anyone: the answer is the same either way).
    pub async fn start_assisted(
        &self,
        access_token: &str,
        resident: &NewAssistedSession,
    ) -> Result<AssistedSession, ClientError> {
        let path = format!("{API_PREFIX}/assisted-sessions");
        self.post_as(access_token, &path, resident).await
    }

    /// Records the resident's consent; the session opens.
    pub async fn consent_assisted(
        &self,
        access_token: &str,
        session_id: &str,
        consent: &Consent,
    ) -> Result<AssistedSession, ClientError> {
        let path = format!("{API_PREFIX}/assisted-sessions/{session_id}/consent");
        self.post_as(access_token, &path, consent).await
    }

    /// Uploads a signature drawn at the counter (a PNG) as the clerk herself, for a consent by
    /// signature in the session she just began; answers its SHA-256 name.
    pub async fn upload_signature(
        &self,
        access_token: &str,
        png: Vec<u8>,
    ) -> Result<Attachment, ClientError> {
        let url = self.url(&format!("{API_PREFIX}/attachments"))?;
        let sha256 = hex::encode(sha2::Sha256::digest(&png));
        let response = self
            .as_caller(self.http.post(url), access_token)
            .header(CONTENT_SHA256_HEADER, sha256)
            .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
            .body(png)
            .send()
            .await
            .map_err(ClientError::Unreachable)?;
        decode_answer(response).await
    }

    /// Ends a session, naming what was confirmed in it and is still to be sent (those are filed in
    /// it when they arrive, and nothing else).
    pub async fn close_assisted(
        &self,
        access_token: &str,
        session_id: &str,
        close: &CloseAssistedSession,
    ) -> Result<AssistedSession, ClientError> {
        let path = format!("{API_PREFIX}/assisted-sessions/{session_id}/close");
        self.post_as(access_token, &path, close).await
    }

    /// The clerk's sessions of today, newest first, residents masked, with what was done.
    pub async fn served_today(&self, access_token: &str) -> Result<Vec<ServedToday>, ClientError> {
        let path = format!("{API_PREFIX}/assisted-sessions/today");
        self.get_as(access_token, &path).await
    }

    /// Begins a new session for the resident of today's `session_id`: her consent is asked again.
    pub async fn assisted_again(
        &self,
        access_token: &str,
        session_id: &str,
    ) -> Result<AssistedSession, ClientError> {
        let path = format!("{API_PREFIX}/assisted-sessions/{session_id}/again");
        self.post_for(access_token, &path).await
    }

    /// Reports a session in which someone acted for the caller that she does not recognise: her
    /// 投诉 to the clerk's centre.
    pub async fn report_acted_for_me(
        &self,
        access_token: &str,
        session_id: &str,
    ) -> Result<ServiceRequest, ClientError> {
        let path = format!("{API_PREFIX}/me/acted-for-me/{session_id}/report");
        self.post_for(access_token, &path).await
    }

    /// Every session in which someone acted for the caller, newest first, with what was done.
    pub async fn acted_for_me(&self, access_token: &str) -> Result<Vec<ActedForMe>, ClientError> {
        self.every_page(access_token, &format!("{API_PREFIX}/me/acted-for-me"))
            .await
    }
}
