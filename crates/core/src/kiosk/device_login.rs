//! The kiosk's own platform login (a `kiosk_device` account): it asks for people's logins, sends
//! its heartbeat and reads its config with it. Held in memory and renewed; when the platform ends
//! it, the kiosk logs in again with the password from its setup's file.

use std::path::PathBuf;

use huiban_api::{Role, TokenRequest};

use super::setup::KioskSetup;
use crate::session::{Session, SessionError};
use crate::{Error, PlatformClient};

/// The device's login.
#[derive(Debug)]
pub struct DeviceLogin {
    username: String,
    password_file: PathBuf,
    session: Session,
}

impl DeviceLogin {
    /// The login of the device `setup` names (not made until first needed).
    pub fn new(setup: &KioskSetup) -> Self {
        Self {
            username: setup.device.clone(),
            password_file: setup.device_password_file.clone(),
            session: Session::in_memory(),
        }
    }

    /// A current access token of the device, logging in when there is none.
    pub async fn token(&self, client: &PlatformClient) -> Result<String, Error> {
        match self.session.token(client).await {
            Ok(token) => return Ok(token.access_token),
            Err(SessionError::LoggedOut) => {}
            Err(error) => return Err(error.into()),
        }
        let password = std::fs::read_to_string(&self.password_file).map_err(|error| {
            tracing::error!(%error, file = %self.password_file.display(), "cannot read the kiosk's password");
            Error::plain("kiosk-out-of-order")
        })?;
        let request = TokenRequest::Password {
            username: self.username.clone(),
            password: password.trim().to_owned(),
        };
        let who = self.session.log_in(client, &request).await?;
        if who.role != Role::KioskDevice {
            tracing::error!(role = ?who.role, "the kiosk's account is not a kiosk device");
            let _ = self.session.log_out(client).await;
            return Err(Error::plain("kiosk-out-of-order"));
        }
        Ok(self.session.token(client).await?.access_token)
    }
}
