//! 诉求 as its author follows it round the closed loop — 受理, 派单, 办理, 答复, 办结, 回访, 评价 —
//! each step in plain words with its time and remark, and what the person is asked to do next.

use huiban_api::{RequestStatus, ServiceRequest};

use crate::i18n::Localizer;
use crate::progress::{Now, TimelineStep, timeline_of};

/// The loop in order (督办 is shown only when it happened).
const LOOP: [RequestStatus; 8] = [
    RequestStatus::Accepted,
    RequestStatus::Dispatched,
    RequestStatus::Handling,
    RequestStatus::Replied,
    RequestStatus::Closed,
    RequestStatus::Revisiting,
    RequestStatus::Revisited,
    RequestStatus::Evaluated,
];

/// The Fluent id of a status's plain name.
pub fn status_message_id(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Accepted => "request-status-accepted",
        RequestStatus::Dispatched => "request-status-dispatched",
        RequestStatus::Handling => "request-status-handling",
        RequestStatus::Replied => "request-status-replied",
        RequestStatus::Supervised => "request-status-supervised",
        RequestStatus::Closed => "request-status-closed",
        RequestStatus::Revisiting => "request-status-revisiting",
        RequestStatus::Revisited => "request-status-revisited",
        RequestStatus::Evaluated => "request-status-evaluated",
    }
}

/// Every step so far, oldest first, then the steps of the loop still to come.
pub fn timeline(request: &ServiceRequest, localizer: &Localizer) -> Vec<TimelineStep> {
    let reached = request
        .steps
        .iter()
        .filter_map(|step| LOOP.iter().position(|s| *s == step.status))
        .max()
        .unwrap_or(0);
    let taken = request.steps.iter().map(|step| {
        (
            status_message_id(step.status),
            step.at.as_str(),
            step.remark.clone(),
        )
    });
    let ahead = LOOP[reached + 1..].iter().map(|s| ahead_message_id(*s));
    let now = match request.status {
        RequestStatus::Evaluated => Now::Closed,
        RequestStatus::Revisiting => Now::Hers,
        _ => Now::Department,
    };
    timeline_of(taken, now, 0, ahead, localizer)
}

/// The Fluent id of a step still to come, named as what will happen (部门答复您), not as done.
fn ahead_message_id(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Accepted => "request-ahead-accepted",
        RequestStatus::Dispatched => "request-ahead-dispatched",
        RequestStatus::Handling => "request-ahead-handling",
        RequestStatus::Replied => "request-ahead-replied",
        RequestStatus::Supervised => "request-status-supervised",
        RequestStatus::Closed => "request-ahead-closed",
        RequestStatus::Revisiting => "request-ahead-revisiting",
        RequestStatus::Revisited => "request-ahead-revisited",
        RequestStatus::Evaluated => "request-ahead-evaluated",
    }
}

/// Whether the department is waiting for the 回访 answers.
pub fn can_follow_up(request: &ServiceRequest) -> bool {
    request.status == RequestStatus::Revisiting && request.follow_up.is_none()
}

/// Whether the request can be evaluated now: its loop is closed and no 评价 was given.
pub fn can_evaluate(request: &ServiceRequest) -> bool {
    matches!(
        request.status,
        RequestStatus::Closed | RequestStatus::Revisiting | RequestStatus::Revisited
    ) && request.evaluation.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::request;
    use crate::i18n::Locale;
    use crate::progress::StepState;

    fn zh() -> Localizer {
        Localizer::new(Locale::ZhCn)
    }

    #[test]
    fn a_new_request_shows_the_whole_loop_ahead() {
        let steps = timeline(&request(&[RequestStatus::Accepted]), &zh());
        assert_eq!(steps.len(), 8);
        assert_eq!(steps[0].state, StepState::Current);
        assert!(steps[1..].iter().all(|s| s.state == StepState::Pending));
        assert_eq!(
            steps[7].name, "您评价",
            "what is to come is named as to come"
        );
    }

    #[test]
    fn a_pressed_request_shows_the_supervision_and_continues_the_loop() {
        let steps = timeline(
            &request(&[
                RequestStatus::Accepted,
                RequestStatus::Dispatched,
                RequestStatus::Handling,
                RequestStatus::Supervised,
            ]),
            &zh(),
        );
        assert_eq!(steps[3].state, StepState::Current);
        assert_eq!(steps[3].name, "已督办");
        assert_eq!(steps[4].name, "部门答复您");
        assert_eq!(steps[4].state, StepState::Pending);
    }

    #[test]
    fn the_person_is_asked_to_follow_up_then_evaluate() {
        let revisiting = request(&[
            RequestStatus::Accepted,
            RequestStatus::Replied,
            RequestStatus::Closed,
            RequestStatus::Revisiting,
        ]);
        assert!(can_follow_up(&revisiting));
        let steps = timeline(&revisiting, &zh());
        assert_eq!(steps[3].state, StepState::Yours, "the 回访 waits for her");
        assert!(can_evaluate(&revisiting));
        let handling = request(&[RequestStatus::Accepted, RequestStatus::Handling]);
        assert!(!can_follow_up(&handling));
        assert!(!can_evaluate(&handling));
        let evaluated = request(&[RequestStatus::Accepted, RequestStatus::Evaluated]);
        assert_eq!(
            timeline(&evaluated, &zh())
                .iter()
                .filter(|s| s.state == StepState::Current)
                .count(),
            0
        );
    }

    #[test]
    fn every_status_has_a_name_in_both_languages() {
        for status in LOOP.iter().chain([RequestStatus::Supervised].iter()) {
            for locale in Locale::ALL {
                let id = status_message_id(*status);
                let name = Localizer::new(locale).text(id, &[]);
                assert!(!name.is_empty() && name != id, "{id} in {locale:?}");
            }
        }
    }
}
