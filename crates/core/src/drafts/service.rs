//! `app.drafts()`: a form being filled in one question a page, saved answer by answer, checked as a
//! whole, then queued for sending once; and what became of it once queued.

use huiban_api::{FormDefinition, FormRef, Question};

use super::unfinished::Unfinished;
use super::views::{
    AnswerOutcome, CheckPage, FilledIn, OpenDraft, QuestionPage, SubmissionView, SubmitOutcome,
};
use super::{Submission, start, submit};
use crate::Error;
use crate::app::App;
use crate::clock::{now_ms, today};
use crate::forms::service::group_of;
use crate::forms::{self, group, journey, prefill};
use crate::outbox;
use crate::requests::form as request_form;
use crate::store::OutboxKind;
use crate::store::{AccountStore, Draft, OutboxState};

impl App {
    /// Forms being filled in one question a page, checked, and sent once.
    pub fn drafts(&self) -> DraftsService<'_> {
        DraftsService { app: self }
    }
}

/// The person's forms being filled in, as `app.drafts()` offers them.
pub struct DraftsService<'a> {
    pub(crate) app: &'a App,
}

impl DraftsService<'_> {
    /// Starts an empty draft of an item's form; it is saved at once.
    pub async fn start(
        &self,
        impl_code: &str,
        form_id: &str,
        version: u32,
    ) -> Result<Draft, Error> {
        if self
            .app
            .kiosk_here()
            .is_some_and(|kiosk| !kiosk.offers(impl_code))
        {
            return Err(Error::plain("kiosk-service-not-offered"));
        }
        let form = FormRef {
            form_id: form_id.to_owned(),
            version,
        };
        Ok(start(
            &self.app.own_store().await?,
            impl_code,
            &form,
            now_ms(),
        )?)
    }

    /// Every unfinished form, most recently changed first.
    pub async fn list(&self) -> Result<Vec<Draft>, Error> {
        Ok(self.app.own_store().await?.drafts()?)
    }

    /// 我没办完的事: her unfinished forms, most recently changed first, each named and with how
    /// much is left (from the forms kept here: offline too); none with nobody logged in.
    pub async fn unfinished(&self) -> Result<Vec<Unfinished>, Error> {
        let Some(store) = self.app.own_store_if_any().await? else {
            return Ok(Vec::new());
        };
        let localizer = self.app.localizer();
        let shared = store.shared();
        let catalog = shared.cached_catalog()?;
        let mut list = Vec::new();
        for draft in store.drafts()? {
            let form = if request_form::is_request_form(&draft.form_id) {
                Some(request_form::definition(localizer))
            } else {
                shared.cached_form(&draft.form_id, draft.form_version)?
            };
            list.push(Unfinished::of(&draft, &catalog, form.as_ref(), localizer));
        }
        Ok(list)
    }

    /// A saved draft with its form and what is known of the person to fill it.
    pub async fn open(&self, draft_id: &str) -> Result<OpenDraft, Error> {
        let store = self.app.own_store().await?;
        self.opened(&store, draft_id).await
    }

    /// One question's page in one call: the draft opened, and where 返回 goes.
    pub async fn page(&self, draft_id: &str, question_id: &str) -> Result<QuestionPage, Error> {
        let store = self.app.own_store().await?;
        let opened = self.opened(&store, draft_id).await?;
        let before = journey::previous(&opened.form, &opened.draft.answers, question_id)
            .map(|q| q.id.clone());
        let signs = opened
            .form
            .questions
            .iter()
            .any(|q| q.id == question_id && q.kind == huiban_api::QuestionKind::Signature);
        let signer = if signs {
            let account = store.profile()?.and_then(|account| account.name);
            prefill::signer_name(&opened.form, &opened.draft.answers, account.as_deref())
        } else {
            None
        };
        Ok(QuestionPage {
            opened,
            before,
            signer,
        })
    }

    /// Saves one answer as it is typed (`null` clears it); durable when this returns.
    pub async fn save(
        &self,
        draft_id: &str,
        question_id: &str,
        value: &serde_json::Value,
    ) -> Result<(), Error> {
        let saved =
            self.app
                .own_store()
                .await?
                .set_draft_answer(draft_id, question_id, value, now_ms())?;
        saved
            .then_some(())
            .ok_or_else(|| Error::plain("draft-not-found"))
    }

    /// 下一步 in one call: keeps the answer, checks it by its question's rules and, when it is
    /// fine, says which question is asked next (`None`: time for 核对).
    pub async fn answer(
        &self,
        draft_id: &str,
        question_id: &str,
        value: &serde_json::Value,
    ) -> Result<AnswerOutcome, Error> {
        let store = self.app.own_store().await?;
        let (mut draft, form) = self.draft_with_form(&store, draft_id).await?;
        let question = question_in(&form.questions, question_id)?;
        if let Some(refused) =
            self.keep_and_judge(&store, draft_id, question_id, value, question, value)?
        {
            return Ok(refused);
        }
        if value.is_null() {
            draft.answers.remove(question_id);
        } else {
            draft.answers.insert(question_id.to_owned(), value.clone());
        }
        let next = journey::next(&form, &draft.answers, Some(question_id)).map(|q| q.id.clone());
        Ok(AnswerOutcome {
            problem: None,
            next,
        })
    }

    /// The question after `after` (the first when absent), or before it when `back`; `None` after
    /// the last one or before the first.
    pub async fn step(
        &self,
        draft_id: &str,
        after: Option<&str>,
        back: bool,
    ) -> Result<Option<String>, Error> {
        let (draft, form) = self
            .draft_entered(&self.app.own_store().await?, draft_id)
            .await?;
        let question = match (after, back) {
            (Some(current), true) => journey::previous(&form, &draft.answers, current),
            _ => journey::next(&form, &draft.answers, after),
        };
        Ok(question.map(|q| q.id.clone()))
    }

    /// The question of group `group_id` for item `index` (one past the last starts a new item)
    /// after `after` (its first when absent), or before it when `back`; `None` when the item is done.
    pub async fn item_step(
        &self,
        draft_id: &str,
        group_id: &str,
        index: usize,
        after: Option<&str>,
        back: bool,
    ) -> Result<Option<String>, Error> {
        let (draft, form) = self
            .draft_with_form(&self.app.own_store().await?, draft_id)
            .await?;
        let group = group_of(&form, group_id)?;
        let item = group::items(draft.answers.get(group_id))
            .into_iter()
            .nth(index)
            .unwrap_or_default();
        let question = match (after, back) {
            (Some(current), true) => group::previous_in_item(group, &item, current),
            _ => group::next_in_item(group, &item, after),
        };
        Ok(question.map(|q| q.id.clone()))
    }

    /// 核对's page in one call: the form's title, every asked question with its answer in plain
    /// words, and what still stops sending.
    pub async fn review(&self, draft_id: &str) -> Result<CheckPage, Error> {
        let (draft, form, moved) = self
            .draft_moved_on(&self.app.own_store().await?, draft_id)
            .await?;
        let localizer = self.app.localizer();
        let review = forms::review(&form, &draft.answers, today(), localizer);
        let form_updated = moved.filter(super::Migration::needs_review).map(|moved| {
            let again = moved.looked_at_again();
            super::views::FormUpdated {
                said: localizer.text(
                    "check-form-updated",
                    &[("count", again.len().to_string().as_str())],
                ),
                first_question: review
                    .rows
                    .iter()
                    .find(|row| again.contains(&row.question_id.as_str()))
                    .map(|row| row.question_id.clone()),
            }
        });
        Ok(CheckPage {
            form_title: form.title,
            review,
            form_updated,
        })
    }

    /// 确认提交: queues the draft for sending (it stops being a draft in the same step) and wakes the
    /// sender when every answer is good; otherwise says what to fix, as core found it.
    pub async fn submit(&self, draft_id: &str) -> Result<SubmitOutcome, Error> {
        let store = self.app.own_store().await?;
        let (draft, form) = self.draft_entered(&store, draft_id).await?;
        let submitted = if request_form::is_request_form(&draft.form_id) {
            let channel = self.app.mode.request_channel();
            request_form::submit(&store, &form, &draft, channel, (today(), now_ms()))?
        } else {
            let channel = self.app.mode.case_channel();
            submit(&store, &form, &draft, channel, today(), now_ms())?
        };
        match submitted {
            Submission::Queued(client_id) => {
                self.app.wake().notify_one();
                Ok(SubmitOutcome::Queued { client_id })
            }
            Submission::Missing => Err(Error::plain("draft-not-found")),
            Submission::Unfinished(problems) => Ok(SubmitOutcome::Unfinished {
                problems: forms::problems_in_words(&form, problems, self.app.localizer()),
            }),
        }
    }

    /// Where the submission `client_id` stands, with the name of the item applied for.
    pub async fn submission(&self, client_id: &str) -> Result<SubmissionView, Error> {
        let store = self.app.own_store().await?;
        let Some(row) = store.outbox_row(client_id)? else {
            // Refused for an old form version, it became a draft again under the same id.
            let draft = store
                .draft(client_id)?
                .ok_or_else(|| Error::plain("draft-not-found"))?;
            let item_name = kept_item(&store, &draft.impl_code)?
                .map(|item| item.name)
                .unwrap_or_default();
            return Ok(SubmissionView {
                kind: "application",
                impl_code: draft.impl_code,
                item_name,
                state: "form_updated",
                case_number: None,
                problem: Some(self.app.localizer().text("sent-form-updated", &[])),
                confirmation: None,
            });
        };
        // The case as last pulled, once the platform has it.
        let case = match &row.case_number {
            Some(number) if row.kind != OutboxKind::Request => store
                .cached_cases()?
                .into_iter()
                .find(|case| &case.application_no == number),
            _ => None,
        };
        let (kind, impl_code) = if row.kind == OutboxKind::Request {
            ("request", String::new())
        } else if row.is_purged() {
            // Sent and pulled back: the answers live in the case now.
            let code = case.as_ref().map(|c| c.impl_code.clone());
            ("application", code.unwrap_or_default())
        } else {
            ("application", outbox::application_of(&row)?.impl_code)
        };
        let item = kept_item(&store, &impl_code)?;
        let item_name = item
            .as_ref()
            .map(|item| item.name.clone())
            .unwrap_or_default();
        let sent_application = kind == "application" && row.state == OutboxState::Sent;
        let phone = if sent_application {
            store.profile()?.and_then(|p| p.phone_masked)
        } else {
            None
        };
        let confirmation = sent_application.then(|| {
            super::confirmation::confirmation(
                case.as_ref(),
                item.as_ref(),
                phone.as_deref(),
                crate::clock::now_in_china(),
                self.app.localizer(),
            )
        });
        let (state, problem) = match row.state {
            OutboxState::Queued | OutboxState::Sending => ("waiting", None),
            OutboxState::Sent => ("sent", None),
            OutboxState::NeedsAttention => ("needs_attention", row.last_error.clone()),
        };
        Ok(SubmissionView {
            kind,
            impl_code,
            item_name,
            state,
            case_number: row.case_number,
            problem,
            confirmation,
        })
    }

    /// Keeps `value` as the draft's answer `key`, then judges `answer` by `question`'s rules: the
    /// outcome to show when it breaks one, `None` when she may go on (a question page and a
    /// group item's page share this; `value` is the group's whole list on the latter).
    pub(super) fn keep_and_judge(
        &self,
        store: &AccountStore<'_>,
        draft_id: &str,
        key: &str,
        value: &serde_json::Value,
        question: &Question,
        answer: &serde_json::Value,
    ) -> Result<Option<AnswerOutcome>, Error> {
        if !store.set_draft_answer(draft_id, key, value, now_ms())? {
            return Err(Error::plain("draft-not-found"));
        }
        Ok(self
            .app
            .forms()
            .problem(question, answer, today())
            .map(|problem| AnswerOutcome {
                problem: Some(problem),
                next: None,
            }))
    }

    /// The person's draft `draft_id` with the form version it answers, as it is: for the steps on a
    /// page already opened (下一步, a group's items), where opening moved it on already.
    async fn draft_with_form(
        &self,
        store: &AccountStore<'_>,
        draft_id: &str,
    ) -> Result<(Draft, FormDefinition), Error> {
        let draft = draft_of(store, draft_id)?;
        let form = self
            .app
            .forms()
            .definition(&draft.form_id, draft.form_version)
            .await?;
        Ok((draft, form))
    }

    /// The person's draft `draft_id` with its form, moved on to the version the catalog offers now
    /// when that is newer: where a draft is entered (its first question, a question's page, 核对,
    /// 确认提交).
    async fn draft_entered(
        &self,
        store: &AccountStore<'_>,
        draft_id: &str,
    ) -> Result<(Draft, FormDefinition), Error> {
        let (draft, form, _) = self.draft_moved_on(store, draft_id).await?;
        Ok((draft, form))
    }

    /// The person's draft `draft_id` with its form; a draft of an older version than the catalog
    /// now offers (begun before the form changed, or refused by the platform for it) is moved to
    /// the newer one first and saved so: answers that still fit are kept, the rest set aside,
    /// never dropped. Where the newer version cannot be had (offline, never fetched) it stays as
    /// it is. The move is returned when one was made.
    async fn draft_moved_on(
        &self,
        store: &AccountStore<'_>,
        draft_id: &str,
    ) -> Result<(Draft, FormDefinition, Option<super::Migration>), Error> {
        let draft = draft_of(store, draft_id)?;
        let forms = self.app.forms();
        let offered = kept_item(store, &draft.impl_code)?
            .and_then(|item| item.form)
            .filter(|now| now.form_id == draft.form_id && now.version > draft.form_version);
        let newer = match offered {
            Some(now) => forms.definition(&now.form_id, now.version).await.ok(),
            None => None,
        };
        let Some(newer) = newer else {
            let form = forms.definition(&draft.form_id, draft.form_version).await?;
            return Ok((draft, form, None));
        };
        // The version she answered, to tell what changed; when it cannot be had any more, answers
        // are carried over by question and judged again by the new version's rules on 核对.
        let old = match forms.definition(&draft.form_id, draft.form_version).await {
            Ok(old) => old,
            Err(_) => newer.clone(),
        };
        let moved = super::migrate(&draft, &old, &newer);
        store.save_draft(&moved.draft, now_ms())?;
        Ok((moved.draft.clone(), newer, Some(moved)))
    }

    /// The draft opened with its form and the answers known of her, in her words.
    async fn opened(&self, store: &AccountStore<'_>, draft_id: &str) -> Result<OpenDraft, Error> {
        let (draft, form) = self.draft_entered(store, draft_id).await?;
        let localizer = self.app.localizer();
        let suggestions = prefill::kept_suggestions(store, &form, &draft.answers, today())?
            .into_iter()
            .map(|(question_id, suggestion)| {
                let source = localizer.text(suggestion.source.message_id(), &[]);
                let filled = FilledIn {
                    value: suggestion.value,
                    source,
                };
                (question_id, filled)
            })
            .collect();
        Ok(OpenDraft {
            draft,
            form,
            suggestions,
        })
    }
}

/// The item `impl_code` of the catalog kept here, if it is listed (never for an empty code).
fn kept_item(
    store: &AccountStore<'_>,
    impl_code: &str,
) -> Result<Option<huiban_api::CatalogItem>, Error> {
    if impl_code.is_empty() {
        return Ok(None);
    }
    Ok(store
        .shared()
        .cached_catalog()?
        .into_iter()
        .find(|item| item.impl_code == impl_code))
}

/// The question `question_id` among `questions` (a form's, or a group's for its items).
pub(super) fn question_in<'a>(
    questions: &'a [Question],
    question_id: &str,
) -> Result<&'a Question, Error> {
    questions
        .iter()
        .find(|q| q.id == question_id)
        .ok_or_else(|| Error::plain("error-unknown"))
}

/// The person's draft `draft_id`, or 没有找到.
fn draft_of(store: &AccountStore<'_>, draft_id: &str) -> Result<Draft, Error> {
    store
        .draft(draft_id)?
        .ok_or_else(|| Error::plain("draft-not-found"))
}

mod items;

#[cfg(test)]
mod tests;
