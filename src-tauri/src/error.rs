//! The one error type that crosses IPC: a stable code and a message the UI can show as it is.

use huiban_core::ClientError;
use serde::Serialize;

/// An error as the UI receives it. Its `Display`, which `#[instrument(err)]` writes to the log, is
/// the code alone: the message may name the person (e.g. the resident a clerk serves).
#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[error("{code}")]
pub struct IpcError {
    /// Stable code, the Fluent message id (e.g. `error-platform-unreachable`).
    pub code: String,
    /// Plain-words message in the user's language.
    pub message: String,
}

impl From<huiban_core::Error> for IpcError {
    fn from(error: huiban_core::Error) -> Self {
        Self {
            code: error.id().to_owned(),
            message: error.text(huiban_core::i18n::spoken()),
        }
    }
}

/// Core's errors reach the UI through [`huiban_core::Error`], so a command can use `?` on them.
macro_rules! through_core_error {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for IpcError {
            fn from(error: $error) -> Self {
                huiban_core::Error::from(error).into()
            }
        })*
    };
}

through_core_error!(
    ClientError,
    huiban_core::store::StoreError,
    huiban_core::catalog::CatalogError,
    huiban_core::session::SessionError,
    huiban_core::evaluation::EvaluationProblem,
    huiban_core::attachments::AttachmentError,
    huiban_core::pull::PullError,
    huiban_core::logins::EndLoginError,
);

impl IpcError {
    /// An error the user is told with the Fluent message `id`.
    pub fn plain(id: &'static str) -> Self {
        huiban_core::Error::plain(id).into()
    }
}

#[cfg(test)]
mod tests {
    use huiban_api::ErrorBody;

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
        let ipc = IpcError::from(error);
        assert_eq!(ipc.code, "error-platform-answered");
        assert_eq!(ipc.message, "办事平台说：系统维护中");
        let json = serde_json::to_value(&ipc).unwrap();
        assert_eq!(json["code"], "error-platform-answered");
    }

    #[test]
    fn the_logged_form_of_an_error_carries_no_personal_words() {
        let error = huiban_core::Error::with_args(
            "assisted-end-first",
            vec![("name", "张秀英".to_owned())],
        );
        let ipc = IpcError::from(error);
        assert!(ipc.message.contains("张秀英"), "the clerk is told whom");
        assert_eq!(ipc.to_string(), "assisted-end-first", "the log is not");
    }

    #[test]
    fn malformed_answers_get_a_plain_message() {
        let ipc = IpcError::from(ClientError::Malformed("x".into()));
        assert!(ipc.message.contains("工作人员"));
    }
}
