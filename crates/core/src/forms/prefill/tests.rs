use super::*;
use huiban_api::{LicenceIssuer, LicenceSignature, Question, QuestionKind};
use serde_json::json;

fn id_card(address: &str) -> Licence {
    Licence {
        licence_no: "L1".into(),
        licence_type: ID_CARD.into(),
        holder_name: "张秀英".into(),
        holder_id_number: "11010119440315102X".into(),
        issuer: LicenceIssuer {
            name: "北京市公安局东城分局".into(),
            credit_code: "x".into(),
        },
        issued_on: "2020-01-01".into(),
        valid_from: "2020-01-01".into(),
        valid_to: None,
        fields: [(ID_CARD_ADDRESS.to_owned(), address.to_owned())]
            .into_iter()
            .collect(),
        signature: LicenceSignature {
            algorithm: "Ed25519".into(),
            key_id: "k".into(),
            value: "s".into(),
        },
    }
}

fn question(id: &str, kind: QuestionKind, prefill: Option<KnownFact>) -> Question {
    Question {
        prefill,
        ..Question::new(id, kind, id)
    }
}

fn form() -> FormDefinition {
    FormDefinition {
        form_id: "f".into(),
        version: 1,
        title: "表".into(),
        questions: vec![
            question("name", QuestionKind::Text, Some(KnownFact::Name)),
            question("id", QuestionKind::IdNumber, Some(KnownFact::IdNumber)),
            question("phone", QuestionKind::Phone, Some(KnownFact::Phone)),
            question("home", QuestionKind::Address, Some(KnownFact::Address)),
            question("agent", QuestionKind::Text, None),
        ],
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn valid_id_number() -> String {
    let first17 = "11010119440315102";
    let check = huiban_api::id_number::check_character(first17).unwrap();
    format!("{first17}{check}")
}

#[test]
fn the_id_card_and_the_account_fill_what_they_know() {
    let mut card = id_card("北京市东城区和平里街道示例社区1号");
    card.holder_id_number = valid_id_number();
    let known = Known::from(Some(&card), Some("张老师"), Some("13800000001"));
    let filled = suggestions(&form(), &Answers::new(), &known, today());
    assert_eq!(
        filled["name"].value,
        json!("张秀英"),
        "the card's name wins"
    );
    assert_eq!(filled["name"].source, Source::IdCard);
    assert_eq!(filled["id"].value, json!(valid_id_number()));
    assert_eq!(filled["phone"].value, json!("13800000001"));
    assert_eq!(filled["phone"].source, Source::Account);
    assert_eq!(
        filled["home"].value,
        json!({"region": "110101", "detail": "和平里街道示例社区1号"})
    );
    assert!(!filled.contains_key("agent"), "the agent is someone else");
}

#[test]
fn what_is_answered_already_or_would_break_a_rule_is_not_filled() {
    // The demo card's number has a wrong check character; its address is not on the list.
    let known = Known::from(Some(&id_card("火星某某路1号")), None, Some("12345"));
    let answers: Answers = [("name".to_owned(), json!("张小英"))].into_iter().collect();
    let filled = suggestions(&form(), &answers, &known, today());
    assert!(filled.is_empty(), "{filled:?}");
}

#[test]
fn without_a_card_the_account_still_gives_the_name_and_phone() {
    let known = Known::from(None, Some("张秀英"), Some("13800000001"));
    let filled = suggestions(&form(), &Answers::new(), &known, today());
    assert_eq!(filled["name"].source, Source::Account);
    assert_eq!(filled.len(), 2);
    assert_eq!(Known::from(None, Some("  "), None), Known::default());
}

#[test]
fn every_source_says_where_it_came_from_in_both_languages() {
    use crate::i18n::{Locale, Localizer};
    for locale in [Locale::ZhCn, Locale::EnUs] {
        let localizer = Localizer::new(locale);
        for source in [Source::IdCard, Source::Account, Source::IdNumber] {
            assert_ne!(
                localizer.text(source.message_id(), &[]),
                source.message_id()
            );
        }
    }
}

#[test]
fn she_signs_with_her_name_as_answered_else_the_accounts() {
    let mut name = Question::new("applicant_name", QuestionKind::Text, "您的姓名");
    name.prefill = Some(KnownFact::Name);
    let form = FormDefinition {
        form_id: "f".to_owned(),
        version: 1,
        title: "f".to_owned(),
        questions: vec![
            name,
            Question::new("signature", QuestionKind::Signature, "签名"),
        ],
    };
    let answered = Answers::from([("applicant_name".to_owned(), json!(" 张秀英 "))]);
    assert_eq!(
        signer_name(&form, &answered, Some("张三")).as_deref(),
        Some("张秀英")
    );
    assert_eq!(
        signer_name(&form, &Answers::new(), Some("张三")).as_deref(),
        Some("张三")
    );
    assert_eq!(signer_name(&form, &Answers::new(), Some("  ")), None);
}

#[test]
fn her_birth_date_comes_from_her_own_id_number_as_answered_else_from_the_card() {
    let mut questions = form().questions;
    questions.push(question(
        "born",
        QuestionKind::Date,
        Some(KnownFact::BirthDate),
    ));
    let form = FormDefinition {
        questions,
        ..form()
    };
    let answered: Answers = [("id".to_owned(), json!("11010519491231002X"))]
        .into_iter()
        .collect();
    let filled = suggestions(&form, &answered, &Known::default(), today());
    assert_eq!(filled["born"].value, json!("1949-12-31"));
    assert_eq!(filled["born"].source, Source::IdNumber);

    let mut card = id_card("北京市东城区和平里街道示例社区1号");
    card.holder_id_number = valid_id_number();
    let filled = suggestions(
        &form,
        &Answers::new(),
        &Known::from(Some(&card), None, None),
        today(),
    );
    assert_eq!(filled["born"].value, json!("1944-03-15"));
    assert_eq!(filled["born"].source, Source::IdCard);

    // A family member's number (no question filled from hers) gives nothing.
    let wrong: Answers = [("agent".to_owned(), json!("11010519491231002X"))]
        .into_iter()
        .collect();
    assert!(!suggestions(&form, &wrong, &Known::default(), today()).contains_key("born"));
}
