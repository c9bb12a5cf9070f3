//! The person's choices: kept in the local store, or in memory while there is none.

use super::App;
use crate::Error;
use crate::preferences::Preferences;

impl App {
    /// The person's choices of text size, colours and reading aloud.
    pub fn preferences(&self) -> PreferencesService<'_> {
        PreferencesService { app: self }
    }
}

/// Text size, colours and reading aloud, as `app.preferences()` offers them.
pub struct PreferencesService<'a> {
    pub(super) app: &'a App,
}

impl PreferencesService<'_> {
    /// Where the choices are kept: the local store, except on a kiosk, where they are one
    /// visitor's and last only until she is done (in memory, [`PreferencesService::forget`]).
    fn kept_in(&self) -> Option<&crate::store::LocalStore> {
        match self.app.mode {
            crate::mode::Mode::Kiosk => None,
            _ => self.app.store.as_deref(),
        }
    }

    /// Forgets the choices held in memory (a kiosk's visitor is done).
    pub fn forget(&self) {
        *self
            .app
            .unsaved_preferences
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Preferences::default();
    }

    /// The person's choices (the defaults until chosen); the app speaks in the language chosen
    /// from now on.
    pub fn get(&self) -> Result<Preferences, Error> {
        let preferences = match self.kept_in() {
            Some(store) => store.preferences()?,
            None => *self
                .app
                .unsaved_preferences
                .lock()
                .map_err(|_| Error::plain("error-unknown"))?,
        };
        crate::i18n::speak_in(preferences.language.locale());
        Ok(preferences)
    }

    /// Keeps the person's choices; the app speaks in the language chosen from now on.
    pub fn set(&self, preferences: Preferences) -> Result<(), Error> {
        crate::i18n::speak_in(preferences.language.locale());
        match self.kept_in() {
            Some(store) => Ok(store.save_preferences(&preferences)?),
            None => {
                *self
                    .app
                    .unsaved_preferences
                    .lock()
                    .map_err(|_| Error::plain("error-unknown"))? = preferences;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::AppParts;
    use crate::preferences::TextSize;
    use crate::session::Session;
    use crate::{PlatformClient, UrlSource};

    fn app_without_store() -> App {
        App::new(AppParts {
            client: PlatformClient::new("http://127.0.0.1:9/".parse().expect("url"))
                .expect("client"),
            source: UrlSource::Default,
            store: None,
            store_notice: Some("store-unavailable"),
            session: Session::in_memory(),
        })
    }

    #[test]
    fn without_a_store_the_choices_are_kept_for_the_session() {
        let app = app_without_store();
        assert_eq!(
            app.preferences().get().expect("get"),
            Preferences::default()
        );
        let chosen = Preferences {
            text_size: TextSize::Largest,
            ..Preferences::default()
        };
        app.preferences().set(chosen).expect("set");
        assert_eq!(app.preferences().get().expect("get"), chosen);
    }
}
