//! The pages of a group's items (the 2nd family member's name…) in one call each: opening one, and
//! 下一步 on one.

use super::{DraftsService, question_in};
use crate::Error;
use crate::drafts::views::{AnswerOutcome, QuestionPage};
use crate::forms::group;
use crate::forms::service::group_of;

impl DraftsService<'_> {
    /// The page of question `question_id` of item `index` of group `group_id`: the draft opened,
    /// and the item's question before it (`None`: 返回 goes to the group's page).
    pub async fn item_page(
        &self,
        draft_id: &str,
        group_id: &str,
        index: usize,
        question_id: &str,
    ) -> Result<QuestionPage, Error> {
        let store = self.app.own_store().await?;
        let opened = self.opened(&store, draft_id).await?;
        let group = group_of(&opened.form, group_id)?;
        let item = group::items(opened.draft.answers.get(group_id))
            .into_iter()
            .nth(index)
            .unwrap_or_default();
        let before = group::previous_in_item(group, &item, question_id).map(|q| q.id.clone());
        Ok(QuestionPage {
            opened,
            before,
            signer: None,
        })
    }

    /// 下一步 on an item's question in one call: keeps the group's list `items` as the page holds
    /// it, checks the item's answer by its question's rules and, when it is fine, names the item's
    /// next question (`None`: the item is done, back to the group's page).
    pub async fn item_next(
        &self,
        draft_id: &str,
        group_id: &str,
        index: usize,
        question_id: &str,
        items: &serde_json::Value,
    ) -> Result<AnswerOutcome, Error> {
        let store = self.app.own_store().await?;
        let (_, form) = self.draft_with_form(&store, draft_id).await?;
        let group = group_of(&form, group_id)?;
        let question = question_in(&group.questions, question_id)?;
        let item = group::items(Some(items))
            .into_iter()
            .nth(index)
            .unwrap_or_default();
        let answer = item
            .get(question_id)
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        if let Some(refused) =
            self.keep_and_judge(&store, draft_id, group_id, items, question, &answer)?
        {
            return Ok(refused);
        }
        let next = group::next_in_item(group, &item, Some(question_id)).map(|q| q.id.clone());
        Ok(AnswerOutcome {
            problem: None,
            next,
        })
    }
}
