//! Every rule an answer can break has a plain message in both languages.

use huiban_api::{Question, QuestionKind};

use super::{Rule, message};
use crate::i18n::{Locale, Localizer};

fn question(kind: QuestionKind, required: bool) -> Question {
    serde_json::from_value(serde_json::json!({
        "id": "q",
        "kind": kind,
        "label": "问题",
        "required": required,
    }))
    .unwrap()
}

#[test]
fn every_rule_has_a_plain_message_in_both_languages() {
    let rules = [
        Rule::Required,
        Rule::WrongType,
        Rule::TooLong { max: 100 },
        Rule::NotNumber,
        Rule::BadMoney,
        Rule::BadDate,
        Rule::NotAnOption,
        Rule::BadPhone,
        Rule::IdNumberShape,
        Rule::IdNumberRegion,
        Rule::IdNumberBirthDate,
        Rule::IdNumberCheck,
        Rule::BankCardShape,
        Rule::BankCardCheck,
        Rule::AddressRegion,
        Rule::AddressTooShort,
        Rule::BadAttachment,
        Rule::BadSignature,
        Rule::TooManyItems { max: 20 },
        Rule::ItemUnfinished { item: 2 },
    ];
    let asked = question(QuestionKind::Text, true);
    for locale in [Locale::ZhCn, Locale::EnUs] {
        let localizer = Localizer::new(locale);
        for rule in &rules {
            let text = message(&localizer, &asked, rule);
            assert_ne!(
                text,
                rule.message_id(),
                "{rule:?} has no message in {locale:?}"
            );
        }
    }
    let zh = Localizer::new(Locale::ZhCn);
    assert_eq!(
        message(&zh, &asked, &Rule::TooLong { max: 100 }),
        "“问题”最多写100个字，请删掉一些。"
    );
    assert_eq!(
        message(&zh, &asked, &Rule::ItemUnfinished { item: 2 }),
        "“问题”的第2项还没填好，请点“修改”把它填完。"
    );
}

/// Fuzzing the forms engine on stable Rust: any form definition a platform might send (kinds,
/// conditions, choices, groups in any mix) with any answers is checked, walked and reviewed without
/// a panic. CI runs the default cases; run longer with `PROPTEST_CASES=20000 cargo test -p
/// huiban-core --lib forms::tests`.
mod fuzz {
    use chrono::NaiveDate;
    use huiban_api::{Answers, FormDefinition};
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use crate::forms::{self, journey};
    use crate::i18n::{Locale, Localizer};

    const KINDS: &[&str] = &[
        "text",
        "long_text",
        "number",
        "money",
        "date",
        "single_choice",
        "multiple_choice",
        "yes_no",
        "phone",
        "id_number",
        "bank_card",
        "address",
        "attachment",
        "licence",
        "signature",
        "group",
        "no_such_kind",
    ];
    const IDS: &[&str] = &["a", "b", "c", "d", "e", "f"];

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            ".{0,20}".prop_map(Value::String),
            "[0-9]{17}[0-9X]".prop_map(Value::String),
            "[0-9a-f]{64}".prop_map(Value::String),
            Just(json!({"region": "110101", "detail": "和平里1号"})),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(IDS).prop_map(str::to_owned),
                    inner,
                    0..4
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn any_question(depth: u32) -> BoxedStrategy<Value> {
        let children = if depth == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec(any_question(depth - 1), 0..3).boxed()
        };
        (
            prop::sample::select(IDS),
            prop::sample::select(KINDS),
            any::<bool>(),
            prop::option::of((prop::sample::select(IDS), any_value())),
            prop::collection::vec("[a-z]{1,3}", 0..4),
            children,
        )
            .prop_map(|(id, kind, required, show_if, options, questions)| {
                json!({
                    "id": id,
                    "kind": kind,
                    "label": "问题",
                    "required": required,
                    "show_if": show_if.map(|(question, equals)| json!({"question": question, "equals": equals})),
                    "options": options.iter().map(|o| json!({"value": o, "label": o})).collect::<Vec<_>>(),
                    "questions": questions,
                })
            })
            .boxed()
    }

    fn config() -> ProptestConfig {
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(256);
        ProptestConfig::with_cases(cases)
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn no_form_definition_and_answers_make_the_engine_panic(
            questions in prop::collection::vec(any_question(1), 0..6),
            answers in prop::collection::btree_map(prop::sample::select(IDS).prop_map(str::to_owned), any_value(), 0..6),
        ) {
            let Ok(form) = serde_json::from_value::<FormDefinition>(
                json!({"form_id": "f", "version": 1, "title": "表", "questions": questions}),
            ) else {
                return Ok(());
            };
            let answers: Answers = answers.into_iter().collect();
            let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
            let localizer = Localizer::new(Locale::ZhCn);
            let _ = forms::check_definition(&form);
            let _ = forms::check_answers(&form, &answers, today);
            let _ = forms::review(&form, &answers, today, &localizer);
            // Walking forward and back always ends.
            let mut current = journey::next(&form, &answers, None).map(|q| q.id.clone());
            for _ in 0..=form.questions.len() {
                let Some(id) = current else { break };
                let _ = journey::previous(&form, &answers, &id);
                current = journey::next(&form, &answers, Some(&id)).map(|q| q.id.clone());
            }
            for question in &form.questions {
                let _ = forms::group_list::summaries(question, answers.get(&question.id), today, &localizer);
                if let Some(value) = answers.get(&question.id) {
                    let _ = forms::answer_text(question, value, &localizer);
                }
            }
        }
    }
}
