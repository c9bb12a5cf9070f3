//! `GET /api/v1/me/logins` and `POST /api/v1/me/logins/{login_id}/end`: a person sees where she is
//! logged in (this computer, a kiosk she approved) and ends any of those logins.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use huiban_api::{ErrorBody, LoginKind, LoginSummary};

use super::caller::Caller;
use super::extract::ApiPath;
use super::{ApiError, blocking};
use crate::beijing_time;
use crate::state::AppState;

/// The caller's live logins, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/me/logins",
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Her live logins, newest first", body = [LoginSummary]),
        (status = 403, description = "Staff acting for a resident may not do this: only she may", body = ErrorBody)
    )
)]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<LoginSummary>>, ApiError> {
    let account_id = caller.herself()?;
    let current = caller.0.family_id.clone();
    blocking(move || {
        let now_ms = state.clock.now().timestamp_millis();
        state.store.logins_of(&account_id, now_ms).map(|rows| {
            rows.into_iter()
                .map(|row| LoginSummary {
                    current: row.family_id == current,
                    login_id: row.family_id,
                    kind: if row.kind == "kiosk" {
                        LoginKind::Kiosk
                    } else {
                        LoginKind::App
                    },
                    device: row.device,
                    started_at: beijing_time::rfc3339(row.created_ms),
                })
                .collect()
        })
    })
    .await
    .map(Json)
}

/// Ends one of the caller's logins (the kiosk she forgot to log out of, a lost phone).
#[utoipa::path(
    post,
    path = "/api/v1/me/logins/{login_id}/end",
    tag = "auth",
    security(("bearer" = [])),
    params(("login_id" = String, Path, description = "A login of the caller's, from `GET /api/v1/me/logins`")),
    responses(
        (status = 204, description = "Ended: its tokens no longer work"),
        (status = 403, description = "Staff acting for a resident may not do this: only she may", body = ErrorBody),
        (status = 404, description = "No live login of the caller's with this id", body = ErrorBody)
    )
)]
pub async fn end(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(login_id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    let account_id = caller.herself()?;
    let ended = blocking(move || {
        let now_ms = state.clock.now().timestamp_millis();
        state.store.end_login(&account_id, &login_id, now_ms)
    })
    .await?;
    if ended {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "login_not_found",
            "没有找到这次登录，它可能已经结束了。",
            "No live login of yours with this id.",
        ))
    }
}
