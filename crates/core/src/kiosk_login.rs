//! 在自助机上登录: the person types the code a kiosk in a hall shows, sees which kiosk asks and
//! where it stands, and lets it log in as her for a short while, or refuses.

use huiban_api::DeviceRequest;
use serde::Serialize;

use crate::i18n::Localizer;

/// Letters in a kiosk's code (shown as two groups of four, e.g. BCDF-GHJK).
pub const CODE_LETTERS: usize = 8;

/// What is wrong with a typed kiosk code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeProblem {
    /// Nothing typed.
    #[error("no code")]
    Empty,
    /// Not eight letters.
    #[error("not eight letters")]
    Shape,
}

impl CodeProblem {
    /// Fluent id of the problem in plain words.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Empty => "kiosk-code-empty",
            Self::Shape => "kiosk-code-shape",
        }
    }
}

/// The code as the platform takes it: letters only, upper case; spaces and dashes do not matter.
pub fn code(typed: &str) -> Result<String, CodeProblem> {
    let kept: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '－' | '—'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if kept.is_empty() {
        return Err(CodeProblem::Empty);
    }
    if kept.chars().count() != CODE_LETTERS || !kept.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(CodeProblem::Shape);
    }
    Ok(kept)
}

/// The kiosk asking, as the person checks it before answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct KioskAsking {
    /// The code, as the kiosk shows it (BCDF-GHJK).
    pub code: String,
    /// The kiosk's name, e.g. 一层大厅1号自助机.
    pub kiosk_name: String,
    /// Where it stands, e.g. 东城区政务服务中心.
    pub place: String,
    /// E.g. 请在5分钟内回答。
    pub time_left: String,
}

impl KioskAsking {
    /// The view of `asking` for the code `code` (as [`code`] gives it).
    pub fn of(code: &str, asking: DeviceRequest, localizer: &Localizer) -> Self {
        let minutes = asking.expires_in.div_ceil(60).max(1).to_string();
        let shown = match code.split_at_checked(CODE_LETTERS / 2) {
            Some((first, second)) => format!("{first}-{second}"),
            None => code.to_owned(),
        };
        Self {
            code: shown,
            kiosk_name: asking.kiosk_name,
            place: asking.place,
            time_left: localizer.text("kiosk-time-left", &[("minutes", minutes.as_str())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn a_code_is_eight_letters_however_it_is_typed() {
        assert_eq!(code(" bcdf-ghjk ").as_deref(), Ok("BCDFGHJK"));
        assert_eq!(code("BCDF GHJK").as_deref(), Ok("BCDFGHJK"));
        assert_eq!(code("  - "), Err(CodeProblem::Empty));
        assert_eq!(code("BCDF-GHJ"), Err(CodeProblem::Shape));
        assert_eq!(code("BCDF-GHJ1"), Err(CodeProblem::Shape));
        assert_eq!(code("一二三四五六七八"), Err(CodeProblem::Shape));
    }

    #[test]
    fn the_kiosk_is_named_with_its_place_and_the_minutes_left() {
        let localizer = Localizer::new(Locale::ZhCn);
        let asking = DeviceRequest {
            kiosk_name: "一层大厅1号自助机".to_owned(),
            place: "东城区政务服务中心".to_owned(),
            expires_in: 590,
        };
        let view = KioskAsking::of("BCDFGHJK", asking, &localizer);
        assert_eq!(view.code, "BCDF-GHJK");
        assert_eq!(view.time_left, "请在10分钟内回答。");
        for problem in [CodeProblem::Empty, CodeProblem::Shape] {
            let words = localizer.text(problem.message_id(), &[]);
            assert!(
                !words.is_empty() && !words.contains("kiosk-code"),
                "{words}"
            );
        }
    }
}
