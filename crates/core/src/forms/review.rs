//! 核对: every asked question with its answer in plain words, and what still stops the form from
//! being sent.

use chrono::NaiveDate;
use huiban_api::{Answers, FormDefinition, QuestionKind};
use serde::Serialize;

use crate::i18n::Localizer;

use super::answer_text::answer_text;
use super::{check_answers, journey, message};

/// One asked question and its answer, as the check page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ReviewRow {
    /// The question's id (where 修改 goes).
    pub question_id: String,
    /// The question.
    pub label: String,
    /// The answer in plain words; empty when unanswered.
    pub answer: String,
    /// Whether the answer tells who she is or what she has (a name, an ID or licence number, a phone,
    /// a date, an address, an amount): a kiosk or a counter reads it aloud only as counted, so that no
    /// one standing near hears it.
    pub private: bool,
}

/// Whether an answer to a question of `kind`, in words, tells who she is or what she has; a choice,
/// a file or a signature is said as 已选好 / 已签名 and tells nothing.
fn private(kind: &QuestionKind) -> bool {
    use QuestionKind::*;
    match kind {
        Text | LongText | Number | Money | Date | Phone | IdNumber | BankCard | Address
        | Licence => true,
        SingleChoice | MultipleChoice | YesNo | Attachment | Signature | Group => false,
    }
}

/// An answer that stops the form from being sent, with what to tell the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ReviewProblem {
    /// The question to go back to.
    pub question_id: String,
    /// What to tell the person, in plain words.
    pub message: String,
}

/// The whole form as answered: rows to check, and problems (none when it can be sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Review {
    /// Every asked question, in order.
    pub rows: Vec<ReviewRow>,
    /// Every answer that breaks a rule, in question order.
    pub problems: Vec<ReviewProblem>,
}

/// The `problems` core found in answers to `form`, each with what to tell the person on 核对: a
/// missing answer as 还没有填：… (there is no 下一步 on that page), any other as its question page
/// says it.
pub fn problems_in_words(
    form: &FormDefinition,
    problems: Vec<huiban_rules::Problem>,
    localizer: &Localizer,
) -> Vec<ReviewProblem> {
    problems
        .into_iter()
        .filter_map(|problem| {
            let question = form
                .questions
                .iter()
                .find(|q| q.id == problem.question_id)?;
            let message = match problem.rule {
                huiban_rules::Rule::Required => {
                    localizer.text("check-missing", &[("label", question.label.as_str())])
                }
                ref rule => message(localizer, question, rule),
            };
            Some(ReviewProblem {
                message,
                question_id: problem.question_id,
            })
        })
        .collect()
}

/// Reviews `answers` to `form` as of `today`, in the localizer's language.
pub fn review(
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
    localizer: &Localizer,
) -> Review {
    let rows = journey::asked(form, answers)
        .into_iter()
        .map(|question| ReviewRow {
            question_id: question.id.clone(),
            label: question.label.clone(),
            answer: answers
                .get(&question.id)
                .map(|value| answer_text(question, value, localizer))
                .unwrap_or_default(),
            private: private(&question.kind),
        })
        .collect();
    let problems = problems_in_words(form, check_answers(form, answers, today), localizer);
    Review { rows, problems }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use huiban_api::ChoiceOption;
    use huiban_api::Question;
    use serde_json::Value;
    use serde_json::json;

    fn question(id: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.to_owned(),
            kind,
            label: format!("问题{id}"),
            hint: None,
            required: true,
            options: vec![
                ChoiceOption {
                    value: "a".to_owned(),
                    label: "甲".to_owned(),
                },
                ChoiceOption {
                    value: "b".to_owned(),
                    label: "乙".to_owned(),
                },
            ],
            show_if: None,
            prefill: None,
            questions: Vec::new(),
            item_name: None,
            licence_type: None,
        }
    }

    fn zh() -> Localizer {
        Localizer::new(Locale::ZhCn)
    }

    fn text(kind: QuestionKind, value: Value) -> String {
        answer_text(&question("q", kind), &value, &zh())
    }

    #[test]
    fn what_tells_who_she_is_is_private_and_a_choice_is_not() {
        let form = FormDefinition {
            questions: vec![
                question("id", QuestionKind::IdNumber),
                question("alone", QuestionKind::YesNo),
                question("phone", QuestionKind::Phone),
                question("sign", QuestionKind::Signature),
            ],
            form_id: "f".to_owned(),
            version: 1,
            title: "f".to_owned(),
        };
        let answers: Answers = [("id".to_owned(), json!("11010119440315002X"))].into();
        let review = review(&form, &answers, NaiveDate::MIN, &zh());
        let private: Vec<_> = review
            .rows
            .iter()
            .map(|r| (r.question_id.as_str(), r.private))
            .collect();
        assert_eq!(
            private,
            [
                ("id", true),
                ("alone", false),
                ("phone", true),
                ("sign", false)
            ]
        );
    }

    #[test]
    fn every_kind_of_answer_reads_in_plain_words() {
        assert_eq!(text(QuestionKind::YesNo, json!(true)), "是");
        assert_eq!(text(QuestionKind::YesNo, json!(false)), "否");
        assert_eq!(text(QuestionKind::SingleChoice, json!("b")), "乙");
        assert_eq!(
            text(QuestionKind::MultipleChoice, json!(["a", "b"])),
            "甲、乙"
        );
        assert_eq!(text(QuestionKind::Money, json!("1200.50")), "1200.50 元");
        assert_eq!(
            text(QuestionKind::Date, json!("1950-03-05")),
            "1950年3月5日"
        );
        assert_eq!(
            text(
                QuestionKind::Attachment,
                json!(["0".repeat(64), "1".repeat(64)])
            ),
            "已选好2个文件"
        );
        assert_eq!(
            text(QuestionKind::Signature, json!("data:image/png;base64,AAAA")),
            "已签名"
        );
        assert_eq!(
            text(QuestionKind::Licence, json!("a".repeat(64))),
            "已选好1个文件",
            "a photo of the paper document"
        );
        assert_eq!(
            text(QuestionKind::Licence, json!("HK-2020-0001")),
            "HK-2020-0001"
        );
        assert_eq!(
            text(QuestionKind::Phone, json!("13800000001")),
            "13800000001"
        );
        assert_eq!(text(QuestionKind::Number, json!(3)), "3");
        assert_eq!(text(QuestionKind::Text, Value::Null), "");
        assert_eq!(
            text(
                QuestionKind::Address,
                json!({"region": "130102", "detail": "和平里1号"})
            ),
            "河北省石家庄市长安区 和平里1号"
        );
        // An address typed before addresses were picked reads as it was typed.
        assert_eq!(
            text(QuestionKind::Address, json!("北京市东城区和平里1号")),
            "北京市东城区和平里1号"
        );
    }

    #[test]
    fn a_choice_no_longer_offered_is_shown_as_stored() {
        assert_eq!(text(QuestionKind::SingleChoice, json!("z")), "z");
    }

    #[test]
    fn the_review_lists_asked_questions_and_every_problem() {
        let mut agent = question("agent", QuestionKind::Text);
        agent.show_if = Some(huiban_api::Condition {
            question: "by_agent".to_owned(),
            equals: json!(true),
        });
        let form = FormDefinition {
            form_id: "f".to_owned(),
            version: 1,
            title: "f".to_owned(),
            questions: vec![
                question("phone", QuestionKind::Phone),
                question("by_agent", QuestionKind::YesNo),
                agent,
            ],
        };
        let answers = Answers::from([
            ("phone".to_owned(), json!("123")),
            ("by_agent".to_owned(), json!(false)),
        ]);
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
        let review = review(&form, &answers, today, &zh());
        let ids: Vec<&str> = review.rows.iter().map(|r| r.question_id.as_str()).collect();
        assert_eq!(ids, ["phone", "by_agent"]);
        assert_eq!(review.rows[1].answer, "否");
        assert_eq!(review.problems.len(), 1);
        assert_eq!(review.problems[0].question_id, "phone");
        assert!(review.problems[0].message.contains("11位手机号码"));
    }

    #[test]
    fn a_missing_answer_says_so_on_the_check_page() {
        let form = FormDefinition {
            form_id: "f".to_owned(),
            version: 1,
            title: "f".to_owned(),
            questions: vec![question("signature", QuestionKind::Signature)],
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
        let review = review(&form, &Answers::new(), today, &zh());
        assert_eq!(review.problems[0].message, "还没有填：问题signature");
    }

    #[test]
    fn a_yes_no_answer_reads_in_the_words_the_form_gives() {
        let mut by_agent = question("by_agent", QuestionKind::YesNo);
        by_agent.options = vec![
            ChoiceOption {
                value: "yes".to_owned(),
                label: "是，别人帮我办".to_owned(),
            },
            ChoiceOption {
                value: "no".to_owned(),
                label: "不是，我自己办".to_owned(),
            },
        ];
        assert_eq!(
            answer_text(&by_agent, &json!(false), &zh()),
            "不是，我自己办"
        );
        assert_eq!(
            answer_text(&by_agent, &json!(true), &zh()),
            "是，别人帮我办"
        );
    }
}
