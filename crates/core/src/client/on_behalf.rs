//! On whose behalf a request goes, and with which proof: a clerk in an assisted session (and the
//! session's delivery key), a kiosk filing what a visitor confirmed (its grant), or a relative in
//! the grant a person agreed to (亲友代办). Each is a header the platform checks.

use huiban_api::assisted::{ASSISTED_DELIVERY_HEADER, ASSISTED_SESSION_HEADER};

use super::{DeliveryKey, PlatformClient};

impl PlatformClient {
    /// The same client for a clerk acting in the assisted session `session_id`: every request made
    /// with her token names the session, so it is about the resident who consented to it.
    pub fn acting_in(&self, session_id: &str) -> Self {
        Self {
            assisted_session: Some(session_id.to_owned()),
            ..self.clone()
        }
    }

    /// The same client delivering with a session's `key` (what this computer confirmed in it, and
    /// its close), whoever of the clerk's centre is logged in.
    pub fn delivering(&self, key: &str) -> Self {
        Self {
            delivery_key: Some(DeliveryKey(key.to_owned())),
            ..self.clone()
        }
    }

    /// The same client for a relative acting for the person who agreed to `grant_id` (亲友代办):
    /// every request made with his token is about her.
    pub fn for_relative(&self, grant_id: &str) -> Self {
        Self {
            relative_grant: Some(grant_id.to_owned()),
            ..self.clone()
        }
    }

    /// The same client filing, with a kiosk's own login, the one submission `grant` was made for.
    pub fn granted(&self, grant: &str) -> Self {
        Self {
            kiosk_grant: Some(DeliveryKey(grant.to_owned())),
            kiosk_grant_file: None,
            ..self.clone()
        }
    }

    /// The same client uploading, with a kiosk's own login, the one file `grant` was made for (its
    /// SHA-256 `sha256`), for the person whose submission names it.
    pub fn granted_file(&self, grant: &str, sha256: &str) -> Self {
        Self {
            kiosk_grant: Some(DeliveryKey(grant.to_owned())),
            kiosk_grant_file: Some(sha256.to_owned()),
            ..self.clone()
        }
    }

    /// Whether this client acts for someone else than the owner of the token: a clerk in an
    /// assisted session, or a relative in a grant.
    pub fn acts_for_someone(&self) -> bool {
        self.assisted_session.is_some() || self.relative_grant.is_some()
    }

    /// The assisted session this client acts in, if any.
    pub fn assisted_session(&self) -> Option<&str> {
        self.assisted_session.as_deref()
    }

    /// `request` made as the owner of `access_token`, in the assisted session when acting in one.
    pub(super) fn as_caller(
        &self,
        request: reqwest::RequestBuilder,
        access_token: &str,
    ) -> reqwest::RequestBuilder {
        let mut request = request.bearer_auth(access_token);
        if let Some(session) = &self.assisted_session {
            request = request.header(ASSISTED_SESSION_HEADER, session);
        }
        if let Some(DeliveryKey(key)) = &self.delivery_key {
            request = request.header(ASSISTED_DELIVERY_HEADER, key);
        }
        if let Some(DeliveryKey(grant)) = &self.kiosk_grant {
            request = request.header(huiban_api::kiosk::KIOSK_GRANT_HEADER, grant);
        }
        if let Some(sha256) = &self.kiosk_grant_file {
            request = request.header(huiban_api::kiosk::KIOSK_GRANT_FILE_HEADER, sha256);
        }
        if let Some(grant) = &self.relative_grant {
            request = request.header(huiban_api::relatives::RELATIVE_GRANT_HEADER, grant);
        }
        request
    }
}
