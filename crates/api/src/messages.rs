//! The inbox: one message for every change to a person's cases and requests.

use serde::{Deserialize, Serialize};

/// One inbox message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    /// Increasing id; also the cursor.
    pub message_id: i64,
    /// Short title.
    pub title: String,
    /// The message in plain words.
    pub body: String,
    /// The case it is about.
    pub application_no: Option<String>,
    /// The request (诉求) it is about.
    pub request_no: Option<String>,
    /// When, RFC 3339.
    pub created_at: String,
    /// Whether the owner has read it.
    pub read: bool,
}

/// Answer of `GET /api/v1/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePage {
    /// Messages after the cursor, oldest first.
    pub messages: Vec<Message>,
    /// Pass as `cursor` next time; equals the sent cursor when nothing is new.
    pub next_cursor: i64,
    /// Unread messages in the whole inbox.
    pub unread: u64,
}
