use super::*;
use crate::i18n::Locale;

fn zh() -> Localizer {
    Localizer::new(Locale::ZhCn)
}

fn case(no: &str, asks: Option<&str>, waiting: Option<&str>) -> CaseSummary {
    CaseSummary {
        application_no: no.to_owned(),
        item_name: "高龄津贴申领".to_owned(),
        status_name: "正在办".to_owned(),
        closed: false,
        submitted: String::new(),
        overdue_days: 0,
        can_evaluate: false,
        asks_you: asks.map(str::to_owned),
        waiting_client_id: waiting.map(str::to_owned),
    }
}

fn request(no: Option<&str>, asks_you: bool) -> RequestSummary {
    RequestSummary {
        request_no: no.map(str::to_owned),
        kind_name: "求助".to_owned(),
        description: "路灯坏了".to_owned(),
        status_name: "正在办理".to_owned(),
        submitted: None,
        asks_you,
    }
}

fn unfinished(id: &str, name: &str) -> Unfinished {
    Unfinished {
        draft_id: id.to_owned(),
        name: name.to_owned(),
        left_words: None,
    }
}

#[test]
fn she_is_greeted_by_name_when_known() {
    let home = HomeView::of(Some("张秀英"), &[], &[], &[], &zh());
    assert_eq!(home.greeting, "张秀英，您好");
    assert!(home.asks.is_empty());
    let nobody = HomeView::of(Some("  "), &[], &[], &[], &zh());
    assert_eq!(nobody.greeting, "您好，请选择要办的事");
}

#[test]
fn one_thing_asked_goes_straight_to_it_and_several_go_to_their_list() {
    let supplement = "要您补材料";
    let cases = [
        case("A1", Some(supplement), None),
        case("A2", None, None),
        case("", Some("没有送成，请您看一看"), Some("c9")),
    ];
    let home = HomeView::of(Some("张秀英"), &cases, &[], &[], &zh());
    assert_eq!(
        home.asks,
        vec![
            HomeAsk {
                words: "有1件事要您补材料".to_owned(),
                goes_to: GoesTo::Case {
                    application_no: "A1".to_owned()
                },
            },
            HomeAsk {
                words: "有1件事没有送成，请您看一看".to_owned(),
                goes_to: GoesTo::Sent {
                    client_id: "c9".to_owned()
                },
            },
        ]
    );

    let two = [
        case("A1", Some(supplement), None),
        case("A3", Some(supplement), None),
    ];
    let home = HomeView::of(None, &two, &[], &[], &zh());
    assert_eq!(home.asks.len(), 1);
    assert_eq!(home.asks[0].words, "有2件事要您补材料");
    assert_eq!(home.asks[0].goes_to, GoesTo::Progress);
}

#[test]
fn requests_awaiting_her_answer_and_unfinished_forms_get_a_line_each() {
    let requests = [request(Some("R1"), true), request(Some("R2"), false)];
    let forms = [unfinished("d1", "高龄津贴申领")];
    let home = HomeView::of(None, &[], &requests, &forms, &zh());
    assert_eq!(
        home.asks,
        vec![
            HomeAsk {
                words: "有1个诉求等您回话".to_owned(),
                goes_to: GoesTo::Request {
                    request_no: "R1".to_owned()
                },
            },
            HomeAsk {
                words: "高龄津贴申领还没填完，接着填".to_owned(),
                goes_to: GoesTo::Draft {
                    draft_id: "d1".to_owned()
                },
            },
        ]
    );
    let two = [
        unfinished("d1", "高龄津贴申领"),
        unfinished("d2", "提一个诉求"),
    ];
    let home = HomeView::of(None, &[], &[], &two, &zh());
    assert_eq!(home.asks[0].words, "有2份没填完的，接着填");
    assert_eq!(home.asks[0].goes_to, GoesTo::Unfinished);
}
