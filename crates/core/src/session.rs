//! The login on this device: the access token in memory, the refresh token in the keychain, so the
//! outbox can send after a restart without asking the person to log in again.

mod helping;
mod service;

pub use helping::Helping;
pub use service::{SessionService, SessionStatus, UnsentView};

use std::time::{Duration, Instant};

use huiban_api::{Role, TokenRequest, TokenResponse};
use reqwest::StatusCode;
use tokio::sync::Mutex;

use crate::client::{ClientError, PlatformClient};
use crate::secrets::{KeptLogin, Keychain, SecretError};

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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct LoggedIn {
    /// The account.
    pub account_id: String,
    /// What it may do.
    pub role: Role,
}

/// An access token with the account it acts for: whatever is sent or pulled with it is that
/// account's.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    /// The bearer token.
    pub access_token: String,
    /// The account it belongs to.
    pub account_id: String,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("account_id", &self.account_id)
            .finish_non_exhaustive()
    }
}

struct Held {
    access_token: String,
    renew_at: Option<Instant>,
    who: LoggedIn,
    /// The refresh token of an in-memory login (no keychain here).
    refresh_token: Option<String>,
}

impl std::fmt::Debug for Held {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Held")
            .field("who", &self.who)
            .finish_non_exhaustive()
    }
}

/// The device's login; share it behind an `Arc`.
#[derive(Debug)]
pub struct Session {
    keychain: Option<Keychain>,
    // One lock around renewal: refresh tokens are single-use, and spending one twice ends the login.
    held: Mutex<Option<Held>>,
    // What this process knows of the keychain, so that asking who is logged in (every command, every
    // turn of the sending loop) and whether logouts wait to be told does not ask the keychain each
    // time: the kept login's account once read (`None` until then), and whether untold logouts may
    // be kept (true until the keychain said there are none). This process writes both entries.
    kept_account: std::sync::Mutex<Option<Option<String>>>,
    untold_may_wait: std::sync::atomic::AtomicBool,
    // The access tokens of logins held in memory only (a kiosk's) ended here while the platform
    // could not be reached: told with the next turn of the sending loop, or over when they expire.
    untold_tokens: std::sync::Mutex<Vec<String>>,
    // Whom the person logged in acts for now (亲友代办); cleared by every login and logout.
    helping: std::sync::Mutex<Option<Helping>>,
}

impl Session {
    /// A session whose refresh token is kept in `keychain`.
    pub fn in_keychain(keychain: Keychain) -> Self {
        Self {
            keychain: Some(keychain),
            held: Mutex::new(None),
            kept_account: std::sync::Mutex::new(None),
            untold_may_wait: std::sync::atomic::AtomicBool::new(true),
            untold_tokens: std::sync::Mutex::new(Vec::new()),
            helping: std::sync::Mutex::new(None),
        }
    }

    /// A session held in memory only (no keychain here): it ends with the process.
    pub fn in_memory() -> Self {
        Self {
            keychain: None,
            held: Mutex::new(None),
            kept_account: std::sync::Mutex::new(None),
            untold_may_wait: std::sync::atomic::AtomicBool::new(true),
            untold_tokens: std::sync::Mutex::new(Vec::new()),
            helping: std::sync::Mutex::new(None),
        }
    }

    /// A session on a fixed access token of `who` that is never renewed (tools and tests).
    pub fn with_access_token(access_token: &str, who: LoggedIn) -> Self {
        Self {
            keychain: None,
            held: Mutex::new(Some(Held {
                access_token: access_token.to_owned(),
                renew_at: None,
                who,
                refresh_token: None,
            })),
            kept_account: std::sync::Mutex::new(None),
            untold_may_wait: std::sync::atomic::AtomicBool::new(true),
            untold_tokens: std::sync::Mutex::new(Vec::new()),
            helping: std::sync::Mutex::new(None),
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
        self.help(None);
        Ok(self.keep(&mut held, answer)?)
    }

    /// Begins the login `answer` gave without asking the platform again (a kiosk's login, once the
    /// person said it is her).
    pub async fn begin(&self, answer: TokenResponse) -> Result<LoggedIn, SessionError> {
        let mut held = self.held.lock().await;
        self.help(None);
        Ok(self.keep(&mut held, answer)?)
    }

    /// Whether a login is saved on this device.
    pub async fn is_logged_in(&self) -> Result<bool, SessionError> {
        Ok(self.account().await?.is_some())
    }

    /// The account logged in on this device, known offline too (the keychain keeps it with the
    /// login); `None` when nobody is.
    pub async fn account(&self) -> Result<Option<String>, SessionError> {
        // Held while the keychain is read, so that a login or logout meanwhile cannot be undone by
        // caching what was read before it.
        let held = self.held.lock().await;
        if let Some(current) = held.as_ref() {
            return Ok(Some(current.who.account_id.clone()));
        }
        let Some(keychain) = &self.keychain else {
            return Ok(None);
        };
        if let Some(known) = self.kept_account().clone() {
            return Ok(known);
        }
        let account = keychain.kept_login()?.map(|login| login.account_id);
        *self.kept_account() = Some(account.clone());
        Ok(account)
    }

    /// The cached account of the kept login (see the field).
    fn kept_account(&self) -> std::sync::MutexGuard<'_, Option<Option<String>>> {
        self.kept_account
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Who is logged in, once a token was had in this process.
    pub async fn who(&self) -> Option<LoggedIn> {
        self.held.lock().await.as_ref().map(|held| held.who.clone())
    }

    /// A current access token with its account, renewed with the saved refresh token when needed.
    pub async fn token(&self, client: &PlatformClient) -> Result<Token, SessionError> {
        let mut held = self.held.lock().await;
        if let Some(current) = held.as_ref()
            && current.renew_at.is_none_or(|at| Instant::now() < at)
        {
            return Ok(Token {
                access_token: current.access_token.clone(),
                account_id: current.who.account_id.clone(),
            });
        }
        let kept = match (&self.keychain, held.as_ref()) {
            (Some(keychain), _) => keychain.kept_login()?,
            (None, Some(current)) => current
                .refresh_token
                .clone()
                .map(|refresh_token| KeptLogin {
                    account_id: current.who.account_id.clone(),
                    refresh_token,
                }),
            (None, None) => None,
        };
        let kept = kept.ok_or(SessionError::LoggedOut)?;
        let request = TokenRequest::RefreshToken {
            refresh_token: kept.refresh_token,
        };
        match client.token(&request).await {
            // A renewal answering for another account is refused: nothing of one person is ever
            // sent under another's token.
            Ok(answer) if answer.account_id != kept.account_id => {
                tracing::warn!("a renewed login answered for another account; logged out");
                self.end_here(&mut held)?;
                Err(SessionError::LoggedOut)
            }
            Ok(answer) => {
                let token = Token {
                    access_token: answer.access_token.clone(),
                    account_id: answer.account_id.clone(),
                };
                self.keep(&mut held, answer)?;
                Ok(token)
            }
            // The platform no longer honours the refresh token: this login is over.
            Err(ClientError::Platform { status, .. })
                if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED =>
            {
                self.end_here(&mut held)?;
                Err(SessionError::LoggedOut)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Forgets the login on this device (keychain and memory).
    fn end_here(&self, held: &mut Option<Held>) -> Result<(), SecretError> {
        if let Some(keychain) = &self.keychain {
            keychain.forget_login()?;
        }
        *self.kept_account() = Some(None);
        *held = None;
        Ok(())
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

    /// Ends the login here at once. The platform is told now when it answers; otherwise the
    /// login's refresh token is kept (in the keychain; a login held in memory only keeps its access
    /// token in memory) and the platform is told by [`Session::tell_logouts`] once it can be
    /// reached, so a login ended offline ends there too.
    pub async fn log_out(&self, client: &PlatformClient) -> Result<(), SessionError> {
        let mut held = self.held.lock().await;
        let current = held.take();
        self.help(None);
        let kept = match &self.keychain {
            Some(keychain) => keychain.kept_login()?,
            None => None,
        };
        let told = match &current {
            Some(current) => match client.log_out(&current.access_token).await {
                Ok(()) => true,
                Err(error) => {
                    tracing::info!(%error, "the platform is told of the logout later");
                    false
                }
            },
            None => false,
        };
        if !told
            && kept.is_none()
            && let Some(current) = current
        {
            self.untold_tokens().push(current.access_token);
        }
        if let Some(keychain) = &self.keychain {
            if !told && let Some(kept) = kept {
                let mut untold = keychain.untold_logouts()?;
                untold.push(kept.refresh_token);
                keychain.keep_untold_logouts(&untold)?;
                self.untold_may_wait
                    .store(true, std::sync::atomic::Ordering::SeqCst);
            }
            keychain.forget_login()?;
        }
        *self.kept_account() = Some(None);
        Ok(())
    }

    /// Tells the platform of the logins ended here while it could not be reached: each kept refresh
    /// token is renewed once and its login ended. One the platform no longer honours is over
    /// already. Stops at the first failure to reach it, to try again later.
    pub async fn tell_logouts(&self, client: &PlatformClient) -> Result<(), SessionError> {
        self.tell_memory_logouts(client).await?;
        let Some(keychain) = &self.keychain else {
            return Ok(());
        };
        if !self
            .untold_may_wait
            .load(std::sync::atomic::Ordering::SeqCst)
        {
            return Ok(());
        }
        // Held so that a 退出 meanwhile does not add to the list while it is being rewritten.
        let _held = self.held.lock().await;
        let mut untold = keychain.untold_logouts()?;
        while let Some(refresh_token) = untold.first().cloned() {
            let request = TokenRequest::RefreshToken { refresh_token };
            match client.token(&request).await {
                Ok(answer) => client.log_out(&answer.access_token).await?,
                Err(ClientError::Platform { status, .. })
                    if status == StatusCode::BAD_REQUEST || status == StatusCode::UNAUTHORIZED => {}
                Err(error) => return Err(error.into()),
            }
            untold.remove(0);
            keychain.keep_untold_logouts(&untold)?;
        }
        self.untold_may_wait
            .store(false, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    /// Tells the platform of the in-memory logins ended here offline; one it no longer honours (its
    /// token expired) is over already.
    async fn tell_memory_logouts(&self, client: &PlatformClient) -> Result<(), SessionError> {
        let untold = self.untold_tokens().clone();
        for access_token in untold {
            match client.log_out(&access_token).await {
                Ok(()) => {}
                Err(ClientError::Platform { status, .. }) if status == StatusCode::UNAUTHORIZED => {
                }
                Err(error) => return Err(error.into()),
            }
            self.untold_tokens().retain(|token| *token != access_token);
        }
        Ok(())
    }

    fn untold_tokens(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        self.untold_tokens
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn keep(
        &self,
        held: &mut Option<Held>,
        answer: TokenResponse,
    ) -> Result<LoggedIn, SecretError> {
        let mut in_memory = answer.refresh_token.clone();
        // A login that cannot be renewed (a kiosk's) is held in memory only, and ends with it.
        if let (Some(keychain), Some(refresh_token)) = (&self.keychain, answer.refresh_token) {
            keychain.keep_login(&KeptLogin {
                account_id: answer.account_id.clone(),
                refresh_token,
            })?;
            *self.kept_account() = Some(Some(answer.account_id.clone()));
            in_memory = None;
        }
        let who = LoggedIn {
            account_id: answer.account_id,
            role: answer.role,
        };
        let lifetime = Duration::from_secs(answer.expires_in).saturating_sub(RENEW_EARLY);
        *held = Some(Held {
            access_token: answer.access_token,
            renew_at: Some(Instant::now() + lifetime),
            who: who.clone(),
            refresh_token: in_memory,
        });
        Ok(who)
    }
}
