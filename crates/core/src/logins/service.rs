//! `app.logins()`: where the person is logged in (ended from the list), and letting a kiosk in a hall
//! log in as her once she has checked which kiosk asks and where it stands.

use super::{LoginLine, end, lines};
use crate::Error;
use crate::app::App;
use crate::kiosk_login::{self, KioskAsking};

impl App {
    /// Where she is logged in, and letting a kiosk log in as her.
    pub fn logins(&self) -> LoginsService<'_> {
        LoginsService { app: self }
    }
}

/// Her logins, as `app.logins()` offers them (online only: the platform holds them).
pub struct LoginsService<'a> {
    pub(crate) app: &'a App,
}

impl LoginsService<'_> {
    /// Where the person is logged in now, this computer first.
    pub async fn list(&self) -> Result<Vec<LoginLine>, Error> {
        let token = self.app.session().token().await?;
        let summaries = self.app.client().logins(&token.access_token).await?;
        Ok(lines(&summaries, self.app.localizer()))
    }

    /// Ends another of the person's logins (this computer's is ended by 退出).
    pub async fn end(&self, login_id: &str) -> Result<(), Error> {
        let token = self.app.session().token().await?;
        Ok(end(self.app.client(), &token.access_token, login_id).await?)
    }

    /// Which kiosk shows the code she typed, and where it stands.
    pub async fn kiosk_asking(&self, typed: &str) -> Result<KioskAsking, Error> {
        let code =
            kiosk_login::code(typed).map_err(|problem| Error::plain(problem.message_id()))?;
        let token = self.app.session().token().await?;
        let asking = self
            .app
            .client()
            .kiosk_asking(&token.access_token, &code)
            .await?;
        Ok(KioskAsking::of(&code, asking, self.app.localizer()))
    }

    /// Lets the kiosk showing the code she typed log in as her (`approve`), or refuses it.
    pub async fn kiosk_answer(&self, typed: &str, approve: bool) -> Result<(), Error> {
        let code =
            kiosk_login::code(typed).map_err(|problem| Error::plain(problem.message_id()))?;
        let token = self.app.session().token().await?;
        self.app
            .client()
            .answer_kiosk(&token.access_token, &code, approve)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::fixtures::{app_with_store, logged_in};

    #[tokio::test]
    async fn a_code_that_is_not_a_kiosk_code_is_refused_before_the_platform_is_asked() {
        let dir = tempfile::tempdir().expect("dir");
        let app = app_with_store(&dir, logged_in("a"));
        let refused = app
            .logins()
            .kiosk_asking("12")
            .await
            .expect_err("too short");
        assert!(refused.id().starts_with("kiosk-"), "{}", refused.id());
    }
}
