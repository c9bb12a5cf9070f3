//! `app.requests()`: the person's 诉求 kept here (and those still waiting to be filed), one request's
//! page, and her 回访 answers and 评价, queued in the outbox.

use huiban_api::FollowUp;

use super::views::{RequestDetail, RequestSummary};
use crate::app::App;
use crate::clock::now_ms;
use crate::outbox::requests::{self as queued, RequestEvaluation, RequestFollowUp};
use crate::{Error, evaluation};

impl App {
    /// The person's 诉求: the list, a request's page, 回访 answers and 评价.
    pub fn requests(&self) -> RequestsService<'_> {
        RequestsService { app: self }
    }
}

/// The person's 诉求, as `app.requests()` offers them.
pub struct RequestsService<'a> {
    pub(crate) app: &'a App,
}

impl RequestsService<'_> {
    /// Those waiting to be filed first (newest first), then the kept ones; none with nobody logged in.
    pub async fn list(&self) -> Result<Vec<RequestSummary>, Error> {
        let Some(store) = self.app.own_store_if_any().await? else {
            return Ok(Vec::new());
        };
        let localizer = self.app.localizer();
        let mut list: Vec<RequestSummary> = queued::unfiled(&store)?
            .into_iter()
            .rev()
            .map(|(_, request)| RequestSummary::unfiled(request, localizer))
            .collect();
        let here = queued::here_of_requests(&store)?;
        for request in store.cached_requests()? {
            let given = here
                .get(&request.request_no)
                .is_some_and(|h| !h.given.is_empty());
            list.push(RequestSummary::of_request(request, given, localizer));
        }
        Ok(list)
    }

    /// One kept request with its loop in plain words.
    pub async fn detail(&self, request_no: &str) -> Result<RequestDetail, Error> {
        let store = self.app.own_store().await?;
        let request = store
            .cached_requests()?
            .into_iter()
            .find(|r| r.request_no == request_no)
            .ok_or_else(|| Error::plain("request-not-found"))?;
        let here = queued::here_of_requests(&store)?
            .remove(request_no)
            .unwrap_or_default();
        Ok(RequestDetail::of(request, &here, self.app.localizer()))
    }

    /// Queues the 回访 answers of a request (sent with everything else, offline too); a blank
    /// comment is none.
    pub async fn follow_up(
        &self,
        request_no: &str,
        resolved: bool,
        contacted: bool,
        comment: Option<&str>,
    ) -> Result<(), Error> {
        let answers = RequestFollowUp {
            request_no: request_no.to_owned(),
            follow_up: FollowUp {
                resolved,
                contacted,
                comment: comment
                    .map(|c| c.trim().to_owned())
                    .filter(|c| !c.is_empty()),
            },
        };
        queued::enqueue_follow_up(&self.app.own_store().await?, &answers, now_ms())?;
        self.app.wake().notify_one();
        Ok(())
    }

    /// Queues the 评价 of a request; a missing reason for a bad level is refused in plain words and
    /// nothing is queued.
    pub async fn evaluate(
        &self,
        request_no: &str,
        level: u8,
        reason: Option<&str>,
    ) -> Result<(), Error> {
        let queued_evaluation = RequestEvaluation {
            request_no: request_no.to_owned(),
            evaluation: evaluation::check(level, reason)?,
        };
        let store = self.app.own_store().await?;
        queued::enqueue_request_evaluation(&store, &queued_evaluation, now_ms())?;
        self.app.wake().notify_one();
        Ok(())
    }
}

#[cfg(test)]
mod tests;
