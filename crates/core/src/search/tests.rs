//! Search over the demo catalog, as people type.

use super::*;

fn index() -> SearchIndex {
    SearchIndex::new(huiban_demo::catalog_items())
}

fn names(index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(query, 50)
        .into_iter()
        .map(|item| item.name.clone())
        .collect()
}

#[test]
fn chinese_words_find_names_first_and_details_after() {
    let index = index();
    let found = names(&index, "高龄");
    assert_eq!(found.first().map(String::as_str), Some("高龄津贴申领"));
    let found = names(&index, "养老");
    assert!(found.len() >= 5, "{found:?}");
    assert!(
        found.iter().take(5).all(|n| n.contains("养老")),
        "{found:?}"
    );
}

#[test]
fn full_pinyin_and_initials_find_the_same_items() {
    let index = index();
    let by_pinyin = names(&index, "yanglao");
    assert!(
        by_pinyin.iter().any(|n| n.contains("养老保险")),
        "{by_pinyin:?}"
    );
    assert!(
        by_pinyin.iter().all(|n| n.contains("养老")),
        "{by_pinyin:?}"
    );
    // ylbx is both 养老保险 and 医疗保险: both are offered.
    let by_initials = names(&index, "ylbx");
    assert!(
        by_initials
            .iter()
            .filter(|n| n.contains("养老保险"))
            .count()
            >= 4,
        "{by_initials:?}"
    );
    assert!(
        by_initials
            .iter()
            .all(|n| n.contains("养老保险") || n.contains("医疗保险")),
        "{by_initials:?}"
    );
    assert_eq!(
        names(&index, "gljt").first().map(String::as_str),
        Some("高龄津贴申领")
    );
    assert_eq!(
        names(&index, "Gao Ling").first().map(String::as_str),
        Some("高龄津贴申领")
    );
    assert_eq!(
        names(&index, "gaoling").first().map(String::as_str),
        Some("高龄津贴申领")
    );
}

#[test]
fn words_people_say_find_what_the_catalog_calls_otherwise() {
    let index = index();
    let pension = names(&index, "退休金");
    assert!(
        pension.iter().any(|n| n.contains("养老保险待遇申领")),
        "{pension:?}"
    );
    assert!(
        names(&index, "tuixiujin")
            .iter()
            .any(|n| n.contains("养老保险"))
    );
    assert!(
        names(&index, "低保")
            .iter()
            .any(|n| n == "最低生活保障申请")
    );
    assert!(
        names(&index, "社保卡")
            .iter()
            .any(|n| n == "社会保障卡申领")
    );
    assert!(names(&index, "户口本").iter().any(|n| n == "户口簿补领"));
}

#[test]
fn every_synonym_leads_somewhere_in_the_demo_catalog() {
    let index = index();
    for (said, formal) in SYNONYMS {
        assert!(
            index.items().iter().any(|item| item.name.contains(formal)),
            "{said} → {formal}: no item is named with {formal}"
        );
    }
}

#[test]
fn nonsense_blank_and_punctuation_find_nothing_and_never_panic() {
    let index = index();
    assert!(names(&index, "").is_empty());
    assert!(names(&index, "   ").is_empty());
    assert!(names(&index, "！？。").is_empty());
    assert!(names(&index, "qqqqzzzz").is_empty());
    assert!(names(&index, "𠀀𠀁").is_empty());
    assert_eq!(index.search("养老", 2).len(), 2);
}

#[test]
fn the_index_finds_exactly_what_the_scan_finds_in_the_same_order() {
    let items = huiban_demo::catalog_of_size(2_000);
    let index = SearchIndex::new(items.clone());
    let scan = scan::Scan::new(&items);
    for query in [
        "养老",
        "yanglao",
        "ylbx",
        "退休金",
        "高龄津贴",
        "gljt",
        "医保",
        "yibao",
        "社保卡",
        "sfz",
        "户口本",
        "hukou",
        "低保",
        "残疾",
        "公积金",
        "bdc",
        "护理",
        "老年证",
        "lnr",
        "证",
        "y",
        "z",
        "区",
        "东城",
        "dc",
        "1",
        "（1）",
        "身份",
        "材料",
        "民政局",
        "申请",
        "tixiujin",
        "tuixiujin",
        "xx",
        "𠀀",
        "Gao Ling",
    ] {
        for limit in [1, 5, 50, 5_000] {
            assert_eq!(
                index.positions(query, limit),
                scan.search(query, limit),
                "{query:?} at most {limit}"
            );
        }
    }
}

/// 400 items, indexed and ready to scan, shared by the cases below.
static SMALL: std::sync::LazyLock<(SearchIndex, scan::Scan)> = std::sync::LazyLock::new(|| {
    let items = huiban_demo::catalog_of_size(400);
    (SearchIndex::new(items.clone()), scan::Scan::new(&items))
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn any_query_finds_the_same_as_the_scan(
        query in "[a-z养老保险证医疗低户口区东城高龄津贴1（） ]{0,6}",
        limit in 1usize..80,
    ) {
        let (index, scan) = &*SMALL;
        proptest::prop_assert_eq!(index.positions(&query, limit), scan.search(&query, limit));
    }
}
