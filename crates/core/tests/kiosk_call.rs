//! 请工作人员过来 against the real platform: the kiosk asks, both clerks of its centre see the
//! call in their staff windows, 赵敏 says she is going and the kiosk shows her name; the call ends
//! when the visit ends, and a locked staff screen shows no calls.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

mod common;

use common::Platform;
use common::counter::{clerk_on, colleague, staff_on};
use common::kiosk::kiosk_app;

#[tokio::test]
async fn a_kiosk_s_call_shows_in_its_centre_s_staff_windows_with_who_is_going() {
    let platform = Platform::new();
    let url = platform.serve(None).await;
    let dir = tempfile::tempdir().unwrap();
    let kiosk = kiosk_app(&dir, url.clone());
    let card = dir.path().join("no-card");
    let zhao = clerk_on(url.clone(), card.clone(), None).await;
    let qian = staff_on(url.clone(), card, None, colleague(&platform)).await;
    assert!(zhao.staff().kiosk_calls().await.unwrap().is_empty());

    let asked = kiosk.kiosk().call_staff().await.unwrap();
    assert!(asked.open && asked.coming.is_none());
    let seen = zhao.staff().kiosk_calls().await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].kiosk_name, "一层大厅1号自助机");
    assert!(!seen[0].since_words.is_empty());
    // Announced once to each clerk: the first time her window shows it.
    assert!(
        seen[0]
            .announcement
            .as_deref()
            .is_some_and(|words| words.contains("一层大厅1号自助机"))
    );
    assert_eq!(qian.staff().kiosk_calls().await.unwrap(), seen);
    let again = zhao.staff().kiosk_calls().await.unwrap();
    assert_eq!(again[0].announcement, None);
    let seen = again;

    // 赵敏 goes: the kiosk shows her name, 钱进 sees she is going, and he cannot take it too.
    let after = zhao
        .staff()
        .answer_kiosk_call(&seen[0].call_id)
        .await
        .unwrap();
    assert!(after[0].mine && after[0].answered_by.as_deref() == Some("赵敏"));
    let at_kiosk = kiosk.kiosk().staff_call().await.unwrap();
    assert_eq!(at_kiosk.coming.as_deref(), Some("赵敏"));
    let for_qian = qian.staff().kiosk_calls().await.unwrap();
    assert!(!for_qian[0].mine && for_qian[0].answered_by.as_deref() == Some("赵敏"));
    let taken = qian
        .staff()
        .answer_kiosk_call(&seen[0].call_id)
        .await
        .unwrap_err();
    assert!(
        taken.text(qian.localizer()).contains("赵敏已经过去了"),
        "{}",
        taken.text(qian.localizer())
    );
    // A made-up id is refused in plain words, without asking the platform.
    let made_up = zhao.staff().end_kiosk_call("../../me").await.unwrap_err();
    assert!(!made_up.text(zhao.localizer()).is_empty());

    // A locked screen shows no calls.
    qian.staff().lock().unwrap();
    assert!(qian.staff().kiosk_calls().await.is_err());

    // Her visit ends (我办完了): the call ends with it.
    kiosk.kiosk().finish().await.unwrap();
    assert!(!kiosk.kiosk().staff_call().await.unwrap().open);
    assert!(zhao.staff().kiosk_calls().await.unwrap().is_empty());

    // 不用了 takes back a new call; 处理好了 ends one.
    kiosk.kiosk().call_staff().await.unwrap();
    assert!(!kiosk.kiosk().cancel_staff_call().await.unwrap().open);
    assert!(zhao.staff().kiosk_calls().await.unwrap().is_empty());
    kiosk.kiosk().call_staff().await.unwrap();
    let open = zhao.staff().kiosk_calls().await.unwrap();
    assert!(
        zhao.staff()
            .end_kiosk_call(&open[0].call_id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(!kiosk.kiosk().staff_call().await.unwrap().open);
}
