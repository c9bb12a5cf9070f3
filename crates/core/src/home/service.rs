//! `app.home()`: home's view from what this computer keeps of her (offline too).

use super::HomeView;
use crate::Error;
use crate::app::App;

impl App {
    /// Home: her greeting and what waits for her.
    pub fn home(&self) -> HomeService<'_> {
        HomeService { app: self }
    }
}

/// Home, as `app.home()` offers it.
pub struct HomeService<'a> {
    app: &'a App,
}

impl HomeService<'_> {
    /// Her greeting (by name, except on a kiosk) and one line for each thing that waits for her;
    /// with nobody logged in, the plain greeting and nothing else.
    pub async fn view(&self) -> Result<HomeView, Error> {
        let localizer = self.app.localizer();
        let Some(store) = self.app.own_store_if_any().await? else {
            return Ok(HomeView::of(None, &[], &[], &[], localizer));
        };
        // A kiosk's screen is seen by whoever stands behind her: it does not show her name.
        let name = match self.app.mode() {
            crate::mode::Mode::Kiosk => None,
            _ => store.profile()?.and_then(|account| account.name),
        };
        let cases = self.app.cases().list().await?;
        let requests = self.app.requests().list().await?;
        let unfinished = self.app.drafts().unfinished().await?;
        Ok(HomeView::of(
            name.as_deref(),
            &cases,
            &requests,
            &unfinished,
            localizer,
        ))
    }
}
