//! `/api/v1/centre/figures`: the centre's figures, for its manager only.

use axum::Json;
use axum::extract::State;
use huiban_api::{CentreFigures, ErrorBody, Role};

use super::caller::Caller;
use super::centre_staff::centre_of;
use super::{ApiError, blocking};
use crate::state::AppState;

/// The figures of the district the caller's centre serves: cases received today and this month by
/// service and by channel, 好差评 given by level, 诉求 by kind with how many closed and how fast,
/// and the cases past their promised date. Counts and case numbers only.
#[utoipa::path(
    get,
    path = "/api/v1/centre/figures",
    tag = "figures",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Counted now, by the database", body = CentreFigures),
        (status = 403, description = "Only a centre's manager sees its figures", body = ErrorBody)
    )
)]
pub async fn centre_figures(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<CentreFigures>, ApiError> {
    let manager = caller.require(&[Role::Manager])?.account_id.clone();
    blocking(move || {
        let centre = centre_of(&state, &manager)?;
        Ok::<_, ApiError>(crate::figures::centre_figures(&state, &centre)?)
    })
    .await
    .map(Json)
}
