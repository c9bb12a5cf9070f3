use huiban_api::{EvaluationRequest, FollowUp, RequestStatus};

use super::*;
use crate::fixtures::request;
use crate::i18n::Locale;

fn zh() -> Localizer {
    Localizer::new(Locale::ZhCn)
}

#[test]
fn a_request_asks_her_for_a_follow_up_until_she_gives_one_here() {
    let revisiting = request(&[RequestStatus::Accepted, RequestStatus::Revisiting]);
    let page = RequestDetail::of(revisiting.clone(), &HereOfRequest::default(), &zh());
    assert!(page.can_follow_up);
    assert!(page.can_evaluate);
    assert!(!page.waiting);
    assert!(RequestSummary::of_request(revisiting.clone(), false, &zh()).asks_you);

    let here = HereOfRequest {
        waiting: vec![OutboxKind::RequestFollowUp],
        given: vec![OutboxKind::RequestFollowUp],
    };
    let page = RequestDetail::of(revisiting.clone(), &here, &zh());
    assert!(!page.can_follow_up, "given here counts as given");
    assert!(page.can_evaluate, "the 评价 is still hers to give");
    assert!(page.waiting);
    assert!(!RequestSummary::of_request(revisiting, true, &zh()).asks_you);
}

#[test]
fn an_answered_and_evaluated_request_asks_nothing_and_names_the_evaluation() {
    let mut done = request(&[RequestStatus::Accepted, RequestStatus::Evaluated]);
    done.follow_up = Some(FollowUp {
        resolved: true,
        contacted: true,
        comment: None,
    });
    done.evaluation = Some(EvaluationRequest {
        level: 1,
        reason: None,
    });
    let page = RequestDetail::of(done.clone(), &HereOfRequest::default(), &zh());
    assert!(!page.can_follow_up && !page.can_evaluate);
    assert_eq!(page.evaluation_name.as_deref(), Some("非常满意"));
    let line = RequestSummary::of_request(done, false, &zh());
    assert!(!line.asks_you);
    assert_eq!(line.request_no.as_deref(), Some("SQ20261126000001"));
    assert!(line.submitted.is_some());
}

#[test]
fn a_request_filed_for_her_at_a_centre_says_who_filed_it() {
    let mine = request(&[RequestStatus::Accepted]);
    assert_eq!(
        RequestDetail::of(mine.clone(), &HereOfRequest::default(), &zh()).agent_words,
        None
    );
    let mut filed_for_her = mine;
    filed_for_her.agent = Some(huiban_api::Agent {
        name: "赵敏".to_owned(),
        relation: "东城区政务服务中心工作人员".to_owned(),
        account_id: "s-demo-zhao".to_owned(),
        centre: Some("东城区政务服务中心".to_owned()),
        kinship: None,
    });
    let page = RequestDetail::of(filed_for_her, &HereOfRequest::default(), &zh());
    assert_eq!(
        page.agent_words.as_deref(),
        Some("由 东城区政务服务中心 赵敏 代办")
    );
}
