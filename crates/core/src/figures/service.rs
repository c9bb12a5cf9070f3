//! `app.figures()`: the centre's figures for the manager logged in to the staff window, and the same
//! saved as a CSV table.

use super::table_file::{csv_of, csv_path};
use super::view::{FiguresView, view_of};
use crate::app::App;
use crate::{Error, clock};

impl App {
    /// The centre's figures (staff mode, its manager).
    pub fn figures(&self) -> FiguresService<'_> {
        FiguresService { app: self }
    }
}

/// The centre's figures, as `app.figures()` offers them.
pub struct FiguresService<'a> {
    app: &'a App,
}

impl FiguresService<'_> {
    /// The figures counted now by the platform; only for the centre's manager, at work.
    pub async fn now(&self) -> Result<FiguresView, Error> {
        let staff = self.app.staff();
        staff.at_work()?;
        if !staff.is_manager() {
            return Err(Error::plain("figures-not-manager"));
        }
        let token = self.app.session.token(self.app.client()).await?;
        let figures = self
            .app
            .client()
            .centre_figures(&token.access_token)
            .await
            .map_err(|error| Error::online_only(error, "figures-offline"))?;
        Ok(view_of(&figures, self.app.localizer()))
    }

    /// The figures counted now, saved as a CSV table in the documents folder; answers where, in
    /// words for the page.
    pub async fn save_csv(&self) -> Result<String, Error> {
        let view = self.now().await?;
        let stamp = chrono::DateTime::from_timestamp_millis(clock::now_ms())
            .unwrap_or_default()
            .with_timezone(&chrono::Local)
            .format("%Y%m%d-%H%M")
            .to_string();
        let path = csv_path(&stamp)?;
        std::fs::write(&path, csv_of(&view)?).map_err(|error| {
            tracing::warn!(%error, "the figures' table was not saved");
            Error::plain("figures-csv-failed")
        })?;
        Ok(self.app.localizer().text(
            "figures-saved",
            &[("path", path.to_string_lossy().as_ref())],
        ))
    }
}
