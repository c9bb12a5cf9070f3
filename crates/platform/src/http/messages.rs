//! `/api/v1/messages`: the caller's inbox, read by cursor.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{ErrorBody, Message, MessagePage};
use serde::Deserialize;
use utoipa::IntoParams;

use super::caller::Caller;
use super::extract::{ApiPath, ApiQuery};
use super::{ApiError, blocking};
use crate::beijing_time;
use crate::state::AppState;

/// Most messages one page holds.
const MAX_PAGE: u32 = 200;

/// Query string of the inbox.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// The `next_cursor` of the last page; 0 or absent for the start.
    cursor: Option<i64>,
    /// Page size, at most 200 (default 50).
    limit: Option<u32>,
}

/// Messages after `cursor`, oldest first, with the unread count. Hers alone: staff acting for her
/// are refused (403 `only_the_resident`), as she is told before she consents.
#[utoipa::path(
    get,
    path = "/api/v1/messages",
    tag = "messages",
    security(("bearer" = [])),
    params(InboxQuery),
    responses(
        (status = 200, description = "A page of the inbox", body = MessagePage),
        (status = 403, description = "Staff acting for her: her messages are hers alone", body = ErrorBody)
    )
)]
pub async fn inbox(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<InboxQuery>,
) -> Result<Json<MessagePage>, ApiError> {
    let account_id = caller.herself()?;
    let cursor = query.cursor.unwrap_or(0).max(0);
    let limit = query.limit.unwrap_or(50).clamp(1, MAX_PAGE);
    let (stored, unread) = blocking(move || {
        Ok::<_, crate::StoreError>((
            state.store.messages_after(&account_id, cursor, limit)?,
            state.store.unread_messages(&account_id)?,
        ))
    })
    .await?;
    let next_cursor = stored.last().map_or(cursor, |m| m.message_id);
    let messages = stored
        .into_iter()
        .map(|m| Message {
            message_id: m.message_id,
            title: m.title,
            body: m.body,
            application_no: m.application_no,
            request_no: m.request_no,
            created_at: beijing_time::rfc3339(m.created_ms),
            read: m.read_ms.is_some(),
        })
        .collect();
    Ok(Json(MessagePage {
        messages,
        next_cursor,
        unread,
    }))
}

/// Marks one of the caller's messages read; another person's message is 404.
#[utoipa::path(
    post,
    path = "/api/v1/messages/{message_id}/read",
    tag = "messages",
    security(("bearer" = [])),
    params(("message_id" = i64, Path, description = "Message id")),
    responses(
        (status = 204, description = "Marked read"),
        (status = 404, description = "No such message of the caller", body = ErrorBody),
        (status = 403, description = "Staff acting for the resident may not do this: only she may", body = ErrorBody)
    )
)]
pub async fn mark_read(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(message_id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    let account_id = caller.herself()?;
    let found = blocking(move || {
        let now_ms = state.clock.now().timestamp_millis();
        state
            .store
            .mark_message_read(&account_id, message_id, now_ms)
    })
    .await?;
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "message_not_found",
            "没有找到这条消息。",
            "No such message.",
        ))
    }
}
