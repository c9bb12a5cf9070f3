//! 中文 / English in 设置: kept in the local store, and the app's words (and an error's) follow it,
//! also after a restart. Its own test process: the language is the whole process's.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use huiban_core::app::AppParts;
use huiban_core::preferences::{Language, Preferences};
use huiban_core::session::Session;
use huiban_core::{App, PlatformClient, UrlSource};

fn app_on(store: huiban_core::store::LocalStore) -> App {
    App::new(AppParts {
        client: PlatformClient::new("http://127.0.0.1:9/".parse().unwrap()).unwrap(),
        source: UrlSource::Default,
        store: Some(std::sync::Arc::new(store)),
        store_notice: None,
        session: Session::in_memory(),
    })
}

#[test]
fn the_language_chosen_is_kept_and_every_word_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = huiban_core::secrets::Keychain::in_store(
        keyring_core::mock::Store::new().unwrap(),
        "language-test",
    );
    let open = || {
        huiban_core::store::LocalStore::open(&dir.path().join("huiban.db"), &keychain)
            .unwrap()
            .0
    };
    let app = app_on(open());
    assert_eq!(app.localizer().text("home-tile-apply", &[]), "办事");
    app.preferences()
        .set(Preferences {
            language: Language::EnUs,
            ..Preferences::default()
        })
        .unwrap();
    assert_eq!(app.localizer().text("home-tile-apply", &[]), "Apply");
    assert_eq!(
        huiban_core::Error::plain("draft-not-found").text(app.localizer()),
        huiban_core::Error::plain("draft-not-found").text(&huiban_core::i18n::Localizer::new(
            huiban_core::i18n::Locale::EnUs
        ))
    );

    // Back to 中文 for a moment, then a restart reads English again from the store.
    huiban_core::i18n::speak_in(huiban_core::i18n::Locale::ZhCn);
    drop(app);
    let again = app_on(open());
    assert_eq!(again.preferences().get().unwrap().language, Language::EnUs);
    assert_eq!(again.localizer().text("home-tile-apply", &[]), "Apply");
}
