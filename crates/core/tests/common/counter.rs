//! A clerk at the counter: 赵敏 logged in to a staff-mode app on the real platform, and the codes
//! the platform texts residents.

use huiban_core::app::{App, AppParts};
use huiban_core::assisted::SimulatedReader;
use huiban_core::mode::Mode;
use huiban_core::outbox::engine::Whose;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::store::LocalStore;
use huiban_core::{PlatformClient, UrlSource};

use super::Platform;

/// 张秀英's ID number, as on her card.
pub const ZHANG_ID: &str = "110101194403151029";

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
    staff_on(url, card, store, ("staff01", "huiban-staff-01")).await
}

/// The staff member with `login` (username, password) at work in staff mode, reaching `url`.
pub async fn staff_on(
    url: reqwest::Url,
    card: std::path::PathBuf,
    store: Option<LocalStore>,
    (username, password): (&str, &str),
) -> App {
    let app =
        staff_app(url, store).with_card_reader(std::sync::Arc::new(SimulatedReader::at(card)));
    app.staff().log_in(username, password).await.unwrap();
    app
}

/// Makes 钱进, a second clerk of 赵敏's centre, on `platform`: his username and password.
pub fn colleague(platform: &Platform) -> (&'static str, &'static str) {
    let login = ("staff02", "huiban-staff-02");
    platform
        .store
        .create_account(
            &huiban_platform::store::NewAccount {
                account_id: "s-test-qian".to_owned(),
                role: huiban_api::Role::Staff,
                phone: None,
                username: Some(login.0.to_owned()),
                password_hash: Some(huiban_platform::auth::hash_password(login.1).unwrap()),
                name: Some("钱进".to_owned()),
                id_number: None,
                department: Some("东城区政务服务中心".to_owned()),
            },
            0,
        )
        .unwrap();
    login
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
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "staff");
    staff_app_in(url, store, keychain)
}

/// A staff-mode app on `url` keeping its login in `keychain` (kept across a restart), nobody
/// logged in yet.
pub fn staff_app_in(url: reqwest::Url, store: Option<LocalStore>, keychain: Keychain) -> App {
    let client = PlatformClient::new(url).unwrap();
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

/// Runs the staff window's sending loop until nothing a clerk confirmed for anyone waits.
pub async fn send_as_the_clerk(app: &App, dir: &tempfile::TempDir) {
    super::send_until_drained(
        app,
        dir.path().join("staff-outbox.lock"),
        Whose::ActedFor,
        None,
    )
    .await;
}

/// The platform's case of the submission `client_id` the clerk's loop sent for 张秀英 after the
/// session ended: here it was forgotten the moment it went out.
pub fn sent_for_her(app: &App, platform: &Platform, client_id: &str) -> huiban_api::Application {
    let here = app
        .store()
        .unwrap()
        .of_account("c-demo-zhang")
        .outbox_row(client_id)
        .unwrap();
    assert_eq!(here, None, "forgotten here once sent");
    let (number, _) = platform
        .store
        .case_of_key("c-demo-zhang", client_id)
        .unwrap()
        .expect("filed on the platform");
    her_case(platform, &number)
}

/// The columns of the clerk's store that hold anything of 张秀英's: her name, ID number, phone
/// (plain or masked) or account.
pub fn her_traces(app: &App) -> Vec<String> {
    app.store()
        .unwrap()
        .columns_holding(&[
            "张秀英",
            ZHANG_ID,
            "13800000001",
            "138****0001",
            "c-demo-zhang",
        ])
        .unwrap()
}

/// Whether the platform has closed the session `session`.
pub fn is_closed(platform: &Platform, session: &str) -> bool {
    let record = platform.store.session(session).unwrap().unwrap();
    record.closed_ms.is_some()
}

/// The case `number` as the platform keeps it for 张秀英.
pub fn her_case(platform: &Platform, number: &str) -> huiban_api::Application {
    huiban_platform::cases::view(
        &huiban_platform::AppState::new(platform.store.clone()),
        "c-demo-zhang",
        number,
    )
    .unwrap()
}

/// 赵敏 at work for 张秀英, who consented, through `url`.
pub async fn acting_for_zhang(
    platform: &Platform,
    url: reqwest::Url,
    dir: &tempfile::TempDir,
) -> App {
    acting_for_zhang_with(platform, url, dir, super::local_store(dir)).await
}

/// 赵敏 at work for 张秀英, who consented, through `url`, keeping local data in `store`.
pub async fn acting_for_zhang_with(
    platform: &Platform,
    url: reqwest::Url,
    dir: &tempfile::TempDir,
    store: LocalStore,
) -> App {
    let app = clerk_on(url, dir.path().join("card.json"), Some(store)).await;
    app.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    let code = texted_code(platform, "13800000001");
    app.assisted().consent_by_code(&code).await.unwrap();
    app
}

/// With the network cut at `switch`, the clerk of `app` confirms 高龄津贴申领 for the resident she
/// acts for: the session and the submission's client id.
pub async fn confirm_offline(app: &App, switch: &super::switch::Switch) -> (String, String) {
    let hers = app.own_store().await.unwrap();
    let session = hers.assisted_session().unwrap().to_owned();
    switch.cut();
    let client_id =
        huiban_core::outbox::enqueue_application(&hers, &super::application("高龄津贴申领"), 0)
            .unwrap();
    (session, client_id)
}
