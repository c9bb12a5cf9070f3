use super::*;
use crate::forms::answer_text::group_text;
use crate::forms::group_list::summaries;
use crate::i18n::{Locale, Localizer};
use huiban_api::{ChoiceOption, Condition, QuestionKind};
use serde_json::json;

fn question(id: &str, kind: QuestionKind) -> Question {
    Question::new(id, kind, id)
}

/// 家庭成员: name, relation, and a phone only for one living elsewhere.
fn family() -> Question {
    let relation = Question {
        options: vec![
            ChoiceOption {
                value: "spouse".into(),
                label: "配偶".into(),
            },
            ChoiceOption {
                value: "child".into(),
                label: "子女".into(),
            },
        ],
        ..question("relation", QuestionKind::SingleChoice)
    };
    let phone = Question {
        show_if: Some(Condition {
            question: "elsewhere".into(),
            equals: json!(true),
        }),
        ..question("member_phone", QuestionKind::Phone)
    };
    Question {
        questions: vec![
            question("member_name", QuestionKind::Text),
            relation,
            question("elsewhere", QuestionKind::YesNo),
            phone,
        ],
        item_name: Some("家庭成员".into()),
        ..question("family", QuestionKind::Group)
    }
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

#[test]
fn an_item_is_walked_one_question_a_page_with_its_own_conditions() {
    let group = family();
    let mut item = Answers::new();
    let ids = |q: Option<&Question>| q.map(|q| q.id.clone());
    assert_eq!(
        ids(next_in_item(&group, &item, None)),
        Some("member_name".into())
    );
    item.insert("elsewhere".into(), json!(false));
    assert_eq!(ids(next_in_item(&group, &item, Some("elsewhere"))), None);
    item.insert("elsewhere".into(), json!(true));
    assert_eq!(
        ids(next_in_item(&group, &item, Some("elsewhere"))),
        Some("member_phone".into())
    );
    assert_eq!(
        ids(previous_in_item(&group, &item, "relation")),
        Some("member_name".into())
    );
    assert_eq!(ids(previous_in_item(&group, &item, "member_name")), None);
    assert_eq!(ids(next_in_item(&group, &item, Some("nobody"))), None);
}

#[test]
fn the_items_are_listed_in_plain_words_with_what_is_unfinished() {
    let zh = Localizer::new(Locale::ZhCn);
    let value = json!([
        {"member_name": "李四", "relation": "spouse", "elsewhere": false},
        {"member_name": "王五", "relation": "child", "elsewhere": true},
        "not an item"
    ]);
    let listed = summaries(&family(), Some(&value), today(), &zh);
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].summary, "李四，配偶，否");
    assert!(listed[0].finished);
    assert_eq!(listed[1].first_unfinished.as_deref(), Some("member_phone"));
    assert_eq!(listed[2].summary, "");
    assert_eq!(listed[2].first_unfinished.as_deref(), Some("member_name"));
    assert_eq!(
        group_text(&family(), &value, &zh),
        "1. 李四，配偶，否；2. 王五，子女，是；3. "
    );
    assert!(summaries(&family(), None, today(), &zh).is_empty());
    assert_eq!(items(Some(&json!("x"))), Vec::<Answers>::new());
}
