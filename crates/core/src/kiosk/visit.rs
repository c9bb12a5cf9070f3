//! A person's login at the kiosk, the RFC 8628 way: the kiosk shows a code and its QR code; she
//! scans it with her phone and approves it on the platform's page; the kiosk shows her masked name
//! and asks 是您本人吗？ before anything of hers is shown or done.

use huiban_api::{DeviceAuthorization, TokenResponse};
use serde::Serialize;

use crate::ClientError;

/// What the welcome screen shows to start a login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct LoginCode {
    /// The code to confirm on her phone, e.g. BCDF-GHJK.
    pub user_code: String,
    /// The page her phone opens, the code filled in (what the QR code holds).
    pub link: String,
    /// The page to open by hand, without the code.
    pub page: String,
    /// The QR code of `link`, as an SVG image.
    pub qr_svg: String,
    /// Seconds the code lives.
    pub expires_in: u32,
    /// Seconds to wait between two asks of [`LoginWait`].
    pub poll_seconds: u32,
}

impl LoginCode {
    /// The view of the platform's `answer`.
    pub fn of(answer: &DeviceAuthorization) -> Self {
        Self {
            user_code: answer.user_code.clone(),
            link: answer.verification_uri_complete.clone(),
            page: answer.verification_uri.clone(),
            qr_svg: crate::qr::svg_of(&answer.verification_uri_complete).unwrap_or_default(),
            expires_in: u32::try_from(answer.expires_in).unwrap_or(u32::MAX),
            poll_seconds: u32::try_from(answer.interval).unwrap_or(5).max(1),
        }
    }
}

/// Where her login stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum LoginWait {
    /// No answer from her phone yet.
    Waiting,
    /// Approved: ask 是您本人吗？ with her masked name.
    Approved {
        /// Her name with its middle hidden, e.g. 张*英.
        name: String,
    },
    /// She said no on her phone.
    Refused,
    /// The code ran out (or was used): show a new one.
    Expired,
}

/// A login on its way: the code polled with and, once approved, her tokens until she says it is
/// her (never a login before that).
pub(crate) struct Pending {
    pub(crate) device_code: String,
    pub(crate) approved: Option<TokenResponse>,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("approved", &self.approved.is_some())
            .finish_non_exhaustive()
    }
}

/// What the platform's refusal of a poll means for her login; `None` for any other error.
pub(crate) fn wait_of(error: &ClientError) -> Option<LoginWait> {
    let ClientError::Platform { body, .. } = error else {
        return None;
    };
    match body.code.as_str() {
        "authorization_pending" | "slow_down" => Some(LoginWait::Waiting),
        "access_denied" => Some(LoginWait::Refused),
        "expired_token" | "invalid_grant" => Some(LoginWait::Expired),
        _ => None,
    }
}

/// The masked name the kiosk asks about (`****` when the platform named nobody).
pub(crate) fn masked_name(answer: &TokenResponse) -> String {
    answer
        .approved_by
        .clone()
        .unwrap_or_else(|| "****".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use huiban_api::ErrorBody;

    fn refused(code: &str) -> ClientError {
        ClientError::Platform {
            status: reqwest::StatusCode::BAD_REQUEST,
            body: ErrorBody {
                code: code.to_owned(),
                message: String::new(),
                message_en: String::new(),
                field: None,
            },
            retry_after: None,
        }
    }

    #[test]
    fn the_platform_s_answers_to_a_poll_say_where_her_login_stands() {
        assert_eq!(
            wait_of(&refused("authorization_pending")),
            Some(LoginWait::Waiting)
        );
        assert_eq!(wait_of(&refused("slow_down")), Some(LoginWait::Waiting));
        assert_eq!(wait_of(&refused("access_denied")), Some(LoginWait::Refused));
        assert_eq!(wait_of(&refused("expired_token")), Some(LoginWait::Expired));
        assert_eq!(wait_of(&refused("invalid_grant")), Some(LoginWait::Expired));
        assert_eq!(wait_of(&refused("rate_limited")), None);
    }

    #[test]
    fn the_code_comes_with_its_qr_code() {
        let view = LoginCode::of(&DeviceAuthorization {
            device_code: "secret".to_owned(),
            user_code: "BCDF-GHJK".to_owned(),
            verification_uri: "http://127.0.0.1:8470/device".to_owned(),
            verification_uri_complete: "http://127.0.0.1:8470/device?user_code=BCDFGHJK".to_owned(),
            expires_in: 600,
            interval: 5,
        });
        assert!(view.qr_svg.contains("<svg"));
        assert!(
            !format!("{view:?}").contains("secret"),
            "the device code stays inside"
        );
        assert_eq!((view.expires_in, view.poll_seconds), (600, 5));
    }
}
