//! 我没办完的事: the forms she began and has not sent, each with what it is for and how much is
//! left, so that a form put down yesterday is found again today.

use huiban_api::{CatalogItem, FormDefinition};
use huiban_rules::is_blank;
use serde::Serialize;

use crate::forms::journey;
use crate::i18n::Localizer;
use crate::requests::form as request_form;
use crate::store::Draft;

/// One unfinished form, as 我没办完的事 lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Unfinished {
    /// The draft to go on with.
    pub draft_id: String,
    /// What it is for: the item's name, or 提一个诉求.
    pub name: String,
    /// How much is left, in words (还有3个问题要回答, 问题都回答了，还没有提交); absent when the
    /// form is not kept on this computer.
    pub left_words: Option<String>,
}

impl Unfinished {
    /// `draft` named from the kept `catalog`, with its `form` when kept here.
    pub fn of(
        draft: &Draft,
        catalog: &[CatalogItem],
        form: Option<&FormDefinition>,
        localizer: &Localizer,
    ) -> Self {
        let name = if request_form::is_request_form(&draft.form_id) {
            localizer.text("request-form-title", &[])
        } else {
            catalog
                .iter()
                .find(|item| item.impl_code == draft.impl_code)
                .map(|item| item.name.clone())
                .unwrap_or_else(|| localizer.text("unfinished-unnamed", &[]))
        };
        Self {
            draft_id: draft.draft_id.clone(),
            name,
            left_words: form.map(|form| left_words(form, draft, localizer)),
        }
    }
}

/// The required questions still to answer, in words.
fn left_words(form: &FormDefinition, draft: &Draft, localizer: &Localizer) -> String {
    let left = journey::asked(form, &draft.answers)
        .into_iter()
        .filter(|question| question.required && is_blank(draft.answers.get(&question.id)))
        .count();
    if left == 0 {
        localizer.text("unfinished-all-answered", &[])
    } else {
        localizer.text("unfinished-left", &[("count", &left.to_string())])
    }
}

#[cfg(test)]
mod tests {
    use huiban_api::{Answers, Question, QuestionKind};

    use super::*;
    use crate::i18n::Locale;

    fn question(id: &str, required: bool) -> Question {
        Question {
            required,
            ..Question::new(id, QuestionKind::Text, id)
        }
    }

    fn draft(form_id: &str, answers: &[(&str, &str)]) -> Draft {
        Draft {
            draft_id: "d1".to_owned(),
            impl_code: "item-1".to_owned(),
            form_id: form_id.to_owned(),
            form_version: 1,
            answers: answers
                .iter()
                .map(|(id, value)| ((*id).to_owned(), serde_json::json!(value)))
                .collect::<Answers>(),
            set_aside: Answers::new(),
        }
    }

    fn form() -> FormDefinition {
        FormDefinition {
            form_id: "f1".to_owned(),
            version: 1,
            title: "高龄津贴申领".to_owned(),
            questions: vec![
                question("name", true),
                question("phone", true),
                question("note", false),
            ],
        }
    }

    fn catalog() -> Vec<CatalogItem> {
        let mut item = crate::fixtures::catalog_item("高龄津贴");
        item.impl_code = "item-1".to_owned();
        vec![item]
    }

    #[test]
    fn it_says_how_many_required_questions_are_left() {
        let zh = Localizer::new(Locale::ZhCn);
        let begun = Unfinished::of(
            &draft("f1", &[("name", "张秀英")]),
            &catalog(),
            Some(&form()),
            &zh,
        );
        assert_eq!(begun.name, "高龄津贴申领");
        assert_eq!(begun.left_words.as_deref(), Some("还有1个问题要回答"));

        let answered = draft("f1", &[("name", "张秀英"), ("phone", "13800000001")]);
        let done = Unfinished::of(&answered, &catalog(), Some(&form()), &zh);
        assert_eq!(done.left_words.as_deref(), Some("问题都回答了，还没有提交"));
    }

    #[test]
    fn a_request_is_named_as_one_and_a_form_not_kept_here_says_nothing_of_what_is_left() {
        let zh = Localizer::new(Locale::ZhCn);
        let request = Unfinished::of(&draft(request_form::FORM_ID, &[]), &[], None, &zh);
        assert_eq!(request.name, "提一个诉求");
        assert_eq!(request.left_words, None);
        let unknown = Unfinished::of(&draft("f1", &[]), &[], None, &zh);
        assert_eq!(unknown.name, "一份申请");
    }
}
