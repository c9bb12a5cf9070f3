//! Acting for a resident at the counter, against the real platform: the clerk identifies 张秀英 by
//! her ID number and name, she gives the code the platform texted her, the session opens, and
//! 结束办理 ends it there too; nothing is done while the screen is locked or before a login.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use common::counter::{
    ZHANG_ID, acting_for_zhang, clerk_at_work, clerk_with_store, confirm_offline, her_case,
    her_traces, is_closed, send_as_the_clerk, sent_for_her, texted_code,
};
use huiban_core::app::{App, AppParts};
use huiban_core::secrets::Keychain;
use huiban_core::session::Session;
use huiban_core::store::{OutboxKind, OutboxState, OutboxUpdate};
use huiban_core::{PlatformClient, UrlSource};

#[tokio::test]
async fn the_clerk_identifies_a_resident_who_consents_and_ends_the_session() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let app = clerk_at_work(&platform, dir.path().join("card.json")).await;
    assert_eq!(app.assisted().current().unwrap(), None);

    let short = app.assisted().check_id_number("1101011944").unwrap_err();
    assert_eq!(short.id(), "assisted-id-number-length");
    assert_eq!(
        app.assisted()
            .check_id_number(" 1101011944 0315 1029 ")
            .unwrap(),
        ZHANG_ID
    );
    assert_eq!(
        app.assisted().start(ZHANG_ID, " ").await.unwrap_err().id(),
        "assisted-name-blank"
    );

    let waiting = app.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    assert!(!waiting.open);
    assert_eq!(waiting.banner, "正在为 张秀英（110…1029）办理");
    assert_eq!(waiting.consent_words.len(), 4);
    assert!(
        waiting.consent_words[2].contains("不能"),
        "what the clerk cannot do is said"
    );
    assert_eq!(
        app.assisted().consent_by_code("12").await.unwrap_err().id(),
        "assisted-code-shape"
    );

    let code = texted_code(&platform, "13800000001");
    let open = app.assisted().consent_by_code(&code).await.unwrap();
    assert!(open.open);
    assert_eq!(open.phone_masked.as_deref(), Some("138****0001"));
    let next = app.assisted().start(ZHANG_ID, "张秀英").await.unwrap_err();
    assert_eq!(next.id(), "assisted-end-first", "one resident at a time");

    app.staff().lock().unwrap();
    assert_eq!(
        app.assisted().current().unwrap_err().id(),
        "staff-locked",
        "nothing of hers while the screen is locked"
    );
    app.staff()
        .unlock_with_password("huiban-staff-01")
        .await
        .unwrap();

    app.assisted().end().await.unwrap();
    assert_eq!(app.assisted().current().unwrap(), None);
    let told = platform.store.sent_sms().unwrap();
    let last = told
        .iter()
        .rev()
        .find(|sms| sms.phone == "13800000001")
        .unwrap();
    assert!(
        last.text.contains("代办已经结束"),
        "ended on the platform, which told her: {}",
        last.text
    );
}

#[tokio::test]
async fn a_name_that_does_not_go_with_the_number_is_told_only_at_consent() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let app = clerk_at_work(&platform, dir.path().join("card.json")).await;
    let waiting = app.assisted().start(ZHANG_ID, "张秀").await.unwrap();
    assert!(
        !waiting.open,
        "the platform says nothing yet (no identity lookup without consent)"
    );
    let refused = app.assisted().consent_by_code("123456").await.unwrap_err();
    assert_eq!(refused.id(), "error-platform-answered");
    assert!(!app.assisted().current().unwrap().unwrap().open);
    // A new start replaces the session still waiting for a code.
    let again = app.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    assert_eq!(again.resident_name, "张秀英");
}

#[tokio::test]
async fn the_card_on_the_reader_names_the_resident() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let card = dir.path().join("card.json");
    let app = clerk_at_work(&platform, card.clone()).await;
    assert_eq!(app.assisted().read_card().unwrap(), None, "no card yet");
    std::fs::write(
        &card,
        format!(r#"{{"name": "张秀英", "id_number": "{ZHANG_ID}"}}"#),
    )
    .unwrap();
    let read = app.assisted().read_card().unwrap().unwrap();
    assert_eq!(
        (read.name.as_str(), read.id_number.as_str()),
        ("张秀英", ZHANG_ID)
    );
    app.staff().log_out(false).await.unwrap();
    assert_eq!(
        app.assisted().read_card().unwrap_err().id(),
        "staff-not-logged-in"
    );
}

#[tokio::test]
async fn what_the_clerk_confirms_for_her_is_filed_for_her_at_the_counter_and_nothing_stays() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let local = common::local_store(&dir);
    let app = clerk_with_store(&platform, dir.path().join("card.json"), Some(local)).await;
    assert_eq!(
        app.own_store().await.unwrap_err().id(),
        "assisted-none",
        "the clerk has no personal rows of her own"
    );
    app.assisted().start(ZHANG_ID, "张秀英").await.unwrap();
    assert_eq!(
        app.own_store().await.unwrap_err().id(),
        "assisted-none",
        "nothing of hers before she consents"
    );
    let code = texted_code(&platform, "13800000001");
    app.assisted().consent_by_code(&code).await.unwrap();

    // Her rows are kept under her own account, marked with the session.
    let hers = app.own_store().await.unwrap();
    assert_eq!(hers.account_id(), "c-demo-zhang");
    let session = hers.assisted_session().unwrap().to_owned();
    let client_id =
        huiban_core::outbox::enqueue_application(&hers, &common::application("高龄津贴申领"), 0)
            .unwrap();
    drop(hers);

    // The clerk's sending loop files it in her session, under the clerk's login.
    let store = app.store().unwrap().clone();
    send_as_the_clerk(&app, &dir).await;
    let row = store
        .of_account("c-demo-zhang")
        .outbox_row(&client_id)
        .unwrap()
        .unwrap();
    assert_eq!(row.state, OutboxState::Sent, "{:?}", row.last_error);
    assert_eq!(row.assisted_session.as_deref(), Some(session.as_str()));
    let case = her_case(&platform, &row.case_number.unwrap());
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    assert_eq!(case.agent.unwrap().name, "赵敏");
    assert_eq!(case.channel, huiban_api::HandlingChannel::Counter);

    // Her copies are pulled in the session, all but her messages (the platform refuses those).
    app.refresh_copies().await.unwrap();
    let hers = app.own_store().await.unwrap();
    assert!(
        hers.cached_cases()
            .unwrap()
            .iter()
            .any(|kept| kept.application_no == case.application_no)
    );
    assert!(hers.cached_messages().unwrap().is_empty());
    drop(hers);
    let traces = her_traces(&app);
    assert!(
        traces.contains(&"cached_case.body".to_owned()),
        "the sweep sees her while the clerk acts for her: {traces:?}"
    );

    // 结束办理: nothing of hers stays on this computer.
    app.assisted().end().await.unwrap();
    she_sees_who_acted_for_her(&platform).await;
    let left = store.of_account("c-demo-zhang");
    assert!(left.outbox_rows().unwrap().is_empty());
    assert!(left.drafts().unwrap().is_empty());
    assert!(left.cached_cases().unwrap().is_empty());
    assert_eq!(her_traces(&app), Vec::<String>::new(), "no trace of her");
}

#[tokio::test]
async fn confirmed_for_her_before_the_session_ended_is_filed_for_her_after_it() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let app = acting_for_zhang(&platform, platform.serve(None).await, &dir).await;
    let hers = app.own_store().await.unwrap();
    let session = hers.assisted_session().unwrap().to_owned();
    let client_id =
        huiban_core::outbox::enqueue_application(&hers, &common::application("高龄津贴申领"), 0)
            .unwrap();
    drop(hers);

    // 结束办理 before it went out: ended here at once; the close waits behind it.
    app.assisted().end().await.unwrap();
    assert!(
        !is_closed(&platform, &session),
        "closed once what she confirmed went out"
    );
    let day = app.assisted().served_today().await.unwrap();
    assert_eq!(day.len(), 1);
    assert_eq!(
        day[0].resident, "张*英（110…1029）",
        "masked in the day's queue"
    );
    assert_eq!(day[0].status, "已结束");
    assert_eq!(day[0].waiting, 1, "her application still waits here");
    assert!(!day[0].can_again, "not before the platform closed it");
    send_as_the_clerk(&app, &dir).await;
    let case = sent_for_her(&app, &platform, &client_id);
    assert_eq!(case.agent.unwrap().name, "赵敏");
    assert!(is_closed(&platform, &session));
    assert_eq!(her_traces(&app), Vec::<String>::new(), "no trace of her");
    let day = app.assisted().served_today().await.unwrap();
    assert_eq!((day[0].waiting, day[0].can_again), (0, true));

    // 再次办理: her consent is asked again before anything of hers shows.
    let again = app.assisted().again(&session).await.unwrap();
    assert!(!again.open);
    assert_eq!(again.banner, "正在为 张秀英（110…1029）办理");
    assert_eq!(app.own_store().await.unwrap_err().id(), "assisted-none");
    let code = texted_code(&platform, "13800000001");
    assert!(app.assisted().consent_by_code(&code).await.unwrap().open);
    let day = app.assisted().served_today().await.unwrap();
    assert_eq!(day.len(), 2);
    assert_eq!(
        (day[0].status.as_str(), day[0].can_again),
        ("正在办理", false)
    );
    assert_eq!(
        app.assisted().again(&session).await.unwrap_err().id(),
        "assisted-end-first"
    );
}

#[tokio::test]
async fn confirmed_for_her_offline_goes_out_with_the_close_when_the_network_is_back() {
    let platform = Platform::new();
    let dir = tempfile::tempdir().unwrap();
    let switch = common::switch::Switch::to(&platform.serve(None).await).await;
    let app = acting_for_zhang(&platform, switch.url.clone(), &dir).await;

    // The network goes; the clerk confirms her application and ends the session all the same.
    let (session, client_id) = confirm_offline(&app, &switch).await;
    app.assisted().end().await.unwrap();
    assert_eq!(
        app.assisted().current().unwrap(),
        None,
        "ended here at once"
    );
    let waiting: Vec<_> = app
        .store()
        .unwrap()
        .of_account("c-demo-zhang")
        .outbox_rows()
        .unwrap()
        .into_iter()
        .map(|row| (row.kind, row.state))
        .collect();
    assert_eq!(
        waiting,
        [
            (OutboxKind::Application, OutboxState::Queued),
            (OutboxKind::AssistedClose, OutboxState::Queued)
        ],
        "only what must still go out stays"
    );
    assert!(
        her_traces(&app)
            .iter()
            .all(|column| column.starts_with("outbox.")),
        "nothing of hers but what waits: {:?}",
        her_traces(&app)
    );
    assert_eq!(
        app.staff().log_out(false).await.unwrap_err().id(),
        "staff-unsent-waiting",
        "her application goes out only under the clerk's login"
    );
    assert_eq!(
        app.assisted().served_today().await.unwrap_err().id(),
        "served-needs-network"
    );
    let queue = app.device().queue().await.unwrap();
    assert_eq!(
        (queue.waiting, queue.sentence.as_str()),
        (1, "有1份申请等待发送，联网后会自动提交。"),
        "the clerk sees her application waiting (the session's close is no errand of hers): {}",
        queue.sentence
    );
    assert!(
        !is_closed(&platform, &session),
        "the platform has not heard of it yet"
    );

    // Back online while her application waits out a retry: its close waits for it, so what she
    // confirmed (and its files) goes in the open session, never after the close.
    let waiting_row = app.store().unwrap().of_account("c-demo-zhang");
    let later = OutboxUpdate {
        state: OutboxState::Queued,
        attempts: 1,
        next_attempt_ms: i64::MAX / 2,
        last_error: None,
        case_number: None,
    };
    waiting_row.outbox_update(&client_id, &later, 0).unwrap();
    switch.join();
    let token = app.session().token().await.unwrap().access_token;
    let now = chrono::Utc::now();
    huiban_core::outbox::send_due(&waiting_row, app.client(), &token, now, &common::FAST)
        .await
        .unwrap();
    assert!(
        !is_closed(&platform, &session),
        "the close waits for what she confirmed"
    );
    let due_now = OutboxUpdate {
        next_attempt_ms: 0,
        ..later
    };
    waiting_row.outbox_update(&client_id, &due_now, 0).unwrap();
    drop(waiting_row);

    // Both go out; her case is filed for her and the session is closed.
    send_as_the_clerk(&app, &dir).await;
    let case = sent_for_her(&app, &platform, &client_id);
    assert_eq!(case.applicant_name.as_deref(), Some("张秀英"));
    assert_eq!(case.channel, huiban_api::HandlingChannel::Counter);
    assert!(is_closed(&platform, &session));
    let told = platform.store.sent_sms().unwrap();
    assert!(
        told.iter()
            .any(|sms| sms.phone == "13800000001" && sms.text.contains("代办已经结束")),
        "she is told it ended"
    );
    assert_eq!(her_traces(&app), Vec::<String>::new(), "no trace of her");
    app.staff().log_out(false).await.unwrap();
}

/// 张秀英 in her own Huiban (citizen mode) sees in 谁帮我办过 that 赵敏 applied for her.
async fn she_sees_who_acted_for_her(platform: &Platform) {
    let keychain = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "zhang");
    let herself = App::new(AppParts {
        client: PlatformClient::new(platform.serve(None).await).unwrap(),
        source: UrlSource::Default,
        store: None,
        store_notice: None,
        session: Session::in_keychain(keychain),
    });
    herself.session().request_code("13800000001").await.unwrap();
    let code = texted_code(platform, "13800000001");
    herself
        .session()
        .log_in("13800000001", &code)
        .await
        .unwrap();
    let trail = herself.acted_for_me().await.unwrap();
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0].who, "东城区政务服务中心 赵敏");
    assert_eq!(trail[0].how, "您用短信验证码同意了");
    assert!(!trail[0].open);
    assert!(
        trail[0].did.contains(&"替您申请了办事".to_owned()),
        "{:?}",
        trail[0].did
    );
}
