//! The one error type that crosses IPC: a stable code and a message the UI can show as it is.

use huiban_core::{ClientError, Localizer};
use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[error("{code}: {message}")]
pub struct IpcError {
    /// Stable code, the Fluent message id (e.g. `error-platform-unreachable`).
    pub code: String,
    /// Plain-words message in the user's language.
    pub message: String,
}

impl IpcError {
    /// Translates a platform client error for the user.
    pub fn from_client(error: &ClientError, localizer: &Localizer) -> Self {
        let id = error.message_id();
        let message = match error {
            ClientError::Platform { body, .. } => localizer.text(id, &[("message", &body.message)]),
            _ => localizer.text(id, &[]),
        };
        Self {
            code: id.to_owned(),
            message,
        }
    }
}

impl IpcError {
    /// Explains a local-store failure for the user.
    pub fn local_store(error: &huiban_core::store::StoreError, localizer: &Localizer) -> Self {
        tracing::error!(%error, "local store failed");
        Self {
            code: "error-local-store".to_owned(),
            message: localizer.text("error-local-store", &[]),
        }
    }
}

impl IpcError {
    /// Explains why the catalog or a form could not be had.
    pub fn catalog(error: &huiban_core::catalog::CatalogError, localizer: &Localizer) -> Self {
        use huiban_core::catalog::CatalogError;
        match error {
            CatalogError::Client(error) => Self::from_client(error, localizer),
            CatalogError::Store(error) => Self::local_store(error, localizer),
            CatalogError::BadDefinition(problem) => {
                tracing::error!(%problem, "unusable form definition");
                Self::plain("form-unusable", localizer)
            }
        }
    }

    /// Explains why the login could not be used.
    pub fn session(error: &huiban_core::session::SessionError, localizer: &Localizer) -> Self {
        use huiban_core::session::SessionError;
        match error {
            SessionError::Client(error) => Self::from_client(error, localizer),
            SessionError::LoggedOut => Self::plain("login-needed", localizer),
            SessionError::Secret(error) => {
                tracing::error!(%error, "keychain failed");
                Self::plain("login-keychain", localizer)
            }
        }
    }

    /// Explains why an evaluation cannot be queued.
    pub fn evaluation(
        problem: huiban_core::evaluation::EvaluationProblem,
        localizer: &Localizer,
    ) -> Self {
        let max = huiban_core::evaluation::REASON_MAX.to_string();
        Self {
            code: problem.message_id().to_owned(),
            message: localizer.text(problem.message_id(), &[("max", &max)]),
        }
    }

    /// An error the user is told with the Fluent message `id`.
    pub fn plain(id: &str, localizer: &Localizer) -> Self {
        Self {
            code: id.to_owned(),
            message: localizer.text(id, &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use huiban_api::ErrorBody;
    use huiban_core::Locale;

    use super::*;

    #[test]
    fn platform_messages_reach_the_user_in_their_words() {
        let error = ClientError::Platform {
            status: huiban_core::StatusCode::SERVICE_UNAVAILABLE,
            body: ErrorBody {
                code: "maintenance".into(),
                message: "系统维护中".into(),
                message_en: "Maintenance".into(),
                field: None,
            },
            retry_after: None,
        };
        let ipc = IpcError::from_client(&error, &Localizer::new(Locale::ZhCn));
        assert_eq!(ipc.code, "error-platform-answered");
        assert_eq!(ipc.message, "办事平台说：系统维护中");
        let json = serde_json::to_value(&ipc).unwrap();
        assert_eq!(json["code"], "error-platform-answered");
    }

    #[test]
    fn malformed_answers_get_a_plain_message() {
        let ipc = IpcError::from_client(
            &ClientError::Malformed("x".into()),
            &Localizer::new(Locale::ZhCn),
        );
        assert!(ipc.message.contains("工作人员"));
    }
}
