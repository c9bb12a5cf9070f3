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
