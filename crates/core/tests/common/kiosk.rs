//! The demo kiosk (一层大厅1号自助机 of 东城区政务服务中心) in a kiosk-mode app on a fresh store.

use huiban_core::app::AppParts;
use huiban_core::kiosk::{Kiosk, KioskSetup};
use huiban_core::mode::Mode;
use huiban_core::session::Session;
use huiban_core::{App, PlatformClient, UrlSource};

/// The demo kiosk on a fresh store in `dir`, reaching the platform at `url`.
pub fn kiosk_app(dir: &tempfile::TempDir, url: reqwest::Url) -> App {
    let password = dir.path().join("kiosk-password");
    std::fs::write(&password, "huiban-kiosk-01\n").unwrap();
    let setup: KioskSetup = toml::from_str(&format!(
        "device = \"kiosk01\"\ndevice_password_file = {:?}\nexit_pin = \"none\"\n",
        password.display().to_string()
    ))
    .unwrap();
    App::new(AppParts {
        client: PlatformClient::new(url).unwrap(),
        source: UrlSource::Default,
        store: Some(std::sync::Arc::new(super::local_store(dir))),
        store_notice: None,
        session: Session::in_memory(),
    })
    .in_mode(Mode::Kiosk)
    .with_kiosk(Kiosk::new(&setup))
}
