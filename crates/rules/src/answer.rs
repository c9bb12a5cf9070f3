//! The rules of each kind of answer, and the plain message of each rule.

use chrono::NaiveDate;
use huiban_api::{Question, QuestionKind};
use serde_json::Value;

use crate::group::{GROUP_MAX_ITEMS, item_answers};
use crate::id_number::{IdNumberProblem, check_id_number};
use crate::regions::{self, AddressAnswer};

/// Longest short text, in characters.
pub const TEXT_MAX: usize = 100;
/// Longest long text, in characters.
pub const LONG_TEXT_MAX: usize = 2000;
/// Longest street, building and door part of an address, in characters.
pub const ADDRESS_MAX: usize = 200;
/// Shortest street part of an address people can find ("3号楼" is enough once the district is known).
pub const ADDRESS_DETAIL_MIN: usize = 2;
/// Largest amount of money, in yuan.
pub const MONEY_MAX: f64 = 100_000_000.0;

/// A rule an answer can break.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// A required question has no answer.
    Required,
    /// The answer is not the kind of value the question takes (a bug or a tampered draft).
    WrongType,
    /// Longer than `max` characters.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Not a number.
    NotNumber,
    /// Money below zero, above the limit, or with more than two decimals.
    BadMoney,
    /// Not a real calendar date.
    BadDate,
    /// Not one of the question's choices.
    NotAnOption,
    /// Not an 11-digit mainland mobile number.
    BadPhone,
    /// Not 17 digits and a digit or X.
    IdNumberShape,
    /// No such province or district.
    IdNumberRegion,
    /// A birth date that does not exist or lies ahead.
    IdNumberBirthDate,
    /// The last character does not match.
    IdNumberCheck,
    /// Not 12 to 19 digits.
    BankCardShape,
    /// The digits do not add up (Luhn).
    BankCardCheck,
    /// No district picked from the list (or one the list does not hold).
    AddressRegion,
    /// No street, building or door number written.
    AddressTooShort,
    /// Not a kept photo or PDF.
    BadAttachment,
    /// No signature drawn.
    BadSignature,
    /// More items in a group than it takes.
    TooManyItems {
        /// The limit.
        max: usize,
    },
    /// An item of a group (counted from 1) has an answer missing or wrong.
    ItemUnfinished {
        /// Which item, counted from 1.
        item: usize,
    },
}

impl Rule {
    /// The Fluent id of the plain message (`$label` is the question, `$max` a limit).
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Required => "form-required",
            Self::WrongType => "form-wrong-type",
            Self::TooLong { .. } => "form-too-long",
            Self::NotNumber => "form-not-number",
            Self::BadMoney => "form-bad-money",
            Self::BadDate => "form-bad-date",
            Self::NotAnOption => "form-not-an-option",
            Self::BadPhone => "form-bad-phone",
            Self::IdNumberShape => "form-id-shape",
            Self::IdNumberRegion => "form-id-region",
            Self::IdNumberBirthDate => "form-id-birth-date",
            Self::IdNumberCheck => "form-id-check",
            Self::BankCardShape => "form-bank-card-shape",
            Self::BankCardCheck => "form-bank-card-check",
            Self::AddressRegion => "form-address-region",
            Self::AddressTooShort => "form-address-short",
            Self::BadAttachment => "form-bad-attachment",
            Self::BadSignature => "form-bad-signature",
            Self::TooManyItems { .. } => "form-too-many-items",
            Self::ItemUnfinished { .. } => "form-item-unfinished",
        }
    }

    /// The limit the message names (`$max`), if any.
    pub fn limit(&self) -> Option<usize> {
        match self {
            Self::TooLong { max } | Self::TooManyItems { max } => Some(*max),
            _ => None,
        }
    }

    /// The item of a group the message names (`$item`, counted from 1), if any.
    pub fn item(&self) -> Option<usize> {
        match self {
            Self::ItemUnfinished { item } => Some(*item),
            _ => None,
        }
    }
}

/// Whether a value counts as no answer: missing, null, blank text, an empty list, or parts all blank.
pub fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(text)) => text.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(Value::Object(parts)) => parts.values().all(|part| is_blank(Some(part))),
        Some(_) => false,
    }
}

fn text(value: &Value) -> Result<&str, Rule> {
    value.as_str().map(str::trim).ok_or(Rule::WrongType)
}

fn at_most(text: &str, max: usize) -> Result<(), Rule> {
    if text.chars().count() > max {
        Err(Rule::TooLong { max })
    } else {
        Ok(())
    }
}

/// A number given as a JSON number or as text (people type "1,200.50" or "１２"); `None` if it is not one.
fn number(value: &Value) -> Option<f64> {
    let parsed = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let plain: String = s
                .trim()
                .chars()
                .filter(|c| *c != ',' && *c != '，')
                .map(|c| match c {
                    '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                    '．' => '.',
                    other => other,
                })
                .collect();
            plain.parse::<f64>().ok()
        }
        _ => None,
    };
    parsed.filter(|n| n.is_finite())
}

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (position, byte) in digits.bytes().rev().enumerate() {
        let mut digit = u32::from(byte - b'0');
        if position % 2 == 1 {
            digit *= 2;
            if digit > 9 {
                digit -= 9;
            }
        }
        sum += digit;
    }
    sum % 10 == 0
}

/// Whether `value` names a kept file (its SHA-256 in hex).
pub(super) fn is_sha256(value: &Value) -> bool {
    value.as_str().is_some_and(is_file_name)
}

/// Whether `text` is the name of a kept file: its SHA-256, 64 hex digits.
pub fn is_file_name(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Checks the answer to `question` (None when unanswered) as of `today`.
pub fn check_answer(
    question: &Question,
    value: Option<&Value>,
    today: NaiveDate,
) -> Result<(), Rule> {
    if is_blank(value) {
        return if question.required {
            Err(Rule::Required)
        } else {
            Ok(())
        };
    }
    let Some(value) = value else {
        return Ok(());
    };
    match question.kind {
        QuestionKind::Text | QuestionKind::Licence => at_most(text(value)?, TEXT_MAX),
        QuestionKind::LongText => at_most(text(value)?, LONG_TEXT_MAX),
        QuestionKind::Number => number(value).map(|_| ()).ok_or(Rule::NotNumber),
        QuestionKind::Money => money(value),
        QuestionKind::Date => NaiveDate::parse_from_str(text(value)?, "%Y-%m-%d")
            .map(|_| ())
            .map_err(|_| Rule::BadDate),
        QuestionKind::SingleChoice => single_choice(question, value),
        QuestionKind::MultipleChoice => multiple_choice(question, value),
        QuestionKind::YesNo => value.as_bool().map(|_| ()).ok_or(Rule::WrongType),
        QuestionKind::Phone => phone(value),
        QuestionKind::IdNumber => {
            check_id_number(text(value)?, today).map_err(|problem| match problem {
                IdNumberProblem::Shape => Rule::IdNumberShape,
                IdNumberProblem::Region => Rule::IdNumberRegion,
                IdNumberProblem::BirthDate => Rule::IdNumberBirthDate,
                IdNumberProblem::CheckCharacter => Rule::IdNumberCheck,
            })
        }
        QuestionKind::BankCard => bank_card(value),
        QuestionKind::Address => address(value),
        QuestionKind::Attachment => attachment(value),
        QuestionKind::Group => group(question, value, today),
        QuestionKind::Signature => signature(value),
    }
}

/// An amount of money: from 0 to the limit, in whole 分.
fn money(value: &Value) -> Result<(), Rule> {
    let amount = number(value).ok_or(Rule::NotNumber)?;
    let cents = amount * 100.0;
    if !(0.0..=MONEY_MAX).contains(&amount) || (cents - cents.round()).abs() > 1e-6 {
        return Err(Rule::BadMoney);
    }
    Ok(())
}

/// One of the question's options.
fn single_choice(question: &Question, value: &Value) -> Result<(), Rule> {
    let chosen = text(value)?;
    if question.options.iter().any(|o| o.value == chosen) {
        Ok(())
    } else {
        Err(Rule::NotAnOption)
    }
}

/// Any of the question's options.
fn multiple_choice(question: &Question, value: &Value) -> Result<(), Rule> {
    let chosen = value.as_array().ok_or(Rule::WrongType)?;
    let all_known = chosen.iter().all(|c| {
        c.as_str()
            .is_some_and(|c| question.options.iter().any(|o| o.value == c))
    });
    if all_known {
        Ok(())
    } else {
        Err(Rule::NotAnOption)
    }
}

/// A mainland mobile number: 11 digits from 13… to 19…, spaces and dashes allowed.
fn phone(value: &Value) -> Result<(), Rule> {
    let digits: String = text(value)?
        .chars()
        .filter(|c| *c != ' ' && *c != '-')
        .collect();
    let bytes = digits.as_bytes();
    let mobile = bytes.len() == 11
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1]);
    if mobile { Ok(()) } else { Err(Rule::BadPhone) }
}

/// A bank card number: 12 to 19 digits passing the Luhn check.
fn bank_card(value: &Value) -> Result<(), Rule> {
    let digits: String = text(value)?.chars().filter(|c| *c != ' ').collect();
    if !(12..=19).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Rule::BankCardShape);
    }
    if luhn(&digits) {
        Ok(())
    } else {
        Err(Rule::BankCardCheck)
    }
}

/// An address: a district (or finer) region and a street address long enough to find her.
fn address(value: &Value) -> Result<(), Rule> {
    let address = AddressAnswer::of(value).ok_or(Rule::AddressRegion)?;
    if !regions::is_last(&address.region) {
        return Err(Rule::AddressRegion);
    }
    let detail = address.detail.trim();
    at_most(detail, ADDRESS_MAX)?;
    if detail.chars().count() < ADDRESS_DETAIL_MIN {
        return Err(Rule::AddressTooShort);
    }
    Ok(())
}

/// One kept file or a list of them, each named by its SHA-256.
fn attachment(value: &Value) -> Result<(), Rule> {
    let fine = match value {
        Value::Array(files) => files.iter().all(is_sha256),
        single => is_sha256(single),
    };
    if fine {
        Ok(())
    } else {
        Err(Rule::BadAttachment)
    }
}

/// A group's items: at most [`GROUP_MAX_ITEMS`], each with every question asked of it answered.
fn group(question: &Question, value: &Value, today: NaiveDate) -> Result<(), Rule> {
    let items = value.as_array().ok_or(Rule::WrongType)?;
    if items.len() > GROUP_MAX_ITEMS {
        return Err(Rule::TooManyItems {
            max: GROUP_MAX_ITEMS,
        });
    }
    for (index, item) in items.iter().enumerate() {
        let answers = item_answers(item).ok_or(Rule::WrongType)?;
        let finished = question
            .questions
            .iter()
            .filter(|child| child.is_asked(&answers))
            .all(|child| check_answer(child, answers.get(&child.id), today).is_ok());
        if !finished {
            return Err(Rule::ItemUnfinished { item: index + 1 });
        }
    }
    Ok(())
}

/// A signature drawn on screen: a PNG data URL of a sensible size.
fn signature(value: &Value) -> Result<(), Rule> {
    let drawn = text(value)?;
    if drawn.starts_with("data:image/png;base64,") && drawn.len() > 40 && drawn.len() < 500_000 {
        Ok(())
    } else {
        Err(Rule::BadSignature)
    }
}

#[cfg(test)]
mod tests;
