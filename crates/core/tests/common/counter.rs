//! A clerk at the counter: 赵敏 logged in to a staff-mode app on the real platform, and the codes
//! the platform texts residents.

use huiban_core::app::{App, AppParts};
use huiban_core::assisted::SimulatedReader;
use huiban_core::mode::Mode;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::store::LocalStore;
use huiban_core::{PlatformClient, UrlSource};

use super::Platform;

/// A staff-mode app on `platform` with a simulated card reader at `card`, 赵敏 logged in.
pub async fn clerk_at_work(platform: &Platform, card: std::path::PathBuf) -> App {
    clerk_with_store(platform, card, None).await
}

/// The same, keeping her local data in `store`.
pub async fn clerk_with_store(
    platform: &Platform,
    card: std::path::PathBuf,
    store: Option<LocalStore>,
) -> App {
    clerk_on(platform.serve(None).await, card, store).await
}

/// 赵敏 at work in staff mode, reaching the platform at `url`.
pub async fn clerk_on(
    url: reqwest::Url,
    card: std::path::PathBuf,
    store: Option<LocalStore>,
) -> App {
    let app =
        staff_app(url, store).with_card_reader(std::sync::Arc::new(SimulatedReader::at(card)));
    app.staff()
        .log_in("staff01", "huiban-staff-01")
        .await
        .unwrap();
    app
}

/// 孙丽, the centre's manager, logged in to a staff-mode app reaching the platform at `url`.
pub async fn manager_on(url: reqwest::Url) -> App {
    let app = staff_app(url, None);
    app.staff()
        .log_in("manager01", "huiban-manager-01")
        .await
        .unwrap();
    app
}

/// A staff-mode app on `url` with a mock keychain, nobody logged in.
fn staff_app(url: reqwest::Url, store: Option<LocalStore>) -> App {
    let client = PlatformClient::new(url).unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "staff");
    App::new(AppParts {
        client,
        source: UrlSource::Default,
        store: store.map(std::sync::Arc::new),
        store_notice: None,
        session: Session::in_keychain(keychain),
    })
    .in_mode(Mode::Staff)
}

/// The newest consent code the platform texted to `phone`.
pub fn texted_code(platform: &Platform, phone: &str) -> String {
    huiban_platform::demo_accounts::last_login_code(&platform.store, phone).unwrap()
}
