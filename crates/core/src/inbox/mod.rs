//! 消息: the person's inbox as pulled here by cursor, and marking a message read here at once and on
//! the platform now or at the next pull. `app.inbox()` hands it out.

use huiban_api::Message;
use serde::Serialize;

use crate::app::App;
use crate::i18n::Localizer;
use crate::{Error, pull};

/// The inbox as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Inbox {
    /// Newest first.
    pub messages: Vec<InboxMessage>,
    /// How many are unread.
    pub unread: usize,
}

/// One message as the inbox shows it: the platform's message, and its day in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct InboxMessage {
    /// The message as the platform sent it.
    #[serde(flatten)]
    pub message: Message,
    /// The day it was sent, e.g. 2026年11月24日.
    pub date_words: String,
}

impl Inbox {
    /// The inbox of the messages `kept` (oldest first, as pulled).
    pub fn of(kept: Vec<Message>, localizer: &Localizer) -> Self {
        let unread = kept.iter().filter(|m| !m.read).count();
        Self {
            messages: kept
                .into_iter()
                .rev()
                .map(|message| InboxMessage {
                    date_words: crate::dates::plain_date(&message.created_at, localizer),
                    message,
                })
                .collect(),
            unread,
        }
    }
}

impl App {
    /// The person's 消息: the inbox kept here and read marks.
    pub fn inbox(&self) -> InboxService<'_> {
        InboxService { app: self }
    }
}

/// The person's 消息, as `app.inbox()` offers them.
pub struct InboxService<'a> {
    pub(crate) app: &'a App,
}

impl InboxService<'_> {
    /// The messages kept on this computer, newest first, with the unread count; empty with nobody
    /// logged in.
    pub async fn messages(&self) -> Result<Inbox, Error> {
        let kept = match self.app.own_store_if_any().await? {
            Some(store) => store.cached_messages()?,
            None => Vec::new(),
        };
        Ok(Inbox::of(kept, self.app.localizer()))
    }

    /// Marks a message read here at once, and on the platform now or, when it cannot be reached, on
    /// the next pull.
    pub async fn read(&self, message_id: i64) -> Result<(), Error> {
        let store = self.app.own_store_if_any().await?;
        if let Some(store) = &store {
            store.mark_cached_message_read(message_id)?;
        }
        let client = self.app.client();
        match (store, self.app.session().token().await) {
            (Some(store), Ok(token)) if token.account_id == store.account_id() => {
                if let Err(error) = pull::tell_reads(&store, client, &token.access_token).await {
                    tracing::warn!(%error, "the read mark is kept to be told later");
                }
            }
            (Some(_), Ok(_)) => tracing::info!("the login changed: the read mark is told later"),
            (None, Ok(token)) => {
                if let Err(error) = client
                    .mark_message_read(&token.access_token, message_id)
                    .await
                {
                    tracing::info!(%error, "no local store: the read mark is not kept");
                }
            }
            (_, Err(error)) => {
                tracing::info!(%error, "not logged in: the platform hears of it later");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
