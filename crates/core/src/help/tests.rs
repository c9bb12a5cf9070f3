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
    assert_eq!(
        call_back_request(Some("  ")).description,
        "请工作人员给我回电话。"
    );
}
