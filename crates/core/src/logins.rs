//! 在哪里登录着: the places a person is logged in now (this computer, another computer, a kiosk she
//! let in), in plain words, and ending any of them.

mod service;

pub use service::LoginsService;

use huiban_api::{LoginKind, LoginSummary};
use serde::Serialize;

use crate::client::{ClientError, PlatformClient};
use crate::dates::plain_time;
use crate::i18n::Localizer;

/// One login as the person reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct LoginLine {
    /// The id to end it with.
    pub login_id: String,
    /// Where: 这台电脑（您正在用的）, 另一台电脑, or the kiosk and its place.
    pub place: String,
    /// Since when, e.g. 2026年11月30日 09:30.
    pub since: String,
    /// Whether it is the login of this computer (ended by 退出, not from this list).
    pub current: bool,
}

/// Why a login cannot be ended.
#[derive(Debug, thiserror::Error)]
pub enum EndLoginError {
    /// The id is not one the platform gives.
    #[error("not a login id")]
    NotAnId,
    /// The platform could not be asked, or refused.
    #[error(transparent)]
    Client(#[from] ClientError),
}

/// The person's logins in plain words, this computer's first.
pub fn lines(logins: &[LoginSummary], localizer: &Localizer) -> Vec<LoginLine> {
    let mut lines: Vec<LoginLine> = logins
        .iter()
        .map(|login| LoginLine {
            login_id: login.login_id.clone(),
            place: match (login.kind, login.current, login.device.as_deref()) {
                (_, true, _) => localizer.text("logins-this-computer", &[]),
                (LoginKind::Kiosk, false, Some(kiosk)) => {
                    localizer.text("logins-kiosk", &[("kiosk", kiosk)])
                }
                (LoginKind::Kiosk, false, None) => localizer.text("logins-some-kiosk", &[]),
                (LoginKind::App, false, _) => localizer.text("logins-other-computer", &[]),
            },
            since: localizer.text(
                "logins-since",
                &[("time", plain_time(&login.started_at, localizer).as_str())],
            ),
            current: login.current,
        })
        .collect();
    lines.sort_by_key(|line| !line.current);
    lines
}

/// Ends the login `login_id` of the person whose token is `access_token`.
pub async fn end(
    client: &PlatformClient,
    access_token: &str,
    login_id: &str,
) -> Result<(), EndLoginError> {
    let is_id = !login_id.is_empty()
        && login_id.len() <= 64
        && login_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !is_id {
        return Err(EndLoginError::NotAnId);
    }
    Ok(client.end_login(access_token, login_id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn login(id: &str, kind: LoginKind, device: Option<&str>, current: bool) -> LoginSummary {
        LoginSummary {
            login_id: id.to_owned(),
            kind,
            device: device.map(str::to_owned),
            started_at: "2026-11-30T09:30:00+08:00".to_owned(),
            current,
        }
    }

    #[test]
    fn logins_read_as_places_with_this_computer_first() {
        let localizer = Localizer::new(Locale::ZhCn);
        let kiosk = "一层大厅1号自助机（东城区政务服务中心）";
        let lines = lines(
            &[
                login("k", LoginKind::Kiosk, Some(kiosk), false),
                login("a", LoginKind::App, None, false),
                login("me", LoginKind::App, None, true),
            ],
            &localizer,
        );
        let places: Vec<&str> = lines.iter().map(|l| l.place.as_str()).collect();
        assert_eq!(places[0], "这台电脑（您正在用的）");
        assert!(places[1].contains(kiosk), "{places:?}");
        assert_eq!(places[2], "另一台电脑");
        assert!(lines[0].current && !lines[1].current);
        assert!(
            lines[0].since.contains("2026年11月30日"),
            "{}",
            lines[0].since
        );
    }

    #[tokio::test]
    async fn only_an_id_the_platform_gives_is_sent() {
        let client = PlatformClient::new("http://127.0.0.1:9/".parse().unwrap()).unwrap();
        for bad in ["", "../../auth/logout", "a b", &"x".repeat(65)] {
            assert!(matches!(
                end(&client, "token", bad).await,
                Err(EndLoginError::NotAnId)
            ));
        }
    }
}
