//! `app.cases()`: the person's cases kept here, one case's page, and what she does to a case.

use huiban_api::{Answers, WithdrawRequest};

use super::asked_again::{self, AskedAgain};
use super::views::{CaseDetail, CaseSummary, HereOfCase, LevelChoice};
use crate::app::App;
use crate::clock::{now_ms, today};
use crate::outbox::{self, supplement};
use crate::store::AccountStore;
use crate::{Error, pull};

impl App {
    /// The person's 办件: the 进度 list, a case's page, 评价, 补正 and 撤回.
    pub fn cases(&self) -> CasesService<'_> {
        CasesService { app: self }
    }
}

/// The person's 办件, as `app.cases()` offers them.
pub struct CasesService<'a> {
    pub(crate) app: &'a App,
}

impl CasesService<'_> {
    /// The person's cases: applications not pulled back yet first, then the kept cases, newest
    /// first; none with nobody logged in.
    pub async fn list(&self) -> Result<Vec<CaseSummary>, Error> {
        let Some(store) = self.app.own_store_if_any().await? else {
            return Ok(Vec::new());
        };
        let localizer = self.app.localizer();
        let catalog = store.shared().cached_catalog()?;
        let mut list: Vec<CaseSummary> = outbox::applications_not_yet_pulled(&store)?
            .iter()
            .rev()
            .map(|(row, application)| {
                CaseSummary::not_yet_pulled(row, application, &catalog, localizer)
            })
            .collect();
        let mut cases = store.cached_cases()?;
        cases.sort_by(|a, b| b.submitted_at.cmp(&a.submitted_at));
        for case in &cases {
            let here = here_of(&store, &case.application_no)?;
            list.push(CaseSummary::of_case(case, &here, localizer));
        }
        list.sort_by_key(CaseSummary::rank);
        Ok(list)
    }

    /// One kept case with its timeline in plain words and what she can still do.
    pub async fn detail(&self, application_no: &str) -> Result<CaseDetail, Error> {
        let own = self.app.own_store_if_any().await?;
        let case = kept_case(own.as_ref(), application_no)?;
        let here = match &own {
            Some(store) => here_of(store, application_no)?,
            None => HereOfCase::default(),
        };
        let now = chrono::Utc::now().fixed_offset();
        Ok(CaseDetail::of(case, here, now, self.app.localizer()))
    }

    /// The kept copy of the person's case `application_no`.
    pub(super) async fn kept(
        &self,
        application_no: &str,
    ) -> Result<huiban_api::Application, Error> {
        let own = self.app.own_store_if_any().await?;
        kept_case(own.as_ref(), application_no)
    }

    /// The five 好差评 levels, best first, in the person's words.
    pub fn levels(&self) -> Vec<LevelChoice> {
        LevelChoice::all(self.app.localizer())
    }

    /// Queues the 好差评 of a finished case (sent with the applications, offline too); a missing
    /// reason for 不满意 or 非常不满意 is refused in plain words and nothing is queued.
    pub async fn evaluate(
        &self,
        application_no: &str,
        level: u8,
        reason: Option<&str>,
    ) -> Result<(), Error> {
        let store = self.app.own_store().await?;
        let queued = outbox::CaseEvaluation {
            application_no: application_no.to_owned(),
            evaluation: crate::evaluation::check(level, reason)?,
        };
        outbox::enqueue_evaluation(&store, &queued, now_ms())?;
        self.app.wake().notify_one();
        Ok(())
    }

    /// The questions a 补正 of the case asks to answer again, each with the answer the case holds
    /// now (the form is kept offline once seen); none when it asks none.
    pub async fn asked_again(&self, application_no: &str) -> Result<Vec<AskedAgain>, Error> {
        let store = self.app.own_store().await?;
        self.asked_of(&store, application_no).await
    }

    /// 补正: queues what the department asked for (new answers to the questions it asks again, a
    /// photo, a note), sent with everything else, offline too; nothing at all, or an answer that
    /// breaks its rule, is refused in plain words.
    pub async fn supplement(
        &self,
        application_no: &str,
        note: Option<&str>,
        photo: Option<&str>,
        answers: &Answers,
    ) -> Result<(), Error> {
        let store = self.app.own_store().await?;
        let asked = if answers.is_empty() {
            Vec::new()
        } else {
            self.asked_of(&store, application_no).await?
        };
        let queued = supplement::CaseSupplement::from_person(
            application_no,
            note,
            photo,
            answers,
            &asked,
            today(),
        )
        .map_err(|problem| problem.error(&asked))?;
        supplement::enqueue_supplement(&store, &queued, now_ms())?;
        self.app.wake().notify_one();
        Ok(())
    }

    /// 撤回 within 10 minutes of sending (online only: the answer is needed at once); the kept
    /// copies are refreshed afterwards.
    pub async fn withdraw(&self, application_no: &str, reason: Option<&str>) -> Result<(), Error> {
        let token = self.app.session().token().await?;
        let request = WithdrawRequest {
            reason: reason.filter(|r| !r.trim().is_empty()).map(str::to_owned),
        };
        self.app
            .client_for_person()
            .withdraw(&token.access_token, application_no, &request)
            .await
            .map_err(|error| Error::online_only(error, "withdraw-needs-network"))?;
        // Held so that a 退出 meanwhile is not undone by this pull.
        let _held = self.app.pull_gate().hold().await;
        if let Some(store) = self.app.own_store_if_any().await?
            && self.app.session().status().await.is_ok_and(|s| s.logged_in)
            && let Err(error) =
                pull::pull(&store, &self.app.client_for_person(), &token.access_token).await
        {
            tracing::info!(%error, "withdrawn; the kept copies are refreshed on the next pull");
        }
        Ok(())
    }

    /// The questions a 补正 of the person's case `application_no` asks again.
    async fn asked_of(
        &self,
        store: &AccountStore<'_>,
        application_no: &str,
    ) -> Result<Vec<AskedAgain>, Error> {
        let case = kept_case(Some(store), application_no)?;
        Ok(asked_again::for_case(store.shared(), self.app.client(), &case).await?)
    }
}

/// One kept case of the person's (or, with nobody logged in, none), or 没有找到这件事.
fn kept_case(
    store: Option<&AccountStore<'_>>,
    application_no: &str,
) -> Result<huiban_api::Application, Error> {
    let cases = match store {
        Some(store) => store.cached_cases()?,
        None => Vec::new(),
    };
    cases
        .into_iter()
        .find(|case| case.application_no == application_no)
        .ok_or_else(|| Error::plain("case-not-found"))
}

/// What this computer holds about case `application_no` besides its pulled copy.
fn here_of(store: &AccountStore<'_>, application_no: &str) -> Result<HereOfCase, Error> {
    let supplement = supplement::supplement_here(store, application_no)?;
    Ok(HereOfCase {
        evaluation: outbox::evaluation_of(store, application_no)?,
        supplement_waiting: supplement.waiting,
        supplement_given: supplement.given,
    })
}

#[cfg(test)]
mod tests;
