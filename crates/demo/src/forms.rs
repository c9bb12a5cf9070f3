//! The demo forms: who she is (filled in from what is known, for her to confirm), one question per
//! material, the family living with her where income counts, the bank card, and whether someone
//! else applies for her.

use huiban_api::{ChoiceOption, FormDefinition, KnownFact, Question, QuestionKind};

use super::items::{BANK, FORM_VERSION, INCOME, Spec, form_id};

fn question(
    id: &str,
    kind: QuestionKind,
    label: &str,
    hint: Option<&str>,
    required: bool,
) -> Question {
    Question {
        hint: hint.map(str::to_owned),
        required,
        ..Question::new(id, kind, label)
    }
}

/// `question` filled in from what is known of the person, for them to confirm.
fn known(question: Question, fact: KnownFact) -> Question {
    Question {
        prefill: Some(fact),
        ..question
    }
}

/// Whether she lives alone and, only when she does not, the family members who live with her, each
/// asked name, relation, ID number and monthly income one a page (items whose support depends on the
/// household's income).
fn family_members() -> Vec<Question> {
    use QuestionKind as K;
    let relations = [
        ("spouse", "配偶"),
        ("child", "子女"),
        ("parent", "父母"),
        ("grandchild", "孙子女"),
        ("other", "其他亲属"),
    ];
    let relation = Question {
        options: relations
            .iter()
            .map(|(value, label)| ChoiceOption {
                value: (*value).to_owned(),
                label: (*label).to_owned(),
            })
            .collect(),
        ..question(
            "member_relation",
            K::SingleChoice,
            "这位家人是您的什么人",
            None,
            true,
        )
    };
    let alone = Question {
        options: yes_no_words("是，我一个人住", "不是，和家人一起住"),
        ..question("lives_alone", K::YesNo, "您是不是一个人住", None, true)
    };
    let family = Question {
        questions: vec![
            question(
                "member_name",
                K::Text,
                "这位家人叫什么名字",
                Some("和他的身份证上的一样"),
                true,
            ),
            relation,
            question(
                "member_id_number",
                K::IdNumber,
                "这位家人的身份证号码",
                Some("18位，最后一位可能是X"),
                true,
            ),
            question(
                "member_income",
                K::Money,
                "这位家人每月收入多少元",
                Some("没有收入的填0"),
                true,
            ),
        ],
        item_name: Some("家庭成员".to_owned()),
        ..question(
            "family",
            K::Group,
            "和您一起生活的家人",
            Some("配偶、子女等一起生活的家人都要填上"),
            false,
        )
    };
    // Not asked of someone who lives alone.
    let family = Question {
        show_if: Some(huiban_api::Condition {
            question: alone.id.clone(),
            equals: serde_json::json!(false),
        }),
        ..family
    };
    vec![alone, family]
}

/// The words of a yes/no question's two answers, so that she answers in words, not 是 or 否.
fn yes_no_words(yes: &str, no: &str) -> Vec<ChoiceOption> {
    [(huiban_api::YES, yes), (huiban_api::NO, no)]
        .iter()
        .map(|(value, label)| ChoiceOption {
            value: (*value).to_owned(),
            label: (*label).to_owned(),
        })
        .collect()
}

/// The form of the `sequence`th item, described by `spec`.
pub(super) fn form(sequence: usize, spec: &Spec) -> FormDefinition {
    let mut questions = who_she_is();
    questions.extend(materials(spec, questions.len()));
    if spec.materials.contains(&INCOME) {
        questions.extend(family_members());
    }
    if spec.materials.contains(&BANK) {
        questions.push(question(
            "bank_card",
            QuestionKind::BankCard,
            "钱发到哪张银行卡",
            Some("请填写卡上的卡号"),
            true,
        ));
    }
    questions.extend(someone_else_applies());
    FormDefinition {
        form_id: form_id(sequence),
        version: FORM_VERSION,
        title: spec.name.to_owned(),
        questions,
    }
}

/// Name, ID number, phone and address, filled in from what is known of her for her to confirm.
fn who_she_is() -> Vec<Question> {
    use QuestionKind as K;
    vec![
        known(
            question(
                "applicant_name",
                K::Text,
                "您的姓名",
                Some("和身份证上的一样"),
                true,
            ),
            KnownFact::Name,
        ),
        known(
            question(
                "id_number",
                K::IdNumber,
                "您的身份证号码",
                Some("18位，最后一位可能是X"),
                true,
            ),
            KnownFact::IdNumber,
        ),
        known(
            question(
                "phone",
                K::Phone,
                "您的手机号码",
                Some("办理进度会发短信到这个号码"),
                true,
            ),
            KnownFact::Phone,
        ),
        known(
            question("address", K::Address, "您现在住在哪里", None, true),
            KnownFact::Address,
        ),
    ]
}

/// One question per material of `spec`: her e-licence where one exists, else a photo; ids are
/// numbered from `first`.
fn materials(spec: &Spec, first: usize) -> Vec<Question> {
    use QuestionKind as K;
    let mut questions = Vec::new();
    for (name, required, licence_type) in spec.materials {
        let (id, kind, label, hint) = if licence_type.is_some() {
            (
                "licence",
                K::Licence,
                format!("请选择您的电子{name}"),
                "有电子证照就不用再交纸质材料",
            )
        } else {
            (
                "material",
                K::Attachment,
                format!("请拍照上传：{name}"),
                "可以用手机拍照，照片要清楚",
            )
        };
        let id = format!("{id}_{}", first + questions.len());
        questions.push(Question {
            licence_type: licence_type.map(str::to_owned),
            ..question(&id, kind, &label, Some(hint), *required)
        });
    }
    questions
}

/// 是不是别人帮您办理, and the helper's name only when someone else applies for her.
fn someone_else_applies() -> Vec<Question> {
    use QuestionKind as K;
    let mut questions = Vec::new();
    questions.push(Question {
        options: yes_no_words("是，别人帮我办", "不是，我自己办"),
        ..question("by_agent", K::YesNo, "是不是别人帮您办理", None, true)
    });
    // Asked only when someone else applies for the person.
    let mut agent = question(
        "agent_name",
        K::Text,
        "帮您办理的人叫什么名字",
        Some("和他的身份证上的一样"),
        true,
    );
    agent.show_if = Some(huiban_api::Condition {
        question: "by_agent".to_owned(),
        equals: serde_json::json!(true),
    });
    questions.push(agent);
    questions
}
