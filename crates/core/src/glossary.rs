//! Official terms in plain words: `locales/*/glossary.ftl` holds one message per term, with the
//! official term as its `.term` attribute, so screens can show 需要15个工作日办好 where the platform
//! says 承诺件.

use fluent_syntax::ast::{Entry, Pattern, PatternElement};

use crate::i18n::{Locale, Localizer};

fn plain_text(pattern: &Pattern<&str>) -> String {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            PatternElement::TextElement { value } => *value,
            PatternElement::Placeable { .. } => "",
        })
        .collect()
}

/// Every official term with the id of its plain-words message, in file order.
pub fn terms() -> Vec<(String, String)> {
    terms_in(Locale::ZhCn)
}

/// The terms as one locale's glossary file names them.
fn terms_in(locale: Locale) -> Vec<(String, String)> {
    let Some((_, source)) = locale
        .sources()
        .iter()
        .find(|(name, _)| *name == "glossary.ftl")
    else {
        return Vec::new();
    };
    let resource = match fluent_syntax::parser::parse(*source) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => message
                .attributes
                .iter()
                .find(|attribute| attribute.id.name == "term")
                .map(|term| (plain_text(&term.value), message.id.name.to_owned())),
            _ => None,
        })
        .collect()
}

/// The plain words for an official term (with its arguments), or `None` for a term not in the glossary.
pub fn plain_words(localizer: &Localizer, term: &str, args: &[(&str, &str)]) -> Option<String> {
    terms()
        .into_iter()
        .find(|(official, _)| official == term)
        .map(|(_, id)| localizer.text(&id, args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_terms_become_plain_words_in_both_languages() {
        let zh = Localizer::new(Locale::ZhCn);
        assert_eq!(
            plain_words(&zh, "承诺件", &[("days", "15")]).as_deref(),
            Some("需要15个工作日办好")
        );
        assert_eq!(
            plain_words(&zh, "即办件", &[]).as_deref(),
            Some("当场就能办好")
        );
        assert_eq!(
            plain_words(&zh, "补正", &[]).as_deref(),
            Some("还需要您补交一些材料")
        );
        assert_eq!(
            plain_words(&zh, "办件编号", &[]).as_deref(),
            Some("查进度用的编号")
        );
        assert_eq!(plain_words(&zh, "不存在的词", &[]), None);
        let en = Localizer::new(Locale::EnUs);
        assert_eq!(
            plain_words(&en, "补正", &[]).as_deref(),
            Some("A few more papers are needed from you")
        );
    }

    #[test]
    fn every_glossary_message_names_its_term_and_no_plain_words_repeat_it() {
        let all = terms();
        assert!(all.len() >= 12, "{all:?}");
        assert_eq!(terms_in(Locale::EnUs), all, "en-US names the same terms");
        let zh = Localizer::new(Locale::ZhCn);
        for (term, id) in &all {
            assert!(id.starts_with("glossary-"), "{id}");
            let plain = zh.text(id, &[("days", "3")]);
            assert!(
                !plain.contains(term.as_str()),
                "{id} still says {term}: {plain}"
            );
        }
    }
}
