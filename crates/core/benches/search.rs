//! `cargo xtask bench search`: catalog search over 100,000 items through the index, against the fair
//! baseline in the same process: a scan doing the same matching (names, full pinyin, initials,
//! everyday words, details) over every item, same queries, same answers (checked).
//!
//! Prints `catalog_search_p99_ms` (target ≤ 2 ms) for a mix of Chinese, pinyin, initials and
//! everyday-word queries, `fair_scan_p99_ms`, and `index_speedup_vs_fair_scan` = fair scan p99 ÷
//! index p99 (bigger is better; target ≥ 10); for scale, `substring_scan_p99_ms`, a scan that only
//! matches Chinese substrings of the names; then `form_validate_p99_ms` for checking all answers
//! of a 60-question form.
#![allow(clippy::unwrap_used, clippy::print_stdout)] // A benchmark program: failing loudly is right.

use std::time::{Duration, Instant};

use huiban_api::{Answers, ChoiceOption, FormDefinition, Question, QuestionKind};
use huiban_core::forms;
use huiban_core::search::SearchIndex;
use huiban_core::search::scan::Scan;
use serde_json::json;

/// How many items are searched.
const ITEMS: usize = 100_000;

const QUERIES: &[&str] = &[
    "养老",
    "yanglao",
    "ylbx",
    "退休金",
    "高龄津贴",
    "gljt",
    "gaoling",
    "医保",
    "yibao",
    "社保卡",
    "shebaoka",
    "身份证",
    "sfz",
    "户口本",
    "hukou",
    "低保",
    "dibao",
    "残疾",
    "canji",
    "公积金",
    "不动产",
    "bdc",
    "护理",
    "huli",
    "体检",
    "tijian",
    "老年证",
    "lnr",
    "殡葬",
    "binzang",
];

fn p99(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[(times.len() * 99 / 100).min(times.len() - 1)]
}

/// A 60-question form with every kind of answer, answered correctly.
fn big_form() -> (FormDefinition, Answers) {
    let kinds: [(QuestionKind, serde_json::Value); 12] = [
        (QuestionKind::Text, json!("张秀英")),
        (
            QuestionKind::LongText,
            json!("家住三楼，腿脚不便，需要上门服务。".repeat(5)),
        ),
        (QuestionKind::Number, json!("3")),
        (QuestionKind::Money, json!("1,200.50")),
        (QuestionKind::Date, json!("1944-03-15")),
        (QuestionKind::SingleChoice, json!("b")),
        (QuestionKind::MultipleChoice, json!(["a", "b"])),
        (QuestionKind::YesNo, json!(true)),
        (QuestionKind::Phone, json!("13800000001")),
        (QuestionKind::IdNumber, json!("11010519491231002X")),
        (QuestionKind::BankCard, json!("6222020200112233446")),
        (
            QuestionKind::Address,
            json!({"region": "110101", "detail": "和平里街道示例社区1号楼2单元301"}),
        ),
    ];
    let mut questions = Vec::new();
    let mut answers = Answers::new();
    for n in 0..60 {
        let (kind, value) = &kinds[n % kinds.len()];
        let id = format!("q{n}");
        questions.push(Question {
            show_if: None,
            prefill: None,
            questions: Vec::new(),
            item_name: None,
            licence_type: None,
            id: id.clone(),
            kind: *kind,
            label: format!("问题{n}"),
            hint: None,
            required: true,
            options: ["a", "b", "c"]
                .iter()
                .map(|v| ChoiceOption {
                    value: (*v).into(),
                    label: (*v).into(),
                })
                .collect(),
        });
        answers.insert(id, value.clone());
    }
    let form = FormDefinition {
        form_id: "bench".into(),
        version: 1,
        title: "60个问题".into(),
        questions,
    };
    (form, answers)
}

fn main() {
    let items = huiban_demo::catalog_of_size(ITEMS);
    let names: Vec<String> = items.iter().map(|i| i.name.clone()).collect();
    let built = Instant::now();
    let scan = Scan::new(&items);
    let index = SearchIndex::new(items);
    let build_ms = built.elapsed().as_secs_f64() * 1000.0;

    let rounds = 20;
    let mut search = Vec::new();
    let mut fair = Vec::new();
    let mut plain = Vec::new();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for query in QUERIES {
            let started = Instant::now();
            let found = index.positions(query, 50);
            search.push(started.elapsed());
            let started = Instant::now();
            let scanned = scan.search(query, 50);
            fair.push(started.elapsed());
            assert_eq!(found, scanned, "{query}: the index and the scan differ");
            hits += found.len();
            let started = Instant::now();
            hits += names.iter().filter(|n| n.contains(query)).take(50).count();
            plain.push(started.elapsed());
        }
    }
    if std::env::var_os("HUIBAN_BENCH_DETAIL").is_some() {
        for (n, query) in QUERIES.iter().enumerate() {
            let worst = (0..rounds)
                .map(|round| search[round * QUERIES.len() + n])
                .max()
                .unwrap_or_default();
            let scan_worst = (0..rounds)
                .map(|round| fair[round * QUERIES.len() + n])
                .max()
                .unwrap_or_default();
            println!("  {query}: index {worst:?}, scan {scan_worst:?}");
        }
    }
    let search_p99 = p99(search);
    let fair_p99 = p99(fair);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("items: {ITEMS}");
    println!("queries: {}", rounds * QUERIES.len());
    println!("index_and_scan_build_ms: {build_ms:.0}");
    println!(
        "index_megabytes: {:.1}",
        index.index_bytes() as f64 / 1_048_576.0
    );
    println!("hits: {hits}");
    println!("catalog_search_p99_ms: {:.3}", ms(search_p99));
    println!("fair_scan_p99_ms: {:.3}", ms(fair_p99));
    println!(
        "index_speedup_vs_fair_scan: {:.1} (fair scan p99 ÷ index p99; bigger is better, target >= 10)",
        fair_p99.as_secs_f64() / search_p99.as_secs_f64()
    );
    println!("substring_scan_p99_ms: {:.3}", ms(p99(plain)));

    let (form, answers) = big_form();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut validate = Vec::new();
    for _ in 0..1000 {
        let started = Instant::now();
        let problems = forms::check_answers(&form, &answers, today);
        validate.push(started.elapsed());
        assert!(problems.is_empty(), "{problems:?}");
    }
    println!("form_questions: {}", form.questions.len());
    println!(
        "form_validate_p99_ms: {:.3}",
        p99(validate).as_secs_f64() * 1000.0
    );
}
