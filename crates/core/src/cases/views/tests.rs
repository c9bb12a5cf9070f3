use huiban_api::{CaseStatus, EvaluationRequest};

use super::*;
use crate::fixtures::case;
use crate::i18n::Locale;
use crate::store::{OutboxRow, OutboxState};

fn zh() -> Localizer {
    Localizer::new(Locale::ZhCn)
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").expect("time")
}

fn evaluation_row(state: OutboxState, last_error: Option<&str>) -> (EvaluationRequest, OutboxRow) {
    let evaluation = EvaluationRequest {
        level: 4,
        reason: Some("等太久".to_owned()),
    };
    let row = OutboxRow {
        client_id: "c1".to_owned(),
        kind: crate::store::OutboxKind::Evaluation,
        body: "{}".to_owned(),
        state,
        attempts: 0,
        next_attempt_ms: 0,
        last_error: last_error.map(str::to_owned),
        case_number: None,
        assisted_session: None,
        relative_grant: None,
    };
    (evaluation, row)
}

fn finished() -> Application {
    case(&[
        CaseStatus::Submitted,
        CaseStatus::Accepted,
        CaseStatus::Reviewing,
        CaseStatus::Finished,
    ])
}

#[test]
fn a_finished_case_can_be_evaluated_until_one_is_given_here() {
    let open = CaseDetail::of(finished(), HereOfCase::default(), now(), &zh());
    assert!(open.can_evaluate);
    assert_eq!(open.evaluation_name, None);

    let here = HereOfCase {
        evaluation: Some(evaluation_row(OutboxState::Queued, None)),
        ..HereOfCase::default()
    };
    let waiting = CaseDetail::of(finished(), here, now(), &zh());
    assert!(!waiting.can_evaluate);
    assert!(waiting.evaluation_waiting);
    assert_eq!(waiting.evaluation_name.as_deref(), Some("不满意"));

    let here = HereOfCase {
        evaluation: Some(evaluation_row(OutboxState::Sent, None)),
        ..HereOfCase::default()
    };
    let sent = CaseDetail::of(finished(), here, now(), &zh());
    assert!(!sent.can_evaluate);
    assert!(!sent.evaluation_waiting, "sent is no longer waiting here");
}

#[test]
fn an_evaluation_the_platform_refused_can_be_given_again_and_says_why() {
    let here = HereOfCase {
        evaluation: Some(evaluation_row(
            OutboxState::NeedsAttention,
            Some("这个办件已经评价过了"),
        )),
        ..HereOfCase::default()
    };
    let page = CaseDetail::of(finished(), here, now(), &zh());
    assert!(page.can_evaluate);
    assert!(!page.evaluation_waiting);
    assert_eq!(page.evaluation_name, None);
    assert_eq!(
        page.evaluation_refused.as_deref(),
        Some("这个办件已经评价过了")
    );
}

#[test]
fn what_is_asked_is_the_last_supplement_remark_until_one_is_given_here() {
    let mut asking = case(&[CaseStatus::Submitted, CaseStatus::SupplementRequested]);
    asking.steps[1].remark = Some("请补充银行卡照片".to_owned());
    let page = CaseDetail::of(asking.clone(), HereOfCase::default(), now(), &zh());
    assert_eq!(page.supplement_asked.as_deref(), Some("请补充银行卡照片"));

    let given = HereOfCase {
        supplement_waiting: true,
        supplement_given: true,
        ..HereOfCase::default()
    };
    let page = CaseDetail::of(asking, given, now(), &zh());
    assert_eq!(page.supplement_asked, None);
    assert!(page.supplement_waiting);

    let accepted = case(&[CaseStatus::Submitted, CaseStatus::Accepted]);
    let page = CaseDetail::of(accepted, HereOfCase::default(), now(), &zh());
    assert_eq!(
        page.supplement_asked, None,
        "nothing is asked of an accepted case"
    );
}

#[test]
fn the_five_levels_are_offered_best_first_with_reasons_for_the_bad_ones() {
    let levels = LevelChoice::all(&zh());
    let names: Vec<&str> = levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]
    );
    let needs: Vec<bool> = levels.iter().map(|l| l.needs_reason).collect();
    assert_eq!(needs, [false, false, false, true, true]);
}

#[test]
fn an_application_not_pulled_back_yet_is_named_from_the_catalog_and_says_where_it_is() {
    let application = huiban_api::NewApplication {
        impl_code: "x".to_owned(),
        form_id: "f".to_owned(),
        form_version: 1,
        answers: huiban_api::Answers::new(),
        channel: huiban_api::HandlingChannel::Web,
    };
    let (_, mut row) = evaluation_row(OutboxState::Sent, None);
    row.case_number = Some("110101202611300001".to_owned());
    let catalog: Vec<huiban_api::CatalogItem> = Vec::new();
    let sent = CaseSummary::not_yet_pulled(&row, &application, &catalog, &zh());
    assert_eq!(sent.application_no, "110101202611300001");
    assert_eq!(sent.waiting_client_id.as_deref(), Some("c1"));
    assert!(!sent.closed && !sent.can_evaluate);
    row.state = OutboxState::Queued;
    let waiting = CaseSummary::not_yet_pulled(&row, &application, &catalog, &zh());
    assert_ne!(waiting.status_name, sent.status_name);
}

#[test]
fn a_case_filed_for_her_says_who_filed_it() {
    let mine = CaseDetail::of(finished(), HereOfCase::default(), now(), &zh());
    assert_eq!(mine.agent_words, None);
    let mut at_the_counter = finished();
    at_the_counter.agent = Some(huiban_api::Agent {
        name: "赵敏".to_owned(),
        relation: "社区服务中心工作人员".to_owned(),
        account_id: "s-demo-zhao".to_owned(),
        centre: Some("东城区政务服务中心".to_owned()),
        kinship: None,
    });
    let filed = CaseDetail::of(at_the_counter, HereOfCase::default(), now(), &zh());
    assert_eq!(
        filed.agent_words.as_deref(),
        Some("由 东城区政务服务中心 赵敏 代办")
    );
    let mut by_her_son = finished();
    by_her_son.agent = Some(huiban_api::Agent {
        name: "李明".to_owned(),
        relation: "亲属".to_owned(),
        account_id: "c-demo-liming".to_owned(),
        centre: None,
        kinship: Some(huiban_api::Kinship::Son),
    });
    let filed = CaseDetail::of(by_her_son, HereOfCase::default(), now(), &zh());
    assert_eq!(filed.agent_words.as_deref(), Some("由 李明（儿子）代办"));
}

#[test]
fn what_a_case_asks_of_her_is_said_until_she_gave_it_here() {
    let asked = case(&[CaseStatus::Submitted, CaseStatus::SupplementRequested]);
    let summary = CaseSummary::of_case(&asked, &HereOfCase::default(), &zh());
    assert_eq!(summary.asks_you.as_deref(), Some("要您补材料"));
    assert_eq!(summary.rank(), 0);
    let given = HereOfCase {
        supplement_given: true,
        ..HereOfCase::default()
    };
    assert_eq!(CaseSummary::of_case(&asked, &given, &zh()).asks_you, None);

    let open = CaseSummary::of_case(&finished(), &HereOfCase::default(), &zh());
    assert_eq!(open.asks_you.as_deref(), Some("请您评价"));
    let here = HereOfCase {
        evaluation: Some(evaluation_row(OutboxState::Queued, None)),
        ..HereOfCase::default()
    };
    let waiting = CaseSummary::of_case(&finished(), &here, &zh());
    assert_eq!(waiting.asks_you, None);
    assert!(!waiting.can_evaluate);
    let here = HereOfCase {
        evaluation: Some(evaluation_row(OutboxState::NeedsAttention, Some("没收下"))),
        ..HereOfCase::default()
    };
    let refused = CaseSummary::of_case(&finished(), &here, &zh());
    assert_eq!(refused.asks_you.as_deref(), Some("请您评价"), "given again");
}

#[test]
fn a_finished_case_is_not_marked_late_and_comes_after_those_being_done() {
    let mut done = finished();
    done.evaluation = Some(huiban_api::Evaluation {
        level: 1,
        reason: None,
        at: "2026-11-27T09:00:00+08:00".to_owned(),
        rectification: None,
    });
    let done = CaseSummary::of_case(&done, &HereOfCase::default(), &zh());
    assert_eq!(done.overdue_days, 0, "late is history once it is done");
    assert_eq!(done.rank(), 2);
    let being_done = case(&[CaseStatus::Submitted, CaseStatus::Accepted]);
    let being_done = CaseSummary::of_case(&being_done, &HereOfCase::default(), &zh());
    assert_eq!(being_done.overdue_days, 2);
    assert_eq!(being_done.rank(), 1);
}

#[test]
fn how_a_case_ended_is_said_in_her_words_with_what_the_department_wrote() {
    let mut approved = finished();
    approved.result = Some(huiban_api::CaseResult::Approved);
    approved.steps.last_mut().expect("a step").remark = Some("准予补贴，每月300元。".to_owned());
    let outcome = CaseDetail::of(approved, HereOfCase::default(), now(), &zh()).outcome;
    assert_eq!(
        outcome,
        Some(Outcome {
            words: "结果：批准了".to_owned(),
            remark: Some("准予补贴，每月300元。".to_owned()),
        })
    );
    let refused = case(&[CaseStatus::Submitted, CaseStatus::NotAccepted]);
    let outcome = Outcome::of(&refused, &zh()).expect("ended");
    assert_eq!(outcome.words, "结果：这件事不能在这里办");
    let withdrawn = case(&[CaseStatus::Submitted, CaseStatus::Withdrawn]);
    assert_eq!(
        Outcome::of(&withdrawn, &zh()).expect("ended").words,
        "结果：申请要回来了，不办了"
    );
    let open = case(&[CaseStatus::Submitted, CaseStatus::Accepted]);
    assert_eq!(
        Outcome::of(&open, &zh()),
        None,
        "nothing to say while it is being done"
    );
}
