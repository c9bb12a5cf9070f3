//! 亲友代办 on the wire: a relative asks to help a person by her phone (or types the code she read
//! out to him); she lists, agrees to, refuses or ends the grants, and asks a relative for help.

use huiban_api::{
    API_PREFIX, Kinship, NewRelativeGrant, RelativeConsentCode, RelativeGrant, RelativeHelpWanted,
    Relatives,
};

use super::{ClientError, PlatformClient};

impl PlatformClient {
    /// Asks to help the person with `phone`, as her `kinship`.
    pub async fn ask_to_help(
        &self,
        access_token: &str,
        phone: &str,
        kinship: Kinship,
    ) -> Result<RelativeGrant, ClientError> {
        let body = NewRelativeGrant {
            phone: phone.to_owned(),
            kinship,
        };
        self.post_as(access_token, &format!("{API_PREFIX}/relatives"), &body)
            .await
    }

    /// The code texted to her, which she read out: she agreed to `grant_id`.
    pub async fn agree_by_code(
        &self,
        access_token: &str,
        grant_id: &str,
        code: &str,
    ) -> Result<RelativeGrant, ClientError> {
        let body = RelativeConsentCode {
            code: code.to_owned(),
        };
        let path = format!("{API_PREFIX}/relatives/{grant_id}/code");
        self.post_as(access_token, &path, &body).await
    }

    /// The caller's grants on both sides.
    pub async fn relatives(&self, access_token: &str) -> Result<Relatives, ClientError> {
        self.get_as(access_token, &format!("{API_PREFIX}/me/relatives"))
            .await
    }

    /// She answers `grant_id`: `agree`, `refuse`; or either side `end`s it.
    pub async fn answer_grant(
        &self,
        access_token: &str,
        grant_id: &str,
        answer: GrantAnswer,
    ) -> Result<RelativeGrant, ClientError> {
        let verb = match answer {
            GrantAnswer::Agree => "agree",
            GrantAnswer::Refuse => "refuse",
            GrantAnswer::End => "end",
        };
        let path = format!("{API_PREFIX}/me/relatives/{grant_id}/{verb}");
        self.post_for(access_token, &path).await
    }

    /// 请家人帮忙: she asks the relative of `grant_id` to get in touch, under `idempotency_key`
    /// (sent again, he is texted once).
    pub async fn ask_relative_for_help(
        &self,
        access_token: &str,
        idempotency_key: &str,
        grant_id: &str,
        wanted: &RelativeHelpWanted,
    ) -> Result<RelativeGrant, ClientError> {
        let path = format!("{API_PREFIX}/me/relatives/{grant_id}/help");
        self.post_once(access_token, idempotency_key, &path, wanted)
            .await
    }
}

/// What is done to a grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum GrantAnswer {
    /// She agrees to a grant asked of her.
    Agree,
    /// She refuses it.
    Refuse,
    /// Either side ends it.
    End,
}
