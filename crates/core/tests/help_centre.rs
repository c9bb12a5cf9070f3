//! 求助's service centre against the real platform: the centres come from it (and are kept for
//! offline), her district from her account once she is logged in, or picked once before that.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use huiban_core::app::AppParts;
use huiban_core::help::CentreHelp;
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::{App, PlatformClient, UrlSource};

#[tokio::test]
async fn her_centre_s_number_comes_from_the_platform_by_her_district() {
    let platform = common::Platform::new();
    let url = platform.serve(None).await;
    let dir = tempfile::tempdir().unwrap();
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "help");
    let app = App::new(AppParts {
        client: PlatformClient::new(url).unwrap(),
        source: UrlSource::Default,
        store: Some(std::sync::Arc::new(common::local_store(&dir))),
        store_notice: None,
        session: Session::in_keychain(keychain),
    });

    // Nobody logged in: the page opens from what is kept (nothing yet), then asks the platform.
    assert_eq!(app.help().page().await.unwrap().centre, CentreHelp::Unheard);
    assert_eq!(app.help().centre().await.unwrap(), CentreHelp::PickDistrict);
    let districts = app.help().districts().await.unwrap();
    let names: Vec<_> = districts.choices.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["东城区", "西城区", "朝阳区", "海淀区"]);
    app.help().pick_district("110105").unwrap();
    let CentreHelp::Known {
        number, changeable, ..
    } = app.help().page().await.unwrap().centre
    else {
        panic!("picked");
    };
    assert_eq!(
        (number.name.as_str(), number.number.as_str()),
        ("朝阳区政务服务中心", "010-64001105")
    );
    assert!(changeable);

    // 张秀英 logs in: her account says 东城区, whatever was picked here.
    app.session().request_code("13800000001").await.unwrap();
    let code =
        huiban_platform::demo_accounts::last_login_code(&platform.store, "13800000001").unwrap();
    app.session().log_in("13800000001", &code).await.unwrap();
    app.refresh_copies().await.unwrap();
    let CentreHelp::Known {
        number,
        changeable,
        address,
        ..
    } = app.help().centre().await.unwrap()
    else {
        panic!("her district's");
    };
    assert_eq!(number.name, "东城区政务服务中心");
    assert_eq!(number.hours, "周一到周五，上午9点到下午5点");
    assert!(address.starts_with("东城区"), "{address}");
    assert!(!changeable, "her account says where she lives");
}
