//! `app.session()`: logging in with the code sent to her phone, whether someone is logged in, what
//! she leaves unsent, and 退出.

use std::sync::Arc;

use huiban_api::{SmsCodeSent, TokenRequest};
use serde::Serialize;

use super::{LoggedIn, Session, Token};
use crate::Error;
use crate::app::App;
use crate::unsent::{self, LeaveUnsent, Unsent};

/// Whether someone is logged in on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SessionStatus {
    /// True while a login is kept.
    pub logged_in: bool,
}

/// What is not sent yet, as 退出 asks about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
pub struct UnsentView {
    /// How many of each.
    #[serde(flatten)]
    pub unsent: Unsent,
    /// Whether there is nothing to ask about, so 退出 logs out at once.
    pub nothing: bool,
}

impl UnsentView {
    /// The view of `unsent`.
    pub fn of(unsent: Unsent) -> Self {
        Self {
            unsent,
            nothing: unsent.is_empty(),
        }
    }
}

impl App {
    /// The login on this computer: logging in and out, and the token for the platform.
    pub fn session(&self) -> SessionService<'_> {
        SessionService { app: self }
    }
}

/// The login on this computer, as `app.session()` offers it.
pub struct SessionService<'a> {
    pub(crate) app: &'a App,
}

impl SessionService<'_> {
    /// The login itself, for the loops that send and pull in the background.
    pub fn shared(&self) -> &Arc<Session> {
        &self.app.session
    }

    /// The logged-in person's token, renewed when needed (so online only).
    pub async fn token(&self) -> Result<Token, Error> {
        Ok(self.app.session.token(self.app.client()).await?)
    }

    /// Whether someone is logged in: in staff mode, whether the clerk acts for a resident in an
    /// open session (her pages then work for that resident; the clerk's own login is not a person's).
    pub async fn status(&self) -> Result<SessionStatus, Error> {
        let logged_in = match self.app.mode() {
            crate::mode::Mode::Staff => self.app.acting_for().is_some(),
            _ => self.app.session.is_logged_in().await?,
        };
        Ok(SessionStatus { logged_in })
    }

    /// Asks the platform to send a login code by SMS to `phone` (only its digits count).
    pub async fn request_code(&self, phone: &str) -> Result<SmsCodeSent, Error> {
        let phone: String = phone.chars().filter(char::is_ascii_digit).collect();
        Ok(self.app.client().request_sms_code(&phone).await?)
    }

    /// Logs in with the code from the SMS; the copies pulled for anyone else are forgotten at once,
    /// and the outbox then sends whatever this person left waiting.
    pub async fn log_in(&self, phone: &str, code: &str) -> Result<LoggedIn, Error> {
        let request = TokenRequest::SmsCode {
            phone: phone.chars().filter(char::is_ascii_digit).collect(),
            code: code.chars().filter(char::is_ascii_digit).collect(),
        };
        let who = self.app.session.log_in(self.app.client(), &request).await?;
        if let Some(store) = self.app.store() {
            let _held = self.app.pull_gate().hold().await;
            store.forget_pulled_except(Some(&who.account_id))?;
        }
        self.app.wake().notify_one();
        self.app.pull_now().notify_one();
        Ok(who)
    }

    /// What the person logged in has not sent yet (forms begun, waiting, refused), to ask about at
    /// 退出; nothing with nobody logged in.
    pub async fn unsent(&self) -> Result<UnsentView, Error> {
        let unsent = match self.app.own_store_if_any().await? {
            Some(store) => Unsent::of(&store)?,
            None => Unsent::default(),
        };
        Ok(UnsentView::of(unsent))
    }

    /// 退出: does what she chose with what she has not sent (kept here, encrypted, for her next
    /// login only; or deleted), ends the login here (and on the platform now, or once it can be
    /// reached), wipes it from the keychain and forgets every copy pulled for her.
    pub async fn log_out(&self, leave: LeaveUnsent) -> Result<(), Error> {
        // No pull runs meanwhile, and none begun before writes after the copies are forgotten.
        let _held = self.app.pull_gate().hold().await;
        if let Some(store) = self.app.own_store_if_any().await? {
            unsent::leave(&store, leave)?;
        }
        self.app.session.log_out(self.app.client()).await?;
        if let Some(store) = self.app.store() {
            store.forget_pulled_except(None)?;
        }
        self.app.wake().notify_one();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{app_with_store, logged_in};

    #[test]
    fn the_ui_reads_the_counts_and_core_s_verdict_side_by_side() {
        let view = UnsentView::of(Unsent {
            drafts: 1,
            waiting: 0,
            refused: 0,
        });
        assert_eq!(
            serde_json::to_value(view).expect("json"),
            serde_json::json!({"drafts": 1, "waiting": 0, "refused": 0, "nothing": false})
        );
    }

    #[tokio::test]
    async fn logging_out_forgets_what_was_pulled_for_her() {
        let dir = tempfile::tempdir().expect("dir");
        let app = app_with_store(&dir, logged_in("a"));
        let store = app.own_store().await.expect("her store");
        store
            .replace_cached_cases(&[crate::fixtures::case(&[huiban_api::CaseStatus::Submitted])])
            .expect("kept");
        assert!(app.session().status().await.expect("status").logged_in);
        assert!(app.session().unsent().await.expect("unsent").nothing);
        app.session()
            .log_out(LeaveUnsent::Keep)
            .await
            .expect("logged out");
        assert!(!app.session().status().await.expect("status").logged_in);
        assert!(store.cached_cases().expect("read").is_empty());
    }
}
