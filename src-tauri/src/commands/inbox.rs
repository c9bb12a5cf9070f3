//! 消息 commands: the inbox kept here (pulled by cursor), and marking a message read.

use huiban_api::Message;
use huiban_core::pull;
use serde::Serialize;
use tauri::State;

use super::own_store_if_any;
use crate::{AppState, IpcError};

/// The inbox as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inbox {
    /// Newest first.
    pub messages: Vec<Message>,
    /// How many are unread.
    pub unread: usize,
}

/// The messages kept on this computer, newest first, with the unread count.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn inbox(state: State<'_, AppState>) -> Result<Inbox, IpcError> {
    let Some(store) = own_store_if_any(&state).await? else {
        return Ok(Inbox {
            messages: Vec::new(),
            unread: 0,
        });
    };
    let mut messages = store.cached_messages()?;
    messages.reverse();
    let unread = messages.iter().filter(|m| !m.read).count();
    Ok(Inbox { messages, unread })
}

/// Marks a message read here at once, and on the platform now or, when it cannot be reached, on the
/// next pull.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub async fn message_read(state: State<'_, AppState>, message_id: i64) -> Result<(), IpcError> {
    let store = own_store_if_any(&state).await?;
    if let Some(store) = &store {
        store.mark_cached_message_read(message_id)?;
    }
    match (store, state.session().token(state.client()).await) {
        (Some(store), Ok(token)) if token.account_id == store.account_id() => {
            if let Err(error) = pull::tell_reads(&store, state.client(), &token.access_token).await
            {
                tracing::warn!(%error, "the read mark is kept to be told later");
            }
        }
        (Some(_), Ok(_)) => tracing::info!("the login changed: the read mark is told later"),
        (None, Ok(token)) => {
            if let Err(error) = state
                .client()
                .mark_message_read(&token.access_token, message_id)
                .await
            {
                tracing::info!(%error, "no local store: the read mark is not kept");
            }
        }
        (_, Err(error)) => tracing::info!(%error, "not logged in: the platform hears of it later"),
    }
    Ok(())
}
