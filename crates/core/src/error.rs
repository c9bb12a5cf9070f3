//! The one error core hands out: what to tell the person, as a Fluent message id and its arguments.
//! Every error of core's mechanisms converts into it (logging what only developers need to know), so
//! the shell turns it into words once, with one localizer.

use crate::attachments::AttachmentError;
use crate::catalog::CatalogError;
use crate::client::ClientError;
use crate::evaluation::{EvaluationProblem, REASON_MAX};
use crate::i18n::Localizer;
use crate::logins::EndLoginError;
use crate::pull::PullError;
use crate::session::SessionError;
use crate::store::StoreError;

/// What went wrong, as the person is told it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{id}")]
pub struct Error {
    id: &'static str,
    args: Vec<(&'static str, String)>,
}

impl Error {
    /// An error told with the Fluent message `id` and no arguments.
    pub fn plain(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// An error told with the Fluent message `id` and its `args`.
    pub fn with_args(id: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self { id, args }
    }

    /// The Fluent message id, which is also the stable code the UI sees.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message's arguments.
    pub fn args(&self) -> &[(&'static str, String)] {
        &self.args
    }

    /// The message in the localizer's language.
    pub fn text(&self, localizer: &Localizer) -> String {
        let args: Vec<(&str, &str)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        localizer.text(self.id, &args)
    }
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        tracing::error!(%error, "local store failed");
        Self::plain("error-local-store")
    }
}

impl From<ClientError> for Error {
    fn from(error: ClientError) -> Self {
        let id = error.message_id();
        match error {
            ClientError::Platform { body, .. } => {
                Self::with_args(id, vec![("message", body.message)])
            }
            _ => Self::plain(id),
        }
    }
}

impl Error {
    /// The error of a call that works online only: `offline_id` (its own plain words: what needs
    /// the network) when the platform cannot be reached, else the platform's answer.
    pub fn online_only(error: ClientError, offline_id: &'static str) -> Self {
        match error {
            ClientError::Unreachable(_) => Self::plain(offline_id),
            other => Self::from(other),
        }
    }
}

impl From<CatalogError> for Error {
    fn from(error: CatalogError) -> Self {
        match error {
            CatalogError::Client(error) => error.into(),
            CatalogError::Store(error) => error.into(),
            CatalogError::BadDefinition(problem) => {
                tracing::error!(%problem, "unusable form definition");
                Self::plain("form-unusable")
            }
        }
    }
}

impl From<SessionError> for Error {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::Client(error) => error.into(),
            SessionError::LoggedOut => Self::plain("login-needed"),
            SessionError::Secret(error) => {
                tracing::error!(%error, "keychain failed");
                Self::plain("login-keychain")
            }
        }
    }
}

impl From<EvaluationProblem> for Error {
    fn from(problem: EvaluationProblem) -> Self {
        Self::with_args(problem.message_id(), vec![("max", REASON_MAX.to_string())])
    }
}

impl From<AttachmentError> for Error {
    fn from(error: AttachmentError) -> Self {
        match error {
            AttachmentError::Store(error) => error.into(),
            other => Self::plain(other.message_id()),
        }
    }
}

impl From<PullError> for Error {
    fn from(error: PullError) -> Self {
        match error {
            PullError::Client(error) => error.into(),
            PullError::Store(error) => error.into(),
            PullError::OtherAccount => Self::plain("login-needed"),
        }
    }
}

impl From<EndLoginError> for Error {
    fn from(error: EndLoginError) -> Self {
        match error {
            EndLoginError::NotAnId => Self::plain("logins-not-found"),
            EndLoginError::Client(error) => error.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use huiban_api::ErrorBody;

    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn the_platforms_words_and_plain_messages_reach_the_person() {
        let zh = Localizer::new(Locale::ZhCn);
        let answered = Error::from(ClientError::Platform {
            status: reqwest::StatusCode::SERVICE_UNAVAILABLE,
            body: ErrorBody {
                code: "maintenance".into(),
                message: "系统维护中".into(),
                message_en: "Maintenance".into(),
                field: None,
            },
            retry_after: None,
        });
        assert_eq!(answered.id(), "error-platform-answered");
        assert_eq!(answered.text(&zh), "办事平台说：系统维护中");
        let logged_out = Error::from(SessionError::LoggedOut);
        assert_eq!(logged_out.id(), "login-needed");
        assert!(!logged_out.text(&zh).is_empty());
        let store = Error::from(StoreError::Poisoned);
        assert_eq!(store.id(), "error-local-store");
    }
}
