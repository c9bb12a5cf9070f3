//! 好差评: the five levels in plain words, and what an evaluation must hold before it is queued (a
//! reason for 不满意 and 非常不满意, so the department can put it right).

use huiban_api::EvaluationRequest;
use serde::Serialize;

/// Longest reason accepted, in characters.
pub const REASON_MAX: usize = 500;

/// One of the five levels, as the evaluation page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Level {
    /// 1 非常满意 … 5 非常不满意.
    pub level: u8,
    /// Fluent id of its name.
    pub message_id: &'static str,
    /// Whether a reason must be given with it.
    pub needs_reason: bool,
}

/// The five levels, best first.
pub fn levels() -> Vec<Level> {
    (1..=5)
        .map(|level| Level {
            level,
            message_id: level_message_id(level),
            needs_reason: needs_reason(level),
        })
        .collect()
}

/// The Fluent id of a level's name (the worst level's for anything out of range).
pub fn level_message_id(level: u8) -> &'static str {
    match level {
        1 => "evaluation-level-1",
        2 => "evaluation-level-2",
        3 => "evaluation-level-3",
        4 => "evaluation-level-4",
        _ => "evaluation-level-5",
    }
}

/// Whether `level` needs a reason (不满意 and 非常不满意).
pub fn needs_reason(level: u8) -> bool {
    level >= 4
}

/// Why an evaluation cannot be queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationProblem {
    /// No level from 1 to 5 was chosen.
    #[error("choose a level from 1 to 5")]
    NoLevel,
    /// 不满意 or 非常不满意 without a reason.
    #[error("a reason is needed")]
    ReasonRequired,
    /// The reason is longer than [`REASON_MAX`].
    #[error("the reason is too long")]
    ReasonTooLong,
}

impl EvaluationProblem {
    /// The Fluent id of the plain message for this problem.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NoLevel => "evaluation-no-level",
            Self::ReasonRequired => "evaluation-reason-required",
            Self::ReasonTooLong => "evaluation-reason-too-long",
        }
    }
}

/// The evaluation to send for `level` and the `reason` typed (trimmed; empty counts as none).
pub fn check(level: u8, reason: Option<&str>) -> Result<EvaluationRequest, EvaluationProblem> {
    if !(1..=5).contains(&level) {
        return Err(EvaluationProblem::NoLevel);
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > REASON_MAX) {
        return Err(EvaluationProblem::ReasonTooLong);
    }
    if needs_reason(level) && reason.is_none() {
        return Err(EvaluationProblem::ReasonRequired);
    }
    Ok(EvaluationRequest {
        level,
        reason: reason.map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, Localizer};

    #[test]
    fn good_levels_need_no_reason_and_bad_ones_do() {
        assert_eq!(check(1, None).unwrap().reason, None);
        assert_eq!(check(3, Some("  ")).unwrap().reason, None);
        assert_eq!(check(4, None), Err(EvaluationProblem::ReasonRequired));
        assert_eq!(
            check(5, Some("   ")),
            Err(EvaluationProblem::ReasonRequired)
        );
        assert_eq!(
            check(5, Some(" 等了很久 ")).unwrap().reason.as_deref(),
            Some("等了很久")
        );
    }

    #[test]
    fn only_the_five_levels_and_reasonable_reasons_are_taken() {
        assert_eq!(check(0, None), Err(EvaluationProblem::NoLevel));
        assert_eq!(check(6, Some("x")), Err(EvaluationProblem::NoLevel));
        let long = "长".repeat(REASON_MAX + 1);
        assert_eq!(check(4, Some(&long)), Err(EvaluationProblem::ReasonTooLong));
        assert!(check(4, Some(&"长".repeat(REASON_MAX))).is_ok());
    }

    #[test]
    fn every_level_and_problem_reads_in_both_languages() {
        let ids = levels()
            .iter()
            .map(|l| l.message_id)
            .chain(
                [
                    EvaluationProblem::NoLevel,
                    EvaluationProblem::ReasonRequired,
                    EvaluationProblem::ReasonTooLong,
                ]
                .map(EvaluationProblem::message_id),
            )
            .collect::<Vec<_>>();
        for locale in Locale::ALL {
            let localizer = Localizer::new(locale);
            for id in &ids {
                let text = localizer.text(id, &[("max", "500")]);
                assert!(!text.is_empty() && text != *id, "{id} in {locale:?}");
            }
        }
        assert_eq!(
            Localizer::new(Locale::ZhCn).text("evaluation-level-1", &[]),
            "非常满意"
        );
        assert_eq!(
            levels().iter().filter(|l| l.needs_reason).count(),
            2,
            "不满意 and 非常不满意"
        );
    }
}
