use super::*;
use crate::i18n::Locale;

use crate::fixtures::case;

fn zh() -> Localizer {
    Localizer::new(Locale::ZhCn)
}

fn states(steps: &[TimelineStep]) -> Vec<StepState> {
    steps.iter().map(|s| s.state).collect()
}

#[test]
fn an_open_case_shows_its_steps_then_the_steps_to_come() {
    let steps = timeline(&case(&[CaseStatus::Submitted, CaseStatus::Accepted]), &zh());
    assert_eq!(
        states(&steps),
        [
            StepState::Done,
            StepState::Current,
            StepState::Pending,
            StepState::Pending
        ]
    );
    assert_eq!(steps[1].name, "已经收下");
    assert_eq!(steps[1].time.as_deref(), Some("2026年11月26日 09:30"));
    assert_eq!(steps[1].remark.as_deref(), Some("材料齐全"));
    assert_eq!(
        steps[1].overdue_days, 2,
        "overdue is marked on the current step"
    );
    assert_eq!(steps[0].overdue_days, 0);
    assert_eq!(steps[3].name, "办好", "what is to come is named as to come");
    assert_eq!(steps[3].time, None);
}

#[test]
fn a_case_that_waits_for_her_says_so_at_its_current_step() {
    let asked = case(&[CaseStatus::Submitted, CaseStatus::SupplementRequested]);
    let steps = timeline(&asked, &zh());
    assert_eq!(
        states(&steps),
        [
            StepState::Done,
            StepState::Yours,
            StepState::Pending,
            StepState::Pending
        ]
    );
    assert_eq!(steps[2].name, "审查材料");
}

#[test]
fn a_closed_case_has_every_step_done_and_nothing_to_come() {
    let steps = timeline(
        &case(&[
            CaseStatus::Submitted,
            CaseStatus::Accepted,
            CaseStatus::Reviewing,
            CaseStatus::Finished,
        ]),
        &zh(),
    );
    assert_eq!(states(&steps), [StepState::Done; 4]);
    assert!(steps.iter().all(|s| s.overdue_days == 0));
}

#[test]
fn withdrawal_counts_down_and_ends() {
    let open = case(&[CaseStatus::Submitted]);
    let at = |t: &str| DateTime::parse_from_rfc3339(t).expect("a time");
    assert_eq!(
        withdraw_seconds_left(&open, at("2026-11-26T09:35:00+08:00")),
        Some(300)
    );
    assert_eq!(
        withdraw_seconds_left(&open, at("2026-11-26T01:39:30Z")),
        Some(30),
        "offsets are compared as instants"
    );
    assert_eq!(
        withdraw_seconds_left(&open, at("2026-11-26T09:40:00+08:00")),
        None
    );
    let withdrawn = case(&[CaseStatus::Submitted, CaseStatus::Withdrawn]);
    assert_eq!(
        withdraw_seconds_left(&withdrawn, at("2026-11-26T09:31:00+08:00")),
        None
    );
}

#[test]
fn only_a_finished_unevaluated_case_can_be_evaluated() {
    assert!(!can_evaluate(&case(&[CaseStatus::Reviewing])));
    let mut finished = case(&[CaseStatus::Finished]);
    assert!(can_evaluate(&finished));
    finished.evaluation = Some(huiban_api::Evaluation {
        level: 1,
        reason: None,
        at: "2026-11-26T10:00:00+08:00".to_owned(),
        rectification: None,
    });
    assert!(!can_evaluate(&finished));
}

#[test]
fn every_status_has_a_name_in_both_languages() {
    for status in [
        CaseStatus::Submitted,
        CaseStatus::Accepted,
        CaseStatus::SupplementRequested,
        CaseStatus::Reviewing,
        CaseStatus::Finished,
        CaseStatus::NotAccepted,
        CaseStatus::Withdrawn,
    ] {
        for locale in Locale::ALL {
            let id = status_message_id(status);
            let name = Localizer::new(locale).text(id, &[]);
            assert!(!name.is_empty() && name != id, "{id} in {locale:?}");
        }
    }
}
