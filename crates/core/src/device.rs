//! This computer as the person sees it: whether what she enters is kept here (and what to tell her
//! about it), and the outbox queue in numbers and one plain sentence. `app.device()` hands it out.

use serde::Serialize;

use crate::Error;
use crate::app::App;
use crate::i18n::Localizer;
use crate::outbox::QueueSummary;

/// What the person must know about the data kept on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct StoreStatus {
    /// Whether what is entered is kept here (encrypted) and the app works offline.
    pub kept_here: bool,
    /// Something to tell the person (the old data was set aside, there is no keychain), if anything.
    pub notice: Option<String>,
}

/// The queue as the UI shows it: numbers and one plain sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct QueueView {
    /// Waiting to be sent.
    pub waiting: u64,
    /// Sent.
    pub sent: u64,
    /// Refused; the person must look at them.
    pub needs_attention: u64,
    /// E.g. 有3份申请等待发送，联网后会自动提交。
    pub sentence: String,
}

impl QueueView {
    /// The view of `summary` in the person's words.
    pub fn of(summary: QueueSummary, localizer: &Localizer) -> Self {
        Self {
            waiting: summary.waiting,
            sent: summary.sent,
            needs_attention: summary.needs_attention,
            sentence: summary.sentence(localizer),
        }
    }
}

impl App {
    /// This computer: the local store's status and the outbox queue.
    pub fn device(&self) -> DeviceService<'_> {
        DeviceService { app: self }
    }
}

/// This computer, as `app.device()` offers it.
pub struct DeviceService<'a> {
    app: &'a App,
}

impl DeviceService<'_> {
    /// Whether the local store is open, and what to tell the person about it.
    pub fn store_status(&self) -> StoreStatus {
        StoreStatus {
            kept_here: self.app.store().is_some(),
            notice: self
                .app
                .store_notice()
                .map(|id| self.app.localizer().text(id, &[])),
        }
    }

    /// The queue of the person logged in; empty with nobody logged in (what others left waits for
    /// their own login).
    pub async fn queue(&self) -> Result<QueueView, Error> {
        let summary = match (self.app.mode(), self.app.store()) {
            // A clerk's queue is everything she confirmed for residents, as her sending loop sees it.
            (crate::mode::Mode::Staff, Some(store)) => QueueSummary::of_acted_for(store)?,
            _ => match self.app.own_store_if_any().await? {
                Some(store) => QueueSummary::of(&store)?,
                None => QueueSummary::default(),
            },
        };
        Ok(QueueView::of(summary, self.app.localizer()))
    }
}

#[cfg(test)]
mod tests {
    use crate::fixtures::{app_with_store, logged_in};

    #[tokio::test]
    async fn a_store_is_kept_here_and_an_empty_queue_says_nothing_waits() {
        let dir = tempfile::tempdir().expect("dir");
        let app = app_with_store(&dir, logged_in("a"));
        let status = app.device().store_status();
        assert!(status.kept_here);
        assert_eq!(status.notice, None);
        let queue = app.device().queue().await.expect("queue");
        assert_eq!(
            (queue.waiting, queue.sent, queue.needs_attention),
            (0, 0, 0)
        );
    }
}
