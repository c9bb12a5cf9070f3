//! How the person wants the app: text size, colours, reading aloud; chosen on the first run or in
//! 设置, and kept in the local store.

use serde::{Deserialize, Serialize};

/// Body text size, in four steps (标准 / 大 / 特大 / 超大).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// 标准: 24 CSS px body text.
    #[default]
    Standard,
    /// 大: 30 px.
    Large,
    /// 特大: 36 px.
    ExtraLarge,
    /// 超大: 40 px.
    Largest,
}

impl TextSize {
    /// Every step, smallest first.
    pub const ALL: [Self; 4] = [Self::Standard, Self::Large, Self::ExtraLarge, Self::Largest];

    /// Body text size in CSS px.
    pub fn body_px(self) -> u32 {
        match self {
            Self::Standard => 24,
            Self::Large => 30,
            Self::ExtraLarge => 36,
            Self::Largest => 40,
        }
    }
}

/// Colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system (dark mode, more contrast) until the person picks.
    #[default]
    System,
    /// Dark text on white.
    Light,
    /// White and yellow on black.
    DarkContrast,
    /// Black on white, with heavier lines.
    LightContrast,
}

/// How fast text is read aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SpeechRate {
    /// Slower than usual.
    Slow,
    /// The voice's usual speed.
    #[default]
    Normal,
    /// Faster than usual.
    Fast,
}

/// The language the app speaks in (and reads aloud in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// 简体中文, the first language.
    #[default]
    ZhCn,
    /// English.
    EnUs,
}

impl Language {
    /// The locale of its words.
    pub fn locale(self) -> crate::i18n::Locale {
        match self {
            Self::ZhCn => crate::i18n::Locale::ZhCn,
            Self::EnUs => crate::i18n::Locale::EnUs,
        }
    }
}

/// The person's choices; a missing field (from an older version) takes its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(default)]
pub struct Preferences {
    /// Body text size.
    pub text_size: TextSize,
    /// Colours.
    pub theme: Theme,
    /// Whether pages are read aloud as they open.
    pub read_aloud: bool,
    /// How fast.
    pub speech_rate: SpeechRate,
    /// Whether the first-run questions were answered or skipped.
    pub first_run_done: bool,
    /// The language of the app's words and of reading aloud.
    pub language: Language,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_meet_the_elder_ux_numbers() {
        let px: Vec<u32> = TextSize::ALL.iter().map(|s| s.body_px()).collect();
        assert_eq!(px, [24, 30, 36, 40]);
        assert!(px.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn older_saved_choices_read_with_defaults_for_what_they_lack() {
        let old: Preferences = serde_json::from_str(r#"{"text_size":"large"}"#).unwrap();
        assert_eq!(old.text_size, TextSize::Large);
        assert_eq!(old.theme, Theme::System);
        assert!(!old.first_run_done);
        assert_eq!(old.language, Language::ZhCn);
        let json = serde_json::to_value(Preferences::default()).unwrap();
        assert_eq!(json["text_size"], "standard");
        assert_eq!(json["theme"], "system");
    }
}
