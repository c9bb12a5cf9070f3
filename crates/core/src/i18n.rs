//! Localised text from the Fluent files in `locales/`, shared with the UI.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::{LanguageIdentifier, langid};

/// A language Huiban ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Simplified Chinese, the first language.
    ZhCn,
    /// English.
    EnUs,
}

impl Locale {
    /// Every shipped locale, the fallback first.
    pub const ALL: [Locale; 2] = [Locale::ZhCn, Locale::EnUs];

    /// BCP 47 tag, which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::EnUs => "en-US",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Self::ZhCn => langid!("zh-CN"),
            Self::EnUs => langid!("en-US"),
        }
    }

    /// The Fluent files of this locale, by file name, as compiled into the binary.
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::ZhCn => ZH_CN,
            Self::EnUs => EN_US,
        }
    }
}

const ZH_CN: &[(&str, &str)] = &[
    ("app.ftl", include_str!("../../../locales/zh-CN/app.ftl")),
    (
        "errors.ftl",
        include_str!("../../../locales/zh-CN/errors.ftl"),
    ),
    (
        "glossary.ftl",
        include_str!("../../../locales/zh-CN/glossary.ftl"),
    ),
    (
        "staff.ftl",
        include_str!("../../../locales/zh-CN/staff.ftl"),
    ),
    (
        "kiosk.ftl",
        include_str!("../../../locales/zh-CN/kiosk.ftl"),
    ),
];
const EN_US: &[(&str, &str)] = &[
    ("app.ftl", include_str!("../../../locales/en-US/app.ftl")),
    (
        "errors.ftl",
        include_str!("../../../locales/en-US/errors.ftl"),
    ),
    (
        "glossary.ftl",
        include_str!("../../../locales/en-US/glossary.ftl"),
    ),
    (
        "staff.ftl",
        include_str!("../../../locales/en-US/staff.ftl"),
    ),
    (
        "kiosk.ftl",
        include_str!("../../../locales/en-US/kiosk.ftl"),
    ),
];

/// The language the app speaks to people in: 简体中文 until the person chooses English in 设置 (see
/// [`speak_in`]); one localizer for the whole process, used by the app's views and by its errors
/// alike.
pub fn spoken() -> &'static Localizer {
    static EN_US: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
    match SPEAKING.load(std::sync::atomic::Ordering::Relaxed) {
        1 => EN_US.get_or_init(|| Localizer::new(Locale::EnUs)),
        _ => chinese(),
    }
}

/// 简体中文, whatever the person speaks: for words written to the platform, which its staff read.
/// Made once for the whole process (a localizer parses every Fluent file).
pub fn chinese() -> &'static Localizer {
    static ZH_CN: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
    ZH_CN.get_or_init(|| Localizer::new(Locale::ZhCn))
}

/// The locale [`spoken`] speaks in: 0 for zh-CN, 1 for en-US.
static SPEAKING: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// From now on the app speaks `locale` (the person's choice of language).
pub fn speak_in(locale: Locale) {
    let index = match locale {
        Locale::ZhCn => 0,
        Locale::EnUs => 1,
    };
    SPEAKING.store(index, std::sync::atomic::Ordering::Relaxed);
}

/// Formats messages in one locale, falling back to zh-CN, then to the message id itself.
pub struct Localizer {
    locale: Locale,
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Localizer {
    /// A localizer for `locale`.
    pub fn new(locale: Locale) -> Self {
        let mut chain = vec![locale];
        if locale != Locale::ZhCn {
            chain.push(Locale::ZhCn);
        }
        let bundles = chain.into_iter().map(bundle).collect();
        Self { locale, bundles }
    }

    /// The locale asked for.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text of message `id` with named arguments.
    pub fn text(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(id, ?errors, "message formatted with errors");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(id, "missing message");
        id.to_owned()
    }
}

fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![locale.langid()]);
    bundle.set_use_isolating(false);
    for (name, source) in locale.sources() {
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(partial, errors)| {
                tracing::error!(file = name, ?errors, "Fluent file has syntax errors");
                partial
            });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(file = name, ?errors, "Fluent file redefines messages");
        }
    }
    bundle
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use fluent_syntax::ast::Entry;

    use super::*;

    fn locales_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales")
    }

    fn ftl_files(locale: Locale) -> BTreeSet<String> {
        std::fs::read_dir(locales_dir().join(locale.tag()))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".ftl"))
            .collect()
    }

    fn ids(source: &str) -> BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
        resource
            .body
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name),
                Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_key_exists_in_every_locale() {
        let reference = ftl_files(Locale::ZhCn);
        for locale in Locale::ALL {
            assert_eq!(
                ftl_files(locale),
                reference,
                "{} has other files",
                locale.tag()
            );
        }
        for file in &reference {
            let read = |l: Locale| {
                std::fs::read_to_string(locales_dir().join(l.tag()).join(file)).unwrap()
            };
            let zh = ids(&read(Locale::ZhCn));
            let en = ids(&read(Locale::EnUs));
            let only_zh: Vec<_> = zh.difference(&en).collect();
            let only_en: Vec<_> = en.difference(&zh).collect();
            assert!(only_zh.is_empty(), "{file}: only in zh-CN: {only_zh:?}");
            assert!(only_en.is_empty(), "{file}: only in en-US: {only_en:?}");
        }
    }

    #[test]
    fn every_file_on_disk_is_compiled_in() {
        for locale in Locale::ALL {
            let embedded: BTreeSet<String> = locale
                .sources()
                .iter()
                .map(|(name, _)| (*name).to_owned())
                .collect();
            assert_eq!(embedded, ftl_files(locale), "{}", locale.tag());
            for (name, source) in locale.sources() {
                let on_disk =
                    std::fs::read_to_string(locales_dir().join(locale.tag()).join(name)).unwrap();
                assert_eq!(
                    *source,
                    on_disk,
                    "{} {name} is stale; rebuild",
                    locale.tag()
                );
            }
        }
    }

    #[test]
    fn home_tiles_read_in_chinese_and_english() {
        let zh = Localizer::new(Locale::ZhCn);
        assert_eq!(zh.text("home-tile-apply", &[]), "办事");
        assert_eq!(zh.text("home-tile-help", &[]), "求助");
        let en = Localizer::new(Locale::EnUs);
        assert_eq!(en.text("home-tile-apply", &[]), "Apply");
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let zh = Localizer::new(Locale::ZhCn);
        let text = zh.text("glossary-promised-case", &[("days", "10")]);
        assert_eq!(text, "需要10个工作日办好");
    }

    #[test]
    fn a_missing_id_falls_back_to_the_id() {
        assert_eq!(
            Localizer::new(Locale::EnUs).text("no-such-message", &[]),
            "no-such-message"
        );
    }
}
