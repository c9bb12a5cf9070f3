use super::*;
use crate::fixtures::{app_with_store, logged_in};
use crate::session::Session;

fn message(id: i64, read: bool) -> Message {
    Message {
        message_id: id,
        title: format!("消息{id}"),
        body: "您的申请已受理".to_owned(),
        application_no: None,
        request_no: None,
        created_at: "2026-11-30T09:00:00+08:00".to_owned(),
        read,
    }
}

#[test]
fn the_inbox_is_newest_first_with_its_unread_count() {
    let zh = Localizer::new(crate::i18n::Locale::ZhCn);
    let inbox = Inbox::of(
        vec![message(1, true), message(2, false), message(3, false)],
        &zh,
    );
    let ids: Vec<i64> = inbox
        .messages
        .iter()
        .map(|m| m.message.message_id)
        .collect();
    assert_eq!(ids, [3, 2, 1]);
    assert_eq!(inbox.unread, 2);
    assert_eq!(inbox.messages[0].date_words, "2026年11月30日");
}

#[tokio::test]
async fn a_message_read_offline_is_read_here_at_once_and_nobody_sees_none() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app_with_store(&dir, logged_in("a"));
    let store = app.own_store().await.expect("her store");
    store
        .add_cached_messages(&[message(1, false), message(2, false)], 2)
        .expect("kept");
    // The platform is not there: the mark is kept to be told at the next pull.
    app.inbox().read(1).await.expect("read");
    let inbox = app.inbox().messages().await.expect("inbox");
    assert_eq!(inbox.unread, 1);
    assert!(
        inbox
            .messages
            .iter()
            .any(|m| m.message.message_id == 1 && m.message.read)
    );

    let nobody = app_with_store(&tempfile::tempdir().expect("dir"), Session::in_memory());
    assert!(
        nobody
            .inbox()
            .messages()
            .await
            .expect("inbox")
            .messages
            .is_empty()
    );
}
