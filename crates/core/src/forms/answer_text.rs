//! Answers in plain words, as 核对 and a group's page show them: choices by their labels, 是/否, money
//! in 元, dates in 年月日, files and signatures by what was given, a group as its numbered items.

use chrono::NaiveDate;
use huiban_api::{Answers, Question, QuestionKind};
use serde_json::Value;

use super::group::{asked_in, items};
use crate::i18n::Localizer;
use crate::regions::{self, AddressAnswer};

fn option_label<'a>(question: &'a Question, value: &'a str) -> &'a str {
    question
        .options
        .iter()
        .find(|option| option.value == value)
        .map_or(value, |option| option.label.as_str())
}

/// An answer in plain words: choices by their labels, 是/否, money in 元, dates in 年月日, files and
/// signatures by what was given.
pub fn answer_text(question: &Question, value: &Value, localizer: &Localizer) -> String {
    let plain = || match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    match (question.kind, value) {
        (_, Value::Null) => String::new(),
        (QuestionKind::YesNo, Value::Bool(yes)) => match question.yes_no_words(*yes) {
            Some(words) => words.to_owned(),
            None => localizer.text(if *yes { "answer-yes" } else { "answer-no" }, &[]),
        },
        (QuestionKind::SingleChoice, Value::String(chosen)) => {
            option_label(question, chosen).to_owned()
        }
        (QuestionKind::MultipleChoice, Value::Array(chosen)) => chosen
            .iter()
            .filter_map(Value::as_str)
            .map(|chosen| option_label(question, chosen))
            .collect::<Vec<_>>()
            .join("、"),
        (QuestionKind::Money, _) => localizer.text("answer-money", &[("amount", plain().as_str())]),
        (QuestionKind::Date, Value::String(date)) => {
            match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                Ok(day) => {
                    use chrono::Datelike;
                    localizer.text(
                        "date-shown",
                        &[
                            ("year", day.year().to_string().as_str()),
                            ("month", day.month().to_string().as_str()),
                            ("day", day.day().to_string().as_str()),
                        ],
                    )
                }
                Err(_) => date.clone(),
            }
        }
        (QuestionKind::Attachment, Value::Array(files)) => localizer.text(
            "answer-files",
            &[("count", files.len().to_string().as_str())],
        ),
        (QuestionKind::Attachment, _) => localizer.text("answer-files", &[("count", "1")]),
        // A licence question answered by a photo of the paper document.
        (QuestionKind::Licence, value)
            if value.as_str().is_some_and(huiban_rules::is_file_name) =>
        {
            localizer.text("answer-files", &[("count", "1")])
        }
        (QuestionKind::Signature, _) => localizer.text("answer-signed", &[]),
        (QuestionKind::Group, _) => group_text(question, value, localizer),
        (QuestionKind::Address, _) => AddressAnswer::of(value)
            .and_then(|address| regions::address_text(&address))
            .unwrap_or_else(plain),
        _ => plain(),
    }
}

/// The answers of one item in words, joined by "，".
pub(super) fn item_text(asked: &[&Question], item: &Answers, localizer: &Localizer) -> String {
    asked
        .iter()
        .filter_map(|child| {
            item.get(&child.id)
                .map(|value| answer_text(child, value, localizer))
        })
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("，")
}

/// The whole group's answer in words: "1. 李四，配偶；2. 王五，子女".
pub fn group_text(group: &Question, value: &Value, localizer: &Localizer) -> String {
    items(Some(value))
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let asked = asked_in(group, item);
            format!("{}. {}", index + 1, item_text(&asked, item, localizer))
        })
        .collect::<Vec<_>>()
        .join("；")
}
