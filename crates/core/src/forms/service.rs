//! `app.forms()`: a form's definition (the 诉求 form from core, the saved copy, or the platform's when
//! none is saved yet), one answer checked by the rules, and a group's items in words.

use huiban_api::{FormDefinition, Question, QuestionKind};

use super::group_list::{self, ItemSummary};
use crate::app::App;
use crate::clock::today;
use crate::drafts::AnswerProblem;
use crate::requests::form as request_form;
use crate::{Error, catalog};

impl App {
    /// Form definitions, answers checked by the rules, and a group's items in words.
    pub fn forms(&self) -> FormsService<'_> {
        FormsService { app: self }
    }
}

/// Forms, as `app.forms()` offers them.
pub struct FormsService<'a> {
    pub(crate) app: &'a App,
}

impl FormsService<'_> {
    /// The definition of a form version (kept offline once seen).
    pub async fn definition(&self, form_id: &str, version: u32) -> Result<FormDefinition, Error> {
        if request_form::is_request_form(form_id) {
            return Ok(request_form::definition(self.app.localizer()));
        }
        match self.app.store() {
            Some(store) => Ok(catalog::form(store, self.app.client(), form_id, version).await?),
            None => Ok(self.app.client().form(form_id, version).await?),
        }
    }

    /// What is wrong with `value` as the answer to `question_id` of the form (found among the
    /// form's questions and its groups'), as of today; `None` when it is fine.
    pub async fn check_answer(
        &self,
        form_id: &str,
        version: u32,
        question_id: &str,
        value: &serde_json::Value,
    ) -> Result<Option<AnswerProblem>, Error> {
        let form = self.definition(form_id, version).await?;
        let question = Question::find(&form.questions, question_id)
            .ok_or_else(|| Error::plain("error-unknown"))?;
        Ok(self.problem(question, value, today()))
    }

    /// What is wrong with `value` as the answer to `question`, in the person's words.
    pub fn problem(
        &self,
        question: &Question,
        value: &serde_json::Value,
        today: chrono::NaiveDate,
    ) -> Option<AnswerProblem> {
        super::check_answer(question, Some(value), today)
            .err()
            .map(|rule| AnswerProblem {
                message: super::message(self.app.localizer(), question, &rule),
                rule,
            })
    }

    /// The items of a group's answer `value` (as the page holds it now) in plain words, each with
    /// the first of its questions still to answer.
    pub async fn group_items(
        &self,
        form_id: &str,
        version: u32,
        group_id: &str,
        value: &serde_json::Value,
    ) -> Result<Vec<ItemSummary>, Error> {
        let form = self.definition(form_id, version).await?;
        let group = group_of(&form, group_id)?;
        Ok(group_list::summaries(
            group,
            Some(value),
            today(),
            self.app.localizer(),
        ))
    }
}

/// The group question `group_id` of `form`.
pub(crate) fn group_of<'a>(
    form: &'a FormDefinition,
    group_id: &str,
) -> Result<&'a Question, Error> {
    form.questions
        .iter()
        .find(|q| q.id == group_id && q.kind == QuestionKind::Group)
        .ok_or_else(|| Error::plain("error-unknown"))
}
