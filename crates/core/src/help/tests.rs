use huiban_api::{Account, RequestKind, RequestStatus, Role};

use super::*;
use crate::fixtures::{app_with_store, logged_in, request};

fn her_profile() -> Account {
    Account {
        account_id: "a".to_owned(),
        role: Role::Citizen,
        name: Some("张秀英".to_owned()),
        phone_masked: Some("138****0001".to_owned()),
        phone: None,
        department: None,
        district_code: None,
    }
}

#[tokio::test]
async fn the_hotline_is_there_for_everyone_and_a_call_back_needs_her_login() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, crate::session::Session::in_memory());
    let page = app.help().page().await.expect("page");
    assert_eq!(page.numbers[0].number, "12345");
    assert_eq!(page.call_back, CallBack::LogInFirst);
    let refused = app
        .help()
        .call_back(None)
        .await
        .expect_err("nobody to call");
    assert_eq!(refused.id(), "login-needed");
}

#[tokio::test]
async fn a_call_back_is_asked_once_with_the_page_she_was_on_and_says_when_to_expect_it() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.own_store().await.expect("her store");
    store.keep_profile(&her_profile()).expect("kept");

    let page = app.help().page().await.expect("page");
    let CallBack::CanAsk { said } = page.call_back else {
        panic!("she may ask: {:?}", page.call_back);
    };
    assert!(said.contains("138****0001"), "{said}");

    let asked = app
        .help()
        .call_back(Some("高龄津贴申领"))
        .await
        .expect("asked");
    let CallBack::Asked { said } = asked else {
        panic!("asked: {asked:?}");
    };
    assert!(
        said.starts_with("已经请工作人员给您回电话了。最晚"),
        "{said}"
    );
    assert!(said.contains("138****0001"), "{said}");

    // Pressed again (or again after a restart): nothing more is filed.
    app.help().call_back(Some("进度")).await.expect("asked");
    let unfiled = queued::unfiled(&store).expect("unfiled");
    assert_eq!(unfiled.len(), 1);
    let (_, filed) = &unfiled[0];
    assert_eq!(filed.kind, RequestKind::Help);
    assert_eq!(filed.channel, IntakeChannel::Desktop);
    assert_eq!(
        filed.description,
        "请工作人员给我回电话。我当时在看：高龄津贴申领。"
    );
}

#[tokio::test]
async fn a_call_back_the_platform_refused_is_not_on_its_way_so_she_may_ask_again() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.own_store().await.expect("her store");
    store.keep_profile(&her_profile()).expect("kept");
    app.help().call_back(None).await.expect("asked");
    let (row, _) = queued::unfiled(&store).expect("unfiled").remove(0);
    let refused = crate::store::OutboxUpdate {
        state: crate::store::OutboxState::NeedsAttention,
        attempts: 1,
        next_attempt_ms: 0,
        last_error: Some("办事平台说：请稍后再试。"),
        case_number: None,
    };
    store
        .outbox_update(&row.client_id, &refused, 0)
        .expect("refused");
    let page = app.help().page().await.expect("page");
    assert!(
        matches!(page.call_back, CallBack::CanAsk { .. }),
        "{:?}",
        page.call_back
    );
}

#[tokio::test]
async fn once_the_call_back_is_answered_she_may_ask_again() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.own_store().await.expect("her store");
    let mut filed = request(&[RequestStatus::Accepted]);
    filed.kind = RequestKind::Help;
    filed.description = call_back_request(None).description;
    store
        .replace_cached_requests(&[filed.clone()])
        .expect("kept");
    let page = app.help().page().await.expect("page");
    // Filed on Thursday 26 November: called back by Friday, whatever day she looks.
    let CallBack::Asked { said } = page.call_back else {
        panic!("asked: {:?}", page.call_back);
    };
    assert!(said.contains("最晚2026年11月27日"), "{said}");

    filed.status = RequestStatus::Closed;
    store.replace_cached_requests(&[filed]).expect("kept");
    let page = app.help().page().await.expect("page");
    assert!(matches!(page.call_back, CallBack::CanAsk { .. }));
}

#[test]
fn the_request_is_in_chinese_whatever_her_language_and_names_at_most_a_short_page() {
    let long = "页".repeat(300);
    let request = call_back_request(Some(&long));
    assert!(request.description.starts_with("请工作人员给我回电话。"));
    assert!(request.description.chars().count() < 130);
    assert!(
        request.call_back,
        "asked as a call-back, for her district's centre to see"
    );
    assert_eq!(request.kind, RequestKind::Help);
    assert_eq!(
        call_back_request(Some("  ")).description,
        "请工作人员给我回电话。"
    );
}

fn dongcheng() -> huiban_api::ServiceCentre {
    huiban_demo::centres::service_centres()
        .into_iter()
        .find(|c| c.district_code == "110101")
        .expect("东城区")
}

#[test]
fn her_centre_is_her_district_s_and_only_a_picked_district_may_be_changed() {
    let centres = huiban_demo::centres::service_centres();
    let words = chinese();
    assert_eq!(
        centre_help(&[], Some(("110101", DistrictFrom::Account)), words),
        CentreHelp::Unheard
    );
    assert_eq!(centre_help(&centres, None, words), CentreHelp::PickDistrict);
    assert_eq!(
        centre_help(&centres, Some(("999999", DistrictFrom::Picked)), words),
        CentreHelp::PickDistrict,
        "a district the platform no longer lists is asked again"
    );
    let CentreHelp::Known {
        number, changeable, ..
    } = centre_help(&centres, Some(("110101", DistrictFrom::Account)), words)
    else {
        panic!("known");
    };
    assert_eq!(number.name, "东城区政务服务中心");
    assert_eq!(number.number, "010-64001101");
    assert!(!changeable, "her account says where she lives");
    let CentreHelp::Known {
        changeable,
        change_said,
        ..
    } = centre_help(&centres, Some(("110102", DistrictFrom::Picked)), words)
    else {
        panic!("known");
    };
    assert!(changeable);
    assert_eq!(change_said, "不是西城区？换一个区");
}

#[tokio::test]
async fn offline_her_centre_comes_from_the_copy_kept_here_and_a_district_is_picked_once() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, crate::session::Session::in_memory());
    assert_eq!(
        app.help().page().await.expect("page").centre,
        CentreHelp::Unheard
    );
    assert_eq!(
        app.help().districts().await.expect_err("never heard").id(),
        "help-districts-offline"
    );

    let store = app.kept_store().expect("store");
    store
        .keep_service_centres(&huiban_demo::centres::service_centres())
        .expect("kept");
    assert_eq!(
        app.help().page().await.expect("page").centre,
        CentreHelp::PickDistrict
    );
    assert_eq!(
        app.help()
            .pick_district("999999")
            .expect_err("no such")
            .id(),
        "help-district-unknown"
    );
    assert_eq!(
        app.help().pick_district("").expect_err("none chosen").id(),
        "help-district-none"
    );
    app.help().pick_district("110101").expect("picked");
    let CentreHelp::Known {
        number, changeable, ..
    } = app.help().page().await.expect("page").centre
    else {
        panic!("known");
    };
    assert_eq!(number.number, dongcheng().phone);
    assert!(changeable);
    let districts = app.help().districts().await.expect("districts");
    assert_eq!(districts.chosen.as_deref(), Some("110101"));
    assert_eq!(districts.choices.len(), 4);
}

#[tokio::test]
async fn the_district_on_her_account_wins_over_the_one_picked_here() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.kept_store().expect("store");
    store
        .keep_service_centres(&huiban_demo::centres::service_centres())
        .expect("kept");
    store
        .pick_district("110102")
        .expect("picked by someone before");
    let own = app.own_store().await.expect("her store");
    own.keep_profile(&Account {
        district_code: Some("110101".to_owned()),
        ..her_profile()
    })
    .expect("kept");
    let CentreHelp::Known {
        number, changeable, ..
    } = app.help().page().await.expect("page").centre
    else {
        panic!("known");
    };
    assert_eq!(number.name, "东城区政务服务中心");
    assert!(!changeable);
}
