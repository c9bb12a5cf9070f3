//! Versioned form definitions: the questions an application asks, one per page.

use serde::{Deserialize, Serialize};

/// Which form (and which version of it) an item's application uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormRef {
    /// Stable id of the form, e.g. `gaoling-jintie`.
    pub form_id: String,
    /// Current version; a new version is published whenever a question changes.
    pub version: u32,
}

/// One version of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDefinition {
    /// Stable id of the form.
    pub form_id: String,
    /// This definition's version.
    pub version: u32,
    /// Title shown above the questions, usually the item name.
    pub title: String,
    /// Questions in the order they are asked.
    pub questions: Vec<Question>,
}

/// One question, asked on a page of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Id of the answer, unique within the form.
    pub id: String,
    /// What kind of answer is expected.
    pub kind: QuestionKind,
    /// The question in plain words.
    pub label: String,
    /// A hint under the question, when one helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Whether the application cannot be sent without an answer.
    pub required: bool,
    /// The choices of a choice question; on a yes/no question, the words of its two answers
    /// (values `yes` and `no`, e.g. 是，别人帮我办 / 不是，我自己办), so that she answers in words
    /// rather than a bare 是 or 否.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Asked only when an earlier question's answer is the one named; otherwise skipped, and its
    /// answer (if any) is not checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// What is already known of the person that answers this question (from their e-ID card or
    /// account); the app fills it in and asks them to confirm it, never to type it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<KnownFact>,
    /// The questions asked about each item of a `group` (e.g. each family member), in order; a
    /// condition among them names an earlier question of the same item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub questions: Vec<Question>,
    /// What one item of a `group` is called, e.g. 家庭成员 (for 添加一位家庭成员).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_name: Option<String>,
    /// The licence type a `licence` question takes (e.g. 户口簿); only the person's licences of that
    /// type are offered, and without one a photo of the paper document answers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence_type: Option<String>,
}

/// The option value naming the words of a yes/no question's 是.
pub const YES: &str = "yes";
/// The option value naming the words of a yes/no question's 否.
pub const NO: &str = "no";

/// A fact about the person that a question can be filled in from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KnownFact {
    /// Their name, as on their ID card.
    Name,
    /// Their ID card number.
    IdNumber,
    /// The mobile number they log in with.
    Phone,
    /// Where they live, as on their ID card.
    Address,
    /// Their date of birth, as their ID number gives it (YYYY-MM-DD).
    BirthDate,
}

/// When a question is asked: an earlier question's answer equals a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Condition {
    /// Id of an earlier question.
    pub question: String,
    /// The answer that makes this question asked (e.g. `true`, or an option value).
    #[cfg_attr(feature = "openapi", schema(value_type = serde_json::Value))]
    pub equals: serde_json::Value,
}

impl Question {
    /// A required question of `kind` asking `label`, with nothing else set.
    pub fn new(id: &str, kind: QuestionKind, label: &str) -> Self {
        Self {
            id: id.to_owned(),
            kind,
            label: label.to_owned(),
            hint: None,
            required: true,
            options: Vec::new(),
            show_if: None,
            prefill: None,
            questions: Vec::new(),
            item_name: None,
            licence_type: None,
        }
    }

    /// The question with `id`, among the questions of `questions` and of their groups.
    pub fn find<'a>(questions: &'a [Question], id: &str) -> Option<&'a Question> {
        questions.iter().find_map(|question| {
            if question.id == id {
                Some(question)
            } else {
                Self::find(&question.questions, id)
            }
        })
    }

    /// The words of the answer `yes` (or no) to a yes/no question, when the form gives them.
    pub fn yes_no_words(&self, yes: bool) -> Option<&str> {
        let value = if yes { YES } else { NO };
        self.options
            .iter()
            .find(|option| option.value == value)
            .map(|option| option.label.as_str())
    }

    /// Whether the question is asked, given the answers so far.
    pub fn is_asked(&self, answers: &crate::Answers) -> bool {
        match &self.show_if {
            None => true,
            Some(condition) => answers.get(&condition.question) == Some(&condition.equals),
        }
    }
}

/// Kinds of answer a question can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A short line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A whole or decimal number.
    Number,
    /// An amount of money in yuan.
    Money,
    /// A calendar date.
    Date,
    /// One of `options`.
    SingleChoice,
    /// Any of `options`.
    MultipleChoice,
    /// 是 or 否.
    YesNo,
    /// A mainland mobile number.
    Phone,
    /// A resident identity card number (GB 11643).
    IdNumber,
    /// A bank card number (Luhn).
    BankCard,
    /// Province, city, district and street address.
    Address,
    /// A photo or PDF.
    Attachment,
    /// One of the applicant's electronic licences.
    Licence,
    /// A signature drawn on screen.
    Signature,
    /// Any number of items (e.g. family members), each answering the group's own `questions`; the
    /// answer is a list of objects keyed by those questions' ids.
    Group,
}

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceOption {
    /// The value stored in the answer.
    pub value: String,
    /// The words shown.
    pub label: String,
}
