//! Every kind of answer against its rules, and that nothing thrown at the checks makes them panic.

use huiban_api::ChoiceOption;
use proptest::prelude::*;
use serde_json::json;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn question(kind: QuestionKind, required: bool) -> Question {
    // A group asks each item a name and, when they live elsewhere, where.
    let questions = if kind == QuestionKind::Group {
        let mut elsewhere = question(QuestionKind::Address, true);
        elsewhere.id = "where".into();
        elsewhere.show_if = Some(huiban_api::Condition {
            question: "elsewhere".into(),
            equals: json!(true),
        });
        let mut name = question(QuestionKind::Text, true);
        name.id = "name".into();
        let mut away = question(QuestionKind::YesNo, false);
        away.id = "elsewhere".into();
        vec![name, away, elsewhere]
    } else {
        Vec::new()
    };
    Question {
        show_if: None,
        prefill: None,
        questions,
        item_name: None,
        licence_type: None,
        id: "q".into(),
        kind,
        label: "问题".into(),
        hint: None,
        required,
        options: ["a", "b"]
            .iter()
            .map(|v| ChoiceOption {
                value: (*v).into(),
                label: (*v).into(),
            })
            .collect(),
    }
}

fn check(kind: QuestionKind, value: Value) -> Result<(), Rule> {
    check_answer(&question(kind, true), Some(&value), today())
}

const KINDS: [QuestionKind; 18] = [
    QuestionKind::Group,
    QuestionKind::Text,
    QuestionKind::LongText,
    QuestionKind::Number,
    QuestionKind::Money,
    QuestionKind::Date,
    QuestionKind::SingleChoice,
    QuestionKind::MultipleChoice,
    QuestionKind::YesNo,
    QuestionKind::Phone,
    QuestionKind::IdNumber,
    QuestionKind::BankCard,
    QuestionKind::Address,
    QuestionKind::Attachment,
    QuestionKind::Licence,
    QuestionKind::Signature,
    QuestionKind::Text,
    QuestionKind::LongText,
];

#[test]
fn required_questions_need_an_answer_and_optional_ones_do_not() {
    for kind in KINDS {
        let no_address = json!({"region": null, "detail": " "});
        for blank in [
            None,
            Some(json!(null)),
            Some(json!("  ")),
            Some(json!([])),
            Some(no_address),
        ] {
            assert_eq!(
                check_answer(&question(kind, true), blank.as_ref(), today()),
                Err(Rule::Required),
                "{kind:?} {blank:?}"
            );
            assert_eq!(
                check_answer(&question(kind, false), blank.as_ref(), today()),
                Ok(())
            );
        }
    }
}

#[test]
fn text_has_a_length_limit() {
    assert_eq!(check(QuestionKind::Text, json!("张秀英")), Ok(()));
    assert_eq!(
        check(QuestionKind::Text, json!("字".repeat(101))),
        Err(Rule::TooLong { max: 100 })
    );
    assert_eq!(
        check(QuestionKind::LongText, json!("字".repeat(2000))),
        Ok(())
    );
    assert_eq!(check(QuestionKind::Text, json!(12)), Err(Rule::WrongType));
}

#[test]
fn numbers_and_money_accept_what_people_type() {
    assert_eq!(check(QuestionKind::Number, json!(3)), Ok(()));
    assert_eq!(check(QuestionKind::Number, json!("１２")), Ok(()));
    assert_eq!(
        check(QuestionKind::Number, json!("十二")),
        Err(Rule::NotNumber)
    );
    assert_eq!(check(QuestionKind::Money, json!("1,200.50")), Ok(()));
    assert_eq!(check(QuestionKind::Money, json!(0)), Ok(()));
    assert_eq!(check(QuestionKind::Money, json!("-5")), Err(Rule::BadMoney));
    assert_eq!(
        check(QuestionKind::Money, json!("1.005")),
        Err(Rule::BadMoney)
    );
    assert_eq!(
        check(QuestionKind::Money, json!("NaN")),
        Err(Rule::NotNumber)
    );
}

#[test]
fn dates_must_exist() {
    assert_eq!(check(QuestionKind::Date, json!("1944-02-29")), Ok(()));
    assert_eq!(
        check(QuestionKind::Date, json!("1945-02-29")),
        Err(Rule::BadDate)
    );
    assert_eq!(
        check(QuestionKind::Date, json!("1944/03/15")),
        Err(Rule::BadDate)
    );
}

#[test]
fn choices_must_be_among_the_options() {
    assert_eq!(check(QuestionKind::SingleChoice, json!("a")), Ok(()));
    assert_eq!(
        check(QuestionKind::SingleChoice, json!("c")),
        Err(Rule::NotAnOption)
    );
    assert_eq!(
        check(QuestionKind::MultipleChoice, json!(["a", "b"])),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::MultipleChoice, json!(["a", "z"])),
        Err(Rule::NotAnOption)
    );
    assert_eq!(
        check(QuestionKind::MultipleChoice, json!("a")),
        Err(Rule::WrongType)
    );
    assert_eq!(check(QuestionKind::YesNo, json!(false)), Ok(()));
    assert_eq!(
        check(QuestionKind::YesNo, json!("否")),
        Err(Rule::WrongType)
    );
}

#[test]
fn phones_bank_cards_and_id_numbers_are_checked_like_the_platform_does() {
    assert_eq!(check(QuestionKind::Phone, json!("138 0000 0001")), Ok(()));
    assert_eq!(
        check(QuestionKind::Phone, json!("12800000001")),
        Err(Rule::BadPhone)
    );
    assert_eq!(
        check(QuestionKind::Phone, json!("010-12345678")),
        Err(Rule::BadPhone)
    );
    assert_eq!(
        check(QuestionKind::BankCard, json!("6222 0202 0011 2233 446")),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::BankCard, json!("6222020200112233445")),
        Err(Rule::BankCardCheck)
    );
    assert_eq!(
        check(QuestionKind::BankCard, json!("12345")),
        Err(Rule::BankCardShape)
    );
    assert_eq!(
        check(QuestionKind::IdNumber, json!("11010519491231002x")),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::IdNumber, json!("110105194912310021")),
        Err(Rule::IdNumberCheck)
    );
    assert_eq!(
        check(QuestionKind::IdNumber, json!("110105194902300029")),
        Err(Rule::IdNumberBirthDate)
    );
    assert_eq!(
        check(QuestionKind::IdNumber, json!("990105194912310021")),
        Err(Rule::IdNumberRegion)
    );
    assert_eq!(
        check(QuestionKind::IdNumber, json!("1101051949")),
        Err(Rule::IdNumberShape)
    );
}

#[test]
fn addresses_files_and_signatures() {
    let address = |region: &str, detail: &str| json!({"region": region, "detail": detail});
    assert_eq!(
        check(QuestionKind::Address, address("110101", "和平里街道1号")),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::Address, address("441900121", "3号楼")),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::Address, address("110101", " 1 ")),
        Err(Rule::AddressTooShort)
    );
    assert_eq!(
        check(QuestionKind::Address, address("110101", &"路".repeat(201))),
        Err(Rule::TooLong { max: 200 })
    );
    // A province or city is not yet a place; an unknown code is none; typed text is not picked.
    for unpicked in [
        address("11", "和平里街道1号"),
        address("1301", "和平里街道1号"),
        address("119999", "和平里街道1号"),
        json!({"detail": "和平里街道1号"}),
        json!("北京市东城区和平里街道1号"),
        json!(42),
    ] {
        assert_eq!(
            check(QuestionKind::Address, unpicked.clone()),
            Err(Rule::AddressRegion),
            "{unpicked}"
        );
    }
    assert_eq!(
        check(QuestionKind::Attachment, json!("a".repeat(64))),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::Attachment, json!(["b".repeat(64)])),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::Attachment, json!("photo.jpg")),
        Err(Rule::BadAttachment)
    );
    let drawn = format!("data:image/png;base64,{}", "A".repeat(100));
    assert_eq!(check(QuestionKind::Signature, json!(drawn)), Ok(()));
    assert_eq!(
        check(QuestionKind::Signature, json!("张秀英")),
        Err(Rule::BadSignature)
    );
}

#[test]
fn a_group_takes_finished_items_up_to_its_limit() {
    let person = |name: &str| json!({"name": name, "elsewhere": false});
    assert_eq!(
        check(QuestionKind::Group, json!([person("李四"), person("王五")])),
        Ok(())
    );
    // A question asked only on a condition of the item is needed only then.
    assert_eq!(
        check(
            QuestionKind::Group,
            json!([person("李四"), {"name": "王五", "elsewhere": true}])
        ),
        Err(Rule::ItemUnfinished { item: 2 })
    );
    assert_eq!(
        check(
            QuestionKind::Group,
            json!([{"name": "王五", "elsewhere": true,
                    "where": {"region": "110101", "detail": "和平里1号"}}])
        ),
        Ok(())
    );
    assert_eq!(
        check(QuestionKind::Group, json!([{"name": " "}])),
        Err(Rule::ItemUnfinished { item: 1 })
    );
    let many: Vec<Value> = (0..=GROUP_MAX_ITEMS).map(|_| person("李四")).collect();
    assert_eq!(
        check(QuestionKind::Group, Value::Array(many)),
        Err(Rule::TooManyItems {
            max: GROUP_MAX_ITEMS
        })
    );
    assert_eq!(
        check(QuestionKind::Group, json!(["李四"])),
        Err(Rule::WrongType)
    );
    assert_eq!(
        check(QuestionKind::Group, json!({"name": "李四"})),
        Err(Rule::WrongType)
    );
}

/// Any JSON value, nested a little.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>()
            .prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        any::<i64>().prop_map(|n| json!(n)),
        ".*".prop_map(Value::String),
        "[0-9Xx]{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,3}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn no_answer_of_any_shape_makes_any_kind_panic(
        value in any_json(),
        kind in 0usize..KINDS.len(),
        required in any::<bool>(),
    ) {
        let _ = check_answer(&question(KINDS[kind], required), Some(&value), today());
    }

    #[test]
    fn no_text_makes_the_id_number_check_panic(text in ".{0,30}") {
        let _ = crate::check_id_number(&text, today());
    }
}

#[test]
fn a_question_not_asked_is_neither_required_nor_checked() {
    use huiban_api::{Answers, Condition, FormDefinition};
    let asked_if = |id: &str| {
        let mut q = question(QuestionKind::Text, true);
        q.id = id.into();
        q.show_if = Some(Condition {
            question: "by_agent".into(),
            equals: json!(true),
        });
        q
    };
    let mut by_agent = question(QuestionKind::YesNo, true);
    by_agent.id = "by_agent".into();
    let form = FormDefinition {
        form_id: "f".into(),
        version: 1,
        title: "表".into(),
        questions: vec![by_agent, asked_if("agent_name")],
    };
    let mut answers = Answers::new();
    answers.insert("by_agent".into(), json!(false));
    assert_eq!(crate::check_answers(&form, &answers, today()), vec![]);
    answers.insert("by_agent".into(), json!(true));
    assert_eq!(
        crate::check_answers(&form, &answers, today()),
        vec![crate::Problem {
            question_id: "agent_name".into(),
            rule: Rule::Required
        }]
    );
}
