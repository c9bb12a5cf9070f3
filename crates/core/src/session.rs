//! The login on this device: the access token in memory, the refresh token in the keychain, so the
//! outbox can send after a restart without asking the person to log in again.

use std::time::{Duration, Instant};

use huiban_api::{Role, TokenRequest, TokenResponse};
use reqwest::StatusCode;
use tokio::sync::Mutex;

use crate::client::{ClientError, PlatformClient};
use crate::secrets::{Keychain, SecretError};

/// An access token is renewed this long before the platform says it ends.
const RENEW_EARLY: Duration = Duration::from_secs(60);

/// Why no access token can be had.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// Nobody is logged in on this device, or the login was ended by the platform.
    #[error("not logged in")]
    LoggedOut,
    /// The platform could not be asked (or refused the login itself).
    #[error(transparent)]
    Client(#[from] ClientError),
    /// The keychain failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// Who is logged in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoggedIn {
    /// The account.
    pub account_id: String,
    /// What it may do.
    pub role: Role,
}

#[derive(Debug)]
struct Held {
    access_token: String,
    renew_at: Option<Instant>,
    who: Option<LoggedIn>,
}

/// The device's login; share it behind an `Arc`.
#[derive(Debug)]
pub struct Session {
    keychain: Option<Keychain>,
    // One lock around renewal: refresh tokens are single-use, and spending one twice ends the login.
    held: Mutex<Option<Held>>,
}

impl Session {
    /// A session whose refresh token is kept in `keychain`.
    pub fn in_keychain(keychain: Keychain) -> Self {
        Self {
            keychain: Some(keychain),
            held: Mutex::new(None),
        }
    }

    /// A session held in memory only (no keychain here): it ends with the process.
    pub fn in_memory() -> Self {
        Self {
            keychain: None,
            held: Mutex::new(None),
        }
    }

    /// A session on a fixed access token that is never renewed (tools and tests).
    pub fn with_access_token(access_token: &str) -> Self {
        Self {
            keychain: None,
            held: Mutex::new(Some(Held {
                access_token: access_token.to_owned(),
                renew_at: None,
                who: None,
            })),
        }
    }

    /// Logs in with `request` and keeps the refresh token.
    pub async fn log_in(
        &self,
        client: &PlatformClient,
        request: &TokenRequest,
    ) -> Result<LoggedIn, SessionError> {
        let answer = client.token(request).await?;
        let mut held = self.held.lock().await;
        Ok(self.keep(&mut held, answer)?)
    }

    /// Whether a login is saved on this device.
    pub async fn is_logged_in(&self) -> Result<bool, SessionError> {
        if self.held.lock().await.is_some() {
            return Ok(true);
        }
        match &self.keychain {
            Some(keychain) => Ok(keychain.refresh_token()?.is_some()),
            None => Ok(false),
        }
    }

    /// Who is logged in, once a token was had in this process.
    pub async fn who(&self) -> Option<LoggedIn> {
        self.held
            .lock()
            .await
            .as_ref()
            .and_then(|held| held.who.clone())
    }

    /// A current access token, renewed with the saved refresh token when needed.
    pub async fn access_token(&self, client: &PlatformClient) -> Result<String, SessionError> {
        let mut held = self.held.lock().await;
        if let Some(current) = held.as_ref()
            && current.renew_at.is_none_or(|at| Instant::now() < at)
        {
            return Ok(current.access_token.clone());
        }
        let keychain = self.keychain.as_ref().ok_or(SessionError::LoggedOut)?;
        let refresh_token = keychain.refresh_token()?.ok_or(SessionError::LoggedOut)?;
        let request = TokenRequest::RefreshToken { refresh_token };
        match client.token(&request).await {
            Ok(answer) => {
                let token = answer.access_token.clone();
                self.keep(&mut held, answer)?;
                Ok(token)
            }
            // The platform no longer honours the refresh token: this login is over.
            Err(ClientError::Platform { status, .. })
                if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED =>
            {
                keychain.delete_refresh_token()?;
                *held = None;
                Err(SessionError::LoggedOut)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Forgets the access token (the platform refused it), so the next call renews it.
    pub async fn access_token_refused(&self) {
        let mut held = self.held.lock().await;
        if let Some(current) = held.as_mut()
            && current.renew_at.is_some()
        {
            current.renew_at = Some(Instant::now());
        }
    }

    /// Ends the login here; the platform is told when it can be reached.
    pub async fn log_out(&self, client: &PlatformClient) -> Result<(), SessionError> {
        let mut held = self.held.lock().await;
        if let Some(current) = held.take()
            && let Err(error) = client.log_out(&current.access_token).await
        {
            tracing::info!(%error, "the platform was not told of the logout");
        }
        if let Some(keychain) = &self.keychain {
            keychain.delete_refresh_token()?;
        }
        Ok(())
    }

    fn keep(
        &self,
        held: &mut Option<Held>,
        answer: TokenResponse,
    ) -> Result<LoggedIn, SecretError> {
        if let Some(keychain) = &self.keychain {
            keychain.set_refresh_token(&answer.refresh_token)?;
        }
        let who = LoggedIn {
            account_id: answer.account_id,
            role: answer.role,
        };
        let lifetime = Duration::from_secs(answer.expires_in).saturating_sub(RENEW_EARLY);
        *held = Some(Held {
            access_token: answer.access_token,
            renew_at: Some(Instant::now() + lifetime),
            who: Some(who.clone()),
        });
        Ok(who)
    }
}
