//! Words people say for what the catalog calls otherwise: each pair is (what a person types, a word
//! the item names use). Kept short and checked against the demo catalog in the tests. A query
//! stands for a formal word when it holds the everyday word, or is the start of its pinyin (four
//! letters or more) or its initials (two or more).

use super::entry::pinyin_forms;

/// A colloquial word with its pinyin forms, and the formal word it stands for.
#[derive(Debug, Clone)]
struct Synonym {
    said: &'static str,
    pinyin: String,
    initials: String,
    formal: &'static str,
}

/// The everyday words, ready to be matched.
#[derive(Debug, Clone)]
pub struct Synonyms(Vec<Synonym>);

impl Synonyms {
    /// [`SYNONYMS`] with their pinyin forms.
    pub fn new() -> Self {
        Self(
            SYNONYMS
                .iter()
                .map(|(said, formal)| {
                    let (pinyin, initials) = pinyin_forms(said);
                    Synonym {
                        said,
                        pinyin,
                        initials,
                        formal,
                    }
                })
                .collect(),
        )
    }

    /// The formal words `query` (normalised) stands for, typed in Chinese or in pinyin.
    pub fn formal_for(&self, query: &str) -> Vec<&'static str> {
        self.0
            .iter()
            .filter(|s| {
                query.contains(s.said)
                    || (query.len() >= 4 && s.pinyin.starts_with(query))
                    || (query.len() >= 2 && s.initials == query)
            })
            .map(|s| s.formal)
            .collect()
    }
}

impl Default for Synonyms {
    fn default() -> Self {
        Self::new()
    }
}

/// (colloquial, formal) pairs.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("退休金", "养老保险"),
    ("养老钱", "养老保险"),
    ("社保卡", "社会保障卡"),
    ("社保", "社会保障"),
    ("社保", "养老保险"),
    ("医保卡", "社会保障卡"),
    ("医保", "医疗保险"),
    ("看病报销", "医疗费用"),
    ("报销", "手工报销"),
    ("低保", "最低生活保障"),
    ("身份证", "居民身份证"),
    ("户口本", "户口簿"),
    ("老年证", "老年人优待证"),
    ("敬老卡", "老年人优待证"),
    ("体检", "健康体检"),
    ("丧葬费", "丧葬补助金"),
    ("抚恤", "抚恤金"),
    ("公积金", "住房公积金"),
    ("廉租房", "公共租赁住房"),
    ("公租房", "公共租赁住房"),
    ("房产证", "不动产"),
    ("残疾证", "残疾人证"),
    ("护理", "护理补贴"),
    ("适老化", "适老化改造"),
    ("长辈版", "老年人"),
    ("关怀版", "老年人"),
    ("亲情版", "老年人"),
];
