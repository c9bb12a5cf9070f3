//! The outbox: a submission is committed locally with its client UUID (the Idempotency-Key) before it
//! is sent, then sent until the platform has it exactly once, or refuses it with a reason.

pub mod assisted_close;
mod backoff;
pub mod engine;
mod lock;
pub mod relative_help;
pub mod requests;
mod sender;
pub mod supplement;
pub mod upload;

use huiban_api::{EvaluationRequest, NewApplication};

use crate::i18n::Localizer;
use crate::store::{AccountStore, OutboxKind, OutboxRow, StoreError};
pub use backoff::Backoff;
pub use lock::SenderLock;
pub use sender::{SendPass, send_due, send_granted};

/// A 好差评 waiting to be sent: which case, and what the person said of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct CaseEvaluation {
    /// 办件编号.
    pub application_no: String,
    /// The level and reason.
    pub evaluation: EvaluationRequest,
}

/// Commits a 好差评 to the outbox and returns its client id; sent with the applications.
pub fn enqueue_evaluation(
    store: &AccountStore<'_>,
    evaluation: &CaseEvaluation,
    now_ms: i64,
) -> Result<String, StoreError> {
    enqueue(store, OutboxKind::Evaluation, evaluation, now_ms)
}

/// Commits `body` to the outbox as a `kind` submission under a new client id, and returns it.
pub(crate) fn enqueue(
    store: &AccountStore<'_>,
    kind: OutboxKind,
    body: &impl serde::Serialize,
    now_ms: i64,
) -> Result<String, StoreError> {
    let client_id = uuid::Uuid::new_v4().hyphenated().to_string();
    store.outbox_insert(&client_id, kind, &serde_json::to_string(body)?, now_ms)?;
    Ok(client_id)
}

/// The latest 好差评 of `application_no` put in the outbox, with where it stands (waiting, sent, or
/// refused), if any.
pub fn evaluation_of(
    store: &AccountStore<'_>,
    application_no: &str,
) -> Result<Option<(EvaluationRequest, OutboxRow)>, StoreError> {
    let mut latest = None;
    for row in store.outbox_rows_of_kind(OutboxKind::Evaluation)? {
        // Sent and pulled back: the case's own copy says what was given.
        if row.is_purged() {
            latest = None;
            continue;
        }
        let queued: CaseEvaluation = serde_json::from_str(&row.body)?;
        if queued.application_no == application_no {
            latest = Some((queued.evaluation, row));
        }
    }
    Ok(latest)
}

/// Commits an application to the outbox and returns its client id (its Idempotency-Key).
pub fn enqueue_application(
    store: &AccountStore<'_>,
    application: &NewApplication,
    now_ms: i64,
) -> Result<String, StoreError> {
    enqueue(store, OutboxKind::Application, application, now_ms)
}

/// Turns a draft into a queued application, in one commit: the draft is gone exactly when the
/// application is queued. Returns the client id, or `None` when the draft is no longer kept (it
/// was queued already).
pub fn enqueue_draft(
    store: &AccountStore<'_>,
    draft: &crate::store::Draft,
    channel: huiban_api::HandlingChannel,
    now_ms: i64,
) -> Result<Option<String>, StoreError> {
    let application = NewApplication {
        impl_code: draft.impl_code.clone(),
        form_id: draft.form_id.clone(),
        form_version: draft.form_version,
        answers: draft.answers.clone(),
        channel,
    };
    let client_id = uuid::Uuid::new_v4().hyphenated().to_string();
    let queued = store.outbox_insert_from_draft(
        &client_id,
        OutboxKind::Application,
        &serde_json::to_string(&application)?,
        &draft.draft_id,
        now_ms,
    )?;
    Ok(queued.then_some(client_id))
}

/// How many submissions stand where, for the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, specta::Type)]
pub struct QueueSummary {
    /// Waiting to be sent.
    pub waiting: u64,
    /// Of those waiting, how many are applications (the rest are evaluations, requests, 补正…).
    pub waiting_applications: u64,
    /// Sent; the platform has them.
    pub sent: u64,
    /// Refused; the person must look at them.
    pub needs_attention: u64,
}

impl QueueSummary {
    /// The summary of the account's outbox.
    pub fn of(store: &AccountStore<'_>) -> Result<Self, StoreError> {
        let [queued, sending, sent, needs_attention] = store.outbox_counts()?;
        Ok(Self {
            waiting: queued + sending,
            waiting_applications: store.outbox_waiting_of_kind(OutboxKind::Application)?,
            sent,
            needs_attention,
        })
    }

    /// The summary of every resident's rows a clerk confirmed in an assisted session on this
    /// computer (staff mode): what the staff window's sending loop sends.
    /// A session's close is not counted: it is no errand of hers, only the platform's bookkeeping
    /// (the sending loop sends it all the same, after what was confirmed in the session).
    pub fn of_acted_for(store: &crate::store::LocalStore) -> Result<Self, StoreError> {
        let mut total = Self::default();
        for account in store.accounts_acted_for()? {
            let hers = store.of_account(&account);
            let mut summary = Self::of(&hers)?;
            let closes = hers.outbox_waiting_of_kind(OutboxKind::AssistedClose)?;
            summary.waiting = summary.waiting.saturating_sub(closes);
            total = total.plus(summary);
        }
        Ok(total)
    }

    /// The two summaries together.
    pub fn plus(self, other: Self) -> Self {
        Self {
            waiting: self.waiting + other.waiting,
            waiting_applications: self.waiting_applications + other.waiting_applications,
            sent: self.sent + other.sent,
            needs_attention: self.needs_attention + other.needs_attention,
        }
    }

    /// One plain sentence, e.g. 有3份申请等待发送，联网后会自动提交。 (件 when not all are applications).
    pub fn sentence(&self, localizer: &Localizer) -> String {
        if self.needs_attention > 0 {
            localizer.text(
                "outbox-needs-attention",
                &[("count", &self.needs_attention.to_string())],
            )
        } else if self.waiting > 0 && self.waiting == self.waiting_applications {
            localizer.text("outbox-waiting", &[("count", &self.waiting.to_string())])
        } else if self.waiting > 0 {
            localizer.text(
                "outbox-waiting-mixed",
                &[("count", &self.waiting.to_string())],
            )
        } else {
            localizer.text("outbox-all-sent", &[])
        }
    }
}

/// Applications in the outbox that 进度 cannot show from the pulled cases yet: still waiting,
/// refused, or sent but not pulled back; oldest first.
pub fn applications_not_yet_pulled(
    store: &AccountStore<'_>,
) -> Result<Vec<(OutboxRow, NewApplication)>, StoreError> {
    let pulled: std::collections::HashSet<String> = store
        .cached_cases()?
        .into_iter()
        .map(|case| case.application_no)
        .collect();
    let mut shown = Vec::new();
    for row in store.outbox_rows_of_kind(OutboxKind::Application)? {
        let known = row
            .case_number
            .as_ref()
            .is_some_and(|number| pulled.contains(number));
        if !known && !row.is_purged() {
            let application = application_of(&row)?;
            shown.push((row, application));
        }
    }
    Ok(shown)
}

/// What a person calls the submission in `row`: an application by the name `catalog` gives its
/// item (else 一份申请), a 诉求 by the words of `request_words` (a message id); `None` for the
/// other kinds (evaluations, 补正, texts), which nobody lists by name.
pub fn named(
    row: &OutboxRow,
    catalog: &[huiban_api::CatalogItem],
    localizer: &Localizer,
    request_words: &str,
) -> Option<String> {
    match row.kind {
        OutboxKind::Application => Some(
            application_of(row)
                .ok()
                .and_then(|application| {
                    catalog
                        .iter()
                        .find(|item| item.impl_code == application.impl_code)
                        .map(|item| item.name.clone())
                })
                .unwrap_or_else(|| localizer.text("kiosk-slip-an-application", &[])),
        ),
        OutboxKind::Request => Some(localizer.text(request_words, &[])),
        _ => None,
    }
}

/// The application a row holds.
pub fn application_of(row: &OutboxRow) -> Result<NewApplication, StoreError> {
    Ok(serde_json::from_str(&row.body)?)
}

/// Turns the application `row`, refused because a newer version of its form is in use, back into
/// a draft under the row's client id (so that the page that waited for it finds it): nothing she
/// answered is stranded; opening the draft moves it to the new version, and 核对 shows what to
/// answer again. `false` when the row was gone or sent already.
pub fn back_to_draft(
    store: &AccountStore<'_>,
    row: &OutboxRow,
    now_ms: i64,
) -> Result<bool, StoreError> {
    let application = application_of(row)?;
    let draft = crate::store::Draft {
        draft_id: row.client_id.clone(),
        impl_code: application.impl_code,
        form_id: application.form_id,
        form_version: application.form_version,
        answers: application.answers,
        set_aside: huiban_api::Answers::new(),
    };
    store.outbox_back_to_draft(&row.client_id, &draft, now_ms)
}
